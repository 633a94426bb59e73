"""Read-only views of feedback for the reports app: per-item facts for roll-ups, and export rows.

Reports never touches feedback's models directly; it reads through these functions. Nothing
here returns contact details, reply codes or names: exports carry redacted text only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.accounts.selectors import units_in_scope
from osallisuus.complaints.selectors import rerouted_feedback_ids

from .models import (
    Answer,
    Feedback,
    Publication,
    PublicationDecision,
    Question,
    QuestionType,
    Status,
    StatusEvent,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser

# A handling step the giver sees as an answer: the first of these ends the response time.
ANSWER_STEPS = (Status.ANSWERED, Status.ACTION_PLANNED, Status.CHANGE_MADE, Status.NO_CHANGE)


# --- The rules, each defined once ---------------------------------------------------------------
# The reads below annotate them; reports' PostgreSQL roll-up compiles the same definitions into
# its SQL (`rule_columns` as a derived table, ANSWERED_IN_TIME_SQL over its columns), so the
# item-by-item figures and the rebuilt ones cannot drift apart.


def has_text() -> Expression:
    """The giver wrote a comment (only then do its themes count)."""
    return ExpressionWrapper(~Q(text=""), output_field=BooleanField())


def due() -> Expression:
    """When an answer is due: the item's own due time, or arrival + FEEDBACK_RESPONSE_DAYS."""
    return Coalesce(
        F("due_at"),
        F("received_at") + Value(timedelta(days=settings.FEEDBACK_RESPONSE_DAYS)),
        output_field=DateTimeField(),
    )


# Answered in time: the first answering step at or before the due time; NULL while unanswered.
ANSWERED_IN_TIME_SQL = "({first_answer_at} <= {due})"


class AnsweredInTime(Expression):
    """ANSWERED_IN_TIME_SQL over two expressions, for the ORM reads."""

    output_field = BooleanField(null=True)

    def __init__(self, first_answer_at: Any, due: Any) -> None:
        super().__init__()
        self.first_answer_at, self.due = first_answer_at, due

    def get_source_expressions(self) -> list[Any]:
        return [self.first_answer_at, self.due]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        self.first_answer_at, self.due = exprs

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, tuple[Any, ...]]:
        first_sql, first_params = compiler.compile(self.first_answer_at)
        due_sql, due_params = compiler.compile(self.due)
        sql = ANSWERED_IN_TIME_SQL.format(first_answer_at=first_sql, due=due_sql)
        return sql, (*first_params, *due_params)


def rule_columns(items: QuerySet[Feedback]) -> QuerySet[Feedback]:
    """The items with the rules that need no other table: `has_text` and `due`."""
    return items.annotate(has_text=has_text(), due=due())


def _first_answer_at() -> Subquery:
    first_answer = StatusEvent.objects.filter(
        feedback=OuterRef("pk"), status__in=ANSWER_STEPS
    ).order_by("at")
    return Subquery(first_answer.values("at")[:1])


def _with_answer_rules(items: QuerySet[Feedback]) -> QuerySet[Feedback]:
    return rule_columns(items).annotate(
        answered_in_time=AnsweredInTime(_first_answer_at(), F("due"))
    )


@dataclass(frozen=True, slots=True)
class FeedbackFact:
    """What one feedback item contributes to the figures; no text, no contact, no codes."""

    feedback_id: int
    unit_id: int
    received_at: datetime
    channel: str
    score: int | None
    nps: int | None
    has_text: bool
    themes: tuple[str, ...]
    sentiment: str
    suspected_mashing: bool
    answered_in_time: bool | None  # None while unanswered
    change_made: bool
    # (question id, value) of each numeric answer (ROLLED_UP_TYPES), by question id.
    answers: tuple[tuple[int, int], ...] = ()


def _annotated(items: QuerySet[Feedback]) -> QuerySet[Feedback]:
    nps = Answer.objects.filter(
        feedback=OuterRef("pk"), question__type=QuestionType.NPS, value_int__isnull=False
    ).order_by("question__order")
    change_made = StatusEvent.objects.filter(feedback=OuterRef("pk"), status=Status.CHANGE_MADE)
    return _with_answer_rules(items).annotate(
        nps_value=Subquery(nps.values("value_int")[:1]),
        had_change=Exists(change_made),
    )


# The question types whose answers reports counts per value (statements and recommendation).
ROLLED_UP_TYPES = (QuestionType.SCALE5, QuestionType.NPS)


def _rolled_up_answers(**filters: Any) -> QuerySet[Answer]:
    """Numeric answers of the rolled-up question types, by item and question id."""
    return Answer.objects.filter(
        **filters, question__type__in=ROLLED_UP_TYPES, value_int__isnull=False
    ).order_by("feedback_id", "question_id")


