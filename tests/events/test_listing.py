import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from alumni.factories import CohortFactory
from core.factories import region
from events.models import FollowUpItem
from events.selectors import past_events, plans_in_progress, upcoming_events
from tests.events.conftest import wib

pytestmark = pytest.mark.django_db

NOW = wib(2030, 6, 15, 12)


@pytest.fixture
def frozen():
    # Selectors called outside a request use the active language: make it Indonesian whatever ran before.
    with time_machine.travel(NOW, tick=False), translation.override("id"):
        yield


def titles(queryset):
    return [event.title for event in queryset]


def test_upcoming_and_past_split_at_the_end_of_the_event(frozen, make_event):
    make_event(title="Sudah lewat", start=wib(2030, 6, 14, 9), end=wib(2030, 6, 14, 16))
    make_event(title="Baru selesai", start=wib(2030, 6, 15, 8), end=wib(2030, 6, 15, 11, 59))
    make_event(title="Sedang berlangsung", start=wib(2030, 6, 15, 9), end=wib(2030, 6, 15, 16))
    make_event(title="Berakhir tepat sekarang", start=wib(2030, 6, 15, 10), end=NOW)
    make_event(title="Besok", start=wib(2030, 6, 16, 9), end=wib(2030, 6, 16, 16))
    make_event(title="Minggu depan", start=wib(2030, 6, 22, 9), end=wib(2030, 6, 22, 16))
    anonymous = AnonymousUser()
    assert titles(upcoming_events(anonymous)) == [
        "Sedang berlangsung",
        "Berakhir tepat sekarang",
        "Besok",
        "Minggu depan",
    ]
    assert titles(upcoming_events(anonymous, limit=2)) == ["Sedang berlangsung", "Berakhir tepat sekarang"]
    assert titles(past_events(anonymous)) == ["Baru selesai", "Sudah lewat"]


def test_index_lists_upcoming_by_default_and_the_archive_on_request(client, frozen, make_event, event_index):
    make_event(title="Sesi Desember 2029", start=wib(2029, 12, 13, 9), end=wib(2029, 12, 13, 16))
    make_event(title="Lokakarya Juli", start=wib(2030, 7, 1, 9), end=wib(2030, 7, 1, 16))
    upcoming = client.get(event_index.url).content.decode()
    assert "Lokakarya Juli" in upcoming and "Sesi Desember 2029" not in upcoming
    past = client.get(f"{event_index.url}?when=past").content.decode()
    assert "Sesi Desember 2029" in past and "Lokakarya Juli" not in past


def test_index_head_advertises_the_calendar_and_rss_and_offers_a_webcal_link(client, make_event, event_index):
    html = client.get(event_index.url).content.decode()
    assert '<link rel="alternate" type="text/calendar" title="' in html
    assert f'href="{event_index.url}ics/"' in html
    assert 'type="application/rss+xml" title="' in html and f'href="{event_index.url}rss/"' in html
    assert f'href="webcal://testserver{event_index.url}ics/"' in html


def test_filters_by_type_region_and_month(client, frozen, make_event, event_index):
    serang = region("Kota Serang")
    make_event(
        title="Webinar Serang", event_type="webinar", regency=serang, start=wib(2030, 7, 3, 9), end=wib(2030, 7, 3, 11)
    )
    make_event(title="Lokakarya Serang", regency=serang, start=wib(2030, 8, 3, 9), end=wib(2030, 8, 3, 11))
    make_event(
        title="Lokakarya Lebak", regency=region("Kabupaten Lebak"), start=wib(2030, 7, 9, 9), end=wib(2030, 7, 9, 11)
    )

    def listed(query):
        html = client.get(f"{event_index.url}?{query}").content.decode()
        return {t for t in ("Webinar Serang", "Lokakarya Serang", "Lokakarya Lebak") if t in html}

    assert listed("type=webinar") == {"Webinar Serang"}
    assert listed("region=kota-serang") == {"Webinar Serang", "Lokakarya Serang"}
    assert listed("month=2030-07") == {"Webinar Serang", "Lokakarya Lebak"}
    assert listed("type=workshop&region=kota-serang") == {"Lokakarya Serang"}
    # A chosen month shows its events even once they are over.
    assert listed("month=2030-07&when=past") == {"Webinar Serang", "Lokakarya Lebak"}


