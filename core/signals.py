from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published


@receiver(page_published)
def reindex_after_publish(sender, instance, **kwargs):
    """Index a page again once its inline relations (tags, files) are saved too.

    Wagtail indexes a page on post_save, before modelcluster has written the page's child rows, so text gathered
    from them (topics, the text inside attached files) would be missing until the next save.
    """
    if hasattr(instance, "topic_names"):
        index.insert_or_update_object(instance)
