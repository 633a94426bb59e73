"""Retention: contact details and original texts are kept only as long as they are needed.

Two periods, counted from when the feedback was received (settings, in days):
- FEEDBACK_CONTACT_RETENTION_DAYS: the giver's e-mail and phone are erased (the Contact row is
  deleted). The answer has long been sent by then; the reply code still shows the trail.
- FEEDBACK_RETENTION_DAYS: the feedback is anonymised. The original text and free-text answers
  are blanked; what stays is the text with personal data removed (redacted_text), the scores,
  themes, sentiment, status trail and the unit and month, so statistics and dashboards keep
  their figures. The idempotency key goes too (it could link the item to a device's log), and
  so does a link to the account of a person who followed it on their own page.

Run daily: `manage.py apply_retention` (cron or a systemd timer), or enqueue
`apply_retention_task`. Both are idempotent. GDPR art. 5(1)(c) and (e): data minimisation and
storage limitation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import (
    Answer,
    Contact,
    Feedback,
    Publication,
    PublicationDecision,
    PublicationEvent,
)

BATCH = 5000


@dataclass(frozen=True)
class RetentionResult:
    contacts_erased: int
    feedback_anonymised: int


def contact_cutoff(now: datetime | None = None) -> datetime:
    """Contact details of feedback received before this moment are erased."""
    return (now or timezone.now()) - timedelta(days=settings.FEEDBACK_CONTACT_RETENTION_DAYS)


def feedback_cutoff(now: datetime | None = None) -> datetime:
    """Feedback received before this moment is anonymised."""
    return (now or timezone.now()) - timedelta(days=settings.FEEDBACK_RETENTION_DAYS)


def erase_expired_contacts(*, now: datetime | None = None) -> int:
    """Delete the contact details of feedback older than the contact retention period."""
    erased = 0
    expired = Contact.objects.filter(feedback__received_at__lt=contact_cutoff(now))
    while ids := list(expired.values_list("pk", flat=True)[:BATCH]):
        with transaction.atomic():
            erased += Contact.objects.filter(pk__in=ids).delete()[0]
    return erased


def anonymise_expired_feedback(*, now: datetime | None = None) -> int:
    """Blank the original text of feedback older than the retention period; keep the figures."""
    anonymised = 0
    cutoff = feedback_cutoff(now)
    pending = Feedback.objects.filter(received_at__lt=cutoff).exclude(
        text="", idempotency_key__isnull=True
    )
    while ids := list(pending.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        with transaction.atomic():
            anonymised += Feedback.objects.filter(pk__in=ids).update(text="", idempotency_key=None)
            Answer.objects.filter(feedback_id__in=ids).exclude(value_text="").update(value_text="")
            Contact.objects.filter(feedback_id__in=ids).delete()
    # Nor does anonymised feedback stay linked to a person's account.
    Feedback.objects.filter(received_at__lt=cutoff, linked_account__isnull=False).update(
        linked_account=None
    )
    return anonymised


def apply_retention(*, now: datetime | None = None) -> RetentionResult:
    """Apply both retention periods; safe to run any number of times."""
    return RetentionResult(
        contacts_erased=erase_expired_contacts(now=now),
        feedback_anonymised=anonymise_expired_feedback(now=now),
    )


@task()
def apply_retention_task() -> dict[str, Any]:
    """The same as `manage.py apply_retention`, for the task queue."""
    return asdict(apply_retention())


def giver_data(feedback: Feedback) -> dict[str, Any]:
    """Everything stored about one feedback item, for its giver (GDPR art. 15 and 20)."""
    contact = Contact.objects.filter(feedback=feedback).first()
    publication = getattr(feedback, "publication", None)
    return {
        "reply_code": feedback.reply_code,
        "unit": feedback.unit.code,
        "channel": feedback.channel,
        "language": feedback.language,
        "received_at": feedback.received_at.isoformat(),
        "status": feedback.status,
        "text": feedback.text,
        "answers": [
            {"question": a.question.key, "value": a.value_int, "text": a.value_text}
            for a in feedback.answers.select_related("question")
        ],
        "contact": (
            {"email": contact.email, "phone": contact.phone, "consent_at": contact.consent_at}
            if contact
            else None
        ),
        "publish_consent": feedback.publish_consent,
        "published_text": (
            publication.published_text
            if publication and publication.decision == PublicationDecision.PUBLISHED
            else ""
        ),
        "events": [
            {"at": e.at.isoformat(), "status": e.status, "public_text": e.public_text}
            for e in feedback.events.all()
        ],
        "responses": [{"at": r.at.isoformat(), "text": r.text} for r in feedback.replies.all()],
    }


@transaction.atomic
def erase_at_givers_request(feedback: Feedback) -> None:
    """The giver asked to erase their data: contact, own words, consent and published story go.

    Scores, themes and the handling trail stay, now without anything that points to a person,
    so the unit's figures and the staff's answers are kept (GDPR art. 17(3)(b): the unit's
    statutory duty to handle feedback).
    """
    Contact.objects.filter(feedback=feedback).delete()
    Answer.objects.filter(feedback=feedback).exclude(value_text="").update(value_text="")
    PublicationEvent.objects.filter(feedback=feedback).update(text="")
    Publication.objects.filter(feedback=feedback).delete()
    Feedback.objects.filter(pk=feedback.pk).update(
        text="", redacted_text="", idempotency_key=None, publish_consent=False
    )
