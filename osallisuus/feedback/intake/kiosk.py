"""The kiosk door: the pages of /kioski/<unit code>/ and its service worker. JavaScript queues
answers for the API (`intake.api.KioskIntake`); without JavaScript the forms here store them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from osallisuus.errors import DomainError, add_to_form
from osallisuus.organisation.models import Unit
from osallisuus.organisation.selectors import public_unit
from osallisuus.rate_limits import over_limit

from ..forms import FACES, scale_labels
from ..models import Channel, Question, QuestionSet, QuestionType
from ..questions import active_question_set
from ..services import FeedbackInput
from .adapters import submit_kiosk_feedback
from .forms import KioskAnswerForm

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
    labels = scale_labels(question.key)
    return [(value, FACES[value], label) for value, label in labels]


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
    except DomainError as error:
        add_to_form(form, error)
        context["form"] = form
        return render(request, "feedback/kiosk_followup.html", context, status=400)
    return redirect("kiosk:thanks", code=unit.code)


@require_GET
def kiosk_thanks(request: HttpRequest, code: str) -> HttpResponse:
    unit = _kiosk_unit(code)
    return render(request, "feedback/kiosk_thanks.html", _kiosk_context(unit))
