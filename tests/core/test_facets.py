"""The one facet engine and the query reader: hostile values in the URL never reach the database unfiltered (a NUL
byte makes PostgreSQL fail; "²" is a digit to Python but not to int()), and every listing answers them with a page."""

import pytest
from django.http import QueryDict

from core.facets import clean_value, read_query
from events.factories import EventIndexPageFactory
from resources.factories import ResourceLibraryPageFactory

pytestmark = pytest.mark.django_db


def test_values_lose_control_characters_and_are_capped():
    assert clean_value(" deteksi\x00-dini\u202e ") == "deteksi-dini"
    assert len(clean_value("x" * 500)) == 100
    assert read_query(QueryDict("q=%00radikalisme%0A%0Adan++hoaks"), 200) == "radikalisme dan hoaks"


@pytest.mark.parametrize(
    "query",
    ["q=a%00b", "q=%00&topic=%00&year=%C2%B2%C2%B0%C2%B2%C2%B4&region=%00", "type=%00&region=a%00&month=%00"],
)
def test_every_listing_answers_hostile_values_with_a_page(client, home, news_index, query):
    library = ResourceLibraryPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    paths = [
        "/search/",
        library.url,
        library.url + "autocomplete/",
        "/alumni/",
        "/alumni/saran/",
        "/alumni/organisasi/",
        events.url,
        events.url + "?view=calendar&",
        news_index.url,
    ]
    for path in paths:
        separator = "&" if "?" in path else "?"
        response = client.get(f"{path}{'' if path.endswith('&') else separator}{query}&tag=%00x")
        assert response.status_code == 200, path
