from django.utils.translation import gettext
from django_tasks import task
from wagtail.search import index

from core.schedule import uses_database_tasks

from .extraction import ExtractionStatus, extract_text


@task()
def extract_document_text(document_id):
    """Read the text inside an uploaded document, store it and bring the search index up to date."""
    from .models import ResourceDocument, pages_listing

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
    for page in pages_listing([document.pk]):
        index.insert_or_update_object(page)


def resume_pending_extraction():
    """Queue extraction for documents still "not read yet" whose task is neither queued nor running (it was lost:
    the queue was cleared, or the worker died and its row was pruned). Returns how many were queued."""
    from .models import ResourceDocument

    pending = set(
        ResourceDocument.objects.filter(extraction_status=ExtractionStatus.PENDING).values_list("pk", flat=True)
    )
    if not pending:
        return 0
    if uses_database_tasks():
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        tasks = DBTaskResult.objects.filter(task_path=extract_document_text.module_path)
        waiting = tasks.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
        pending -= {args_kwargs["args"][0] for args_kwargs in waiting.values_list("args_kwargs", flat=True)}
        # Reading it stopped the worker every time (core.schedule.TaskAbandoned): say so, and do not try again.
        abandoned = tasks.filter(status=TaskResultStatus.FAILED, exception_class_path__endswith=".TaskAbandoned")
        stopped = pending & {args_kwargs["args"][0] for args_kwargs in abandoned.values_list("args_kwargs", flat=True)}
        ResourceDocument.objects.filter(pk__in=stopped).update(
            extraction_status=ExtractionStatus.FAILED,
            extraction_note=gettext("The reader stopped on this file every time."),
        )
        pending -= stopped
    for document_id in sorted(pending):
        extract_document_text.enqueue(document_id)
    return len(pending)
