"""Evaluation arithmetic and the pipeline's figures on the labelled development sample."""

from __future__ import annotations

import json

import pytest

from osallisuus.analysis.evaluation import (
    binary_score,
    evaluate,
    multilabel_scores,
    pii_hits,
    single_label_scores,
)
from osallisuus.analysis.tests.dev_sample import dev_sample

# The test fails, never skips, when the development sample is missing.
DEV_FILE = dev_sample()


def test_multilabel_scores_count_micro_and_macro() -> None:
    per_label, micro, macro = multilabel_scores(
        [["a", "b"], ["a"]], [["a"], ["a", "b"]], ["a", "b"]
    )
    assert (micro.tp, micro.fp, micro.fn) == (2, 1, 1)
    assert per_label[0].f1 == 1.0
    assert macro == pytest.approx((1.0 + 0.0) / 2)


def test_single_label_macro_f1_averages_over_labels() -> None:
    _per_label, macro = single_label_scores(["x", "y"], ["x", "x"], ["x", "y"])
    assert macro == pytest.approx((2 / 3 + 0.0) / 2)


def test_binary_score_gives_precision_and_recall() -> None:
    score = binary_score([True, True, False], [True, False, True], "urgent")
    assert (score.precision, score.recall) == (0.5, 0.5)


def test_gold_pii_counts_as_found_when_a_span_overlaps_it() -> None:
    assert pii_hits("soita 040 123 4567", ["040 123 4567"], [(6, 12)]) == 1
    assert pii_hits("soita 040 123 4567", ["040 123 4567"], [(0, 5)]) == 0


def test_dev_sample_meets_the_targets_with_a_margin() -> None:
    assert DEV_FILE.exists(), f"the development sample is missing: {DEV_FILE}"
    with DEV_FILE.open(encoding="utf-8") as handle:
        report = evaluate(json.loads(line) for line in handle if line.strip())
    assert report.theme_micro.f1 >= 0.78
    assert report.sentiment_macro_f1 >= 0.75
    assert report.urgent.recall >= 0.9
    assert report.urgent.precision >= 0.6
    assert report.pii_recall >= 0.95
