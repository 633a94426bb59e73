"""Management command: the text analysis's held-out figures (cross-validation by set)."""

from __future__ import annotations

import os

# Dozens of small fits: one BLAS thread each is ten times faster on a busy machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from osallisuus.analysis.crossval import (
    UNTOUCHED_FILE,
    cross_validate,
    read_set,
    score_unseen,
    training_sets,
)
from osallisuus.analysis.evaluation import format_report


class Command(BaseCommand):
    # Evaluated here: argparse cannot format a lazy promise (`--help` would crash).
    help = str(
        _(
            "Report the text analysis on writing it was not trained on: cross-validation that "
            "holds out one labelled set at a time, and the untouched set."
        )
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--also",
            nargs="*",
            default=[],
            help=gettext("Further labelled JSON Lines files to score with the full model."),
        )

        parser.add_argument(
            "--compare",
            choices=[
                "words-only",
                "decides",
                "one-threshold",
                "clause-max",
                "clause-mean",
            ],
            help=gettext(
                "Measure another layer: one without the lexicon's evidence, or one that "
                "gives the themes alone, or one that reads words only with one threshold for "
                "every label (the layer before per-label thresholds), or one that also reads each "
                "clause and joins it with the whole comment (most confident clause, or half each)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        groups = training_sets()
        fits: dict[str | None, dict[str, Any]] = {
            None: {},
            "words-only": {"evidence_scale": 0.0},
            "decides": {"decides": True},
            "one-threshold": {"evidence_scale": 0.0, "per_label": False},
            "clause-max": {"clause_reading": "max"},
            "clause-mean": {"clause_reading": "mean"},
        }
        fit = fits[options["compare"]]
        pooled, per_group = cross_validate(groups, **fit)
        self.stdout.write(f"== cross-validation, one set held out at a time ({len(groups)})")
        self.stdout.write(format_report(pooled))
        for name, report in per_group.items():
            self.stdout.write(
                f"  {name:<10} theme micro-F1 {report.theme_micro.f1:.3f}  "
                f"sentiment macro-F1 {report.sentiment_macro_f1:.3f}  "
                f"urgent P/R {report.urgent.precision:.2f}/{report.urgent.recall:.2f}"
            )
        for path in [str(UNTOUCHED_FILE), *options["also"]]:
            self.stdout.write(f"\n== {path} (never trained on)")
            self.stdout.write(format_report(score_unseen(groups, read_set(path), **fit)))
