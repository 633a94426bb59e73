"""Management command: analyse a JSON Lines file of comments into a JSON Lines result file."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from osallisuus.analysis.semantic import analyse_batch

# Lines analysed together: the semantic tier embeds a batch at a time (memory stays bounded).
BATCH = 64


def parse_line(line: str) -> tuple[Any, str, str | None] | dict[str, Any]:
    """(id, text, language hint) of one input line, or the error record for a bad line."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"invalid JSON: {error.msg}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "a line must hold a JSON object"}
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": item_id, "error": "missing or non-string 'text'"}
    lang_hint = item.get("lang") if isinstance(item.get("lang"), str) else None
    return item_id, text, lang_hint


def analyse_lines(lines: list[str]) -> list[dict[str, Any]]:
    """One output record per input line, in order; bad lines give error records."""
    parsed = [parse_line(line) for line in lines]
    good = [entry for entry in parsed if isinstance(entry, tuple)]
    results = iter(analyse_batch([text for _id, text, _hint in good], [h for _i, _t, h in good]))
    return [
        entry if isinstance(entry, dict) else {"id": entry[0], **next(results).as_dict()}
        for entry in parsed
    ]


class Command(BaseCommand):
    # Evaluated here: argparse cannot format a lazy promise (`--help` would crash).
    help = str(
        _(
            "Analyse feedback comments offline: language, themes, sentiment, urgency and personal "
            "data. Reads JSON Lines with 'id' and 'text', writes one result line per input line."
        )
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input",
            required=True,
            help=gettext("Input JSON Lines file, UTF-8, one comment a line."),
        )
        parser.add_argument("--output", required=True, help=gettext("Output JSON Lines file."))

    def handle(self, *args: Any, **options: Any) -> None:
        written = errors = 0
        # Stream line by line so a file of any size runs in constant memory.
        with (
            open(options["input"], encoding="utf-8") as source,
            open(options["output"], "w", encoding="utf-8") as target,
        ):
            batch: list[str] = []
            for line in source:
                if line.strip():
                    batch.append(line)
                if len(batch) >= BATCH:
                    written, errors = self._write(batch, target, written, errors)
                    batch = []
            written, errors = self._write(batch, target, written, errors)
        self.stdout.write(
            gettext("Wrote %(written)d lines, %(errors)d with errors.")
            % {"written": written, "errors": errors}
        )

    @staticmethod
    def _write(batch: list[str], target: Any, written: int, errors: int) -> tuple[int, int]:
        for record in analyse_lines(batch):
            errors += "error" in record
            target.write(json.dumps(record, ensure_ascii=False) + "\n")
        return written + len(batch), errors
