"""Reads of publication: the moderation queue and scope, the proposed redaction, and the
public unit page (published stories, the service's answers, what changed, score summaries).

Model: Care Opinion and the NHS website reviews (seed 000). Only the confirmed redacted text is
ever public, never the original. Figures for a unit are hidden below PUBLIC_MIN_ANSWERS so no one
can be identified (ARCHITECTURE: counts protect people).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy

from osallisuus.accounts.models import Role
from osallisuus.accounts.selectors import managed_units, roles_of
from osallisuus.analysis.pipeline import analyse
from osallisuus.feedback.models import (
    Feedback,
    Publication,
    PublicationDecision,
    PublicationEvent,
    Reply,
    StatusEvent,
)
from osallisuus.organisation.models import Unit
from osallisuus.publication.story_cache import OUTCOME_STEPS
from osallisuus.reports.selectors import (
    Period,
    QuestionFigures,
    answer_count,
    min_group,
    question_figures,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

# What changed, as the public reads it: handling steps whose public text tells an outcome
# (OUTCOME_STEPS, defined beside the stories API's cache, which its changes renew).

PII_LABELS: dict[str, Any] = {
    "name": gettext_lazy("name"),
    "phone": gettext_lazy("phone number"),
    "email": gettext_lazy("e-mail address"),
    "hetu": gettext_lazy("personal identity code"),
    "address": gettext_lazy("street address"),
    "case_number": gettext_lazy("case or patient number"),
}


# --- Moderation --------------------------------------------------------------------------------


def moderated_units(user: MaybeUser) -> QuerySet[Unit]:
    """Units whose stories the user moderates: every unit for coordinators and administrators,
    their own units for unit managers, none for anyone else. The one definition of the rule:
    the `feedback.moderate_story` predicate asks it too."""
    roles = roles_of(user)
    if roles & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return Unit.objects.all()
    if Role.UNIT_MANAGER in roles:
        return managed_units(user)
    return Unit.objects.none()


def moderation_scope(user: MaybeUser) -> QuerySet[Feedback]:
    """Consented comments the user may moderate."""
    return Feedback.objects.filter(unit__in=moderated_units(user), publish_consent=True).exclude(
        text=""
    )


def moderation_queue(
    user: MaybeUser,
    *,
    decision: str = "",
    search: str = "",
    unit: Unit | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[Feedback]:
    """Items waiting for a decision (oldest first), or those with the given decision; narrowed
    by words of the text without personal data (or the reply code), a unit and the period the
    feedback was received in."""
    items = (
        moderation_scope(user).exclude(suspected_mashing=True).select_related("unit", "publication")
    )
    if search:
        items = items.filter(Q(redacted_text__icontains=search) | Q(reply_code__iexact=search))
    if unit is not None:
        items = items.filter(unit=unit)
    if since:
        items = items.filter(received_at__date__gte=since)
    if until:
        items = items.filter(received_at__date__lte=until)
    if decision:
        return items.filter(publication__decision=decision).order_by("-publication__decided_at")
    return items.filter(publication__isnull=True).order_by("received_at")


def access_for_moderation(*, user: MaybeUser, pk: int) -> Feedback:
    """Fetch and authorise in one call: 404 for items outside the user's moderation scope."""
    feedback = (
        moderation_scope(user)
        .select_related("unit")
        .prefetch_related(
            "replies",
            Prefetch("events", queryset=_outcome_events()),
            Prefetch("publication_events", queryset=PublicationEvent.objects.select_related("by")),
        )
        .filter(pk=pk)
        .first()
    )
    if feedback is None:
        raise Http404
    return feedback


def publication_of(feedback: Feedback) -> Publication | None:
    return Publication.objects.filter(feedback=feedback).first()


@dataclass(frozen=True)
class Segment:
    """A piece of the original text; `pii_type` is set when it is proposed for redaction."""

    text: str
    pii_type: str = ""

    @property
    def label(self) -> str:
        return str(PII_LABELS.get(self.pii_type, ""))


def proposed_redaction(text: str, *, language: str = "fi") -> tuple[list[Segment], str]:
    """The original split into plain and personal-data segments, and the proposed text."""
    analysis = analyse(text, lang_hint=language if language in ("fi", "sv", "en") else None)
    segments: list[Segment] = []
    position = 0
    for span in sorted(analysis.pii, key=lambda s: s.start):
        if span.start < position:
            continue
        if span.start > position:
            segments.append(Segment(text[position : span.start]))
        segments.append(Segment(text[span.start : span.end], span.type))
        position = span.end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments, analysis.redacted


def stories_url(unit: Unit) -> str:
    return reverse("feedback:stories", kwargs={"code": unit.code})


