"""Pages of the other doors: the kiosk, the printable QR poster and staff entry of phone and
paper feedback. Each one turns its input into FeedbackInput and calls the intake services."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.accounts.selectors import units_handled_by
from osallisuus.authorization import permission_required
from osallisuus.organisation.models import Unit
from osallisuus.organisation.selectors import public_unit

from .forms import (
    AGREEMENT_LABELS,
    EXPERIENCE_LABELS,
    FACES,
    KioskAnswerForm,
    StaffEntryForm,
    StaffUnitChoiceForm,
)
from .intake_adapters import submit_kiosk_feedback
from .models import Channel, Question, QuestionSet, QuestionType
from .poster import unit_poster_pdf
from .questions import active_question_set
from .rate_limits import over_limit
from .services import FeedbackInput, IntakeError, submit_feedback

# The service worker's cache; a new name makes the kiosks drop the old copies.
KIOSK_CACHE = "osallisuus-kiosk-v1"
# Kiosks of one unit may share an address: a generous limit per unit and address.
KIOSK_POSTS_PER_MINUTE = 120
# Seconds before the kiosk goes back to the start on its own (JavaScript only).
KIOSK_FOLLOWUP_PAUSE = 30
KIOSK_THANKS_PAUSE = 8


def _kiosk_questions(unit: Unit) -> tuple[QuestionSet, Question, Question | None]:
    """The unit's five-point question (the faces) and its free-text follow-up, if any."""
    question_set = active_question_set(unit)
    questions = list(question_set.questions.all()) if question_set else []
    scale = next((q for q in questions if q.type == QuestionType.SCALE5), None)
    if question_set is None or scale is None:
        raise Http404
    followup = next((q for q in questions if q.type == QuestionType.TEXT), None)
    return question_set, scale, followup


def _kiosk_unit(code: str) -> Unit:
    unit = public_unit(code=code)
    if unit is None:
        raise Http404
    return unit


def _faces(question: Question) -> list[tuple[int, str, Any]]:
    labels = EXPERIENCE_LABELS if question.key == "overall" else AGREEMENT_LABELS
    return [(value, FACES[value], label) for value, label in reversed(labels)]


def _kiosk_context(unit: Unit) -> dict[str, Any]:
    _set, scale, followup = _kiosk_questions(unit)
    language = (get_language() or "fi")[:2]
    return {
        "unit": unit,
        "scale": scale,
        "followup": followup,
        "question_text": scale.text(language),
        "followup_text": followup.text(language) if followup else "",
        "faces": _faces(scale),
        "language": language,
        "followup_pause": KIOSK_FOLLOWUP_PAUSE,
        "thanks_pause": KIOSK_THANKS_PAUSE,
        "kiosk_cache": KIOSK_CACHE,
    }


@require_GET
def kiosk_service_worker(request: HttpRequest) -> HttpResponse:
    """The kiosk's service worker: lets a kiosk that lost the network reload its last page."""
    scope = reverse("kiosk:service-worker").rsplit("/", 1)[0] + "/"
    context = {"scope": scope, "static_url": settings.STATIC_URL, "cache_name": KIOSK_CACHE}
    response = render(request, "feedback/kiosk_sw.js", context, content_type="text/javascript")
    response["Cache-Control"] = "no-cache"  # a new version reaches the kiosks at once
    return response


@require_GET
def kiosk(request: HttpRequest, code: str) -> HttpResponse:
    """The kiosk's start screen: five faces. JavaScript queues answers; without it, forms."""
    unit = _kiosk_unit(code)
    context = _kiosk_context(unit)
    context["form"] = KioskAnswerForm(followup_label=context["followup_text"])
    return render(request, "feedback/kiosk.html", context)


@require_POST
def kiosk_followup(request: HttpRequest, code: str) -> HttpResponse:
    """Without JavaScript: a face was pressed; ask the optional follow-up before storing."""
    unit = _kiosk_unit(code)
    context = _kiosk_context(unit)
    score = request.POST.get("score", "")
    if score not in {"1", "2", "3", "4", "5"}:
        return redirect("kiosk:kiosk", code=unit.code)
    context["form"] = KioskAnswerForm(
        initial={"score": int(score)}, followup_label=context["followup_text"]
    )
    return render(request, "feedback/kiosk_followup.html", context)


