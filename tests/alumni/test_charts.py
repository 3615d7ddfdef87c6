import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import translation

from alumni.charts import bar_chart, network_figures
from alumni.factories import ProfileFactory
from alumni.models import Visibility
from core.factories import region
from members.factories import UserFactory

pytestmark = pytest.mark.django_db


def rows(chart):
    return [(bar.label, bar.display) for bar in chart.bars]


def test_counts_below_three_are_suppressed_and_do_not_reveal_their_order():
    chart = bar_chart("x", "X", "", {"Besar": 10, "Sedang": 3, "Satu": 1, "Dua": 2, "Nol": 0})
    assert rows(chart) == [("Besar", "10"), ("Sedang", "3"), ("Dua", "<3"), ("Satu", "<3")]
    widths = {bar.label: bar.width for bar in chart.bars}
    assert widths["Dua"] == widths["Satu"] == 0
    assert widths["Besar"] > widths["Sedang"] > 0


def test_figures_count_only_profiles_the_viewer_may_see(home, member):
    serang, lebak = region("Kota Serang"), region("Kabupaten Lebak")
    for _ in range(3):
        ProfileFactory(visible=Visibility.PUBLIC, regency=serang, sector="cso")
    for _ in range(3):
        ProfileFactory(visible=Visibility.MEMBERS, regency=lebak, sector="government")
    for _ in range(5):
        ProfileFactory(regency=lebak, sector="minority")
    ProfileFactory(visible=Visibility.PUBLIC, regency=lebak, sector="media")

    with translation.override("en"):  # sector labels are translated; the /en/ site names them in English
        public = network_figures(AnonymousUser())
        assert rows(public.regions) == [("Kota Serang", "3"), ("Kabupaten Lebak", "<3")]
        assert rows(public.sectors) == [("CSO/NGO", "3"), ("Media", "<3")]
        members = network_figures(member)
        assert rows(members.regions) == [("Kabupaten Lebak", "4"), ("Kota Serang", "3")]
        assert "Local government: 3" in members.sectors.summary  # named in the language of the page...
        assert "Minority community" not in members.sectors.summary  # ...but not the sector of hidden people only


def test_charts_render_as_accessible_svg_with_a_table_and_no_exact_small_counts(home):
    for _ in range(4):
        ProfileFactory(visible=Visibility.PUBLIC, regency=region("Kota Serang"))
    ProfileFactory(visible=Visibility.PUBLIC, regency=region("Kota Cilegon"), sector="media")
    html = render_to_string("alumni/includes/network_figures.html", {"figures": network_figures(AnonymousUser())})
    assert html.count('role="img"') == 2
    assert '<title id="chart-region-title">' in html and '<desc id="chart-region-desc">' in html
    assert 'aria-labelledby="chart-region-title"' in html
    assert "<table>" in html and '<th scope="row">Kota Cilegon</th><td>&lt;3</td>' in html
    assert "Kota Serang: 4" in html
    # No exact 1 or 2 anywhere in the text of the charts (SVG coordinates aside).
    text = re.sub(r"<[^>]+>", " ", html)
    assert not re.search(r"(?<![\w<])[12](?!\w)", text)


def test_no_figures_section_without_visible_alumni(home):
    ProfileFactory(regency=region("Kota Serang"))
    html = render_to_string("alumni/includes/network_figures.html", {"figures": network_figures(AnonymousUser())})
    assert html.strip() == ""


def test_directory_shows_the_figures(client, home):
    for _ in range(3):
        ProfileFactory(visible=Visibility.PUBLIC, regency=region("Kota Serang"))
    assert 'id="network-figures-heading"' in client.get("/alumni/").content.decode()


def test_the_small_count_note_shows_to_visitors_but_not_to_staff_who_see_exact_counts(home):
    ProfileFactory(visible=Visibility.PUBLIC, regency=region("Kota Cilegon"), sector="media")
    staff = UserFactory(is_staff=True)
    for viewer, note_shown in ((AnonymousUser(), True), (staff, False)):
        html = render_to_string("alumni/includes/network_figures.html", {"figures": network_figures(viewer)})
        assert "Kota Cilegon" in html
        assert ("&lt;3" in html) is note_shown
        assert ("Counts below" in html or "di bawah" in html) is note_shown
