"""Account views: log in and out, reset the password, change the e-mail address, download my data, delete my account.

Every view works on the logged-in account only: no URL names another person. After an action people return to
their account's home, `LOGIN_REDIRECT_URL` (the alumni's "my profile").
"""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.core import signing
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from core import mail
from core.access import needs_second_factor
from core.links import absolute_url
from core.middleware import second_factor_exempt

from . import personal_data, second_factor
from .forms import (
    EmailChangeForm,
    LoginForm,
    PasswordConfirmForm,
    PasswordResetForm,
    SecondFactorForm,
    SetPasswordForm,
    account_exists,
)
from .signals import email_changed

EMAIL_CHANGE_SALT = "members.email-change"
EMAIL_CHANGE_MAX_AGE = 60 * 60 * 24 * 2  # two days


def account_url():
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _render(request, template, context=None, status=200):
    return render(request, f"members/{template}.html", {"account_url": account_url(), **(context or {})}, status=status)


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


@receiver(user_logged_in)
def remember_language(sender, request, user, **kwargs):
    """E-mails to a person are written in the language they last used the site in."""
    language = translation.get_language()
    if language in dict(settings.LANGUAGES) and getattr(user, "language", language) != language:
        user.language = language
        user.save(update_fields=["language"])


login = auth_views.LoginView.as_view(
    template_name="members/login.html", authentication_form=LoginForm, redirect_authenticated_user=True
)
logout_view = second_factor_exempt(auth_views.LogoutView.as_view())
password_reset = auth_views.PasswordResetView.as_view(
    template_name="members/password_reset.html",
    form_class=PasswordResetForm,
    success_url=reverse_lazy("members:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(template_name="members/password_reset_done.html")
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="members/password_reset_confirm.html",
    form_class=SetPasswordForm,
    success_url=reverse_lazy("members:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="members/password_reset_complete.html"
)


@login_required
@never_cache
def email_change(request):
    """Ask for the password, then send a link to the new address: the change happens only when it is opened.

    Until then nothing changes, so nobody can take over an address (and the event registrations or
    introductions kept under it) by typing it in; and the form never says whether an address has an account.
    """
    user = request.user
    form = EmailChangeForm(request.POST or None, user=user, request=request)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        token = signing.dumps({"user": user.pk, "old": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT)
        url = absolute_url(reverse("members:email_confirm", args=[token]))
        context = {"name": user.first_name or user.email, "url": url}
        mail.send(new_email, "members/email/email_confirm", context)
        messages.success(
            request,
            _(
                "We are sending a link to %(email)s; it may take a few minutes to arrive. Your address changes when "
                "you open it."
            )
            % {"email": new_email},
        )
        return redirect(account_url())
    context = {"form": form, "current_email": user.email}
    return _render(request, "email_change", context, status=400 if form.is_bound else 200)


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
    taken = usable and account_exists(change["new"], except_user=user)
    if not usable or taken:
        return _render(request, "email_confirm", {"taken": taken}, status=409 if taken else 410)
    if request.method == "POST":
        old_email, new_email = user.email, change["new"]
        with transaction.atomic():
            user.email = new_email
            user.save(update_fields=["email"])
            email_changed.send(sender=type(user), user=user, old_email=old_email)
            if old_email:
                context = {"name": user.first_name or new_email, "when": timezone.now()}
                mail.send(old_email, "members/email/email_changed", context, language=user.language, account=user)
        messages.success(request, _("Your e-mail address is changed. We told your old address about it."))
        return redirect(account_url())
    return _render(request, "email_confirm", {"new_email": change["new"], "usable": True})


@login_required
@require_POST
def data_export(request):
    data = personal_data.export_data(request.user)
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
        return _render(request, "account_delete", {"staff": True})
    form = PasswordConfirmForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        personal_data.delete_account(user)
        return _render(request, "account_deleted")
    return _render(request, "account_delete", {"form": form}, status=400 if form.is_bound else 200)


# --- Second factor -------------------------------------------------------------------------------------------


def _next_url(request):
    """Where to go once the second factor is done: the page that asked for it, if it is on this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return account_url()


def _with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': _next_url(request)})}"


@second_factor_exempt
@login_required
@never_cache
def second_factor_verify(request):
    """After the password, the code: from the authenticator app, or a recovery code (used up)."""
    user = request.user
    if not needs_second_factor(user) or user.is_verified():
        return redirect(_next_url(request))
    if not second_factor.has_authenticator(user):
        return redirect(_with_next("members:second_factor_setup", request))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST":
        if not second_factor.tries.hit(user.pk):
            return _render(request, "second_factor_throttled", status=429)
        if form.is_valid():
            device = second_factor.check(user, form.cleaned_data["code"])
            if device is not None:
                otp_login(request, device)
                request.session.cycle_key()
                return redirect(_next_url(request))
            form.add_error("code", _("This code is not correct or has expired. Please try a new one."))
    context = {"form": form, "next": _next_url(request)}
    return _render(request, "second_factor_verify", context, status=400 if form.is_bound else 200)


@second_factor_exempt
@login_required
@never_cache
def second_factor_setup(request):
    """Set up the authenticator app: scan the QR code (or type the key), confirm with a code, receive recovery codes.

    Someone who already has an authenticator must confirm the login with it first: a password alone never
    replaces it (staff reset a lost one with `manage.py reset_second_factor`)."""
    user = request.user
    if not needs_second_factor(user):
        return redirect(_next_url(request))
    if second_factor.has_authenticator(user) and not user.is_verified():
        return redirect(_with_next("members:second_factor", request))
    device = second_factor.pending_authenticator(user, request.session, create=request.method != "POST")
    if device is None:  # a code for a key thrown away since (set-up begun in another session): show a new key
        return redirect(_with_next("members:second_factor_setup", request))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST":
        if not second_factor.tries.hit(user.pk):
            return _render(request, "second_factor_throttled", status=429)
        if form.is_valid() and device.verify_token(form.cleaned_data["code"]):
            second_factor.confirm_authenticator(device)
            request.session.pop(second_factor.PENDING_SESSION_KEY, None)
            otp_login(request, device)
            request.session.cycle_key()
            codes = second_factor.new_recovery_codes(user)
            return _no_store(_render(request, "recovery_codes", {"codes": codes, "next": _next_url(request)}))
        if form.is_valid():
            form.add_error("code", _("This code is not correct or has expired. Please try a new one."))
    context = {
        "form": form,
        "next": _next_url(request),
        "secret": second_factor.secret(device),
        "qr_code": second_factor.qr_code_svg(device, _("QR code for your authenticator app")),
    }
    return _render(request, "second_factor_setup", context, status=400 if form.is_bound else 200)


@login_required
@never_cache
def recovery_codes(request):
    """New recovery codes (the old ones stop working), shown once. Reached only with the second factor done."""
    if not needs_second_factor(request.user):
        return redirect(account_url())
    if request.method == "POST":
        codes = second_factor.new_recovery_codes(request.user)
        return _no_store(_render(request, "recovery_codes", {"codes": codes, "next": _next_url(request)}))
    return _render(request, "recovery_codes", {"next": _next_url(request)})
