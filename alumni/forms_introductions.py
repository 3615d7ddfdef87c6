from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Introduction


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
