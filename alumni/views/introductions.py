"""Asking to be introduced to an alumnus, and the alumnus' answer (see `alumni.introductions`)."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from .. import introductions
from ..forms import AnswerForm, IntroductionForm


@never_cache
@require_http_methods(["GET", "POST"])
def request_introduction(request, public_id):
    form = IntroductionForm(request.POST if request.method == "POST" else None)
    if introductions.is_own(request.user, public_id):
        message = _("You cannot ask to be introduced to yourself.")
        return _form_page(request, public_id, form, status=400 if form.is_bound else 200, own=message)
    if not form.is_valid():
        return _form_page(request, public_id, form, status=400 if form.is_bound else 200)
    if form.is_spam:
        return redirect("alumni:introduction_sent")
    try:
        introductions.request_introduction(request, form, public_id)
    except introductions.TooManyToRecipient:
        form.add_error(None, _("You have already asked to be introduced to this person today."))
        return _form_page(request, public_id, form, status=429)
    except introductions.TooManyRequests:
        form.add_error(None, _("You have sent too many introduction requests today. Please try again tomorrow."))
        return _form_page(request, public_id, form, status=429)
    return redirect("alumni:introduction_sent")


@require_GET
def introduction_sent(request):
    return render(request, "alumni/introductions/sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def answer_introduction(request, token):
    introduction = introductions.pending(token)
    if introduction is None:
        return render(request, "alumni/introductions/invalid_link.html", status=404)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        accepted = form.cleaned_data["decision"] == "accept"
        if not introductions.answer(introduction, accepted):
            return render(request, "alumni/introductions/invalid_link.html", status=404)
        return render(request, "alumni/introductions/answered.html", {"accepted": accepted})
    context = {"introduction": introduction, "form": form}
    return render(request, "alumni/introductions/answer.html", context, status=400 if form.is_bound else 200)


def _form_page(request, public_id, form, status, own=""):
    # The page names the recipient only to a viewer who may see them; otherwise it is the same whether the profile
    # exists, is hidden, or accepts contact.
    context = {
        "form": form,
        "action": reverse("alumni:introduce", args=[public_id]),
        "recipient_name": introductions.shown_name(request.user, public_id),
        "own_error": own,
    }
    return render(request, "alumni/introductions/form.html", context, status=status)
