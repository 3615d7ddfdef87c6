"""Brute-force protection of every password check (django-axes, configured in settings "Logins").

Axes counts the failed authenticate() calls of the site's login, Wagtail's admin login and the account pages that
ask for the password, per account and per address separately, and refuses further tries once either is over the
limit. This module tells it how to name an account, what a locked-out person sees, and when a count is reset.
"""

from functools import wraps

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import render, resolve_url
from django.urls import reverse

from core.ratelimit import RateLimit, client_ip

from .models import normalise_email

# Wagtail's shared passwords (a page or a document collection "private, accessible with a password") are checked
# without authenticate(), so axes never sees them: their wrong tries are counted per address here instead.
shared_password_tries = RateLimit(
    "shared-password", settings.AXES_FAILURE_LIMIT, period=settings.AXES_COOLOFF_MINUTES * 60
)


def username(request, credentials):
    """The account a try is counted against: "Dewi@Example.org " and "dewi@example.org" are one account.

    Django's login forms pass the address under the user model's USERNAME_FIELD ("email"); a form that leaves it
    out is counted by the field it posted."""
    credentials = credentials or {}
    typed = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username")
    if typed is None and request is not None:
        typed = request.POST.get("username") or request.POST.get("email")
    return normalise_email(typed)


def locked_out(request, original_response=None, credentials=None):
    """The answer to a try on a locked account or from a locked address: 429 with the site's page, in the language
    of the request, the admin's login included."""
    context = {
        "minutes": settings.AXES_COOLOFF_MINUTES,
        "password_reset_url": reverse("members:password_reset"),
        "account_url": resolve_url(settings.LOGIN_REDIRECT_URL),
    }
    response = render(request, "members/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(settings.AXES_COOLOFF_MINUTES * 60)
    response["Cache-Control"] = "no-store"
    return response


@receiver(user_logged_in)
def reset_failures_of_the_account(sender, request, user, **kwargs):
    """A successful login clears the account's failed tries. The address's tries on other accounts stay counted:
    logging in to one's own account must not reset the count of guesses made at someone else's."""
    clear_account(user.get_username())


def clear_account(email):
    """End the lockout of the account `email` (a login, or a new password through the e-mailed reset link)."""
    AccessAttempt.objects.filter(username=normalise_email(email)).delete()


def counts_wrong_shared_passwords(view):
    """Wrap Wagtail's view that checks a shared password: an address that typed AXES_FAILURE_LIMIT wrong ones gets
    the locked-out answer until the cool-off is over. A right password redirects; anything else counts."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        address = client_ip(request)
        if shared_password_tries.exceeded(address):
            return locked_out(request)
        response = view(request, *args, **kwargs)
        if response.status_code != 302:
            shared_password_tries.hit(address)
        return response

    return wrapped


def forget(email):
    """Drop the login records naming `email` (a deleted account): its failed tries and its login history."""
    name = normalise_email(email)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=name).delete()
