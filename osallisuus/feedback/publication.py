"""Publication of consented feedback as public stories: the moderation queue, the decisions,
and the public unit page (stories, the service's answers, what changed, score summaries).

Model: Care Opinion and the NHS website reviews (seed 000). A person confirms every text;
only the confirmed redacted text is ever public, never the original. Figures for a unit are
hidden below PUBLIC_MIN_ANSWERS so no one can be identified (ARCHITECTURE: counts protect people).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from osallisuus.accounts.models import Role
from osallisuus.accounts.selectors import managed_units, roles_of
from osallisuus.analysis.pipeline import analyse
from osallisuus.authorization import require
from osallisuus.notifications.services import send_email, send_sms
from osallisuus.organisation.models import Unit

from .models import (
    Answer,
    Contact,
    Feedback,
    Publication,
    PublicationDecision,
    PublicationEvent,
    Reply,
    Status,
    StatusEvent,
)

# What changed, as the public reads it: handling steps whose public text tells an outcome.
OUTCOME_STEPS = (Status.ACTION_PLANNED, Status.CHANGE_MADE, Status.NO_CHANGE)
# Personal data a regular expression finds reliably: a confirmed text holding these is refused.
BLOCKING_PII = frozenset({"phone", "email", "hetu"})
SUMMARY_MONTHS = 12
PII_LABELS: dict[str, Any] = {
    "name": gettext_lazy("name"),
    "phone": gettext_lazy("phone number"),
    "email": gettext_lazy("e-mail address"),
    "hetu": gettext_lazy("personal identity code"),
    "address": gettext_lazy("street address"),
    "case_number": gettext_lazy("case or patient number"),
}


class PublicationError(Exception):
    """A refused decision: field → translated messages. Nothing has been stored."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def public_min_answers() -> int:
    """The smallest group whose figures may be shown publicly (settings.PUBLIC_MIN_ANSWERS)."""
    return int(getattr(settings, "PUBLIC_MIN_ANSWERS", 5))


# --- Selectors: moderation ---------------------------------------------------------------------


def moderated_units(user: Any) -> QuerySet[Unit]:
    """Units whose stories the user moderates: every unit for coordinators and administrators,
    their own units for unit managers, none for anyone else. The one definition of the rule:
    the `feedback.moderate_story` predicate asks it too."""
    roles = roles_of(user)
    if roles & {Role.COORDINATOR, Role.ADMINISTRATOR}:
        return Unit.objects.all()
    if Role.UNIT_MANAGER in roles:
        return managed_units(user)
    return Unit.objects.none()


def moderation_scope(user: Any) -> QuerySet[Feedback]:
    """Consented comments the user may moderate."""
    return Feedback.objects.filter(unit__in=moderated_units(user), publish_consent=True).exclude(
        text=""
    )


def moderation_queue(user: Any, *, decision: str = "") -> QuerySet[Feedback]:
    """Items waiting for a decision (oldest first), or those with the given decision."""
    items = (
        moderation_scope(user).exclude(suspected_mashing=True).select_related("unit", "publication")
    )
    if decision:
        return items.filter(publication__decision=decision).order_by("-publication__decided_at")
    return items.filter(publication__isnull=True).order_by("received_at")


def access_for_moderation(*, user: Any, pk: int) -> Feedback:
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


# --- Services ----------------------------------------------------------------------------------


@transaction.atomic
def publish_story(*, feedback: Feedback, by: Any, text: str, confirmed: bool) -> Publication:
    """Publish the redacted text a person confirmed. Refuses, storing nothing, without consent,
    without the confirmation, or when the text still holds a phone number, e-mail or hetu."""
    require(by, "feedback.moderate_story", feedback)
    errors: dict[str, list[str]] = {}
    text = text.strip()
    if not feedback.publish_consent:
        errors.setdefault("__all__", []).append(
            _("The giver has not consented to publication. This comment cannot be published.")
        )
    if not text:
        errors.setdefault("text", []).append(_("Write the text to publish."))
    if not confirmed:
        errors.setdefault("confirmed", []).append(
            _("Confirm that you have checked the text has no personal data.")
        )
    analysis = analyse(text, lang_hint=feedback.language) if text else None
    if analysis is not None:
        found = sorted({span.type for span in analysis.pii} & BLOCKING_PII)
        if found:
            errors.setdefault("text", []).append(
                _("The text still contains personal data: %(types)s. Remove it.")
                % {"types": ", ".join(str(PII_LABELS[t]) for t in found)}
            )
    if errors:
        raise PublicationError(errors)
    assert analysis is not None  # noqa: S101 (text is non-empty here)
    now = timezone.now()
    publication, _created = Publication.objects.update_or_create(
        feedback=feedback,
        defaults={
            "decision": PublicationDecision.PUBLISHED,
            "published_text": text,
            "text_language": analysis.lang,
            "published_at": now,
            "published_by": by,
            "decided_at": now,
            "decided_by": by,
            "reason": "",
        },
    )
    PublicationEvent.objects.create(
        feedback=feedback, at=now, decision=PublicationDecision.PUBLISHED, by=by, text=text
    )
    _tell_giver_published(feedback)
    return publication


