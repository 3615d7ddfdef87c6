"""Asking to be introduced to an alumnus, and the alumnus' answer, from the e-mailed link or from their inbox on the
site (see `alumni.introductions`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import introductions
from ..forms import AnswerForm, IntroductionForm
from ..policy import own_profile


@never_cache
@require_http_methods(["GET", "POST"])
def request_introduction(request, public_id):
    if request.method == "POST":
        form = IntroductionForm(request.POST)
    else:
        form = IntroductionForm(initial=introductions.sender_details(request.user))
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


@login_required
@never_cache
@require_GET
def inbox(request):
    """The member's introductions: those they received, to answer here as from the e-mail, and those they sent."""
    return _inbox_page(request)


def _inbox_page(request, status=200):
    profile = own_profile(request.user)
    received = introductions.received(profile) if profile is not None else []
    context = {
        "has_profile": profile is not None,
        "accepts_introductions": profile is not None and profile.accepts_introductions,
        "received": received,
        "waiting_count": sum(1 for introduction in received if introduction.answerable),
        "sent": introductions.sent_by(request.user),
    }
    return render(request, "alumni/introductions/inbox.html", context, status=status)


@login_required
@never_cache
@require_POST
def answer_on_site(request, pk):
    """Accept or decline from the inbox: the same answer as the e-mailed link gives, for the member's own requests."""
    introduction = introductions.pending_for(request.user, pk)
    if introduction is None:
        # Someone else's request, a made-up number, or one already answered or lapsed: the same answer for all.
        return _cannot_answer(request)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to accept or decline the request."))
        return _inbox_page(request, status=400)
    accepted = form.cleaned_data["decision"] == "accept"
    if not introductions.answer(introduction, accepted):
        return _cannot_answer(request)
    name = introduction.sender_name
    if accepted:
        message = _("You accepted the request of %(name)s. We are sending you both an e-mail with the other's address.")
    else:
        message = _("You declined the request of %(name)s. Nothing was shared, and they are not told.")
    messages.success(request, message % {"name": name})
    return redirect("alumni:introductions")


def _cannot_answer(request):
    messages.error(request, _("This request has already been answered or has lapsed."))
    return _inbox_page(request, status=404)


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
