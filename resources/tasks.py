from django_tasks import task
from wagtail.search import index

from .extraction import ExtractionStatus, extract_text


@task()
def extract_document_text(document_id):
    """Read the text inside an uploaded document, store it and bring the search index up to date."""
    from .models import ResourceDocument, ResourcePage

    document = ResourceDocument.objects.filter(pk=document_id).first()
    if document is None:
        return
    try:
        with document.open_file() as handle:
            result = extract_text(handle, document.filename)
    except OSError as error:
        document.extraction_status = ExtractionStatus.FAILED
        document.extraction_note = f"File could not be opened: {error.__class__.__name__}"
        document.extracted_text = ""
    else:
        document.extraction_status = result.status
        document.extraction_note = str(result.note)[:255]
        document.extracted_text = result.text
    ResourceDocument.objects.filter(pk=document.pk).update(
        extraction_status=document.extraction_status,
        extraction_note=document.extraction_note,
        extracted_text=document.extracted_text,
    )
    index.insert_or_update_object(document)
    for page in ResourcePage.objects.filter(files__document=document).distinct():
        index.insert_or_update_object(page)
