"""The Elasticsearch backend's settings and mapping, checked without a server (none can run on CI machines)."""

import copy

import pytest
from django.conf import settings
from wagtail.search.backends import get_search_backend

from resources.models import ResourceDocument, ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend():
    params = copy.deepcopy(settings.ELASTICSEARCH_SETTINGS)
    return get_search_backend(params.pop("BACKEND"), **params)


def test_index_uses_the_indonesian_analyzer_by_default(backend):
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["filter"][-1] == "indonesian_stemmer"
    assert analysis["filter"]["indonesian_stemmer"] == {"type": "stemmer", "language": "indonesian"}
    assert analysis["filter"]["indonesian_stop"]["stopwords"] == "_indonesian_"
    # Wagtail's own analyzers for autocomplete stay in place next to ours.
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_resource_mapping_indexes_summary_topics_and_file_text(backend):
    mapping = backend.mapping_class(ResourcePage).get_mapping()
    properties = mapping["properties"]
    names = " ".join(properties)
    for field in ("summary", "topic_names", "file_text", "publisher"):
        assert field in names, field
    assert any("language_filter" in name for name in properties)


def test_resource_document_sent_to_elasticsearch_carries_the_pdf_text(backend, library, make_resource):
    resource = make_resource("Panduan musyawarah", text="Teks musyawarah kelurahan di dalam PDF.")
    document = backend.mapping_class(ResourcePage).get_document(ResourcePage.objects.get(pk=resource.pk))
    assert any("musyawarah kelurahan" in str(value) for value in document.values())
    file_document = backend.mapping_class(ResourceDocument).get_document(resource.files.first().document)
    assert any("musyawarah kelurahan" in str(value) for value in file_document.values())


def test_elasticsearch_backend_is_selected_by_the_environment_variable():
    import subprocess
    import sys

    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='website.settings.dev'; django.setup(); "
        "from django.conf import settings; print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    env = {"ELASTICSEARCH_URL": "http://search.internal:9200", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "wagtail.search.backends.elasticsearch9", result.stderr
