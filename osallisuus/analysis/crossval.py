"""Honest figures: cross-validation by writing voice, and the untouched set.

Our labelled comments come in sets, each written by a different voice (``data/*.jsonl``). A
figure measured on comments the trained layer learned from says little about writing it has
never seen, so every figure here comes from comments outside the training data:

* **by set** (grouped k-fold): for each set of :data:`semantic.TRAINING_FILES`, the layer is
  trained on the other sets only and scored on that one; the pooled held-out predictions
  give one report. Whole sets are held out, so a fold never shares a voice with its training
  data. The lexicon tier is hand-written from the taxonomy and is the same in every fold.
* **untouched** (:data:`UNTOUCHED_FILE`): a set no cue, threshold or trained layer is ever
  fitted on; it is scored with the layer trained on all training sets, as shipped.

Embeddings are cached on disk (``var/``) by text, so a rerun after a lexicon change costs
only the lexicon tier and the small layer's training.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings

from .evaluation import Report, score
from .pipeline import Analysis, analyse
from .semantic import (
    MODEL_FILE,
    TRAINING_FILES,
    Clauses,
    clause_inputs,
    embed,
    fit_layer,
    join_clauses,
    model_from_data,
    refine_with,
)

DATA = MODEL_FILE.parent
UNTOUCHED_FILE = DATA / "heldout.jsonl"


def read_set(path: Path | str) -> list[dict[str, Any]]:
    """The labelled comments of one JSON Lines file."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def training_sets() -> dict[str, list[dict[str, Any]]]:
    """Our own training sets by name (one voice each)."""
    return {name: read_set(DATA / f"{name}.jsonl") for name in TRAINING_FILES}


def _cache_path() -> Path:
    return Path(settings.BASE_DIR) / "var" / "analysis-embeddings.json"


def cached_embed(texts: Sequence[str]) -> Any:
    """:func:`semantic.embed` with a disk cache keyed by the text's hash."""
    import numpy as np

    path = _cache_path()
    try:
        cache: dict[str, list[float]] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    keys = [hashlib.sha1(text.encode()).hexdigest() for text in texts]  # noqa: S324 (a cache key)
    missing = [
        (k, text) for k, text in dict(zip(keys, texts, strict=True)).items() if k not in cache
    ]
    if missing:
        vectors = embed([text for _key, text in missing])
        cache.update(
            {
                key: [round(float(x), 6) for x in row]
                for (key, _), row in zip(missing, vectors, strict=True)
            }
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cache), encoding="utf-8")
    return np.array([cache[key] for key in keys], dtype=np.float32)


def _lexicon(items: Sequence[Mapping[str, Any]]) -> list[Analysis]:
    return [analyse(str(item.get("text", ""))) for item in items]


def cross_validate(
    groups: Mapping[str, Sequence[Mapping[str, Any]]], **fit: Any
) -> tuple[Report, dict[str, Report]]:
    """Pooled held-out report over all groups, and each group's own held-out report."""
    names = list(groups)
    lexicon = {name: _lexicon(groups[name]) for name in names}
    vectors = {name: cached_embed([r.redacted for r in lexicon[name]]) for name in names}
    clauses = {name: clause_inputs(lexicon[name], cached_embed) for name in names}
    pooled_items: list[Mapping[str, Any]] = []
    pooled_results: list[Analysis] = []
    per_group: dict[str, Report] = {}
    for held in names:
        rest = [name for name in names if name != held]
        model = _train(groups, lexicon, vectors, clauses, rest, **fit)
        results = refine_with(lexicon[held], model, vectors[held], clauses[held])
        per_group[held] = score(groups[held], results)
        pooled_items += groups[held]
        pooled_results += results
    return score(pooled_items, pooled_results), per_group


def score_unseen(
    groups: Mapping[str, Sequence[Mapping[str, Any]]],
    items: Sequence[Mapping[str, Any]],
    **fit: Any,
) -> Report:
    """Train on all `groups` and score `items`, which none of them holds."""
    names = list(groups)
    lexicon = {name: _lexicon(groups[name]) for name in names}
    vectors = {name: cached_embed([r.redacted for r in lexicon[name]]) for name in names}
    clauses = {name: clause_inputs(lexicon[name], cached_embed) for name in names}
    model = _train(groups, lexicon, vectors, clauses, names, **fit)
    results = _lexicon(items)
    refined = refine_with(
        results,
        model,
        cached_embed([r.redacted for r in results]),
        clause_inputs(results, cached_embed),
    )
    return score(items, refined)


def _train(
    groups: Mapping[str, Sequence[Mapping[str, Any]]],
    lexicon: Mapping[str, list[Analysis]],
    vectors: Mapping[str, Any],
    clauses: Mapping[str, Clauses],
    names: Sequence[str],
    **fit: Any,
) -> Any:
    import numpy as np

    rows = [item for name in names for item in groups[name]]
    analyses = [result for name in names for result in lexicon[name]]
    stacked = np.vstack([vectors[name] for name in names])
    labels = [name for name in names for _item in groups[name]]
    offsets = np.cumsum([0] + [len(groups[name]) for name in names])
    joined = join_clauses([(clauses[name], int(offsets[i])) for i, name in enumerate(names)])
    return model_from_data(fit_layer(rows, analyses, stacked, groups=labels, clauses=joined, **fit))
