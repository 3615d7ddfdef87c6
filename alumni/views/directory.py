"""The public alumni directory, profile pages, cohorts, organisations and the collaborator finder.

Every person shown here comes from `alumni.policy`: lists start from `visible_profiles(viewer)` and templates
receive `ProfileCard`s, never profiles. Responses are private to the viewer, so no shared cache keeps a person
visible after they hid themselves; the site's own page cache keeps what anonymous visitors see, and forgets it at the
first change (core.pagecache).
"""

from functools import wraps

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page

from core.access import viewable_pages
from core.facets import read_query
from core.i18n import active_locale
from core.pagecache import public_page

from ..charts import network_figures
from ..finder import FinderForm, find_collaborators
from ..models import Audience, Cohort, Profile, Visibility
from ..policy import (
    card_queryset,
    is_owner,
    photo_visible_to,
    profile_fields_for,
    viewable_profiles,
    visible_organisations,
    visible_profiles,
)
from ..search import (
    MAX_QUERY_LENGTH,
    ORGANISATION_FACETS,
    PROFILE_FACETS,
    rank_by_name,
    search_organisations,
    search_profiles,
)

AUTOCOMPLETE_PEOPLE = 5
AUTOCOMPLETE_ORGANISATIONS = 3
LOGO_FILTER = "fill-96x96"

private = public_page(shared=False)


def not_kept_with_words(view):
    """A search by words (a name, say) is not kept: a kept answer, quick and marked HIT, would tell anyone that someone
    searched for those words a moment ago. Browsing by facets is kept."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.GET.get("q", "").strip():
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapped


def _cards(user, profiles):
    return [profile_fields_for(user, profile) for profile in profiles]


def _crumbs(*trail):
    return [(reverse("alumni:directory"), _("Alumni")), *trail]


@require_GET
@private
@not_kept_with_words
def directory(request):
    query = read_query(request.GET, MAX_QUERY_LENGTH)
    selected = PROFILE_FACETS.selected(request.GET)
    base = search_profiles(visible_profiles(request.user), query)
    page_obj = Paginator(
        card_queryset(rank_by_name(PROFILE_FACETS.filter(base, selected), query)), settings.ALUMNI_PER_PAGE
    ).get_page(request.GET.get("page"))
    context = {
        "search_query": query,
        "selected": selected,
        "facets": PROFILE_FACETS.counts(base, selected, request.user),
        "results": page_obj,
        "cards": _cards(request.user, page_obj.object_list),
        "result_count": page_obj.paginator.count,
        "figures": network_figures(request.user),
        "crumbs": [],
    }
    return TemplateResponse(request, "alumni/directory.html", context)


@require_GET
@cache_control(private=True, no_cache=True)  # not kept: a kept answer would tell others which names were typed
def autocomplete(request):
    """Names of alumni the visitor may see, and of organisations, that contain the typed text."""
    query = read_query(request.GET, 50)
    if len(query) < 2:
        return JsonResponse({"results": []})
    people = (
        visible_profiles(request.user)
        .filter(display_name__icontains=query)
        .order_by("display_name")
        .values_list("display_name", "public_id")[:AUTOCOMPLETE_PEOPLE]
    )
    organisations = (
        visible_organisations(request.user)
        .filter(name__icontains=query)
        .values_list("name", "slug")[:AUTOCOMPLETE_ORGANISATIONS]
    )
    results = [
        {"title": name, "url": reverse("alumni:profile", args=[public_id]), "type": _("Alumnus")}
        for name, public_id in people
    ] + [
        {"title": name, "url": reverse("alumni:organisation", args=[slug]), "type": _("Organisation")}
        for name, slug in organisations
    ]
    return JsonResponse({"results": results})


@require_GET
@private
def profile(request, public_id):
    # A hidden profile and a missing one take the same path to the same 404.
    found = card_queryset(viewable_profiles(request.user, Profile.objects.filter(public_id=public_id))).first()
    if found is None:
        raise Http404(_("No such profile."))
    card = profile_fields_for(request.user, found)
    context = {
        "card": card,
        "is_own": is_owner(request.user, found),
        "visibility": found.visibility,
        "noindex": found.visibility != Visibility.PUBLIC,
        "crumbs": _crumbs(),
    }
    return TemplateResponse(request, "alumni/profile.html", context)


@require_GET
@private
def cohort_list(request):
    visible = visible_profiles(request.user).values("pk")
    cohorts = Cohort.objects.annotate(member_count=Count("profiles", filter=Q(profiles__in=visible), distinct=True))
    return TemplateResponse(request, "alumni/cohort_list.html", {"cohorts": cohorts, "crumbs": _crumbs()})


def _modules(cohort, user):
    """The cohort's modules the viewer may open, in the current language when translated."""
    taught = cohort.modules.all()
    pages = viewable_pages(Page.objects.live().filter(translation_key__in=taught.values("translation_key")), user)
    active = active_locale().pk
    by_key = {}
    for page in pages.order_by("path"):
        if page.translation_key not in by_key or page.locale_id == active:
            by_key[page.translation_key] = page
    return list(by_key.values())


