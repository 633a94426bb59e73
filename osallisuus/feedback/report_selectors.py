"""Read-only views of feedback for the reports app: per-item facts for roll-ups, and export rows.

Reports never touches feedback's models directly; it reads through these functions. Nothing
here returns contact details, reply codes or names: exports carry redacted text only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

from osallisuus.accounts.selectors import units_in_scope

from .models import Answer, Feedback, QuestionType, Status, StatusEvent

# A handling step the giver sees as an answer: the first of these ends the response time.
ANSWER_STEPS = (Status.ANSWERED, Status.ACTION_PLANNED, Status.CHANGE_MADE, Status.NO_CHANGE)


@dataclass(frozen=True, slots=True)
class FeedbackFact:
    """What one feedback item contributes to the figures; no text, no contact, no codes."""

    feedback_id: int
    unit_id: int
    received_at: datetime
    due_at: datetime
    channel: str
    score: int | None
    nps: int | None
    has_text: bool
    themes: tuple[str, ...]
    sentiment: str
    suspected_mashing: bool
    first_answer_at: datetime | None
    change_made: bool


def _annotated(items: QuerySet[Feedback]) -> QuerySet[Feedback]:
    nps = Answer.objects.filter(
        feedback=OuterRef("pk"), question__type=QuestionType.NPS, value_int__isnull=False
    ).order_by("question__order")
    first_answer = StatusEvent.objects.filter(
        feedback=OuterRef("pk"), status__in=ANSWER_STEPS
    ).order_by("at")
    change_made = StatusEvent.objects.filter(feedback=OuterRef("pk"), status=Status.CHANGE_MADE)
    return items.annotate(
        nps_value=Subquery(nps.values("value_int")[:1]),
        first_answer_at=Subquery(first_answer.values("at")[:1]),
        had_change=Exists(change_made),
    )


def _fact(row: dict[str, Any]) -> FeedbackFact:
    received_at: datetime = row["received_at"]
    due_at = row["due_at"] or received_at + timedelta(days=settings.FEEDBACK_RESPONSE_DAYS)
    return FeedbackFact(
        feedback_id=row["pk"],
        unit_id=row["unit_id"],
        received_at=received_at,
        due_at=due_at,
        channel=row["channel"],
        score=row["overall_score"],
        nps=row["nps_value"],
        has_text=bool(row["text"]),
        themes=tuple(str(t) for t in (row["themes"] or [])),
        sentiment=row["sentiment"] or "",
        suspected_mashing=row["suspected_mashing"],
        first_answer_at=row["first_answer_at"],
        change_made=bool(row["had_change"]),
    )


_FACT_FIELDS = (
    "pk",
    "unit_id",
    "received_at",
    "due_at",
    "channel",
    "overall_score",
    "nps_value",
    "themes",
    "sentiment",
    "suspected_mashing",
    "first_answer_at",
    "had_change",
)


def feedback_fact(feedback_id: int) -> FeedbackFact | None:
    """The current contribution of one item (None if it no longer exists)."""
    from django.db.models import Case, Value, When
    from django.db.models.fields import BooleanField

    row = (
        _annotated(Feedback.objects.filter(pk=feedback_id))
        .annotate(
            text_present=Case(
                When(text="", then=Value(False)), default=Value(True), output_field=BooleanField()
            )
        )
        .values(*_FACT_FIELDS, "text_present")
        .first()
    )
    if row is None:
        return None
    row["text"] = row.pop("text_present")
    return _fact(row)


def all_feedback_facts(*, chunk_size: int = 10_000) -> Iterator[FeedbackFact]:
    """Every item's contribution, in id order, read in chunks for rebuilding the roll-ups.

    Per chunk: one query for the items and one each for their recommendation answers, first
    answers and changes, so a million items cost a few hundred plain queries, not correlated
    subqueries per row.
    """
    from django.db.models import Case, Min, Value, When
    from django.db.models.fields import BooleanField

    items = (
        Feedback.objects.annotate(
            text_present=Case(
                When(text="", then=Value(False)), default=Value(True), output_field=BooleanField()
            )
        )
        .values(
            "pk",
            "unit_id",
            "received_at",
            "due_at",
            "channel",
            "overall_score",
            "themes",
            "sentiment",
            "suspected_mashing",
            "text_present",
        )
        .order_by("pk")
    )
    last = 0
    while True:
        rows: list[dict[str, Any]] = list(items.filter(pk__gt=last)[:chunk_size])  # type: ignore[arg-type]
        if not rows:
            return
        low, high = rows[0]["pk"], rows[-1]["pk"]
        last = high
        in_chunk = {"feedback_id__gte": low, "feedback_id__lte": high}
        # Ordered last-to-first, so the first recommendation question in order wins.
        nps: dict[int, int | None] = dict(
            Answer.objects.filter(
                **in_chunk, question__type=QuestionType.NPS, value_int__isnull=False
            )
            .order_by("-question__order")
            .values_list("feedback_id", "value_int")
        )
        first_answers = dict(
            StatusEvent.objects.filter(**in_chunk, status__in=ANSWER_STEPS)
            .values("feedback_id")
            .annotate(first=Min("at"))
            .values_list("feedback_id", "first")
            .order_by()
        )
        changed = set(
            StatusEvent.objects.filter(**in_chunk, status=Status.CHANGE_MADE).values_list(
                "feedback_id", flat=True
            )
        )
        for row in rows:
            row["text"] = row.pop("text_present")
            row["nps_value"] = nps.get(row["pk"])
            row["first_answer_at"] = first_answers.get(row["pk"])
            row["had_change"] = row["pk"] in changed
            yield _fact(row)


@dataclass(frozen=True, slots=True)
class ExportItem:
    """One item as exported: the internal id (to be pseudonymised by the caller), no personal
    data beyond the redacted text."""

    feedback_id: int
    unit_code: str
    unit_name: str
    service_name: str
    received_on: date
    channel: str
    language: str
    score: int | None
    nps: int | None
    themes: tuple[str, ...]
    sentiment: str
    status: str
    answered_in_time: bool | None
    change_made: bool
    redacted_text: str


def export_items(
    user: Any,
    *,
    unit_ids: Iterable[int] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Iterator[ExportItem]:
    """Items of units in the user's reporting scope, oldest first, without suspected mashing.

    Reporting scope, not handling scope: an export carries redacted text and figures only, so
    decision makers get the whole county's as on their dashboards."""
    items = Feedback.objects.filter(unit__in=units_in_scope(user), suspected_mashing=False)
    if unit_ids is not None:
        items = items.filter(unit_id__in=list(unit_ids))
    if since:
        items = items.filter(received_at__date__gte=since)
    if until:
        items = items.filter(received_at__date__lte=until)
    rows = (
        _annotated(items)
        .select_related("unit__service")
        .only(
            "pk",
            "unit__code",
            "unit__name_fi",
            "unit__name_sv",
            "unit__name_en",
            "unit__service__name_fi",
            "unit__service__name_sv",
            "unit__service__name_en",
            "received_at",
            "due_at",
            "channel",
            "language",
            "overall_score",
            "themes",
            "sentiment",
            "status",
            "redacted_text",
        )
        .order_by("received_at", "pk")
    )
    for item in rows.iterator(chunk_size=2000):
        first_answer_at = item.first_answer_at  # type: ignore[attr-defined]
        due_at = item.due_at or item.received_at + timedelta(days=settings.FEEDBACK_RESPONSE_DAYS)
        yield ExportItem(
            feedback_id=item.pk,
            unit_code=item.unit.code,
            unit_name=item.unit.name,
            service_name=item.unit.service.name,
            received_on=timezone.localdate(item.received_at),
            channel=item.channel,
            language=item.language,
            score=item.overall_score,
            nps=item.nps_value,  # type: ignore[attr-defined]
            themes=tuple(item.themes or []),
            sentiment=item.sentiment,
            status=item.status,
            answered_in_time=None if first_answer_at is None else first_answer_at <= due_at,
            change_made=bool(item.had_change),  # type: ignore[attr-defined]
            redacted_text=item.redacted_text,
        )
