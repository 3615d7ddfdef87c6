import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from resources.factories import ResourceDocumentFactory, ResourceLibraryPageFactory, ResourcePageFactory
from resources.models import ResourceType


@pytest.fixture
def library(home):
    return ResourceLibraryPageFactory(parent=home)


@pytest.fixture
def members_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Khusus anggota")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


@pytest.fixture
def make_resource(library):
    def make(title, text=None, members_only=False, tags=(), type_slug="modul", collection=None, **fields):
        page = ResourcePageFactory(
            parent=library, title=title, resource_type=ResourceType.objects.get(slug=type_slug), **fields
        )
        if text is not None:
            extra = {"collection": collection} if collection is not None else {}
            document = ResourceDocumentFactory(title=f"Berkas {title}", text=text, **extra)
            page.files.create(document=document)
        for tag in tags:
            page.tags.add(tag)
        page.save_revision().publish()
        if members_only:
            PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        return page

    return make


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("anggota@example.org", "sandi-rahasia-123")
    user.make_member()
    return user
