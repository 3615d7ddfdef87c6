"""Spreadsheet exports of the admin listings (alumni, registrations)."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FormulaSafeExportMixin:
    """For IndexViews with CSV/XLSX export: text starting like a formula is exported as text.

    Names, bios and notes come from the public; a spreadsheet would run `=HYPERLINK(...)` in them.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
        return value
