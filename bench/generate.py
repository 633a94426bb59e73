"""Generate feedback at scale inside PostgreSQL: one INSERT ... SELECT over generate_series.

Distributions follow a real county: a few big health stations get most feedback (units drawn
with a squared-uniform skew), recent months more than old ones, scores skewed to 4–5, four in
ten with a comment (and its themes), Finnish first then Swedish and English. Columns this
script does not know (added later by other features) get their model default, so generation
keeps working as the model grows.
"""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any

from django.db import connection

SAMPLE_TEXTS = [
    ("Sain ajan nopeasti ja hoitaja oli ystävällinen.", "fi"),
    ("Jonotin puhelimessa yli tunnin, eikä kukaan soittanut takaisin.", "fi"),
    ("Lääkäri kuunteli ja selitti hoidon hyvin.", "fi"),
    ("Odotusaula oli täynnä ja ilmanvaihto huono.", "fi"),
    ("Personalen var vänlig men väntetiden var lång.", "sv"),
    ("The nurse was kind but the wait was long.", "en"),
    ("Parkkipaikkoja on liian vähän.", "fi"),
    ("Ajanvaraus netissä ei toiminut.", "fi"),
]


def _literal(field: Any) -> str:
    """A SQL literal for a field's model default (for columns this generator does not know)."""
    value = field.get_default()
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | dict):
        return "'" + json.dumps(value).replace("'", "''") + "'::jsonb"
    return "'" + str(value).replace("'", "''") + "'"


