"""Network figures: how many alumni per kabupaten/kota and per sector, as accessible SVG bar charts.

Counted over the profiles the viewer may see, never below the group level: a small count (`core.counts`, the rule
the facet counts follow too) is shown as "<3" without a bar to anyone but staff, and such groups are listed after
the others in alphabetical order, so neither the figure, the bar length nor the position tells a 1 from a 2. There
is no total, which would let a reader subtract.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.access import is_member, is_staff
from core.content_version import remember
from core.counts import MIN_SHOWN_COUNT, SMALL_COUNT, is_small
from core.models import Region

from .models import Sector
from .policy import visible_profiles

# SVG geometry (viewBox units): each row is a label line above its bar; fits a 360px wide phone at scale ~1.
WIDTH = 320
ROW_HEIGHT = 44
BAR_HEIGHT = 14
BAR_MAX = 250
LABEL_Y = 15
BAR_Y = 22


@dataclass
class Bar:
    label: str
    display: str  # the count as shown: "12" or "<3"
    width: int  # bar length, 0 for a suppressed count
    y: int

    @property
    def label_y(self):
        return self.y + LABEL_Y

    @property
    def bar_y(self):
        return self.y + BAR_Y

    @property
    def value_x(self):
        return self.width + 6

    @property
    def value_y(self):
        return self.bar_y + BAR_HEIGHT - 2


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    bars: list = field(default_factory=list)
    width: int = WIDTH

    @property
    def height(self):
        return max(len(self.bars), 1) * ROW_HEIGHT

    @property
    def summary(self):
        return "; ".join(f"{bar.label}: {bar.display}" for bar in self.bars)


def bar_chart(slug, title, description, counts, viewer=None):
    """A chart from {label: count}, as `viewer` may see it: small counts are suppressed for all but staff."""
    shown = sorted(
        ((label, n) for label, n in counts.items() if n and not is_small(n, viewer)), key=lambda row: (-row[1], row[0])
    )
    suppressed = sorted(label for label, n in counts.items() if is_small(n, viewer))
    largest = shown[0][1] if shown else 1
    bars = [
        Bar(label, str(n), max(round(BAR_MAX * n / largest), 2), index * ROW_HEIGHT)
        for index, (label, n) in enumerate(shown)
    ]
    bars += [Bar(label, SMALL_COUNT, 0, (len(bars) + index) * ROW_HEIGHT) for index, label in enumerate(suppressed)]
    return Chart(slug, title, description, bars)


@dataclass
class NetworkFigures:
    regions: Chart
    sectors: Chart

    @property
    def charts(self):
        return [chart for chart in (self.regions, self.sectors) if chart.bars]


def network_figures(user):
    """Alumni per kabupaten/kota and per sector, among the profiles `user` may see.

    What a viewer sees depends only on whether they are a member (`visible_profiles`) and whether they are staff
    (`is_small`), so the figures are kept under the content version once per kind of viewer and language.
    """
    kind = "staff" if is_staff(user) else "member" if is_member(user) else "public"
    return remember(f"network-figures:{kind}:{get_language()}", lambda: _network_figures(user))


def _network_figures(user):
    visible = visible_profiles(user).order_by()
    per_region = dict(visible.exclude(regency=None).values_list("regency").annotate(n=Count("pk")))
    names = dict(Region.objects.filter(pk__in=per_region).values_list("pk", "name"))
    per_sector = dict(visible.exclude(sector="").values_list("sector").annotate(n=Count("pk")))
    sector_labels = dict(Sector.choices)
    # Staff see exact counts, so the note would be untrue for them.
    description = (
        ""
        if is_staff(user)
        else _("Counts below %(min)s are shown as “%(suppressed)s” to protect privacy.")
        % {"min": MIN_SHOWN_COUNT, "suppressed": SMALL_COUNT}
    )
    return NetworkFigures(
        regions=bar_chart(
            "region",
            _("Alumni per regency/city"),
            description,
            {names[pk]: n for pk, n in per_region.items()},
            user,
        ),
        sectors=bar_chart(
            "sector",
            _("Alumni per sector"),
            description,
            {str(sector_labels.get(value, value)): n for value, n in per_sector.items()},
            user,
        ),
    )
