"""Management command: write staff label corrections as gold data for `evaluate_text --gold`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from osallisuus.analysis.corrections import gold_lines, latest_corrections
from osallisuus.analysis.models import LabelCorrection


class Command(BaseCommand):
    # Evaluated here: argparse cannot format a lazy promise (`--help` would crash).
    help = str(
        _(
            "Export the labels staff corrected, one JSON line per feedback item in the format of "
            "the development sample (id, redacted text, lang, themes, sentiment, urgent)."
        )
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", required=True, help=gettext("JSON Lines file to write ('-': stdout).")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        corrections = latest_corrections(LabelCorrection.objects.all())
        lines = [json.dumps(line, ensure_ascii=False) for line in gold_lines(corrections)]
        if options["output"] == "-":
            for line in lines:
                self.stdout.write(line)
            return
        with open(options["output"], "w", encoding="utf-8") as target:
            for line in lines:
                target.write(line + "\n")
        self.stderr.write(gettext("%(count)s corrected items written.") % {"count": len(lines)})