def generate(count: int, *, start_id: int = 0) -> float:
    """Insert `count` feedback items (plus their overall-score answers); return seconds taken."""
    from osallisuus.analysis.taxonomy import theme_ids
    from osallisuus.feedback.models import Answer, Feedback, Question, QuestionSet
    from osallisuus.organisation.models import Unit

    unit_ids = list(Unit.objects.filter(active=True).order_by("pk").values_list("pk", flat=True))
    question_set = QuestionSet.objects.filter(is_default=True).first()
    themes = list(theme_ids())
    started = time.perf_counter()
    known = {
        "id": "DEFAULT",
        "reply_code": "'B' || lpad(to_hex(%(offset)s + i), 8, '0')",
        "unit_id": f"(ARRAY{unit_ids})[1 + floor(power(x.r1, 2) * {len(unit_ids)})::int]",
        "question_set_id": str(question_set.pk) if question_set else "NULL",
        "channel": (
            "CASE WHEN x.r2 < 0.45 THEN 'qr' WHEN x.r2 < 0.7 THEN 'web' WHEN x.r2 < 0.85 "
            "THEN 'kiosk' WHEN x.r2 < 0.92 THEN 'sms' WHEN x.r2 < 0.97 THEN 'email' ELSE 'api' END"
        ),
        "language": "CASE WHEN x.r3 < 0.85 THEN 'fi' WHEN x.r3 < 0.95 THEN 'sv' ELSE 'en' END",
        "text": "CASE WHEN x.r4 < 0.4 THEN (%(texts)s::text[])[1 + (i %% %(ntexts)s)] ELSE '' END",
        "received_at": "x.received_at",
        "due_at": "x.received_at + interval '14 days'",
        "status": (
            "CASE WHEN x.received_at > now() - interval '14 days' THEN "
            "(ARRAY['received','in_progress','answered'])[1 + (i %% 3)] "
            "WHEN x.r5 < 0.7 THEN 'closed' WHEN x.r5 < 0.85 THEN 'answered' "
            "WHEN x.r5 < 0.93 THEN 'action_planned' ELSE 'change_made' END"
        ),
        "idempotency_key": "NULL",
        "publish_consent": "x.r5 < 0.2",
        "assigned_to_id": "NULL",
        "themes": (
            "CASE WHEN x.r4 < 0.4 THEN jsonb_build_array((%(themes)s::text[])"
            "[1 + floor(x.r6 * %(nthemes)s)::int]) ELSE '[]'::jsonb END"
        ),
        "sentiment": (
            "CASE WHEN x.r4 >= 0.4 THEN '' WHEN x.r9 < 0.45 THEN 'positive' "
            "WHEN x.r9 < 0.8 THEN 'negative' WHEN x.r9 < 0.9 THEN 'mixed' ELSE 'neutral' END"
        ),
        "urgent": "x.r7 < 0.01",
        "redacted_text": (
            "CASE WHEN x.r4 < 0.4 THEN (%(texts)s::text[])[1 + (i %% %(ntexts)s)] ELSE '' END"
        ),
        "suspected_mashing": "x.r7 > 0.995",
        # A generated history has had its second reading long ago.
        "second_reading_pending": "FALSE",
        "overall_score": (
            "CASE WHEN x.r8 < 0.2 THEN NULL WHEN x.r8 < 0.25 THEN 1 WHEN x.r8 < 0.32 THEN 2 "
            "WHEN x.r8 < 0.45 THEN 3 WHEN x.r8 < 0.7 THEN 4 ELSE 5 END"
        ),
    }
    columns, expressions = [], []
    for field in Feedback._meta.concrete_fields:
        if field.column == "id":
            continue
        columns.append(connection.ops.quote_name(field.column))
        expressions.append(known.get(field.column) or _literal(field))
    sql = f"""
        INSERT INTO {Feedback._meta.db_table} ({", ".join(columns)})
        SELECT {", ".join(expressions)}
        FROM generate_series(1, %(count)s) AS i,
        LATERAL (
            SELECT random() + 0 * i AS r1, random() + 0 * i AS r2, random() + 0 * i AS r3,
                   random() + 0 * i AS r4, random() + 0 * i AS r5, random() + 0 * i AS r6,
                   random() + 0 * i AS r7, random() + 0 * i AS r8, random() + 0 * i AS r9,
                   now() - power(random() + 0 * i, 1.5) * interval '730 days' AS received_at
        ) AS x
    """
    params = {
        "count": count,
        "offset": start_id,
        "texts": [t for t, _lang in SAMPLE_TEXTS],
        "ntexts": len(SAMPLE_TEXTS),
        "themes": themes,
        "nthemes": len(themes),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        overall = (
            Question.objects.filter(question_set=question_set, type="scale5")
            .order_by("order")
            .first()
            if question_set
            else None
        )
        if overall is not None:
            cursor.execute(
                f"""INSERT INTO {Answer._meta.db_table} (feedback_id, question_id, value_int,
                        value_text)
                    SELECT id, %s, overall_score, '' FROM {Feedback._meta.db_table}
                    WHERE overall_score IS NOT NULL AND reply_code LIKE 'B%%'
                      AND id > (SELECT coalesce(max(feedback_id), 0) FROM {Answer._meta.db_table})
                """,
                [overall.pk],
            )
        cursor.execute(f"ANALYZE {Feedback._meta.db_table}")
        cursor.execute(f"ANALYZE {Answer._meta.db_table}")
    return time.perf_counter() - started


# One action for every this many feedback items, each linking up to LINKS_PER_ACTION of them.
ITEMS_PER_ACTION = 5_000
LINKS_PER_ACTION = 50


def generate_trail(*, owner_id: int) -> float:
    """Give the generated feedback its trail: actions done or dropped in the last year on the
    busiest units, each linked to up to fifty of its unit's commented items. Tops up to one
    action per ITEMS_PER_ACTION items, so it can run after every size. Returns seconds taken."""
    from django.utils import timezone

    from osallisuus.feedback.models import Feedback
    from osallisuus.trail.models import Action, InputLink

    started = time.perf_counter()
    wanted = Feedback.objects.count() // ITEMS_PER_ACTION - Action.objects.count()
    unit_ids = list(
        Feedback.objects.values("unit_id")
        .order_by("unit_id")
        .distinct()
        .values_list("unit_id", flat=True)
    )
    if wanted <= 0 or not unit_ids:
        return 0.0
    now = timezone.now()
    actions = Action.objects.bulk_create(
        [
            Action(
                title_fi=f"Toimenpide {n}",
                public_text_fi="Ajanvarausta muutettiin palautteen perusteella.",
                reasons="" if n % 4 else "Muutos ei ollut mahdollinen tänä vuonna.",
                status=Action.Status.DONE if n % 4 else Action.Status.DROPPED,
                unit_id=unit_ids[n % len(unit_ids)],
                owner_id=owner_id,
                created_by_id=owner_id,
                closed_at=now - timedelta(days=n % 360),
            )
            for n in range(wanted)
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {InputLink._meta.db_table}
                    (kind, object_id, action_id, matter_id, linked_by_id, linked_at)
                SELECT 'feedback', f.id, a.id, NULL, %s, now()
                FROM {Action._meta.db_table} a,
                LATERAL (
                    SELECT id FROM {Feedback._meta.db_table}
                    WHERE unit_id = a.unit_id AND text <> ''
                      AND received_at < a.closed_at
                    ORDER BY received_at DESC
                    OFFSET (a.id %% 20) * {LINKS_PER_ACTION} LIMIT {LINKS_PER_ACTION}
                ) AS f
                WHERE a.id = ANY(%s)""",
            [owner_id, [action.pk for action in actions]],
        )
        cursor.execute(f"ANALYZE {InputLink._meta.db_table}")
    return time.perf_counter() - started
