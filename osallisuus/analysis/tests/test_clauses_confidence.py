"""Clause-level reading and calibrated confidence in the semantic tier's labels."""

import numpy as np

from osallisuus.analysis import semantic
from osallisuus.analysis.clauses import clauses_of
from osallisuus.analysis.pipeline import analyse


def test_a_comment_is_cut_at_sentences_and_joining_conjunctions_in_each_language():
    assert clauses_of(
        "Jonotin kaksi tuntia päivystyksessä, mutta hoitaja oli tosi ystävällinen."
    ) == [
        "Jonotin kaksi tuntia päivystyksessä",
        "mutta hoitaja oli tosi ystävällinen.",
    ]
    assert clauses_of("Väntetiden var lång men personalen var vänlig.") == [
        "Väntetiden var lång",
        "men personalen var vänlig.",
    ]
    assert len(clauses_of("The app kept crashing. The nurse explained everything well.")) == 2


def test_a_short_piece_stays_with_its_neighbour_and_one_clause_is_the_whole_text():
    assert clauses_of("Kiitos! Hoitaja oli ihana ja kuunteli.") == [
        "Kiitos! Hoitaja oli ihana ja kuunteli."
    ]
    assert clauses_of("Hyvä palvelu") == ["Hyvä palvelu"]


def test_clause_scores_join_the_whole_comment_per_label():
    whole = np.array([[0.2, 0.1], [0.3, 0.4]])
    clause = np.array([[0.9, 0.0], [0.1, 0.8]])
    owners = np.array([0, 0])
    joined = semantic.with_clauses(whole, clause, owners, mode="max", urgent=True)
    assert joined.tolist() == [[0.9, 0.8], [0.3, 0.4]]
    halves = semantic.with_clauses(whole, clause, owners, mode="mean", urgent=False)
    assert np.allclose(halves, [[0.55, 0.1], [0.3, 0.4]])  # urgency (last) kept whole


def test_calibration_learns_how_often_given_labels_are_right():
    rng = np.random.default_rng(1)
    probs = rng.uniform(0.3, 1.0, size=(400, 1))
    gold = rng.uniform(size=(400, 1)) < probs**3  # right more often the higher the score
    lexicon = np.zeros((400, 1), dtype=bool)
    ((weight, _lexicon_weight, bias),) = semantic._calibrate(probs, gold, lexicon, [0.5])
    scaling = (weight, 0.0, bias)
    assert (
        semantic.confidence(0.55, False, scaling) < 0.5 < semantic.confidence(0.98, False, scaling)
    )


def test_a_given_theme_below_the_confidence_cut_is_marked_uncertain():
    lexicon = analyse("Jonotin puhelimessa tunnin eikä kukaan vastannut.")
    assert lexicon.confidence == () and lexicon.uncertain == ()
    calibration = {"access_waiting": (1.0, 2.0, 0.0), "safety": (1.0, 0.0, -1.0)}
    combined = semantic.combine(
        lexicon, {"access_waiting": 0.9, "safety": 0.6}, 0.5, calibration=calibration
    )
    assert {"access_waiting", "safety"} <= set(combined.themes)
    assert combined.uncertain == ("safety",)
    assert combined.as_dict()["uncertain"] == ["safety"]
