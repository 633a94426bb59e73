"""Writes of publication: publish the redacted text a person confirmed, reject, take down.

A person confirms every text; only the confirmed redacted text is ever public, never the
original. Each decision is kept in the append-only PublicationEvent history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.analysis.pipeline import analyse
from osallisuus.authorization import require
from osallisuus.errors import DomainError, Problem
from osallisuus.feedback.models import (
    Feedback,
    Publication,
    PublicationDecision,
    PublicationEvent,
)
from osallisuus.feedback.services import tell_giver
from osallisuus.links import absolute_url

from .selectors import PII_LABELS, stories_url

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

# Personal data a regular expression finds reliably: a confirmed text holding these is refused.
BLOCKING_PII = frozenset({"phone", "email", "hetu"})


class PublicationError(DomainError):
    """A refused moderation decision (no consent, personal data left, no reason). Nothing has
    been stored."""


@transaction.atomic
def publish_story(
    *,
    feedback: Feedback,
    by: User,
    text: str,
    confirmed: bool,
    staff_texts: dict[str, str] | None = None,
) -> Publication:
    """Publish the redacted text a person confirmed, and the unit's answers and outcomes as
    edited (`staff_texts` by "reply:<pk>" / "event:<pk>"; one not given is redacted
    automatically). Refuses, storing nothing, without consent, without the confirmation, or
    when a text still holds a phone number, e-mail or hetu."""
    require(by, "feedback.moderate_story", feedback)
    problems: list[Problem] = []
    text = text.strip()
    staff_texts = {key: value.strip() for key, value in (staff_texts or {}).items()}
    for key, value in staff_texts.items():
        field = "staff_" + key.replace(":", "_")
        if not value:
            problems.append(Problem(_("Write the text to publish."), field=field))
        elif blocking_pii(value, language=feedback.language):
            problems.append(_pii_problem(blocking_pii(value, language=feedback.language), field))
    if not feedback.publish_consent:
        problems.append(
            Problem(
                _("The giver has not consented to publication. This comment cannot be published.")
            )
        )
    if not text:
        problems.append(Problem(_("Write the text to publish."), field="text"))
    if not confirmed:
        problems.append(
            Problem(
                _("Confirm that you have checked the text has no personal data."),
                field="confirmed",
            )
        )
    analysis = analyse(text, lang_hint=feedback.language) if text else None
    if analysis is not None:
        found = sorted({span.type for span in analysis.pii} & BLOCKING_PII)
        if found:
            problems.append(_pii_problem(found, "text"))
    if problems:
        raise PublicationError.of(problems)
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
            "staff_texts": staff_texts,
        },
    )
    PublicationEvent.objects.create(
        feedback=feedback, at=now, decision=PublicationDecision.PUBLISHED, by=by, text=text
    )
    _tell_giver_published(feedback)
    return publication


def blocking_pii(text: str, *, language: str) -> list[str]:
    """The kinds of personal data that stop a text from being published, found in it."""
    analysis = analyse(text, lang_hint=language)
    return sorted({span.type for span in analysis.pii} & BLOCKING_PII)


def _pii_problem(found: list[str], field: str) -> Problem:
    return Problem(
        _("The text still contains personal data: %(types)s. Remove it.")
        % {"types": ", ".join(str(PII_LABELS[t]) for t in found)},
        field=field,
    )


@transaction.atomic
def reject_story(*, feedback: Feedback, by: User, reason: str) -> Publication:
    """Decide not to publish. The reason is internal and never shown publicly."""
    require(by, "feedback.moderate_story", feedback)
    if not reason.strip():
        raise PublicationError(_("Write why the comment is not published."), field="reason")
    return _close(feedback=feedback, by=by, reason=reason, decision=PublicationDecision.REJECTED)


@transaction.atomic
def unpublish_story(*, feedback: Feedback, by: User, reason: str) -> Publication:
    """Take a published story down; the public page stops showing it at once."""
    require(by, "feedback.moderate_story", feedback)
    if not reason.strip():
        raise PublicationError(_("Write why the story is taken down."), field="reason")
    return _close(feedback=feedback, by=by, reason=reason, decision=PublicationDecision.UNPUBLISHED)


def _close(*, feedback: Feedback, by: User, reason: str, decision: str) -> Publication:
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


def _tell_giver_published(feedback: Feedback) -> None:
    """Tell a giver who left contact details; everyone sees it on the status page."""

    def message() -> tuple[str, str]:
        return _("Your feedback has been published"), _(
            "Your feedback %(code)s has been published without your personal details on the "
            "public page of %(unit)s: %(url)s"
        ) % {
            "code": feedback.reply_code,
            "unit": feedback.unit.name,
            "url": absolute_url(stories_url(feedback.unit)),
        }

    tell_giver(feedback, message)
