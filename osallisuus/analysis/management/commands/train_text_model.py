"""Management command: train the semantic tier's layer on our own labelled comments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from osallisuus.analysis.crossval import UNTOUCHED_FILE, cached_embed
from osallisuus.analysis.semantic import MODEL_FILE, TRAINING_FILES, load_model, train

DATA = MODEL_FILE.parent


class Command(BaseCommand):
    # Evaluated here: argparse cannot format a lazy promise (`--help` would crash).
    help = str(
        _(
            "Train the semantic tier of the text analysis (themes and urgency from sentence "
            "embeddings) on labelled JSON Lines files and write its model file."
        )
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input",
            nargs="+",
            default=[str(DATA / f"{name}.jsonl") for name in TRAINING_FILES],
            help=gettext("Labelled JSON Lines files (default: our own sets in analysis/data)."),
        )
        parser.add_argument(
            "--output", default=str(MODEL_FILE), help=gettext("Where to write the model file.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        items: list[dict[str, Any]] = []
        for path in options["input"]:
            try:
                lines = Path(path).read_text(encoding="utf-8").splitlines()
                # Each file is one voice: the thresholds are chosen holding out whole files.
                group = Path(path).stem
                items += [{**json.loads(line), "group": group} for line in lines if line.strip()]
            except (OSError, ValueError) as error:
                raise CommandError(f"{path}: {error}") from error
        if not items:
            raise CommandError(gettext("No labelled comments to train on."))
        if str(UNTOUCHED_FILE) in map(str, map(Path.resolve, map(Path, options["input"]))):
            raise CommandError(gettext("The untouched evaluation set must never be trained on."))
        model = train(items, embedder=cached_embed)
        Path(options["output"]).write_text(json.dumps(model) + "\n", encoding="utf-8")
        load_model.cache_clear()
        self.stdout.write(
            gettext("Trained on %(count)d comments; wrote %(path)s.")
            % {"count": model["trained_on"], "path": options["output"]}
        )
