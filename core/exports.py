"""Spreadsheet exports of the admin listings (alumni, registrations)."""

from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FormulaSafeExportMixin:
    """For IndexViews with CSV/XLSX export: text starting like a formula is exported as text, and yes/no values are
    words in the staff member's language ("Ya"/"Tidak"), not Python's True/False.

    Names, bios and notes come from the public; a spreadsheet would run `=HYPERLINK(...)` in them.
    """

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
        return value
