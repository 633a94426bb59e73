"""Scores the pipeline against labelled comments: per-label P/R/F1, micro and macro averages.

Gold files use the dev-sample format: one JSON object per line with `text`, `themes`,
`sentiment`, `urgent` and `pii` (surface strings that must be found).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .pipeline import Analysis
from .semantic import analyse_batch
from .taxonomy import load_sentiments, theme_ids


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Counts and derived precision, recall and F1 for one label."""

    label: str
    tp: int
    fp: int
    fn: int

    @property
    def support(self) -> int:
        """Number of gold items carrying the label."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0.0 when the label never occurs in gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """All figures of one evaluation run."""

    count: int
    themes: tuple[LabelScore, ...]
    theme_micro: LabelScore
    theme_macro_f1: float
    sentiment: tuple[LabelScore, ...]
    sentiment_macro_f1: float
    sentiment_accuracy: float
    urgent: LabelScore
    pii_found: int
    pii_total: int
    pii_spans: int  # spans the pipeline marked
    pii_spans_right: int  # of them, those that overlap a gold personal-data string
    language_accuracy: float
    errors: list[dict[str, Any]] = field(default_factory=list)
    # Given themes the semantic tier marked certain / uncertain, and of them those that are right.
    certain: LabelScore = LabelScore("certain", 0, 0, 0)
    uncertain: LabelScore = LabelScore("uncertain", 0, 0, 0)

    @property
    def pii_recall(self) -> float:
        """Share of gold personal-data strings covered by a predicted span."""
        return self.pii_found / self.pii_total if self.pii_total else 1.0

    @property
    def pii_span_precision(self) -> float:
        """Share of marked spans that overlap a gold personal-data string."""
        return self.pii_spans_right / self.pii_spans if self.pii_spans else 1.0


def multilabel_scores(
    gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]], labels: Sequence[str]
) -> tuple[tuple[LabelScore, ...], LabelScore, float]:
    """Per-label scores, the micro-averaged score and the macro-averaged F1."""
    counts = {label: [0, 0, 0] for label in labels}
    for gold_set, predicted_set in zip(gold, predicted, strict=True):
        g, p = set(gold_set), set(predicted_set)
        for label in labels:
            if label in g and label in p:
                counts[label][0] += 1
            elif label in p:
                counts[label][1] += 1
            elif label in g:
                counts[label][2] += 1
    per_label = tuple(LabelScore(label, *counts[label]) for label in labels)
    micro = LabelScore(
        "micro",
        sum(score.tp for score in per_label),
        sum(score.fp for score in per_label),
        sum(score.fn for score in per_label),
    )
    macro = sum(score.f1 for score in per_label) / len(per_label) if per_label else 0.0
    return per_label, micro, macro


def single_label_scores(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> tuple[tuple[LabelScore, ...], float]:
    """Per-label scores and macro F1 for a one-label-per-item task such as sentiment."""
    per_label, _micro, macro = multilabel_scores(
        [[label] for label in gold], [[label] for label in predicted], labels
    )
    return per_label, macro


def binary_score(gold: Sequence[bool], predicted: Sequence[bool], label: str) -> LabelScore:
    """Precision/recall counts for a yes/no flag such as `urgent`."""
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g and not p)
    return LabelScore(label, tp, fp, fn)


def pii_hits(text: str, gold_strings: Iterable[str], spans: Iterable[tuple[int, int]]) -> int:
    """Count gold strings covered or overlapped by at least one predicted (start, end) span."""
    spans = list(spans)
    found = 0
    for gold in gold_strings:
        start = text.find(gold)
        if start < 0:
            continue
        end = start + len(gold)
        if any(s < end and e > start for s, e in spans):
            found += 1
    return found


def evaluate(items: Iterable[Mapping[str, Any]]) -> Report:
    """Run the pipeline on gold items and compute every figure of the report."""
    items = list(items)
    # Both tiers, as analyse_text gives them: the semantic tier runs on the whole batch.
    return score(items, analyse_batch([str(item.get("text", "")) for item in items]))


def score(items: Sequence[Mapping[str, Any]], results: Sequence[Analysis]) -> Report:
    """Every figure of the report for given results (one per gold item, in order)."""
    gold_themes: list[list[str]] = []
    predicted_themes: list[list[str]] = []
    gold_sentiment: list[str] = []
    predicted_sentiment: list[str] = []
    gold_urgent: list[bool] = []
    predicted_urgent: list[bool] = []
    pii_found = pii_total = language_hits = count = spans_marked = spans_right = 0
    errors: list[dict[str, Any]] = []
    sure = [0, 0]  # right, wrong
    unsure = [0, 0]
    for item, result in zip(items, results, strict=True):
        text = str(item.get("text", ""))
        count += 1
        gold_themes.append(list(item.get("themes", [])))
        predicted_themes.append(list(result.themes))
        if result.confidence:
            for theme in result.themes:
                tally = unsure if theme in result.uncertain else sure
                tally[theme not in gold_themes[-1]] += 1
        gold_sentiment.append(str(item.get("sentiment", "neutral")))
        predicted_sentiment.append(result.sentiment)
        gold_urgent.append(bool(item.get("urgent", False)))
        predicted_urgent.append(result.urgent)
        gold_pii = list(item.get("pii", []))
        pii_total += len(gold_pii)
        hits = pii_hits(text, gold_pii, [(span.start, span.end) for span in result.pii])
        pii_found += hits
        spans = [(span.start, span.end) for span in result.pii]
        spans_marked += len(spans)
        spans_right += sum(pii_hits(text, gold_pii, [span]) > 0 for span in spans)
        language_hits += int(item.get("lang", result.lang) == result.lang)
        if (
            set(gold_themes[-1]) != set(result.themes)
            or gold_sentiment[-1] != result.sentiment
            or gold_urgent[-1] != result.urgent
            or hits < len(gold_pii)
            or any(pii_hits(text, gold_pii, [span]) == 0 for span in spans)
        ):
            errors.append({"id": item.get("id"), "gold": dict(item), "predicted": result.as_dict()})
    themes, micro, macro = multilabel_scores(gold_themes, predicted_themes, theme_ids())
    sentiment, sentiment_macro = single_label_scores(
        gold_sentiment, predicted_sentiment, load_sentiments()
    )
    accuracy = (
        sum(g == p for g, p in zip(gold_sentiment, predicted_sentiment, strict=True)) / count
        if count
        else 0.0
    )
    return Report(
        count=count,
        themes=themes,
        theme_micro=micro,
        theme_macro_f1=macro,
        sentiment=sentiment,
        sentiment_macro_f1=sentiment_macro,
        sentiment_accuracy=accuracy,
        urgent=binary_score(gold_urgent, predicted_urgent, "urgent"),
        pii_found=pii_found,
        pii_total=pii_total,
        pii_spans=spans_marked,
        pii_spans_right=spans_right,
        language_accuracy=language_hits / count if count else 0.0,
        errors=errors,
        certain=LabelScore("certain", sure[0], sure[1], 0),
        uncertain=LabelScore("uncertain", unsure[0], unsure[1], 0),
    )


def format_report(report: Report) -> str:
    """Render a report as a plain-text table for the terminal."""
    lines = [f"Comments: {report.count}", ""]

    def table(title: str, scores: Iterable[LabelScore]) -> None:
        lines.append(f"{title:<28} {'prec':>6} {'recall':>6} {'F1':>6} {'support':>8}")
        lines.extend(
            f"{score.label:<28} {score.precision:6.3f} {score.recall:6.3f} "
            f"{score.f1:6.3f} {score.support:8d}"
            for score in scores
        )

    table("Theme", report.themes)
    table("", [report.theme_micro])
    lines.append(f"{'macro F1':<28} {'':>6} {'':>6} {report.theme_macro_f1:6.3f}")
    lines.append("")
    table("Sentiment", report.sentiment)
    lines.append(f"{'macro F1':<28} {'':>6} {'':>6} {report.sentiment_macro_f1:6.3f}")
    lines.append(f"{'accuracy':<28} {'':>6} {'':>6} {report.sentiment_accuracy:6.3f}")
    lines.append("")
    table("Flag", [report.urgent])
    lines.append("")
    lines.append(
        f"Personal data recall: {report.pii_recall:.3f} ({report.pii_found}/{report.pii_total})"
    )
    lines.append(
        f"Personal data span precision: {report.pii_span_precision:.3f} "
        f"({report.pii_spans_right}/{report.pii_spans})"
    )
    lines.append(f"Language accuracy: {report.language_accuracy:.3f}")
    if report.certain.tp + report.certain.fp + report.uncertain.tp + report.uncertain.fp:
        lines.append(
            "Given themes right: certain "
            f"{report.certain.precision:.3f} ({report.certain.tp}/"
            f"{report.certain.tp + report.certain.fp}), uncertain "
            f"{report.uncertain.precision:.3f} ({report.uncertain.tp}/"
            f"{report.uncertain.tp + report.uncertain.fp})"
        )
    return "\n".join(lines)
