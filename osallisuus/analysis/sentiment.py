"""Sentiment (positive, negative, mixed, neutral) from signed lexicon weights.

Negators flip the next polar word, contrast markers split clauses so praise and complaint
in one comment give `mixed`, and praise inside a conditional wish ("olisi hyvä jos") does
not count as praise. Definitions follow the taxonomy header.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate, compress
from operator import attrgetter

from .matcher import Phrase
from .tokens import NEGATOR, POLAR, QUESTION_MARK, SUGGESTION, Token, comment_flags

_NEGATION_WINDOW = 4
_DECISIVE = 0.25
_MIXED_SIDE = 0.8
_CONDITIONAL_DAMPING = 0.25
# A denial that flipped nothing ("ei vastaa", "ei kerrottu") still reads as a complaint.
_UNUSED_NEGATOR = 0.25
_QUESTION_TOLERANCE = 1.6
_CLEAR_COMPLAINT = -0.9
# Capitals in a longer text are shouting; a short one is an acronym or one word ("KELA").
_SHOUTING_MIN_LENGTH = 15
# After praise and a contrast marker, this much negative weight makes the comment mixed.
_CONTRAST_COMPLAINT = 0.25
# A question or suggestion with less negative weight than this is neutral.
_MILD_NEGATIVE = 0.5
# Rhetorical or concessive words: a preceding negator does not turn them into praise.
_SUGGESTION = attrgetter("suggestion")
_IS_WORD = attrgetter("is_word")
_ACTIVE = attrgetter("active")
_NOT_FLIPPED = frozenset(
    "miksi miks varför why eikö vaikka fast trots vasta edes liian för too".split()
)


@dataclass(frozen=True, slots=True)
class SentimentScores:
    """Summed praise and complaint, net score per clause, and whether a contrast occurred."""

    positive: float
    negative: float
    clauses: tuple[float, ...]
    contrast: bool
    worst: float = 0.0  # the most negative single cue, to tell topic words from complaints


def _conditional_sentences(tokens: list[Token]) -> list[bool]:
    """Per token: does its sentence hold a conditional wish or suggestion marker?"""
    flags: list[bool] = []
    start = 0
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        if token.sentence_break or index == last:
            end = index + 1
            flag = any(map(_SUGGESTION, tokens[start:end]))
            flags.extend([flag] * (end - start))
            start = end
    return flags


def sentiment_scores(
    tokens: list[Token], phrases: list[tuple[Phrase, int]], *, flags: int | None = None
) -> SentimentScores:
    """Sum signed cue weights with negation, clause splitting and conditional damping.

    Only tokens that can change the result are visited (polar words, negators, contrast
    markers, clause punctuation, emoji and phrase starts); word positions for the negation
    window come from a running count of words, so skipped words still count.
    """
    if flags is None:
        flags = comment_flags(tokens)
    positive, negative, clauses, contrast, worst, _praise, _stated = _scores(tokens, phrases, flags)
    return SentimentScores(positive, negative, tuple(clauses), contrast, worst)


# (positive, negative, clauses, contrast, worst, praise_then_contrast, statement_negative)
_Scores = tuple[float, float, list[float], bool, float, bool, float]
_NO_SCORES: _Scores = (0.0, 0.0, [0.0], False, 0.0, False, 0.0)  # read only


def _scores(tokens: list[Token], phrases: list[tuple[Phrase, int]], flags: int) -> _Scores:
    """:func:`sentiment_scores` as a plain tuple (positive, negative, clauses, contrast, worst).

    One pass over the tokens that can change the result; each step below reads and updates
    the running :class:`_Scan`.
    """
    phrase_weight = _phrase_weights(phrases)
    if not flags & POLAR and not phrase_weight:
        return _NO_SCORES
    scan = _Scan(
        positions=list(accumulate(map(_IS_WORD, tokens))) if flags & NEGATOR else None,
        conditional=_conditional_sentences(tokens) if flags & SUGGESTION else None,
    )
    for index in _tokens_to_visit(tokens, phrase_weight):
        token = tokens[index]
        if token.is_word:
            value = _word_value(scan, token, index)
        elif token.clause_break:
            value = _clause_break_value(scan, token, index)
        else:
            value = token.punct_polarity or token.emoji_polarity
        if phrase_weight:
            value += phrase_weight.get(index, 0.0)
        if value:
            _add_value(scan, value, index)
    return _finish(scan)


class _Scan:
    """The running state of one pass of :func:`_scores` over a comment's tokens."""

    __slots__ = (
        "clause_negative",
        "clauses",
        "conditional",
        "contrast",
        "contrast_clause",
        "last_negator",
        "negative",
        "pending_negator",
        "positions",
        "positive",
        "praise_before",
        "statement_negative",
        "worst",
    )

    def __init__(self, *, positions: list[int] | None, conditional: list[bool] | None) -> None:
        self.positive = 0.0
        self.negative = 0.0
        self.clauses: list[float] = [0.0]  # net score per clause, the current one last
        self.contrast = False
        self.worst = 0.0
        # Per token: the running count of words up to it (only when the comment has a
        # negator), and whether its sentence holds a conditional wish (only when it has one).
        self.positions = positions
        self.conditional = conditional
        self.last_negator = -100  # word position of the last negator
        self.pending_negator = False  # a negator that has not flipped a word yet
        # Praise, then a contrast marker opening a clause that praises nothing: "X was good, but".
        self.contrast_clause = -1
        self.praise_before = False
        # Complaint stated outside questions: "Jono oli pitkä. Miksi?" complains, "Miksi?" asks.
        self.statement_negative = 0.0
        self.clause_negative = 0.0


