"""The steps of the sentiment pass (sentiment._scores), each on its own."""

from __future__ import annotations

import pytest

from osallisuus.analysis import sentiment
from osallisuus.analysis.matcher import Phrase
from osallisuus.analysis.sentiment import (
    _add_value,
    _clause_break_value,
    _close_negation_window,
    _finish,
    _negator_value,
    _open_contrast_clause,
    _phrase_weights,
    _polar_value,
    _Scan,
    _tokens_to_visit,
    _word_value,
)
from osallisuus.analysis.tokens import make_token, tokenize

UNUSED = sentiment._UNUSED_NEGATOR
WINDOW = sentiment._NEGATION_WINDOW


def _scan(*, positions: list[int] | None = None, conditional: list[bool] | None = None) -> _Scan:
    return _Scan(positions=positions, conditional=conditional)


def _pending(position: int, *, positions: list[int] | None = None) -> _Scan:
    """A scan with a negator at word `position` that has flipped nothing yet."""
    scan = _scan(positions=positions if positions is not None else list(range(40)))
    scan.last_negator = position
    scan.pending_negator = True
    return scan


def test_phrase_weights_sum_the_sentiment_phrases_by_start_and_ignore_the_rest() -> None:
    praise = Phrase(parts=(), category="s", weight=1.0)
    complaint = Phrase(parts=(), category="s", weight=-0.5)
    theme = Phrase(parts=(), category="t:access_waiting", weight=2.0)
    weights = _phrase_weights([(praise, 2), (complaint, 2), (theme, 5), (complaint, 7)])
    assert weights == {2: 0.5, 7: -0.5}


def test_only_active_tokens_and_phrase_starts_are_visited_in_order() -> None:
    tokens = tokenize("Jono oli hyvin pitkä mutta hoitaja kiva.", "fi")
    active = [index for index, token in enumerate(tokens) if token.active]
    assert _tokens_to_visit(tokens, {}) == active
    assert 1 not in active  # "oli" is neutral
    assert _tokens_to_visit(tokens, {1: 0.5}) == sorted({*active, 1})


def test_a_negation_window_stays_open_for_the_next_words() -> None:
    scan = _pending(3)
    assert _close_negation_window(scan, 3 + WINDOW) == 0.0
    assert scan.pending_negator and scan.negative == 0.0


def test_a_negation_window_closing_at_this_word_returns_the_penalty_due() -> None:
    scan = _pending(3)
    assert _close_negation_window(scan, 3 + WINDOW + 1) == UNUSED
    assert not scan.pending_negator and scan.negative == 0.0  # the caller charges it


def test_a_negation_window_that_ran_out_earlier_counts_against_its_clause() -> None:
    scan = _pending(3)
    assert _close_negation_window(scan, 3 + WINDOW + 2) == 0.0
    assert not scan.pending_negator
    assert scan.negative == UNUSED and scan.clauses == [-UNUSED]


def test_the_first_contrast_remembers_the_praise_before_it_and_its_clause() -> None:
    scan = _scan()
    scan.clauses = [1.0]
    _open_contrast_clause(scan)
    assert scan.contrast and scan.praise_before and scan.contrast_clause == 1
    assert scan.clauses == [1.0, 0.0]
    scan.clauses[-1] = -2.0
    _open_contrast_clause(scan)  # a second contrast only opens a clause
    assert scan.contrast_clause == 1 and scan.clauses == [1.0, -2.0, 0.0]


def test_a_contrast_after_no_praise_is_not_praise_then_contrast() -> None:
    scan = _scan()
    scan.clauses = [0.2]
    _open_contrast_clause(scan)
    assert scan.contrast and not scan.praise_before


def test_a_negator_opens_a_window_and_a_second_one_counts_the_first_as_unused() -> None:
    scan = _scan(positions=[1, 2, 3, 4])
    assert _negator_value(scan, 1, 0.0) == 0.0
    assert scan.pending_negator and scan.last_negator == 2
    assert _negator_value(scan, 3, 0.0) == -UNUSED
    assert scan.last_negator == 4
    assert _negator_value(_scan(), 0, UNUSED) == -UNUSED  # a window closed at this very word