@dataclass(frozen=True, slots=True)
class QuestionWording:
    """How a rolled-up question reads on a page in the active language: its own wording, every
    value of its own scale with the value's label ("" where the scale names only its ends),
    and the scale's ends in words."""

    question_id: int
    key: str
    type: str
    text: str
    scale: tuple[tuple[int, str], ...]
    ends: str
    order: tuple[int, int]


def question_wordings(question_ids: Iterable[int]) -> dict[int, QuestionWording]:
    """The wording and scale of each question, by id (questions of other types left out)."""
    from .forms import scale_labels

    wordings = {}
    questions = Question.objects.filter(pk__in=list(question_ids), type__in=ROLLED_UP_TYPES)
    for question in questions:
        if question.type == QuestionType.SCALE5:
            scale = tuple((value, str(label)) for value, label in scale_labels(question.key))
            ends = f"1 = {scale[0][1]}, 5 = {scale[-1][1]}"
        else:
            scale = tuple((value, "") for value in range(11))
            ends = str(_("0 = not at all likely, 10 = extremely likely"))
        wordings[question.pk] = QuestionWording(
            question_id=question.pk,
            key=question.key,
            type=question.type,
            text=question.text(),
            scale=scale,
            ends=ends,
            order=(question.question_set_id, question.order),
        )
    return wordings


def _fact(row: dict[str, Any], answers: tuple[tuple[int, int], ...] = ()) -> FeedbackFact:
    return FeedbackFact(
        feedback_id=row["pk"],
        unit_id=row["unit_id"],
        received_at=row["received_at"],
        channel=row["channel"],
        score=row["overall_score"],
        nps=row["nps_value"],
        has_text=bool(row["has_text"]),
        themes=tuple(str(t) for t in (row["themes"] or [])),
        sentiment=row["sentiment"] or "",
        suspected_mashing=row["suspected_mashing"],
        answered_in_time=row["answered_in_time"],
        change_made=bool(row["had_change"]),
        answers=answers,
    )


_FACT_FIELDS = (
    "pk",
    "unit_id",
    "received_at",
    "channel",
    "overall_score",
    "nps_value",
    "themes",
    "sentiment",
    "suspected_mashing",
    "has_text",
    "answered_in_time",
    "had_change",
)


def feedback_fact(feedback_id: int) -> FeedbackFact | None:
    """The current contribution of one item (None if it no longer exists)."""
    row = _annotated(Feedback.objects.filter(pk=feedback_id)).values(*_FACT_FIELDS).first()
    if row is None:
        return None
    answers = _rolled_up_answers(feedback_id=feedback_id).values_list("question_id", "value_int")
    return _fact(row, tuple((q, v) for q, v in answers if v is not None))


def all_feedback_facts(*, chunk_size: int = 10_000) -> Iterator[FeedbackFact]:
    """Every item's contribution, in id order, read in chunks for rebuilding the roll-ups.

    Per chunk: one query for the items (with the rules annotated) and one each for their
    recommendation answers and changes. The portable path (SQLite); PostgreSQL rebuilds in SQL.
    """
    # The annotated rules by name: the type checker cannot see annotations made in a helper.
    fields = [f for f in _FACT_FIELDS if f not in ("nps_value", "had_change")]
    items = _with_answer_rules(Feedback.objects.all()).values(*fields).order_by("pk")
    last = 0
    while True:
        rows: list[dict[str, Any]] = list(items.filter(pk__gt=last)[:chunk_size])
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
        changed = set(
            StatusEvent.objects.filter(**in_chunk, status=Status.CHANGE_MADE).values_list(
                "feedback_id", flat=True
            )
        )
        answers: dict[int, list[tuple[int, int]]] = {}
        for item, question, value in _rolled_up_answers(**in_chunk).values_list(
            "feedback_id", "question_id", "value_int"
        ):
            if value is not None:
                answers.setdefault(item, []).append((question, value))
        for row in rows:
            row["nps_value"] = nps.get(row["pk"])
            row["had_change"] = row["pk"] in changed
            yield _fact(row, tuple(answers.get(row["pk"], ())))


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
    user: MaybeUser,
    *,
    unit_ids: Iterable[int] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Iterator[ExportItem]:
    """Items of units in the user's reporting scope, oldest first, without suspected mashing.

    Reporting scope, not handling scope: an export carries redacted text and figures only, so
    decision makers get the whole county's as on their dashboards."""
    items = Feedback.objects.filter(unit__in=units_in_scope(user), suspected_mashing=False).exclude(
        pk__in=rerouted_feedback_ids()
    )  # redirected or moved to objections (#18)
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
            answered_in_time=item.answered_in_time,  # type: ignore[attr-defined]
            change_made=bool(item.had_change),  # type: ignore[attr-defined]
            redacted_text=item.redacted_text,
        )


# --- Public trail figures (the trail's "you said, we did" pages read these) --------------------


def _public_items(units: Any, since: datetime, until: datetime) -> QuerySet[Feedback]:
    return Feedback.objects.filter(
        unit__in=units, suspected_mashing=False, received_at__gte=since, received_at__lt=until
    )


