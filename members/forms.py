"""Forms of the accounts: log in, reset the password, change the e-mail address, confirm with the password."""

from django import forms
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import forms as auth_forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import mail
from core.forms import PlainLabels
from core.links import absolute_url

from . import lockout
from .models import normalise_email


class LoginForm(PlainLabels, auth_forms.AuthenticationForm):
    """Log in with the e-mail address of the account, in any case."""

    username = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "inputmode": "email", "spellcheck": "false"}
        ),
    )


class PasswordResetForm(PlainLabels, auth_forms.PasswordResetForm):
    """Django's reset form, sending its link through the site's mail queue in the language of the request."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        path = reverse("members:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        mail.send(to_email, "members/email/password_reset", {"user": context["user"], "url": absolute_url(path)})


class SetPasswordForm(PlainLabels, auth_forms.SetPasswordForm):
    def save(self, commit=True):
        user = super().save(commit)
        # The e-mailed link proves the person holds the address: the account's lockout ends (its address's stays).
        lockout.clear_account(user.email)
        return user


class PasswordCheckMixin:
    """Checks the password through authenticate(), like the login: wrong ones count towards the lockout (a
    session left open must not let anyone guess the password here), and a locked-out account gets the 429 page."""

    def __init__(self, *args, user, request, **kwargs):
        self.user = user
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        account = authenticate(self.request, username=self.user.email, password=password)
        if account is None or account.pk != self.user.pk:
            raise forms.ValidationError(_("The password is not correct."), code="password_incorrect")
        return password


class EmailChangeForm(PlainLabels, PasswordCheckMixin, forms.Form):
    email = forms.EmailField(label=_("New e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if email == normalise_email(self.user.email):
            raise forms.ValidationError(_("This is already your e-mail address."))
        return email


class PasswordConfirmForm(PlainLabels, PasswordCheckMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class SecondFactorForm(PlainLabels, forms.Form):
    """A code from the authenticator app (six digits) or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6-digit code from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def account_exists(email, except_user=None):
    accounts = get_user_model().objects.filter(email__iexact=normalise_email(email))
    if except_user is not None:
        accounts = accounts.exclude(pk=except_user.pk)
    return accounts.exists()
