"""Forms of the alumni section: claim a profile, edit my profile, ask for an introduction and answer one.

Every form lists the fields its user may set; nothing else posted is read (user, consent, external id, cohorts
and other staff fields are out of reach).
"""

import re

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet, ClusterForm
from wagtail.admin.forms import WagtailAdminModelForm

from core.forms import PlainLabels, plain_text
from core.models import Region
from core.storage import check_free_space

from . import consent
from .models import Audience, HelpOffer, HelpType, Introduction, Membership, Organisation, Profile, Visibility
from .photos import ACCEPT_ATTRIBUTE, process_photo

HANDLE = re.compile(r"@[\w.]{1,60}")
MAX_SOCIAL_LINKS = 5
MAX_TOPICS = 15


def audience_field(label):
    return forms.ChoiceField(label=label, choices=Audience.choices, initial=Audience.NOBODY)


OPEN_TO_COLLABORATE = _("I am open to collaborate with partners")
ACCEPTS_INTRODUCTIONS = _("People may ask to be introduced to me (my e-mail is only shared if I accept)")
VISIBILITY_HELP = _("Hidden: only you and network staff. Members: verified alumni and partners who are logged in.")


def visibility_field():
    return forms.ChoiceField(
        label=_("Who sees your profile"),
        choices=Visibility.choices,
        initial=Visibility.HIDDEN,
        widget=forms.RadioSelect,
        help_text=VISIBILITY_HELP,
    )


class ClaimForm(PlainLabels, forms.Form):
    """Set a password, choose who sees what, and consent to the notice."""

    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    visibility = visibility_field()
    photo_audience = audience_field(_("Who sees your photo"))
    email_audience = audience_field(_("Who sees your e-mail address"))
    phone_audience = audience_field(_("Who sees your phone number"))
    social_audience = audience_field(_("Who sees your social media links"))
    open_to_collaborate = forms.BooleanField(label=OPEN_TO_COLLABORATE, required=False)
    accepts_introductions = forms.BooleanField(label=ACCEPTS_INTRODUCTIONS, required=False)
    consent = forms.BooleanField(
        label=_("I have read the notice above and agree that the network keeps my profile as I chose here."),
        error_messages={"required": _("Please agree to the notice: without it we cannot create your account.")},
    )

    def __init__(self, *args, profile, needs_password=True, **kwargs):
        self.profile = profile
        super().__init__(*args, **kwargs)
        if needs_password:
            self.fields["password1"].help_text = password_validation.password_validators_help_text_html()
        else:  # the person already has an account with this address and is logged in to it
            del self.fields["password1"], self.fields["password2"]

    def clean_password2(self):
        password1, password2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            raise forms.ValidationError(_("The two passwords are not the same."), code="password_mismatch")
        user = get_user_model()(email=self.profile.email, first_name=self.profile.display_name)
        password_validation.validate_password(password2, user)
        return password2

    def choices(self):
        return {name: self.cleaned_data[name] for name in consent.CHOICE_FIELDS}


class MembershipFormSet(BaseChildFormSet):
    def clean(self):
        # The model's one-membership-per-organisation constraint is an expression constraint, which formsets do
        # not check: without this, a duplicate row would only fail in the database.
        super().clean()
        seen = set()
        for form in self.forms:
            organisation = getattr(form, "cleaned_data", {}).get("organisation")
            if organisation is None or form in self.deleted_forms:
                continue
            if organisation.pk in seen:
                form.add_error("organisation", _("This organisation is already in your list."))
            seen.add(organisation.pk)