@dataclass(frozen=True, slots=True)
class NoChangeText:
    """A public "no change" text the unit wrote, with how many items it closed."""

    text: str
    count: int
    last_at: datetime


def no_change_texts(*, units: Any, since: datetime, until: datetime) -> list[NoChangeText]:
    """The public texts of items closed with "no change" (identical texts counted once)."""
    rows = (
        StatusEvent.objects.filter(
            feedback__in=_public_items(units, since, until), status=Status.NO_CHANGE
        )
        .exclude(public_text="")
        .values("public_text")
        .annotate(count=Count("pk"), last_at=Max("at"))
        .order_by("-last_at")
    )
    return [NoChangeText(r["public_text"], r["count"], r["last_at"]) for r in rows]


def _any_theme(themes: Iterable[str]) -> Q:
    condition = Q()
    for theme in themes:
        if connections[Feedback.objects.db].vendor == "postgresql":
            condition |= Q(themes__contains=[theme])
        else:
            condition |= Q(themes__icontains=f'"{theme}"')
    return condition


@dataclass(frozen=True, slots=True)
class ThemeQuote:
    """One comment on a theme as a decision maker may read it: the moderator's published text,
    else the text with personal data removed; never the original, never who gave it."""

    text: str
    language: str
    received_on: date
    published: bool


QUOTE_CHARS = 300


def theme_quotes(
    *, units: Any, theme: str, since: datetime, until: datetime, limit: int = 3
) -> list[ThemeQuote]:
    """The newest comments of the period on `theme` (published ones first) for a briefing."""
    published = Publication.objects.filter(
        feedback=OuterRef("pk"), decision=PublicationDecision.PUBLISHED
    )
    rows = (
        _public_items(units, since, until)
        .filter(_any_theme([theme]))
        .exclude(redacted_text="")
        .annotate(
            published_text=Subquery(published.values("published_text")[:1]),
            published_language=Subquery(published.values("text_language")[:1]),
        )
        .order_by(F("published_text").asc(nulls_last=True), "-received_at", "-pk")
        .values("published_text", "published_language", "redacted_text", "language", "received_at")
    )
    quotes = []
    for row in rows[:limit]:
        text = row["published_text"] or row["redacted_text"]
        quotes.append(
            ThemeQuote(
                text=text[:QUOTE_CHARS] + ("…" if len(text) > QUOTE_CHARS else ""),
                language=(row["published_language"] if row["published_text"] else row["language"])
                or "fi",
                received_on=timezone.localdate(row["received_at"]),
                published=bool(row["published_text"]),
            )
        )
    return quotes


# --- Figures of one question set at some units (survey campaigns read these) -------------------


@dataclass(frozen=True, slots=True)
class QuestionSetFigures:
    """Counts of the feedback given through one question set at some units in a period (no
    suppression here: the caller hides groups below the minimum)."""

    count: int
    comments: int
    # Each rolled-up question's answers per value of its own scale: question id → value → n.
    answers: dict[int, Counter[int]]
    themes: Counter[str]

    def as_json(self) -> dict[str, Any]:
        """The figures as JSON (kept as a closed campaign's final figures)."""
        return {
            "count": self.count,
            "comments": self.comments,
            "answers": {
                str(question): {str(value): n for value, n in values.items()}
                for question, values in self.answers.items()
            },
            "themes": dict(self.themes),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QuestionSetFigures:
        return cls(
            count=int(data["count"]),
            comments=int(data["comments"]),
            answers={
                int(question): Counter({int(value): int(n) for value, n in values.items()})
                for question, values in data["answers"].items()
            },
            themes=Counter({str(theme): int(n) for theme, n in data["themes"].items()}),
        )


def question_set_figures(
    *, question_set_id: int, units: Any, since: datetime, until: datetime, answers: bool = True
) -> QuestionSetFigures:
    """Three queries: the counts, each question's answers per value (unless `answers` is
    False: then none are counted), the comments' themes."""
    items = _public_items(units, since, until).filter(question_set_id=question_set_id)
    figures = items.aggregate(count=Count("pk"), comments=Count("pk", filter=has_text()))
    by_question: dict[int, Counter[int]] = {}
    rows = (
        Answer.objects.filter(
            feedback__in=items, question__type__in=ROLLED_UP_TYPES, value_int__isnull=False
        )
        .values_list("question_id", "value_int")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for question_id, value, n in rows if answers else ():
        by_question.setdefault(question_id, Counter())[value] += n
    themes: Counter[str] = Counter()
    texts = items.filter(has_text()).values_list("themes", flat=True)
    for item_themes in texts.iterator(chunk_size=5000):
        themes.update(set(item_themes or ()))
    return QuestionSetFigures(
        count=int(figures["count"] or 0),
        comments=int(figures["comments"] or 0),
        answers=by_question,
        themes=themes,
    )