# --- The public page ---------------------------------------------------------------------------


def _outcome_events() -> QuerySet[StatusEvent]:
    return StatusEvent.objects.filter(status__in=OUTCOME_STEPS).exclude(public_text="")


def published_stories(unit: Unit) -> QuerySet[Feedback]:
    """The unit's published stories, newest first, with answers and outcomes prefetched."""
    return (
        Feedback.objects.filter(
            unit=unit,
            suspected_mashing=False,
            publish_consent=True,
            publication__decision=PublicationDecision.PUBLISHED,
        )
        .select_related("publication")
        .prefetch_related(
            Prefetch("replies", queryset=Reply.objects.order_by("at", "pk")),
            Prefetch("events", queryset=_outcome_events()),
        )
        .order_by("-publication__published_at", "-pk")
    )


def public_text(text: str) -> str:
    """Answers are written for the giver; strip any personal data before the public sees them."""
    return analyse(text).redacted if text else text


@dataclass
class PublicStory:
    """What the public sees of one story: nothing else of the feedback leaves the database."""

    id: int
    published_at: Any
    text: str
    language: str
    replies: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)


def public_trail(feedback: Feedback) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The service's answers and what changed, with personal data removed; needs the outcome
    events prefetched as `events` (published_stories and access_for_moderation do that)."""
    confirmed = _confirmed_staff_texts(feedback)

    def shown(key: str, text: str) -> str:
        return confirmed[key] if key in confirmed else public_text(text)

    replies = [{"at": r.at, "text": shown(f"reply:{r.pk}", r.text)} for r in feedback.replies.all()]
    outcomes = [
        {
            "at": e.at,
            "status": e.status,
            "status_label": e.get_status_display(),
            "text": shown(f"event:{e.pk}", e.public_text),
        }
        for e in feedback.events.all()
    ]
    return replies, outcomes


def _confirmed_staff_texts(feedback: Feedback) -> dict[str, str]:
    """The unit's texts as the moderator confirmed them when the story was published."""
    try:
        publication = feedback.publication
    except Publication.DoesNotExist:
        return {}
    if publication.decision != PublicationDecision.PUBLISHED:
        return {}
    return dict(publication.staff_texts or {})


def proposed_trail(feedback: Feedback) -> list[dict[str, Any]]:
    """The service's answers and what changed as the moderator reviews them: each original text
    split into segments with the proposed redactions marked, and the text as it would be
    published (public_text). Needs the outcome events prefetched, as public_trail does."""
    items: list[tuple[str, Any, Any, str]] = [
        (f"reply:{r.pk}", r.at, gettext_lazy("Answer from the unit"), r.text)
        for r in feedback.replies.all()
    ] + [
        (f"event:{e.pk}", e.at, e.get_status_display(), e.public_text)
        for e in feedback.events.all()
    ]
    confirmed = _confirmed_staff_texts(feedback)
    trail = []
    for key, at, label, text in items:
        segments, proposal = proposed_redaction(text, language=feedback.language)
        trail.append(
            {
                "key": key,
                "field": "staff_" + key.replace(":", "_"),
                "confirmed": confirmed.get(key, proposal),
                "at": at,
                "label": label,
                "text": text,
                "segments": segments,
                "proposal": proposal,
                "has_pii": any(s.pii_type for s in segments),
            }
        )
    return trail


def public_story(feedback: Feedback) -> PublicStory:
    publication = feedback.publication
    replies, outcomes = public_trail(feedback)
    return PublicStory(
        id=publication.pk,
        published_at=publication.published_at,
        text=publication.published_text,
        language=publication.text_language,
        replies=replies,
        outcomes=outcomes,
    )


@dataclass
class ScoreSummary:
    """Public figures for a unit; `shown` is False below the minimum and then nothing else is.

    Each statement is shown with its own wording, scale and counts (`questions`): answers to
    different statements, on different scales, are never averaged together."""

    shown: bool
    minimum: int
    since: Any
    count: int | None = None
    questions: list[QuestionFigures] = field(default_factory=list)


def unit_summary(unit: Unit) -> ScoreSummary:
    """How many gave feedback and, per question, how many gave each answer, over the last
    twelve calendar months (this one included, as on the dashboards), from the roll-ups; suspected
    button-mashing is left out. Hidden below the minimum, and each question below it too."""
    minimum = min_group()
    period = Period.default()
    units = Unit.objects.filter(pk=unit.pk)
    since = period.start
    count = answer_count(units=units, period=period)
    if count < minimum:
        return ScoreSummary(shown=False, minimum=minimum, since=since)
    return ScoreSummary(
        shown=True,
        minimum=minimum,
        since=since,
        count=count,
        questions=question_figures(units=units, period=period),
    )
