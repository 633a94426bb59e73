"""Writes of reports: keeping the roll-ups up to date, rebuilding them, recording exports."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from osallisuus.audit.services import Action, record_access
from osallisuus.feedback.report_selectors import FeedbackFact, all_feedback_facts, feedback_fact

from .models import (
    COUNTER_FIELDS,
    AnswerRollup,
    ExportRecord,
    FeedbackContribution,
    MonthlyRollup,
    ThemeRollup,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

# The overall score is on a 1-5 scale; MonthlyRollup counts each value (score_1 .. score_5).
SCORE_MIN, SCORE_MAX = 1, 5
# Net Promoter Score bands on the 0-10 scale: 9-10 promote, 7-8 are passive, 0-6 detract.
NPS_PROMOTER_FROM = 9
NPS_PASSIVE_FROM = 7
# Contributions written per INSERT when the roll-ups are rebuilt from scratch.
REBUILD_BATCH = 5000


def month_of(moment: Any) -> date:
    """The first day of the Helsinki-time month of an aware datetime."""
    return timezone.localdate(moment).replace(day=1)


@dataclass(frozen=True)
class Contribution:
    unit_id: int
    month: date
    channel: str
    counters: dict[str, int]
    themes: tuple[str, ...]
    # (question id, value) pairs by question id: one count each in AnswerRollup.
    answers: tuple[tuple[int, int], ...] = ()


def contribution_of(fact: FeedbackFact) -> Contribution | None:
    """What one item adds; suspected button-mashing adds nothing."""
    if fact.suspected_mashing:
        return None
    counters = {"count": 1}
    if fact.has_text:
        counters["comments"] = 1
    if fact.score is not None and SCORE_MIN <= fact.score <= SCORE_MAX:
        counters[f"score_{fact.score}"] = 1
    if fact.nps is not None:
        bucket = (
            "nps_promoters"
            if fact.nps >= NPS_PROMOTER_FROM
            else "nps_passives"
            if fact.nps >= NPS_PASSIVE_FROM
            else "nps_detractors"
        )
        counters[bucket] = 1
    if fact.answered_in_time is not None:
        counters["answered_in_time" if fact.answered_in_time else "answered_late"] = 1
    if fact.change_made:
        counters["change_made"] = 1
    themes = tuple(sorted(set(fact.themes))) if fact.has_text else ()
    answers = tuple(sorted(fact.answers))
    return Contribution(
        fact.unit_id, month_of(fact.received_at), fact.channel, counters, themes, answers
    )


def _apply_counters(unit_id: int, month: date, channel: str, delta: dict[str, int]) -> None:
    delta = {k: v for k, v in delta.items() if v}
    if not delta:
        return
    key = {"unit_id": unit_id, "month": month, "channel": channel}
    updates = {name: F(name) + value for name, value in delta.items()}
    if MonthlyRollup.objects.filter(**key).update(**updates):
        return
    try:
        with transaction.atomic():
            MonthlyRollup.objects.create(**key, **delta)
    except IntegrityError:
        # Another process created the row first: add to it.
        MonthlyRollup.objects.filter(**key).update(**updates)


def _apply_themes(unit_id: int, month: date, themes: Iterable[str], step: int) -> None:
    themes = list(themes)
    if not themes:
        return
    key = {"unit_id": unit_id, "month": month}
    updated = ThemeRollup.objects.filter(**key, theme__in=themes).update(count=F("count") + step)
    if updated == len(themes):
        return
    present = set(
        ThemeRollup.objects.filter(**key, theme__in=themes).values_list("theme", flat=True)
    )
    for theme in themes:
        if theme in present:
            continue
        try:
            with transaction.atomic():
                ThemeRollup.objects.create(**key, theme=theme, count=step)
        except IntegrityError:
            ThemeRollup.objects.filter(**key, theme=theme).update(count=F("count") + step)


def _apply_answers(
    unit_id: int, month: date, answers: Iterable[tuple[int, int]], step: int
) -> None:
    for question_id, value in answers:
        key = {"unit_id": unit_id, "month": month, "question_id": question_id, "value": value}
        if AnswerRollup.objects.filter(**key).update(count=F("count") + step):
            continue
        try:
            with transaction.atomic():
                AnswerRollup.objects.create(**key, count=step)
        except IntegrityError:
            AnswerRollup.objects.filter(**key).update(count=F("count") + step)


@transaction.atomic
def refresh_feedback_rollup(feedback_id: int) -> None:
    """Bring the roll-ups up to date with one item: apply the change since its last refresh.

    Idempotent: a second call without a change in the item changes nothing.
    """
    # Lock first, read the item second: a rebuild running now makes us wait, and what we read
    # afterwards is what the rebuilt tables already hold.
    stored = (
        FeedbackContribution.objects.select_for_update().filter(feedback_id=feedback_id).first()
    )
    fact = feedback_fact(feedback_id)
    new = contribution_of(fact) if fact is not None else None
    old = (
        Contribution(
            stored.unit_id,
            stored.month,
            stored.channel,
            dict(stored.counters),
            tuple(stored.themes),
            tuple((int(q), int(v)) for q, v in stored.answers),
        )
        if stored is not None
        else None
    )
    if old == new:
        return
    same_key = (
        old is not None
        and new is not None
        and (old.unit_id, old.month, old.channel) == (new.unit_id, new.month, new.channel)
    )
    if same_key and old is not None and new is not None:
        delta = {f: new.counters.get(f, 0) - old.counters.get(f, 0) for f in COUNTER_FIELDS}
        _apply_counters(new.unit_id, new.month, new.channel, delta)
        _apply_themes(new.unit_id, new.month, sorted(set(old.themes) - set(new.themes)), -1)
        _apply_themes(new.unit_id, new.month, sorted(set(new.themes) - set(old.themes)), 1)
        _apply_answers(new.unit_id, new.month, sorted(set(old.answers) - set(new.answers)), -1)
        _apply_answers(new.unit_id, new.month, sorted(set(new.answers) - set(old.answers)), 1)
    else:
        if old is not None:
            _apply_counters(
                old.unit_id, old.month, old.channel, {k: -v for k, v in old.counters.items()}
            )
            _apply_themes(old.unit_id, old.month, old.themes, -1)
            _apply_answers(old.unit_id, old.month, old.answers, -1)
        if new is not None:
            _apply_counters(new.unit_id, new.month, new.channel, new.counters)
            _apply_themes(new.unit_id, new.month, new.themes, 1)
            _apply_answers(new.unit_id, new.month, new.answers, 1)
    if new is None:
        FeedbackContribution.objects.filter(feedback_id=feedback_id).delete()
    elif stored is None:
        FeedbackContribution.objects.create(
            feedback_id=feedback_id,
            unit_id=new.unit_id,
            month=new.month,
            channel=new.channel,
            counters=new.counters,
            themes=list(new.themes),
            answers=[list(pair) for pair in new.answers],
        )
    else:
        stored.unit_id = new.unit_id
        stored.month = new.month
        stored.channel = new.channel
        stored.counters = new.counters
        stored.themes = list(new.themes)
        stored.answers = [list(pair) for pair in new.answers]
        stored.save()


def refresh_rollups_on_change(sender: Any, *, feedback_ids: list[int], **kwargs: Any) -> None:
    """Receiver of feedback's `feedback_changed`, delivered in the task worker after the change
    committed (after intake and handling steps): refresh each item's roll-ups. A failure never
    undoes the feedback write, and `rebuild_rollups` repairs anything missed."""
    for feedback_id in feedback_ids:
        refresh_feedback_rollup(feedback_id)


@transaction.atomic
def rebuild_rollups() -> int:
    """Recount every roll-up from the raw feedback rows; return the number of items counted."""
    if connection.vendor == "postgresql":
        return _rebuild_in_sql()
    return _rebuild_in_python()


def _rebuild_in_python() -> int:
    """The portable rebuild (SQLite): `contribution_of` applied to every item."""
    counters: dict[tuple[int, date, str], Counter[str]] = defaultdict(Counter)
    themes: dict[tuple[int, date], Counter[str]] = defaultdict(Counter)
    answers: Counter[tuple[int, date, int, int]] = Counter()
    FeedbackContribution.objects.all().delete()
    batch: list[FeedbackContribution] = []
    counted = 0
    for fact in all_feedback_facts():
        contribution = contribution_of(fact)
        if contribution is None:
            continue
        counted += 1
        key = (contribution.unit_id, contribution.month, contribution.channel)
        counters[key].update(contribution.counters)
        themes[(contribution.unit_id, contribution.month)].update(contribution.themes)
        answers.update(
            (contribution.unit_id, contribution.month, question_id, value)
            for question_id, value in contribution.answers
        )
        batch.append(
            FeedbackContribution(
                feedback_id=fact.feedback_id,
                unit_id=contribution.unit_id,
                month=contribution.month,
                channel=contribution.channel,
                counters=contribution.counters,
                themes=list(contribution.themes),
                answers=[list(pair) for pair in contribution.answers],
            )
        )
        if len(batch) >= REBUILD_BATCH:
            FeedbackContribution.objects.bulk_create(batch)
            batch = []
    FeedbackContribution.objects.bulk_create(batch)
    MonthlyRollup.objects.all().delete()
    ThemeRollup.objects.all().delete()
    AnswerRollup.objects.all().delete()
    AnswerRollup.objects.bulk_create(
        (
            AnswerRollup(unit_id=unit_id, month=month, question_id=question, value=value, count=n)
            for (unit_id, month, question, value), n in answers.items()
        ),
        batch_size=2000,
    )
    MonthlyRollup.objects.bulk_create(
        (
            MonthlyRollup(unit_id=unit_id, month=month, channel=channel, **dict(values))
            for (unit_id, month, channel), values in counters.items()
        ),
        batch_size=2000,
    )
    ThemeRollup.objects.bulk_create(
        (
            ThemeRollup(unit_id=unit_id, month=month, theme=theme, count=count)
            for (unit_id, month), by_theme in themes.items()
            for theme, count in by_theme.items()
            if count
        ),
        batch_size=2000,
    )
    return counted


# Feedback's columns and rule annotations (`rule_columns`) the SQL rebuild reads.
_ITEM_COLUMNS = (
    "id",
    "unit_id",
    "received_at",
    "channel",
    "overall_score",
    "themes",
    "has_text",
    "due",
)


def _facts_sql() -> tuple[str, list[Any]]:
    """One row per counted item with what `contribution_of` reads, as a PostgreSQL SELECT.

    Mirrors `feedback.report_selectors.all_feedback_facts` + `contribution_of`, with feedback's
    own rule definitions: `rule_columns` (has text, due time) compiled into a derived table and
    ANSWERED_IN_TIME_SQL over it; here only the joins (the first recommendation answer by
    question order, the first answering step, whether a change was made) and the Helsinki-time
    month.
    """
    from osallisuus.feedback.models import (
        Answer,
        Feedback,
        Question,
        QuestionType,
        Status,
        StatusEvent,
    )
    from osallisuus.feedback.report_selectors import (
        ANSWER_STEPS,
        ANSWERED_IN_TIME_SQL,
        ROLLED_UP_TYPES,
        rule_columns,
    )

    items = (
        rule_columns(Feedback.objects.filter(suspected_mashing=False))
        .values(*_ITEM_COLUMNS)
        .order_by()
    )
    items_sql, items_params = items.query.sql_with_params()
    answered_in_time = ANSWERED_IN_TIME_SQL.format(first_answer_at="first_answer.at", due="f.due")
    sql = f"""
        SELECT f.id AS feedback_id,
               f.unit_id,
               date_trunc('month', f.received_at AT TIME ZONE %s)::date AS month,
               f.channel,
               f.has_text,
               f.overall_score AS score,
               nps.value_int AS nps,
               {answered_in_time} AS answered_in_time,
               changed.feedback_id IS NOT NULL AS change_made,
               CASE WHEN f.has_text AND jsonb_typeof(f.themes) = 'array' THEN
                   coalesce((SELECT jsonb_agg(t.theme ORDER BY t.theme COLLATE "C")
                             FROM (SELECT DISTINCT value AS theme
                                   FROM jsonb_array_elements_text(f.themes)) AS t),
                            '[]'::jsonb)
               ELSE '[]'::jsonb END AS themes,
               coalesce((SELECT jsonb_agg(jsonb_build_array(a.question_id, a.value_int)
                                          ORDER BY a.question_id)
                         FROM {Answer._meta.db_table} AS a
                         JOIN {Question._meta.db_table} AS q ON q.id = a.question_id
                         WHERE a.feedback_id = f.id AND q.type = ANY(%s)
                               AND a.value_int IS NOT NULL),
                        '[]'::jsonb) AS answers
        FROM ({items_sql}) AS f
        LEFT JOIN (
            SELECT DISTINCT ON (a.feedback_id) a.feedback_id, a.value_int
            FROM {Answer._meta.db_table} AS a
            JOIN {Question._meta.db_table} AS q ON q.id = a.question_id
            WHERE q.type = %s AND a.value_int IS NOT NULL
            ORDER BY a.feedback_id, q."order", a.id
        ) AS nps ON nps.feedback_id = f.id
        LEFT JOIN (
            SELECT feedback_id, min(at) AS at
            FROM {StatusEvent._meta.db_table}
            WHERE status = ANY(%s)
            GROUP BY feedback_id
        ) AS first_answer ON first_answer.feedback_id = f.id
        LEFT JOIN (
            SELECT DISTINCT feedback_id
            FROM {StatusEvent._meta.db_table}
            WHERE status = %s
        ) AS changed ON changed.feedback_id = f.id
    """  # noqa: S608 (table names from the models, values as parameters)
    params = [
        settings.TIME_ZONE,
        [str(kind) for kind in ROLLED_UP_TYPES],
        *items_params,
        str(QuestionType.NPS),
        [str(step) for step in ANSWER_STEPS],
        str(Status.CHANGE_MADE),
    ]
    return sql, params


def _bucket(column: str) -> str:
    """The SQL of one counter (0 or 1) of a fact row, as `contribution_of` sets it."""
    return {
        "count": "1",
        "comments": "CASE WHEN has_text THEN 1 ELSE 0 END",
        **{f"score_{n}": f"CASE WHEN score = {n} THEN 1 ELSE 0 END" for n in range(1, 6)},
        "nps_promoters": "CASE WHEN nps >= 9 THEN 1 ELSE 0 END",
        "nps_passives": "CASE WHEN nps >= 7 AND nps < 9 THEN 1 ELSE 0 END",
        "nps_detractors": "CASE WHEN nps < 7 THEN 1 ELSE 0 END",
        "answered_in_time": "CASE WHEN answered_in_time THEN 1 ELSE 0 END",
        "answered_late": "CASE WHEN NOT answered_in_time THEN 1 ELSE 0 END",
        "change_made": "CASE WHEN change_made THEN 1 ELSE 0 END",
    }[column]


def _rebuild_in_sql() -> int:
    """The PostgreSQL rebuild: the same figures as `_rebuild_in_python`, counted in SQL.

    The facts go once into a temporary table; the contributions (with the same JSON as
    `contribution_of`: only the counters that are 1), the monthly and the theme roll-ups are
    each one INSERT ... SELECT from it.
    """
    contributions = FeedbackContribution._meta.db_table
    monthly = MonthlyRollup._meta.db_table
    theme_table = ThemeRollup._meta.db_table
    answer_table = AnswerRollup._meta.db_table
    facts_sql, params = _facts_sql()
    counters_json = "jsonb_strip_nulls(jsonb_build_object({}))".format(
        ", ".join(f"'{name}', CASE WHEN {_bucket(name)} = 1 THEN 1 END" for name in COUNTER_FIELDS)
    )
    columns = ", ".join(COUNTER_FIELDS)
    sums = ", ".join(f"sum({_bucket(name)})" for name in COUNTER_FIELDS)
    with connection.cursor() as cursor:
        # Table names come from the models, values go as parameters (hence the noqa: S608).
        # Item refreshes wait until the rebuilt tables are committed (they lock rows of this
        # table first), so none is lost or counted twice meanwhile.
        cursor.execute(f"LOCK TABLE {contributions} IN EXCLUSIVE MODE")
        cursor.execute(f"CREATE TEMPORARY TABLE rollup_facts ON COMMIT DROP AS {facts_sql}", params)
        counted: int = cursor.rowcount
        # Only refreshes (which lock its rows first) read this table: emptying it in one step
        # instead of row by row is safe and leaves no dead rows behind. TRUNCATE refuses to
        # run while deferred foreign-key checks of rows written earlier in this transaction
        # wait, so those are checked first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {contributions}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(
            f"""INSERT INTO {contributions} (feedback_id, unit_id, month, channel, counters,
                    themes, answers)
                SELECT feedback_id, unit_id, month, channel, {counters_json}, themes, answers
                FROM rollup_facts"""  # noqa: S608 (table names from the models, values as parameters)
        )
        cursor.execute(f"DELETE FROM {monthly}")  # noqa: S608 (a table name from the models)
        cursor.execute(
            f"""INSERT INTO {monthly} (unit_id, month, channel, {columns})
                SELECT unit_id, month, channel, {sums}
                FROM rollup_facts GROUP BY unit_id, month, channel"""  # noqa: S608 (table names from the models, values as parameters)
        )
        cursor.execute(f"DELETE FROM {theme_table}")  # noqa: S608 (a table name from the models)
        cursor.execute(
            f"""INSERT INTO {theme_table} (unit_id, month, theme, count)
                SELECT unit_id, month, theme.value, count(*)
                FROM rollup_facts, jsonb_array_elements_text(themes) AS theme
                GROUP BY unit_id, month, theme.value"""  # noqa: S608 (table names from the models, values as parameters)
        )
        cursor.execute(f"DELETE FROM {answer_table}")  # noqa: S608 (a table name from the models)
        cursor.execute(
            f"""INSERT INTO {answer_table} (unit_id, month, question_id, value, count)
                SELECT unit_id, month, (pair->>0)::bigint, (pair->>1)::smallint, count(*)
                FROM rollup_facts, jsonb_array_elements(answers) AS pair
                GROUP BY unit_id, month, pair->>0, pair->>1"""  # noqa: S608 (table names from the models, values as parameters)
        )
        cursor.execute("DROP TABLE rollup_facts")
        # Fresh statistics for the dashboards' queries on the rewritten (small) tables.
        cursor.execute(f"ANALYZE {monthly}, {theme_table}, {answer_table}")
    return counted


def record_export(
    *, by: User, kind: str, format: str, filters: dict[str, Any], rows: int, path: str = ""
) -> ExportRecord:
    """Keep a record of an export download and log it in the audit log."""
    record = ExportRecord.objects.create(
        by=by, kind=kind, format=format, filters=filters, rows=rows
    )
    record_access(actor=by, obj=record, action=Action.EXPORT, path=path)
    return record