def _cohort_sections(request, cohort):
    """What apps above this one add to a cohort's page (the events app: follow-up plans), through the Wagtail hook
    "alumni_cohort_sections": each function returns a dict of template context for the viewer, or None."""
    context = {}
    for section in hooks.get_hooks("alumni_cohort_sections"):
        context.update(section(request, cohort) or {})
    return context


@require_GET
@private
def cohort_detail(request, slug):
    cohort = get_object_or_404(Cohort, slug=slug)
    members = card_queryset(visible_profiles(request.user, cohort.profiles.all()))
    page_obj = Paginator(members, settings.ALUMNI_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "cohort": cohort,
        "facilitators": [line.strip() for line in cohort.facilitators.splitlines() if line.strip()],
        "modules": _modules(cohort, request.user),
        "results": page_obj,
        "cards": _cards(request.user, page_obj.object_list),
        "member_count": page_obj.paginator.count,
        "crumbs": _crumbs((reverse("alumni:cohorts"), _("Cohorts"))),
        **_cohort_sections(request, cohort),
    }
    return TemplateResponse(request, "alumni/cohort_detail.html", context)


def _with_logo(queryset):
    images = get_image_model().objects.prefetch_renditions(LOGO_FILTER)
    return queryset.prefetch_related("topics", "regions", Prefetch("logo", queryset=images))


@require_GET
@private
def organisation_list(request):
    query = read_query(request.GET, MAX_QUERY_LENGTH)
    selected = ORGANISATION_FACETS.selected(request.GET)
    base = search_organisations(visible_organisations(request.user), query)
    visible = visible_profiles(request.user).values("pk")
    results = ORGANISATION_FACETS.filter(base, selected).annotate(
        member_count=Count("memberships", filter=Q(memberships__profile__in=visible))
    )
    page_obj = Paginator(_with_logo(results.order_by("name", "pk")), settings.ALUMNI_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "search_query": query,
        "selected": selected,
        "facets": ORGANISATION_FACETS.counts(base, selected, request.user),
        "results": page_obj,
        "result_count": page_obj.paginator.count,
        "crumbs": _crumbs(),
    }
    return TemplateResponse(request, "alumni/organisation_list.html", context)


@require_GET
@private
def organisation_detail(request, slug):
    organisation = get_object_or_404(_with_logo(visible_organisations(request.user)), slug=slug)
    in_organisation = Profile.objects.filter(memberships__organisation=organisation)
    members = card_queryset(visible_profiles(request.user, in_organisation))
    page_obj = Paginator(members, settings.ALUMNI_PER_PAGE).get_page(request.GET.get("page"))
    cards = _cards(request.user, page_obj.object_list)
    context = {
        "organisation": organisation,
        "results": page_obj,
        "members": [
            (card, next((role for org, role in card.organisations if org.pk == organisation.pk), "")) for card in cards
        ],
        "member_count": page_obj.paginator.count,
        "crumbs": _crumbs((reverse("alumni:organisations"), _("Organisations"))),
    }
    return TemplateResponse(request, "alumni/organisation_detail.html", context)


@require_GET
@private
@not_kept_with_words
def finder(request):
    submitted = any(name in request.GET for name in FinderForm.base_fields)
    form = FinderForm(request.GET if submitted else None)
    people = organisations = None
    if submitted and form.is_valid():
        data = form.cleaned_data
        people, organisations = find_collaborators(request.user, data["q"], data["region"], data["help"])
    context = {"form": form, "people": people, "organisations": organisations, "crumbs": _crumbs()}
    return TemplateResponse(request, "alumni/finder.html", context, status=400 if form.errors else 200)


def _photo_is_public(profile):
    return (
        profile.visibility == Visibility.PUBLIC
        and profile.photo_audience == Audience.PUBLIC
        and profile.consent_given_at is not None
    )


@require_GET
def photo(request, public_id):
    """The photo of a profile, for the audience its owner chose; 404 for everyone else and for unknown ids."""
    profile = Profile.objects.select_related("user").filter(public_id=public_id).first()
    if profile is None or not photo_visible_to(request.user, profile):
        raise Http404
    try:
        file = profile.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(file, content_type="image/jpeg")
    # A shared cache may keep a public photo for a few minutes; anything else stays in the viewer's browser.
    response["Cache-Control"] = "public, max-age=300" if _photo_is_public(profile) else "private, no-cache"
    if not _photo_is_public(profile):
        response["Vary"] = "Cookie"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