@transaction.atomic
def reject_story(*, feedback: Feedback, by: Any, reason: str) -> Publication:
    """Decide not to publish. The reason is internal and never shown publicly."""
    require(by, "feedback.moderate_story", feedback)
    if not reason.strip():
        raise PublicationError({"reason": [_("Write why the comment is not published.")]})
    return _close(feedback=feedback, by=by, reason=reason, decision=PublicationDecision.REJECTED)


@transaction.atomic
def unpublish_story(*, feedback: Feedback, by: Any, reason: str) -> Publication:
    """Take a published story down; the public page stops showing it at once."""
    require(by, "feedback.moderate_story", feedback)
    if not reason.strip():
        raise PublicationError({"reason": [_("Write why the story is taken down.")]})
    return _close(feedback=feedback, by=by, reason=reason, decision=PublicationDecision.UNPUBLISHED)


def _close(*, feedback: Feedback, by: Any, reason: str, decision: str) -> Publication:
    now = timezone.now()
    publication, _created = Publication.objects.update_or_create(
        feedback=feedback,
        defaults={
            "decision": decision,
            "published_text": "",
            "published_at": None,
            "published_by": None,
            "decided_at": now,
            "decided_by": by,
            "reason": reason.strip(),
        },
    )
    PublicationEvent.objects.create(
        feedback=feedback, at=now, decision=decision, by=by, reason=reason.strip()
    )
    return publication


def stories_url(unit: Unit) -> str:
    return reverse("feedback:stories", kwargs={"code": unit.code})


def _tell_giver_published(feedback: Feedback) -> None:
    """Tell a giver who left contact details; everyone sees it on the status page."""
    contact = Contact.objects.filter(feedback=feedback).first()
    if contact is None:
        return
    site = settings.SITE_URL.rstrip("/")
    with translation.override(feedback.language):
        subject = _("Your feedback has been published")
        body = _(
            "Your feedback %(code)s has been published without your personal details on the "
            "public page of %(unit)s: %(url)s"
        ) % {
            "code": feedback.reply_code,
            "unit": feedback.unit.name,
            "url": site + stories_url(feedback.unit),
        }
    if contact.email:
        send_email(to=contact.email, subject=subject, body=body)
    if contact.phone:
        send_sms(to=contact.phone, text=body)


# --- Selectors: the public page ----------------------------------------------------------------


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
    replies = [{"at": r.at, "text": public_text(r.text)} for r in feedback.replies.all()]
    outcomes = [
        {
            "at": e.at,
            "status": e.status,
            "status_label": e.get_status_display(),
            "text": public_text(e.public_text),
        }
        for e in feedback.events.all()
    ]
    return replies, outcomes


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
    """Public figures for a unit; `shown` is False below the minimum and then nothing else is."""

    shown: bool
    minimum: int
    since: Any
    count: int | None = None
    average: float | None = None
    distribution: list[dict[str, int]] = field(default_factory=list)
    recommend_share: int | None = None
    recommend_count: int = 0


def unit_summary(unit: Unit) -> ScoreSummary:
    """Count, 1–5 average and distribution, and the share who would recommend (9–10 of 0–10),
    over the last 12 months, leaving out suspected button-mashing. Hidden below the minimum."""
    minimum = public_min_answers()
    since = timezone.now() - timedelta(days=30 * SUMMARY_MONTHS)
    items = Feedback.objects.filter(unit=unit, suspected_mashing=False, received_at__gte=since)
    count = items.count()
    if count < minimum:
        return ScoreSummary(shown=False, minimum=minimum, since=since)
    scored = items.filter(overall_score__isnull=False)
    figures = scored.aggregate(
        average=Avg("overall_score"),
        **{f"n{score}": Count("pk", filter=Q(overall_score=score)) for score in range(1, 6)},
    )
    scored_count = sum(figures[f"n{score}"] for score in range(1, 6))
    recommend = Answer.objects.filter(
        feedback__in=items, question__type="nps", value_int__isnull=False
    ).aggregate(total=Count("pk"), yes=Count("pk", filter=Q(value_int__gte=9)))
    summary = ScoreSummary(shown=True, minimum=minimum, since=since, count=count)
    # Each figure has its own group: fewer than the minimum answers and it stays hidden too.
    if scored_count >= minimum:
        summary.average = round(float(figures["average"]), 1)
        summary.distribution = [
            {
                "score": score,
                "count": figures[f"n{score}"],
                "percent": round(100 * figures[f"n{score}"] / scored_count),
            }
            for score in range(1, 6)
        ]
    if recommend["total"] >= minimum:
        summary.recommend_count = recommend["total"]
        summary.recommend_share = round(100 * recommend["yes"] / recommend["total"])
    return summary
