"""The web and QR door: the feedback form at /palaute/<unit code>/ and the unit's printable QR
poster that points to it. Works on a phone without JavaScript and without an account."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from osallisuus.errors import DomainError, add_to_form
from osallisuus.organisation.selectors import public_unit
from osallisuus.rate_limits import over_limit

from ..models import Channel
from ..questions import active_question_set
from ..services import submit_feedback
from .forms import FeedbackForm
from .poster import unit_poster_pdf


@require_http_methods(["GET", "POST"])
def give_feedback(request: HttpRequest, code: str) -> HttpResponse:
    """The web and QR form: works on a phone without JavaScript and without an account."""
    unit = public_unit(code=code)
    if unit is None:
        raise Http404
    plain = request.GET.get("selko") == "1" or request.POST.get("selko") == "1"
    question_set = active_question_set(unit)
    form = FeedbackForm(request.POST or None, question_set=question_set, plain=plain)
    if request.method == "POST" and over_limit(request, scope="form", limit=20):
        return render(request, "feedback/too_many.html", status=429)
    if form.is_valid():
        language = (get_language() or "fi")[:2]
        try:
            feedback, _created = submit_feedback(
                form.feedback_input(
                    unit=unit,
                    channel=Channel.QR if request.GET.get("qr") else Channel.WEB,
                    language=language,
                )
            )
        except DomainError as error:
            add_to_form(form, error)
        else:
            request.session["just_sent"] = feedback.reply_code
            return redirect("feedback:status", code=feedback.reply_code)
    return render(
        request,
        "feedback/form.html",
        {"unit": unit, "form": form, "plain": plain, "question_set": question_set},
    )


@require_GET
def poster(request: HttpRequest, code: str) -> HttpResponse:
    """A printable A4 poster with the unit's QR code, in Finnish and Swedish."""
    unit = public_unit(code=code)
    if unit is None:
        raise Http404
    response = HttpResponse(unit_poster_pdf(unit), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="palaute-{unit.code}.pdf"'
    return response
