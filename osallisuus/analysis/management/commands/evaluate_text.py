"""Management command: score the text pipeline against a labelled JSON Lines file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from osallisuus.analysis.evaluation import evaluate, format_report


def _read_gold(path: str) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise CommandError(f"{path}:{number}: invalid JSON: {error.msg}") from error
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                yield item


class Command(BaseCommand):
    # Evaluated here: argparse cannot format a lazy promise (`--help` would crash).
    help = str(
        _(
            "Evaluate the text pipeline on a labelled JSON Lines file: precision, recall and F1 "
            "per theme and sentiment, urgent precision and recall, personal data recall."
        )
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--gold",
            required=True,
            help=gettext("Labelled JSON Lines file with text, themes, sentiment, urgent and pii."),
        )
        parser.add_argument(
            "--show-errors",
            action="store_true",
            help=gettext("Also list the comments the pipeline got wrong."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = evaluate(_read_gold(options["gold"]))
        self.stdout.write(format_report(report))
        if options["show_errors"]:
            for error in report.errors:
                self.stdout.write(json.dumps(error, ensure_ascii=False))
