"""Exports of answers and aggregates as CSV, XLSX and JSON, with pseudonymous ids only.

An answer row carries an HMAC of the feedback id (keyed by SECRET_KEY), never the reply code,
contact details or names, and the redacted text only.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from django.utils.crypto import salted_hmac

from osallisuus.feedback.report_selectors import ExportItem
from osallisuus.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, CsvWriter, XlsxSheet

ANSWER_COLUMNS = (
    "id",
    "unit_code",
    "unit",
    "service",
    "received_on",
    "channel",
    "language",
    "score",
    "recommend",
    "themes",
    "sentiment",
    "status",
    "answered_in_time",
    "change_made",
    "text",
)
FORMATS = {
    "csv": CSV_CONTENT_TYPE,
    "xlsx": XLSX_CONTENT_TYPE,
    "json": "application/json",
}


def pseudonym(feedback_id: int) -> str:
    """A stable pseudonymous id: the same item gets the same id in every export."""
    return salted_hmac("osallisuus.reports.export", str(feedback_id)).hexdigest()[:20]


def answer_row(item: ExportItem) -> dict[str, Any]:
    return {
        "id": pseudonym(item.feedback_id),
        "unit_code": item.unit_code,
        "unit": item.unit_name,
        "service": item.service_name,
        "received_on": item.received_on.isoformat(),
        "channel": item.channel,
        "language": item.language,
        "score": item.score,
        "recommend": item.nps,
        "themes": list(item.themes),
        "sentiment": item.sentiment,
        "status": item.status,
        "answered_in_time": item.answered_in_time,
        "change_made": item.change_made,
        "text": item.redacted_text,
    }


def aggregate_dicts(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [asdict(row) for row in rows]


def _cell(value: Any) -> Any:
    """Lists as ';'-joined text (the spreadsheet writers keep formulas out)."""
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return value


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> bytes:
    """The rows in one of FORMATS."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=1).encode()
    if fmt == "csv":
        buffer = io.StringIO()
        writer = CsvWriter(buffer)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row[c] is None else _cell(row[c]) for c in columns])
        # A byte-order mark so spreadsheet programs read the Finnish letters right.
        return ("\ufeff" + buffer.getvalue()).encode()
    if fmt == "xlsx":
        sheet = XlsxSheet("data", write_only=True)
        sheet.append(list(columns))
        for row in rows:
            sheet.append([_cell(row[c]) for c in columns])
        return sheet.to_bytes()
    raise ValueError(fmt)