def _phrase_weights(phrases: list[tuple[Phrase, int]]) -> dict[int, float]:
    """Token index -> summed weight of the sentiment phrases that start there."""
    phrase_weight: dict[int, float] = {}
    for phrase, index in phrases:
        if phrase.category == "s":
            phrase_weight[index] = phrase_weight.get(index, 0.0) + phrase.weight
    return phrase_weight


def _tokens_to_visit(tokens: list[Token], phrase_weight: dict[int, float]) -> list[int]:
    """Indices of the active tokens and of the phrase starts, in order."""
    visit = list(compress(range(len(tokens)), map(_ACTIVE, tokens)))
    if phrase_weight:
        visit = sorted(set(visit).union(phrase_weight))
    return visit


def _count_unused_negator(scan: _Scan) -> None:
    """A denial that flipped nothing counts against the clause it was in."""
    scan.negative += _UNUSED_NEGATOR
    scan.clauses[-1] -= _UNUSED_NEGATOR
    scan.pending_negator = False


def _close_negation_window(scan: _Scan, position: int) -> float:
    """Close a pending negator's window before the word at `position`, if it has run out.

    Returns the penalty still due when the window closes at this very word.
    """
    distance = position - scan.last_negator
    if distance > _NEGATION_WINDOW + 1:
        # The window closed at an earlier, skipped word.
        _count_unused_negator(scan)
    elif distance == _NEGATION_WINDOW + 1:
        scan.pending_negator = False
        return _UNUSED_NEGATOR
    return 0.0


def _open_contrast_clause(scan: _Scan) -> None:
    """A contrast marker ("mutta", "but") starts a new clause; the first one is remembered."""
    if not scan.contrast:
        scan.praise_before = max(scan.clauses) >= _MIXED_SIDE
        scan.contrast_clause = len(scan.clauses)
    scan.contrast = True
    scan.clauses.append(0.0)


def _negator_value(scan: _Scan, index: int, late_penalty: float) -> float:
    """A negator opens a window; one that replaces an unused negator counts against it."""
    value = 0.0
    if scan.pending_negator or late_penalty:
        value -= _UNUSED_NEGATOR
    scan.last_negator = scan.positions[index] if scan.positions is not None else 0
    scan.pending_negator = True
    return value


def _polar_value(scan: _Scan, token: Token, late_penalty: float) -> float:
    """A word's polarity, flipped by a pending negator."""
    value = token.polarity - late_penalty
    if scan.pending_negator and value and token.lower not in _NOT_FLIPPED:
        # Negated praise is complaint; negated complaint is milder praise.
        value = -value if value > 0 else -0.8 * value
        scan.pending_negator = False
    return value


def _word_value(scan: _Scan, token: Token, index: int) -> float:
    """The signed value of one word, after the negation window and any contrast it opens."""
    late_penalty = 0.0
    if scan.pending_negator and scan.positions is not None:
        late_penalty = _close_negation_window(scan, scan.positions[index])
    if token.contrast:
        _open_contrast_clause(scan)
    if token.negator:
        return _negator_value(scan, index, late_penalty)
    return _polar_value(scan, token, late_penalty)


