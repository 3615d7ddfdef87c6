from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from core.storage import RefusesFilesTheDiskCannotHold


class ResourceDocumentForm(RefusesFilesTheDiskCannotHold, BaseDocumentForm):
    """The admin's document form, telling editors whether the text inside the file could be read for search."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        document = self.instance
        if document.pk and "file" in self.fields:
            status = document.get_extraction_status_display()
            note = f" — {document.extraction_note}" if document.extraction_note else ""
            self.fields["file"].help_text = _("Text for search: %(status)s%(note)s") % {"status": status, "note": note}
