"""What the site keeps of what people search for: daily counts for a bounded time, never personal data."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home):
    from resources.factories import ResourceLibraryPageFactory

    return ResourceLibraryPageFactory(parent=home)


@pytest.mark.parametrize(
    "query", ["siti@example.org", "hubungi Siti di siti.r@example.org", "0812 3456 7890", "+62-812-3456-7890"]
)
def test_library_queries_that_look_like_email_addresses_or_phone_numbers_are_not_stored(client, library, query):
    response = client.get(library.url, {"q": query})

    assert response.status_code == 200
    assert not Query.objects.exists()
    assert not QueryDailyHits.objects.exists()


def test_other_library_queries_are_counted_per_day_without_who_searched(client, library):
    client.get(library.url, {"q": "Perwal 2022 deteksi dini"})

    (query,) = Query.objects.all()
    assert query.query_string == "perwal 2022 deteksi dini"
    assert [hit.hits for hit in query.daily_hits.all()] == [1]


def test_the_same_search_again_adds_to_the_days_count_and_a_new_day_starts_its_own(client, library, settings):
    settings.PAGE_CACHE_SECONDS = 0  # each search drawn afresh
    for _ in range(3):
        client.get(library.url, {"q": "Perwal"})
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1)):
        client.get(library.url, {"q": "perwal"})

    (query,) = Query.objects.all()
    assert list(query.daily_hits.order_by("date").values_list("hits", flat=True)) == [3, 1]


def test_daily_prune_deletes_search_counts_older_than_search_query_days(settings, library):
    settings.SEARCH_QUERY_DAYS = settings.WAGTAILSEARCH_HITS_MAX_AGE = 90
    with time_machine.travel("2026-01-01 10:00 +0700", tick=False):
        Query.get("radpe").add_hit()
        Query.get("dialog").add_hit()
        promoted = Query.get("kohesi")
        promoted.add_hit()
        SearchPromotion.objects.create(query=promoted, external_link_url="https://example.org", sort_order=0)
    with time_machine.travel("2026-03-20 10:00 +0700", tick=False):
        Query.get("dialog").add_hit()
    with time_machine.travel("2026-04-05 10:00 +0700", tick=False):
        call_command("prune_records", verbosity=0)
    # The January counts are gone; a query stays only while it has a recent count or an editor's promotion.
    assert list(QueryDailyHits.objects.values_list("query__query_string", "date")) == [
        ("dialog", datetime.date(2026, 3, 20))
    ]
    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["dialog", "kohesi"]
    with time_machine.travel("2026-07-01 10:00 +0700", tick=False):
        call_command("prune_records", verbosity=0)
    assert not QueryDailyHits.objects.exists()
    assert list(Query.objects.values_list("query_string", flat=True)) == ["kohesi"]