@pytest.mark.parametrize(
    "query",
    [
        "type=konser",
        "region=atlantis",
        "month=2030-13",
        "month=kemarin",
        "month=99999-01",
        "page=abc",
        "page=999",
        "view=calendar&month=0000-00",
        "type=%00",
        "when=tomorrow",
    ],
)
def test_bad_filter_values_are_ignored_with_a_message_never_an_error(client, frozen, make_event, event_index, query):
    make_event(title="Lokakarya Juni", start=wib(2030, 6, 20, 9), end=wib(2030, 6, 20, 16))
    response = client.get(f"{event_index.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lokakarya Juni" in html
    if query.split("=")[0] in {"type", "region", "month"} or "month=0000" in query:
        assert 'class="notice" role="status"' in html


def test_empty_states_say_what_to_do(client, frozen, event_index):
    html = client.get(event_index.url).content.decode()
    assert 'class="empty-state"' in html and "?when=past" in html
    html = client.get(f"{event_index.url}?type=webinar").content.decode()
    assert 'class="empty-state"' in html


def test_month_calendar_is_a_table_linking_each_day_to_its_events(client, frozen, make_event, event_index):
    workshop = make_event(title="Lokakarya dua hari", start=wib(2030, 6, 3, 9), end=wib(2030, 6, 4, 16))
    make_event(title="Bulan lain", start=wib(2030, 7, 3, 9), end=wib(2030, 7, 3, 16))
    response = client.get(f"{event_index.url}?view=calendar&month=2030-06")
    html = response.content.decode()
    assert "<table" in html and html.count('<th scope="col">') == 7
    assert '<abbr title="Senin">' in html  # weekday names in the page's language, Monday first
    assert html.index('<abbr title="Senin">') < html.index('<abbr title="Minggu">')
    assert html.count(f'href="{workshop.url}"') == 3  # the 3rd and 4th of June, and the list below the grid
    assert "Bulan lain" not in html
    assert "Juni 2030" in html
    assert "month=2030-05" in html and "month=2030-07" in html  # previous and next month
    assert 'aria-current="date"' in html  # today, 15 June
    # Without a month the calendar opens on the current month.
    assert "Lokakarya dua hari" in client.get(f"{event_index.url}?view=calendar").content.decode()


def test_month_calendar_crosses_the_year(client, frozen, make_event, event_index):
    html = client.get(f"{event_index.url}?view=calendar&month=2030-12").content.decode()
    assert "month=2031-01" in html and "month=2030-11" in html


def test_pagination(client, frozen, make_event, event_index, settings):
    settings.EVENTS_PER_PAGE = 2
    for day in range(1, 6):
        make_event(title=f"Acara tanggal {day}", start=wib(2030, 7, day, 9), end=wib(2030, 7, day, 12))
    first = client.get(event_index.url).content.decode()
    assert "Acara tanggal 1" in first and "Acara tanggal 3" not in first
    assert 'rel="next"' in first
    third = client.get(f"{event_index.url}?page=3").content.decode()
    assert "Acara tanggal 5" in third and "Acara tanggal 1" not in third


def test_members_only_events_are_listed_for_members_only(client, member, frozen, make_event, event_index):
    make_event(title="Rapat anggota", members_only=True, start=wib(2030, 7, 1, 9), end=wib(2030, 7, 1, 12))
    for query in ("", "?view=calendar&month=2030-07"):
        assert "Rapat anggota" not in client.get(f"{event_index.url}{query}").content.decode()
    client.force_login(member)
    for query in ("", "?view=calendar&month=2030-07"):
        assert "Rapat anggota" in client.get(f"{event_index.url}{query}").content.decode()


def test_index_query_count_does_not_grow_with_the_number_of_events(client, settings, frozen, make_event, event_index):
    settings.PAGE_CACHE_SECONDS = 0  # the page drawn afresh each time, not served from the page cache
    serang = region("Kota Serang")

    def count_queries(query):
        client.get(f"{event_index.url}{query}")  # keeps what is remembered under the current content version
        with CaptureQueriesContext(connection) as context:
            assert client.get(f"{event_index.url}{query}").status_code == 200
        return len(context.captured_queries)

    def add(n):
        for i in range(n):
            make_event(regency=serang, start=wib(2030, 7, 1 + i % 28, 9), end=wib(2030, 7, 1 + i % 28, 12))

    add(10)
    count_queries("")  # the first request fills per-process caches (site root paths, locales)
    small = [count_queries(q) for q in ("", "?view=calendar&month=2030-07", "?region=kota-serang&page=2")]
    add(90)
    large = [count_queries(q) for q in ("", "?view=calendar&month=2030-07", "?region=kota-serang&page=2")]
    assert small == large


def test_english_index_lists_english_events(client, home_en, locales, frozen, make_event, event_index):
    english_index = event_index.copy_for_translation(locales["en"])
    english_index.title, english_index.slug = "Events", "events"
    english_index.save_revision().publish()
    make_event(title="Lokakarya bahasa Indonesia", start=wib(2030, 7, 1, 9), end=wib(2030, 7, 1, 16))
    english_event = make_event(
        title="Study visit",
        parent=Page.objects.get(pk=english_index.pk).specific,
        start=wib(2030, 7, 2, 9),
        end=wib(2030, 7, 2, 16),
    )
    response = client.get("/en/events/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Study visit" in html and "Lokakarya bahasa Indonesia" not in html
    assert english_event.url.startswith("/en/events/")
    assert "Tuesday, 2 July 2030, 09:00–16:00 WIB" in html
    assert "Lokakarya bahasa Indonesia" in client.get(event_index.url).content.decode()


def test_plans_in_progress_lists_events_with_open_actions_and_their_progress(frozen, make_event, member):
    cohort = CohortFactory()
    open_plan = make_event(title="Rencana berjalan", cohort=cohort, start=wib(2030, 5, 1, 9), end=wib(2030, 5, 1, 16))
    for status, progress in [("done", 40), ("in_progress", 50), ("planned", 0), ("dropped", 0)]:
        FollowUpItem.objects.create(
            page=open_plan, action="Aksi", indicator="Jumlah", target="3", status=status, progress=progress
        )
    finished = make_event(title="Rencana selesai", start=wib(2030, 4, 1, 9), end=wib(2030, 4, 1, 16))
    FollowUpItem.objects.create(
        page=finished, action="Aksi", indicator="Jumlah", target="1", status="done", progress=100
    )
    hidden = make_event(title="Rencana anggota", members_only=True, start=wib(2030, 5, 2, 9), end=wib(2030, 5, 2, 16))
    FollowUpItem.objects.create(page=hidden, action="Aksi", indicator="Jumlah", target="1")
    make_event(title="Tanpa rencana")

    (plan,) = plans_in_progress(AnonymousUser())
    assert plan.title == "Rencana berjalan"
    assert (plan.open_actions, plan.plan_actions, plan.plan_progress) == (2, 3, 50)  # (100 + 50 + 0) / 3
    assert titles(plans_in_progress(member)) == ["Rencana anggota", "Rencana berjalan"]
    assert titles(plans_in_progress(member, cohort=cohort)) == ["Rencana berjalan"]
    assert titles(plans_in_progress(member, limit=1)) == ["Rencana anggota"]