class ProfileForm(PlainLabels, ClusterForm):
    """A member's own profile. There is no profile id in it: it only ever edits `request.user`'s profile."""

    topics_text = forms.CharField(
        label=_("Topics of expertise"),
        required=False,
        max_length=500,
        help_text=_("Separate topics with commas, e.g. deteksi dini, kohesi sosial."),
    )
    help_types = forms.MultipleChoiceField(
        label=_("How I can help"), choices=HelpType.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    photo_upload = forms.FileField(
        label=_("New photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text=_("JPEG, PNG or WebP. We resize it and remove location and camera data."),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    consent = forms.BooleanField(
        label=_("I have read the notice and agree that the network shows my profile as I chose here."),
        required=False,
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "regency",
            "sector",
            "languages",
            "bio",
            "photo_audience",
            "email_audience",
            "phone",
            "phone_audience",
            "social_links",
            "social_audience",
            "open_to_collaborate",
            "accepts_introductions",
            "visibility",
        ]
        formsets = {
            "memberships": {
                "fields": ["organisation", "role"],
                "extra": 2,
                "max_num": 10,
                "validate_max": True,
                "formset": MembershipFormSet,
            }
        }
        widgets = {
            "visibility": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 5}),
            "social_links": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        labels = {
            "display_name": _("Name shown on your profile"),
            "visibility": _("Who sees your profile"),
            "photo_audience": _("Who sees your photo"),
            "email_audience": _("Who sees your e-mail address"),
            "phone_audience": _("Who sees your phone number"),
            "social_audience": _("Who sees your social media links"),
            "open_to_collaborate": OPEN_TO_COLLABORATE,
            "accepts_introductions": ACCEPTS_INTRODUCTIONS,
        }
        help_texts = {
            "languages": _("Comma-separated, e.g. Bahasa Indonesia, Sunda, Inggris."),
            "social_links": _("One per line: a link starting with https:// or a @name."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = self.instance
        self.fields["regency"].queryset = Region.objects.filter(kind__in=["regency", "city"]).order_by("name")
        self.fields["visibility"].help_text = VISIBILITY_HELP
        self.fields["topics_text"].initial = ", ".join(tag.name for tag in profile.topics.all())
        self.fields["help_types"].initial = profile.help_type_values()
        self.needs_consent = profile.consent_given_at is None
        if not self.needs_consent:
            del self.fields["consent"]
        if not profile.photo:
            del self.fields["remove_photo"]
        own = Membership.objects.filter(profile_id=profile.pk).values("organisation")
        for subform in self.formsets["memberships"].forms:
            subform.label_suffix = ""
            # Published organisations, and those the person already belongs to.
            choices = Organisation.objects.filter(Q(published=True) | Q(pk__in=own))
            subform.fields["organisation"].queryset = choices.order_by("name")
            if "DELETE" in subform.fields:
                subform.fields["DELETE"].label = _("Remove this organisation from my profile")

    def clean_display_name(self):
        value = plain_text(self.cleaned_data["display_name"])
        if not value:
            raise forms.ValidationError(_("Enter the name to show on your profile."), code="required")
        return value

    def clean_languages(self):
        return plain_text(self.cleaned_data["languages"])

    def clean_bio(self):
        return plain_text(self.cleaned_data["bio"], multiline=True)

    def clean_phone(self):
        value = plain_text(self.cleaned_data["phone"])
        if value and not re.fullmatch(r"\+?[\d\s().-]{6,30}", value):
            raise forms.ValidationError(_("Enter a phone number with digits only, e.g. +62 812 3456 7890."))
        return value

    def clean_social_links(self):
        links = [line.strip() for line in plain_text(self.cleaned_data["social_links"], multiline=True).split("\n")]
        links = [link for link in links if link]
        if len(links) > MAX_SOCIAL_LINKS:
            raise forms.ValidationError(_("At most %(count)s links."), params={"count": MAX_SOCIAL_LINKS})
        validate = URLValidator(schemes=["https", "http"])
        for link in links:
            if HANDLE.fullmatch(link):
                continue
            try:
                validate(link)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(link)s” is neither a web address starting with https:// nor a @name."),
                    params={"link": link[:80]},
                ) from None
        return "\n".join(links)

    def clean_topics_text(self):
        names = []
        for part in self.cleaned_data["topics_text"].split(","):
            name = plain_text(part).lower()[:100]
            if name and name not in names:
                names.append(name)
        if len(names) > MAX_TOPICS:
            raise forms.ValidationError(_("At most %(count)s topics."), params={"count": MAX_TOPICS})
        return names

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        check_free_space(upload)
        return process_photo(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if self.needs_consent and cleaned.get("consent"):
            consent.give(self.instance)  # before the model's own check that a shown profile has consent
        elif self.needs_consent and cleaned.get("visibility", Visibility.HIDDEN) != Visibility.HIDDEN:
            self.add_error("consent", _("To show your profile, first agree to the notice."))
        return cleaned

    def choices_changed(self):
        return any(name in self.changed_data for name in consent.CHOICE_FIELDS)

    def save(self, commit=True):
        """Apply the form to the profile (in memory unless `commit`); the view handles the photo file."""
        profile = super().save(commit=False)
        if profile.regency_id:
            profile.province_id = profile.regency.province_id
        profile.topics.set(self.cleaned_data["topics_text"])
        existing = {offer.help_type: offer for offer in profile.help_offers.all()}
        profile.help_offers = [
            existing.get(value) or HelpOffer(help_type=value) for value in self.cleaned_data["help_types"]
        ]
        if commit:
            profile.save()
        return profile


# --- Introductions -----------------------------------------------------------------------------------


class ProfileAdminForm(WagtailAdminModelForm):
    """The profile form staff use in the admin: a photo they upload is checked and stripped of its metadata (GPS,
    camera) by `process_photo`, as one uploaded through the self-service form is."""

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not isinstance(photo, UploadedFile):  # unchanged (the stored file) or cleared (False)
            return photo
        check_free_space(photo)
        return process_photo(photo)


class IntroductionForm(forms.ModelForm):
    """A request to be put in touch with an alumnus. `website` is a honeypot: people never see it, bots fill it."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Introduction
        fields = ["sender_name", "sender_email", "sender_organisation", "purpose", "message"]
        labels = {
            "sender_name": _("Your name"),
            "sender_email": _("Your e-mail"),
            "sender_organisation": _("Your organisation"),
            "purpose": _("Purpose"),
            "message": _("Message"),
        }
        help_texts = {
            "sender_email": _("Shared with the alumnus only if they accept."),
            "purpose": _("In a few words, e.g. “a facilitator for an interfaith dialogue in Lebak”."),
            "message": _("Plain text. Who you are, what you would like to do together, and when."),
        }
        widgets = {
            "sender_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "sender_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "sender_organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class AnswerForm(forms.Form):
    """The alumnus' decision on an introduction request."""

    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
