import re

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from alumni.policy import own_profile
from core.access import is_member
from core.models import Region

from .models import Registration

PHONE = re.compile(r"^\+?[\d\s().-]{6,30}$")
BANTEN = "36"
OUTSIDE_BANTEN = "outside"


class RegencyChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        yield from super().__iter__()
        yield (OUTSIDE_BANTEN, _("Outside Banten"))

    def __len__(self):
        return super().__len__() + 1


class RegencyOrOutsideField(forms.ModelChoiceField):
    """A regency or city of Banten, or "outside Banten" (kept as no regency) at the end of the list. The list starts
    empty: nobody is counted as outside Banten, or anywhere else, without choosing it."""

    iterator = RegencyChoiceIterator

    def clean(self, value):
        return None if value == OUTSIDE_BANTEN else super().clean(value)


def verified_address(user):
    """The e-mail address `user` has proven, or None: a verified member's account address. A verified account was
    made from a claim link e-mailed to that address (or verified by staff), and its address changes only through a
    link sent to the new one; an unverified account's address proves nothing."""
    return user.email if is_member(user) else None


def member_details(user):
    """What the account and its alumni profile know of the fields the form asks, to fill it in for them."""
    details = {"name": user.get_full_name(), "email": user.email}
    profile = own_profile(user)
    if profile is not None:
        membership = profile.memberships.select_related("organisation").first()
        regency = profile.regency
        details.update(
            name=profile.full_name or details["name"],
            phone=profile.phone,
            organisation=membership.organisation.name if membership else "",
            # The form offers Banten's regencies and cities only: elsewhere is "outside Banten".
            regency=(regency.pk if regency.province_id and regency.province.code == BANTEN else OUTSIDE_BANTEN)
            if regency
            else None,
        )
    return {name: value for name, value in details.items() if value}


class RegistrationForm(forms.ModelForm):
    """The public registration form. `website` is a honeypot: people never see it, form-filling bots do."""

    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers keep these details to run this event and may e-mail me about it. "
            "They are not shown to other participants."
        ),
        error_messages={"required": _("Please agree so that we can register you.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Registration
        fields = ["name", "email", "phone", "organisation", "regency", "accessibility_needs", "consent"]
        field_classes = {"regency": RegencyOrOutsideField}
        labels = {
            "name": _("Full name"),
            "email": _("E-mail address"),
            "phone": _("Phone or WhatsApp (optional)"),
            "organisation": _("Organisation or institution"),
            "regency": _("Regency or city in Banten"),
            "accessibility_needs": _("Accessibility needs (optional)"),
        }
        help_texts = {
            "email": _("We send a link to this address: your registration counts once you confirm it."),
            "organisation": _("E.g. your office, ormas, community or Tim Tangguh."),
            "accessibility_needs": _(
                "E.g. wheelchair access, a sign-language interpreter, large print, dietary needs."
            ),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, account=None, **kwargs):
        """`account`: the logged-in person, whose details fill an empty form in (they may still change them)."""
        bound = bool(args and args[0] is not None) or kwargs.get("data") is not None
        if account is not None and account.is_authenticated and not bound and "initial" not in kwargs:
            kwargs["initial"] = member_details(account)
        super().__init__(*args, **kwargs)
        if verified_address(account):
            self.fields["email"].help_text = _(
                "Your account's address. Registering with it counts at once, without a confirmation e-mail; with "
                "another address we send a link to confirm first."
            )
        self.fields["organisation"].required = True
        # Guests come from elsewhere too (other provinces, delegations from abroad).
        self.fields["regency"].required = True
        self.fields["regency"].queryset = Region.objects.filter(
            province__code=BANTEN, kind__in=[Region.Kind.REGENCY, Region.Kind.CITY]
        ).order_by("name")
        self.fields["regency"].empty_label = _("Choose…")
        self.fields["regency"].error_messages["required"] = _(
            "Choose your regency or city, or “Outside Banten” at the end of the list."
        )
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Enter a phone number with digits only, e.g. +62 812 3456 7890."))
        return phone

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))

    def registration_data(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class RegistrationAdminForm(WagtailAdminModelForm):
    """The staff form: an e-mail address changed here may not take a second active registration for the event."""

    def clean_email(self):
        from .registration import registrations_of

        email = self.cleaned_data["email"].strip().lower()
        registration = self.instance
        others = registrations_of(registration.event).exclude(pk=registration.pk).exclude(status="cancelled")
        if registration.status != Registration.Status.CANCELLED and others.filter(email=email).exists():
            raise forms.ValidationError(_("This address already has a registration for this event."))
        return email