@require_POST
def kiosk_answer(request: HttpRequest, code: str) -> HttpResponse:
    """Without JavaScript: store the answer (once, by its key) and thank the giver."""
    unit = _kiosk_unit(code)
    context = _kiosk_context(unit)
    if over_limit(request, scope=f"kiosk:{unit.code}", limit=KIOSK_POSTS_PER_MINUTE):
        return render(request, "feedback/too_many.html", status=429)
    form = KioskAnswerForm(request.POST, followup_label=context["followup_text"])
    if not form.is_valid():
        context["form"] = form
        return render(request, "feedback/kiosk_followup.html", context, status=400)
    answers: list[tuple[str, Any]] = [(context["scale"].key, form.cleaned_data["score"])]
    text = "" if request.POST.get("action") == "skip" else form.cleaned_data["text"].strip()
    if text and context["followup"] is not None:
        answers.append((context["followup"].key, text))
    try:
        submit_kiosk_feedback(
            FeedbackInput(
                unit=unit,
                channel=Channel.KIOSK,
                language=context["language"],
                answers=answers,
                text=text,
                idempotency_key=f"kiosk:{form.cleaned_data['idempotency_key']}",
            )
        )
    except IntakeError as error:
        for problems in error.errors.values():
            for problem in problems:
                form.add_error(None, problem)
        context["form"] = form
        return render(request, "feedback/kiosk_followup.html", context, status=400)
    return redirect("kiosk:thanks", code=unit.code)


@require_GET
def kiosk_thanks(request: HttpRequest, code: str) -> HttpResponse:
    unit = _kiosk_unit(code)
    return render(request, "feedback/kiosk_thanks.html", _kiosk_context(unit))


@require_GET
def poster(request: HttpRequest, code: str) -> HttpResponse:
    """A printable A4 poster with the unit's QR code, in Finnish and Swedish."""
    unit = public_unit(code=code)
    if unit is None:
        raise Http404
    response = HttpResponse(unit_poster_pdf(unit), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="palaute-{unit.code}.pdf"'
    return response


@permission_required("feedback.view_inbox")
@require_http_methods(["GET", "POST"])
def staff_entry(request: HttpRequest) -> HttpResponse:
    """Staff type in feedback that came by phone or on paper, for units they handle only."""
    units = units_handled_by(request.user).filter(active=True).order_by("name_fi")
    code = str(request.GET.get("unit", "")).strip().upper()
    if code:
        unit = units.filter(code=code).first()
        if unit is None:
            raise Http404
    else:
        choices = list(units[:2])
        if len(choices) != 1:
            picker = StaffUnitChoiceForm(units=units)
            return render(request, "feedback/staff_entry.html", {"picker": picker})
        unit = choices[0]
    question_set = active_question_set(unit)
    form = StaffEntryForm(
        request.POST or None,
        question_set=question_set,
        initial={"language": (get_language() or "fi")[:2]},
    )
    if form.is_valid():
        try:
            feedback, _created = submit_feedback(
                FeedbackInput(
                    unit=unit,
                    channel=form.cleaned_data["channel"],
                    language=form.cleaned_data["language"],
                    answers=form.answers(),
                    text=form.cleaned_data.get("text", "")
                    or str(dict(form.answers()).get("comment", "")),
                    idempotency_key=f"staff:{form.cleaned_data['idempotency_key']}",
                    contact_email=form.cleaned_data["contact_email"],
                    contact_phone=form.cleaned_data["contact_phone"],
                    publish_consent=form.cleaned_data["publish_consent"],
                )
            )
        except IntakeError as error:
            for problems in error.errors.values():
                for problem in problems:
                    form.add_error(None, problem)
        else:
            messages.success(
                request,
                _("Feedback saved. The giver's reply code is %(code)s.")
                % {"code": feedback.reply_code},
            )
            return redirect(feedback)
    return render(
        request,
        "feedback/staff_entry.html",
        {
            "unit": unit,
            "form": form,
            "action": reverse("feedback:staff_entry") + f"?unit={unit.code}",
        },
    )
