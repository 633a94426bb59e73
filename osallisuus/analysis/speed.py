"""Throughput of the text pipeline against its floor: lemmatising the same texts alone.

The floor is ``simplemma.text_lemmatizer(text, lang=lang)`` over the same comments, i.e.
simplemma's own tokenising and lemmatising. `make bench` calls :func:`measure_throughput`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import simplemma

from .pipeline import analyse
from .tokens import LANGS

_ROUNDS = 5
_CHUNK = 50  # comments timed together: a few milliseconds of work
EXAMPLES_FILE = Path(__file__).resolve().parent / "data" / "examples.jsonl"


def load_texts(path: str | Path = EXAMPLES_FILE) -> tuple[list[str], list[str]]:
    """Texts and languages of a JSON Lines file with `text` and `lang` (default "fi")."""
    texts: list[str] = []
    langs: list[str] = []
    with open(path, encoding="utf-8") as source:
        for line in source:
            if not line.strip():
                continue
            item = json.loads(line)
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                texts.append(item["text"])
                lang = item.get("lang")
                langs.append(lang if lang in LANGS else "fi")
    return texts, langs


def _timed(run: Callable[[list[tuple[str, str]]], None], chunk: list[tuple[str, str]]) -> float:
    # CPU time of this process: "on one core", and less disturbed by other processes on a
    # busy machine than wall-clock time.
    started = time.process_time()
    run(chunk)
    return time.process_time() - started


def measure_throughput(
    texts: Sequence[str], langs: Sequence[str], *, rounds: int = _ROUNDS
) -> dict[str, float]:
    """Comments per second for the pipeline and the floor, and their ratio.

    One warm-up pass of each fills the caches (as in a running server). Then the comments
    are timed in chunks: each chunk runs `rounds` times through the pipeline and the floor
    alternately, and the fastest run of each side counts (process CPU time). A burst of
    other work on a shared machine then spoils one run of one chunk, not the whole figure.
    `langs` gives each text's language to both sides.
    """
    if len(texts) != len(langs):
        raise ValueError("texts and langs must have the same length")
    if not texts:
        return {"text_per_s": 0.0, "floor_per_s": 0.0, "text_floor_ratio": 0.0}
    pairs = list(zip(texts, langs, strict=True))

    def pipeline(chunk: list[tuple[str, str]]) -> None:
        for text, lang in chunk:
            analyse(text, lang_hint=lang)

    def floor(chunk: list[tuple[str, str]]) -> None:
        for text, lang in chunk:
            simplemma.text_lemmatizer(text, lang=lang)

    pipeline(pairs)
    floor(pairs)
    text_seconds = floor_seconds = 0.0
    for start in range(0, len(pairs), _CHUNK):
        chunk = pairs[start : start + _CHUNK]
        text_best = floor_best = float("inf")
        for _ in range(max(1, rounds)):
            text_best = min(text_best, _timed(pipeline, chunk))
            floor_best = min(floor_best, _timed(floor, chunk))
        text_seconds += text_best
        floor_seconds += floor_best
    count = len(pairs)
    text_rate = count / text_seconds if text_seconds > 0 else float("inf")
    floor_rate = count / floor_seconds if floor_seconds > 0 else float("inf")
    return {
        "text_per_s": text_rate,
        "floor_per_s": floor_rate,
        "text_floor_ratio": floor_rate / text_rate if text_rate else float("inf"),
    }
