"""Member account views: claim a profile, manage "my profile", change e-mail, and the UU PDP data rights.

No URL here carries a profile id: every view works on the logged-in user's own profile, so one member can never
address another's.
"""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import claims, consent, data_rights, photos
from .forms_accounts import ClaimForm, EmailChangeForm, PasswordConfirmForm, ProfileForm
from .models import Audience, ConsentRecord, Profile, Visibility
from .policy import profile_fields_for

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
    profile = data_rights.own_profile(user)
    if profile is None:
        raise Http404
    return profile


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


# --- Claiming ---------------------------------------------------------------------------------------


def _claim_unavailable(request, status):
    return render(request, "alumni/account/claim_unavailable.html", status=status)


@never_cache
def claim(request, token):
    invitation = claims.find_invitation(token)
    if invitation is None:
        return _claim_unavailable(request, 404)
    profile = invitation.profile
    if not invitation.is_usable or profile.is_claimed:
        return _claim_unavailable(request, 410)
    form = ClaimForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        user = claims.claim(invitation, form.cleaned_data["password1"], form.choices())
        if user is None:
            return _claim_unavailable(request, 410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome! Your account is ready. You can log in with your e-mail address or the username %(username)s.")
            % {"username": user.get_username()},
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
    profile = data_rights.own_profile(request.user)
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
            "introductions": list(profile.introductions.all()),
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
    old_photo = ""
    with transaction.atomic():
        profile = form.save(commit=False)
        if form.cleaned_data["photo_upload"]:
            old_photo = photos.replace_photo(profile, form.cleaned_data["photo_upload"])
        elif form.cleaned_data.get("remove_photo"):
            old_photo = photos.remove_photo(profile)
        profile.save()
        if newly_consented:
            consent.record(profile, ConsentRecord.Action.GIVEN)
        elif form.choices_changed():
            consent.record(profile, ConsentRecord.Action.UPDATED)
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
@require_POST
def hide_me(request):
    profile = own_profile_or_404(request.user)
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


# --- Account ----------------------------------------------------------------------------------------


EMAIL_CHANGE_SALT = "alumni.email-change"
EMAIL_CHANGE_MAX_AGE = 60 * 60 * 24 * 2  # two days


@login_required
@never_cache
def email_change(request):
    """Ask for the password, then send a link to the new address: the change happens only when it is opened.

    Until then nothing changes, so nobody can take over an address (and the event registrations or
    introductions kept under it) by typing it in; and the form never says whether an address has an account.
    """
    user = request.user
    form = EmailChangeForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        token = signing.dumps({"user": user.pk, "old": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT)
        url = claims.absolute_url(reverse("alumni:email_confirm", args=[token]), request)
        context = {"name": user.first_name or user.get_username(), "url": url}
        claims.send_email(new_email, "account_email_confirm", context)
        messages.success(
            request, _("We sent a link to %(email)s. Your address changes when you open it.") % {"email": new_email}
        )
        return redirect("alumni:my_profile")
    context = {"form": form, "current_email": user.email}
    return render(request, "alumni/account/email_change.html", context, status=400 if form.is_bound else 200)


@login_required
@never_cache
def email_confirm(request, token):
    """The link from the new address: GET shows a button, POST makes the change (mail scanners only GET)."""
    user = request.user
    try:
        change = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.BadSignature:
        change = None
    usable = change is not None and change["user"] == user.pk and change["old"] == user.email
    taken = usable and get_user_model().objects.filter(email__iexact=change["new"]).exclude(pk=user.pk).exists()
    if not usable or taken:
        context = {"taken": taken}
        return render(request, "alumni/account/email_confirm.html", context, status=409 if taken else 410)
    if request.method == "POST":
        old_email, new_email = user.email, change["new"]
        with transaction.atomic():
            user.email = new_email
            user.save(update_fields=["email"])
            Profile.objects.filter(user=user).update(email=new_email, updated_at=timezone.now())
        if old_email:
            context = {"name": user.first_name or user.get_username(), "when": timezone.now()}
            claims.send_email(old_email, "account_email_changed", context)
        messages.success(request, _("Your e-mail address is changed. We told your old address about it."))
        return redirect("alumni:my_profile")
    return render(request, "alumni/account/email_confirm.html", {"new_email": change["new"], "usable": True})


@login_required
@require_POST
def data_export(request):
    data = data_rights.export_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="data-saya-{timezone.localdate():%Y-%m-%d}.json"'
    return _no_store(response)


@login_required
@never_cache
def account_delete(request):
    if request.user.is_staff:
        # A staff account may hold the site's only admin access: another administrator removes it.
        return render(request, "alumni/account/account_delete.html", {"staff": True})
    form = PasswordConfirmForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        data_rights.delete_account(user)
        return render(request, "alumni/account/account_deleted.html")
    status = 400 if form.is_bound else 200
    return render(request, "alumni/account/account_delete.html", {"form": form}, status=status)
