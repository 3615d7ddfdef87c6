"""Keep the public search index in step with who may download a file.

A page's index holds the text of its files in unrestricted collections only (`resources.models.file_text`). When a
collection gets or loses a view restriction, or a document moves to another collection, the pages listing the
documents concerned are indexed again, so a file made members-only stops being found by anonymous visitors at once.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.search import index

from .models import ResourceDocument, pages_listing


def reindex_collection(collection):
    collection_ids = Collection.objects.filter(path__startswith=collection.path).values_list("pk", flat=True)
    document_ids = ResourceDocument.objects.filter(collection_id__in=collection_ids).values_list("pk", flat=True)
    for page in pages_listing(document_ids):
        index.insert_or_update_object(page)


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def reindex_restricted_collection(sender, instance, **kwargs):
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is not None:
        reindex_collection(collection)


@receiver(post_save, sender=ResourceDocument)
def reindex_pages_of_moved_document(sender, instance, created, **kwargs):
    if not created and instance._collection_at_load not in (None, instance.collection_id):
        for page in pages_listing([instance.pk]):
            index.insert_or_update_object(page)
    instance._collection_at_load = instance.collection_id