def _clause_break_value(scan: _Scan, token: Token, index: int) -> float:
    """Clause punctuation ends the clause and any negation; returns its own value."""
    if (
        scan.pending_negator
        and scan.positions is not None
        and scan.positions[index] - scan.last_negator > _NEGATION_WINDOW
    ):
        _count_unused_negator(scan)
    value = token.punct_polarity
    if "?" not in token.text:
        scan.statement_negative += scan.clause_negative
    scan.clause_negative = 0.0
    scan.clauses.append(0.0)
    if scan.pending_negator:
        value -= _UNUSED_NEGATOR
        scan.pending_negator = False
    scan.last_negator = -100
    return value


def _add_value(scan: _Scan, value: float, index: int) -> None:
    """Add one token's value to the sums; praise in a conditional wish counts a quarter."""
    if value > 0:
        if scan.conditional is not None and scan.conditional[index]:
            value *= _CONDITIONAL_DAMPING
        scan.positive += value
    else:
        scan.negative -= value
        scan.clause_negative -= value
        scan.worst = min(scan.worst, value)
    scan.clauses[-1] += value


def _finish(scan: _Scan) -> _Scores:
    """Count a negator still pending at the end, and whether praise came before a contrast."""
    if scan.pending_negator:
        scan.negative += _UNUSED_NEGATOR
        scan.clauses[-1] -= _UNUSED_NEGATOR
        scan.clause_negative += _UNUSED_NEGATOR
    statement_negative = scan.statement_negative + scan.clause_negative  # a question ends "?"
    clauses = scan.clauses
    praise_then_contrast = scan.praise_before and 0 <= scan.contrast_clause < len(clauses)
    if praise_then_contrast and clauses[scan.contrast_clause] > 0.0:
        praise_then_contrast = False
    return (
        scan.positive,
        scan.negative,
        clauses,
        scan.contrast,
        scan.worst,
        praise_then_contrast,
        statement_negative,
    )


def detect_sentiment(
    text: str,
    tokens: list[Token],
    phrases: list[tuple[Phrase, int]],
    *,
    has_themes: bool,
    flags: int | None = None,
    urgent: bool = False,
) -> str:
    """Classify one comment; `has_themes` tells a bare factual complaint from empty text.

    An urgent comment describes a risk, so it is never neutral.
    """
    if flags is None:
        flags = comment_flags(tokens)
    label = _classify(text, tokens, phrases, has_themes=has_themes, flags=flags)
    return "negative" if urgent and label == "neutral" else label


def _classify(  # noqa: PLR0911 (a ladder of rules, one return each, read in order)
    text: str,
    tokens: list[Token],
    phrases: list[tuple[Phrase, int]],
    *,
    has_themes: bool,
    flags: int,
) -> str:
    positive, negative, clauses, contrast, worst, praise_then_contrast, stated = _scores(
        tokens, phrases, flags
    )
    if (
        len(text) > _SHOUTING_MIN_LENGTH and text.isupper()
    ):  # written in capitals ("EI KUUNNELLA"): angry
        negative += 1.0
    net = positive - negative
    lowest = min(clauses, default=0.0)
    strong_pos = max(clauses, default=0.0) >= _MIXED_SIDE
    strong_neg = lowest <= -_MIXED_SIDE
    # "X was lovely, but Y": praise and a contrast marker followed by anything critical is
    # mixed even when the complaint is stated as a bare fact.
    if contrast and strong_pos and lowest < 0.0 and negative >= _CONTRAST_COMPLAINT:
        return "mixed"
    if praise_then_contrast:
        return "mixed"  # "Hoito oli hyvää, mutta ...": what follows the praise is the complaint
    if positive >= _MIXED_SIDE and negative >= _MIXED_SIDE:
        if contrast and (strong_pos or strong_neg):
            return "mixed"
        if strong_pos and strong_neg and min(positive, negative) >= 1.0:
            return "mixed"
    # A plain question whose only negative cues are mild topic words ("jono", "kauan",
    # "odottaa") asks, it does not complain; "??" or a clear complaint word keeps it negative.
    if (
        flags & QUESTION_MARK
        and positive == 0.0
        and negative < _QUESTION_TOLERANCE
        and worst > _CLEAR_COMPLAINT
        and stated < _UNUSED_NEGATOR * 2
        and "??" not in text
    ):
        return "neutral"
    if net >= _DECISIVE:
        return "positive"
    if net <= -_DECISIVE:
        return "negative"
    if flags & (QUESTION_MARK | SUGGESTION) and negative < _MILD_NEGATIVE:
        return "neutral"
    if positive > 0 and negative > 0 and contrast:
        return "mixed"
    if has_themes:
        return "negative"
    return "neutral"
