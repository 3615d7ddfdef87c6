"""Cari kolaborator: rank alumni and organisations by how well they fit a need described in words.

Scoring is deterministic and reads only what the viewer may see: alumni are scored from their `ProfileCard`.
Points: the region asked for 3, the kind of help asked for 3, each topic named in the need 2, other words of
the need found in the bio or organisation names 1 each (at most 3). Ties are broken by name.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.models import Region
from core.prefetch import many_to_many
from core.search import word_root

from .models import HelpType
from .policy import card_queryset, profile_fields_for, visible_organisations, visible_profiles

REGION_POINTS = 3
HELP_POINTS = 3
TOPIC_POINTS = 2
WORD_POINTS = 1
MAX_WORD_POINTS = 3
MAX_PEOPLE = 20
MAX_ORGANISATIONS = 10
NEED_MAX_LENGTH = 500

STOPWORDS = {
    # Indonesian
    "adalah", "agar", "akan", "atau", "bagi", "bisa", "butuh", "cari", "dalam", "dapat", "dari", "dengan",
    "juga", "kami", "karena", "kita", "lebih", "mencari", "membutuhkan", "orang", "pada", "para", "perlu",
    "saat", "sangat", "sebagai", "secara", "seorang", "serta", "supaya", "tentang", "tidak", "untuk", "yang",
    # English
    "about", "from", "have", "help", "looking", "need", "people", "someone", "that", "their", "this", "with",
}  # fmt: skip


def _roots(text):
    """{root: word as written} for the words of `text` that carry meaning."""
    roots = {}
    for raw in text.split():
        word = "".join(char for char in raw.lower() if char.isalnum() or char == "-").strip("-")
        if len(word) >= 4 and word not in STOPWORDS:
            roots.setdefault(word_root(word), word)
    return roots


def _topic_matches(topics, need_roots):
    """Topics all of whose meaningful words occur in the need."""
    matched = []
    for topic in topics:
        roots = _roots(topic)
        if roots and all(root in need_roots for root in roots):
            matched.append(topic)
    return matched


@dataclass
class Match:
    """One result: the card or organisation, its score and the parts of the plain-language reason."""

    item: object
    name: str
    score: int = 0
    reasons: list = field(default_factory=list)

    @property
    def reason(self):
        return " · ".join(str(part) for part in self.reasons)


def _score_words(match, need_roots, topics, text):
    matched_topics = _topic_matches(topics, need_roots)
    if matched_topics:
        match.score += TOPIC_POINTS * len(matched_topics)
        match.reasons.append(_("topics: %(topics)s") % {"topics": ", ".join(matched_topics)})
    used = {root for topic in matched_topics for root in _roots(topic)}
    text_roots = _roots(text)
    found = [word for root, word in need_roots.items() if root not in used and root in text_roots]
    if found:
        match.score += WORD_POINTS * min(len(found), MAX_WORD_POINTS)
        match.reasons.append(_("mentions: %(words)s") % {"words": ", ".join(found[:MAX_WORD_POINTS])})


def score_profile(card, need="", region=None, help_type=""):
    """The fit of one alumnus (as the viewer sees them) with a need, a region and a kind of help."""
    match = Match(card, card.display_name)
    if help_type and help_type in dict(card.help_types):
        match.score += HELP_POINTS
        match.reasons.append(dict(card.help_types)[help_type])
    if region is not None and card.regency is not None and card.regency.pk == region.pk:
        match.score += REGION_POINTS
        match.reasons.append(region.name)
    text = " ".join([card.bio, *(organisation.name for organisation, _role in card.organisations)])
    _score_words(match, _roots(need), card.topics, text)
    return match


def score_organisation(organisation, need="", region=None):
    match = Match(organisation, organisation.name)
    if region is not None and any(served.pk == region.pk for served in organisation.regions.all()):
        match.score += REGION_POINTS
        match.reasons.append(region.name)
    topics = [tag.name for tag in organisation.topics.all()]
    _score_words(match, _roots(need), topics, f"{organisation.name} {organisation.description}")
    return match


def _ranked(matches, limit):
    found = [match for match in matches if match.score > 0]
    return sorted(found, key=lambda match: (-match.score, match.name.lower(), str(match.item)))[:limit]


def find_collaborators(user, need="", region=None, help_type=""):
    """(people, organisations): alumni open to collaborate whom `user` may see, and organisations, best first."""
    profiles = card_queryset(visible_profiles(user).filter(open_to_collaborate=True))
    people = [score_profile(profile_fields_for(user, profile), need, region, help_type) for profile in profiles]
    organisations = visible_organisations(user).prefetch_related(many_to_many("regions", Region), "topics")
    return (
        _ranked(people, MAX_PEOPLE),
        _ranked((score_organisation(organisation, need, region) for organisation in organisations), MAX_ORGANISATIONS),
    )


class FinderForm(forms.Form):
    # The site's one naming scheme for URL parameters: `q` for words, `region` and `help` as in the directory.
    q = forms.CharField(
        label=_("What do you need?"),
        max_length=NEED_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In your own words, e.g. “a dialogue facilitator for early detection of intolerance in schools”."),
    )
    region = forms.ModelChoiceField(
        label=_("Regency/city"),
        queryset=Region.objects.filter(kind__in=[Region.Kind.REGENCY, Region.Kind.CITY]).order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Anywhere"),
    )
    help = forms.ChoiceField(
        label=_("Kind of help"), choices=[("", _("Any kind of help")), *HelpType.choices], required=False
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("q", "").strip() or data.get("region") or data.get("help")):
            raise ValidationError(_("Describe what you need, or choose a region or a kind of help."))
        return data
