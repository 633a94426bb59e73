"""Management command: comments per second of the text pipeline against its floor."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from osallisuus.analysis.speed import EXAMPLES_FILE, load_texts, measure_throughput


class Command(BaseCommand):
    # Evaluated here: argparse cannot format a lazy promise (`--help` would crash).
    help = str(
        _(
            "Measure how many comments per second the text pipeline analyses on one core, and "
            "its ratio to lemmatising the same texts alone."
        )
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input",
            default=str(EXAMPLES_FILE),
            help=gettext("JSON Lines file with text and lang (default: the shipped examples)."),
        )
        parser.add_argument(
            "--repeat",
            type=int,
            default=5,
            help=gettext("How many times the texts are repeated in one timed pass."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            texts, langs = load_texts(options["input"])
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        if not texts:
            raise CommandError(gettext("No texts to measure."))
        repeat = max(1, options["repeat"])
        figures = measure_throughput(texts * repeat, langs * repeat)
        self.stdout.write(gettext("Comments: %(count)d") % {"count": len(texts) * repeat})
        self.stdout.write(f"text_per_s: {figures['text_per_s']:.0f}")
        self.stdout.write(f"floor_per_s: {figures['floor_per_s']:.0f}")
        self.stdout.write(f"text_floor_ratio: {figures['text_floor_ratio']:.2f}")
