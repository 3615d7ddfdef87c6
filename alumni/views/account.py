"""A member's own profile: claim it from the e-mailed link, see how others see it, edit it, hide it, withdraw consent.

No URL here carries a profile id: every view works on the logged-in user's own profile, so one member can never
address another's. The account itself (e-mail, password, my data, deletion) is the `members` app's.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .. import claims, consent, introductions, photos
from ..forms import ClaimForm, ProfileForm
from ..models import Audience, ConsentRecord, Visibility
from ..policy import own_profile, profile_fields_for

EVERYTHING = {Audience.NOBODY, Audience.MEMBERS, Audience.PUBLIC}
PREVIEW_AUDIENCES = [
    ("visitor", gettext_lazy("What visitors see"), {Audience.PUBLIC}, {Visibility.PUBLIC}),
    (
        "member",
        gettext_lazy("What verified members see"),
        {Audience.PUBLIC, Audience.MEMBERS},
        {Visibility.PUBLIC, Visibility.MEMBERS},
    ),
]


def previews(profile):
    """How visitors and members see `profile` (saved or not), through the visibility policy."""
    result = []
    for key, title, audiences, visibilities in PREVIEW_AUDIENCES:
        shown = profile.consent_given_at is not None and profile.visibility in visibilities
        card = profile_fields_for(profile.user, profile, audiences=audiences) if shown else None
        result.append({"key": key, "title": title, "card": card})
    return result


def own_profile_or_404(user):
    profile = own_profile(user)
    if profile is None:
        raise Http404
    return profile


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


# --- Claiming ---------------------------------------------------------------------------------------


def _claim_unavailable(request, status, **context):
    return render(request, "alumni/account/claim_unavailable.html", context, status=status)


@never_cache
def claim(request, token):
    invitation = claims.find_invitation(token)
    if invitation is None:
        return _claim_unavailable(request, 404)
    profile = invitation.profile
    if not invitation.is_usable or profile.is_claimed:
        return _claim_unavailable(request, 410)
    account = claims.existing_account(invitation)
    if account is not None and request.user != account:
        # The address has an account already (e.g. a partner or staff member who is also an alumnus): the profile
        # joins that account once its owner has logged in.
        login_url = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}"
        return _claim_unavailable(request, 409, account_exists=True, login_url=login_url)
    form = ClaimForm(request.POST or None, profile=profile, needs_password=account is None)
    if request.method == "POST" and form.is_valid():
        user = claims.claim(invitation, form.cleaned_data.get("password1"), form.choices(), account=account)
        if user is None:
            return _claim_unavailable(request, 410)
        if account is None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome! Your account is ready. You log in with your e-mail address %(email)s.") % {"email": user.email},
        )
        return redirect("alumni:my_profile")
    response = render(
        request,
        "alumni/account/claim.html",
        {
            "form": form,
            "full_name": profile.full_name,
            "email": invitation.sent_to,
            "card": profile_fields_for(None, profile, audiences=EVERYTHING),
            "notice": consent.NOTICE,
            "notice_version": consent.notice_version(),
            "summary": consent.visibility_summary(form.data or {}),
            "reach_phrases": consent.REACH_PHRASES,
        },
        status=400 if form.is_bound else 200,
    )
    response["Referrer-Policy"] = "same-origin"  # the token is in the URL: never sent to another site
    return response


# --- My profile -------------------------------------------------------------------------------------


@login_required
@never_cache
def my_profile(request):
    profile = own_profile(request.user)
    context = {"has_profile": False}
    if profile is not None:
        context = {
            "has_profile": True,
            "status": {
                "visibility": profile.get_visibility_display(),
                "hidden": profile.visibility == Visibility.HIDDEN,
                "consent_given_at": profile.consent_given_at,
                "consent_version": profile.consent_version,
                "email": profile.email,
            },
            "previews": previews(profile),
            "summary": consent.visibility_summary(consent.choices_of(profile)),
            "waiting_introductions": introductions.waiting_count(request.user),
        }
    return render(request, "alumni/account/my_profile.html", context)


def _edit_context(form, profile):
    return {
        "form": form,
        "memberships": form.formsets["memberships"],
        "previews": previews(profile),
        "summary": consent.visibility_summary(consent.choices_of(profile)),
        "reach_phrases": consent.REACH_PHRASES,
        "notice": consent.NOTICE,
        "notice_version": consent.notice_version(),
        "photo_url": profile_fields_for(profile.user, profile, audiences=EVERYTHING).photo_url,
        "email": profile.email,
    }


@login_required
@never_cache
def my_profile_edit(request):
    profile = own_profile_or_404(request.user)
    if request.method != "POST":
        form = ProfileForm(instance=profile)
        return render(request, "alumni/account/my_profile_edit.html", _edit_context(form, profile))

    form = ProfileForm(request.POST, request.FILES, instance=profile)
    if not form.is_valid():
        saved = own_profile_or_404(request.user)  # the preview shows what is saved, the form what was typed
        return render(request, "alumni/account/my_profile_edit.html", _edit_context(form, saved), status=400)
    newly_consented = form.needs_consent and form.cleaned_data.get("consent")
    old_photo = new_photo = ""
    try:
        with transaction.atomic():
            profile = form.save(commit=False)
            if form.cleaned_data["photo_upload"]:
                old_photo = photos.replace_photo(profile, form.cleaned_data["photo_upload"])
                new_photo = profile.photo.name
            elif form.cleaned_data.get("remove_photo"):
                old_photo = photos.remove_photo(profile)
            profile.save()
            if newly_consented:
                consent.record(profile, ConsentRecord.Action.GIVEN)
            elif form.choices_changed():
                consent.record(profile, ConsentRecord.Action.UPDATED)
    except Exception:
        photos.delete_file(new_photo)  # not saved: the new photo file must not stay behind
        raise
    photos.delete_file(old_photo)
    messages.success(request, _("Your profile is saved."))
    return redirect("alumni:my_profile")


@login_required
@require_POST
def my_profile_preview(request):
    """The previews for the form as typed, without saving anything: for account.js to refresh the page."""
    profile = own_profile_or_404(request.user)
    form = ProfileForm(request.POST, instance=profile)
    if not form.is_valid():
        return HttpResponse(status=400)
    with transaction.atomic():
        profile = form.save(commit=False)  # may create new topic tags: rolled back below
        if form.cleaned_data.get("remove_photo"):
            profile.photo = ""
        html = render(request, "alumni/account/_previews.html", {"previews": previews(profile)})
        transaction.set_rollback(True)
    return _no_store(html)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def hide_me(request):
    """Ask first, then hide: a profile disappears from every list at once, so one stray tap must not do it."""
    profile = own_profile_or_404(request.user)
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        status = 400 if request.method == "POST" else 200
        context = {"already_hidden": profile.visibility == Visibility.HIDDEN}
        return render(request, "alumni/account/hide_confirm.html", context, status=status)
    with transaction.atomic():
        profile.hide_everywhere()
        consent.record(profile, ConsentRecord.Action.UPDATED)
    messages.success(request, _("Your profile is now hidden everywhere. Only you and network staff can see it."))
    return redirect("alumni:my_profile")


@login_required
@require_POST
def consent_withdraw(request):
    profile = own_profile_or_404(request.user)
    consent.withdraw(profile)
    messages.success(
        request, _("You withdrew your consent. Your profile is hidden and stays hidden until you agree again.")
    )
    return redirect("alumni:my_profile")