def test_a_pending_negator_turns_praise_into_complaint_and_complaint_into_milder_praise() -> None:
    good, bad = make_token("hyvä", "fi"), make_token("huono", "fi")
    assert good.polarity > 0 > bad.polarity
    assert _polar_value(_pending(0), good, 0.0) == -good.polarity
    scan = _pending(0)
    assert _polar_value(scan, bad, 0.0) == pytest.approx(-0.8 * bad.polarity)
    assert not scan.pending_negator  # one negator flips one word


def test_without_a_negator_a_word_keeps_its_polarity_less_a_late_penalty() -> None:
    good = make_token("hyvä", "fi")
    assert _polar_value(_scan(), good, 0.0) == good.polarity
    assert _polar_value(_scan(), good, UNUSED) == good.polarity - UNUSED


def test_rhetorical_words_are_not_flipped_and_neutral_words_keep_the_negator_waiting() -> None:
    why = make_token("miksi", "fi")
    scan = _pending(0)
    assert _polar_value(scan, why, 0.0) == why.polarity < 0
    assert scan.pending_negator
    assert _polar_value(scan, make_token("oli", "fi"), 0.0) == 0.0
    assert scan.pending_negator


def test_a_word_value_closes_the_window_opens_a_contrast_and_reads_polarity() -> None:
    good, but = make_token("hyvä", "fi"), make_token("mutta", "fi")
    scan = _pending(0)
    _word_value(scan, but, WINDOW + 1)  # "mutta" is the word where the window closes
    assert scan.contrast and not scan.pending_negator and scan.clauses == [0.0, 0.0]
    assert _word_value(scan, good, WINDOW + 2) == good.polarity
    assert _word_value(scan, make_token("ei", "fi"), WINDOW + 3) == 0.0
    assert scan.pending_negator


def test_a_full_stop_ends_the_clause_and_its_statement_and_an_unused_negator() -> None:
    scan = _pending(0)
    scan.clause_negative = 1.0
    assert _clause_break_value(scan, make_token(".", "fi"), 1) == -UNUSED
    assert scan.statement_negative == 1.0 and scan.clause_negative == 0.0
    assert scan.clauses == [0.0, 0.0] and not scan.pending_negator
    assert scan.last_negator == -100


def test_a_question_mark_ends_the_clause_without_making_it_a_statement() -> None:
    scan = _scan()
    scan.clause_negative = 1.0
    assert _clause_break_value(scan, make_token("?", "fi"), 1) == 0.0
    assert scan.statement_negative == 0.0 and scan.clause_negative == 0.0


def test_clause_punctuation_long_after_a_negator_charges_the_old_clause() -> None:
    scan = _pending(0)
    _clause_break_value(scan, make_token(".", "fi"), WINDOW + 1)
    assert scan.clauses == [-UNUSED, 0.0] and scan.negative == UNUSED


def test_praise_adds_to_positive_and_counts_a_quarter_in_a_conditional_wish() -> None:
    scan = _scan(conditional=[False, True])
    _add_value(scan, 1.0, 0)
    _add_value(scan, 1.0, 1)
    assert scan.positive == 1.25 and scan.clauses == [1.25]


def test_complaint_adds_to_negative_its_clause_and_the_worst_cue() -> None:
    scan = _scan()
    _add_value(scan, -0.5, 0)
    _add_value(scan, -1.0, 1)
    _add_value(scan, -0.3, 2)
    assert scan.negative == pytest.approx(1.8) and scan.clause_negative == pytest.approx(1.8)
    assert scan.worst == -1.0 and scan.clauses == [pytest.approx(-1.8)]


def test_finish_counts_a_negator_left_pending_at_the_end() -> None:
    scan = _pending(0)
    positive, negative, clauses, contrast, worst, praise_then_contrast, stated = _finish(scan)
    assert (positive, negative, clauses, contrast, worst) == (0.0, UNUSED, [-UNUSED], False, 0.0)
    assert not praise_then_contrast and stated == UNUSED


def test_finish_reports_praise_then_a_contrast_clause_that_praises_nothing() -> None:
    scan = _scan()
    scan.clauses = [1.0]
    _open_contrast_clause(scan)
    assert _finish(scan)[5] is True
    scan.clauses[-1] = 0.5  # the clause after "but" praises too
    assert _finish(scan)[5] is False
