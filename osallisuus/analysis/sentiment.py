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
    """:func:`sentiment_scores` as a plain tuple (positive, negative, clauses, contrast, worst)."""
    positive = 0.0
    negative = 0.0
    clauses: list[float] = [0.0]
    contrast = False
    worst = 0.0
    phrase_weight: dict[int, float] = {}
    for phrase, index in phrases:
        if phrase.category == "s":
            phrase_weight[index] = phrase_weight.get(index, 0.0) + phrase.weight
    if not flags & POLAR and not phrase_weight:
        return _NO_SCORES
    visit = list(compress(range(len(tokens)), map(_ACTIVE, tokens)))
    if phrase_weight:
        visit = sorted(set(visit).union(phrase_weight))
    conditional = _conditional_sentences(tokens) if flags & SUGGESTION else None
    negation = bool(flags & NEGATOR)
    positions = list(accumulate(map(_IS_WORD, tokens))) if negation else None
    last_negator = -100
    pending_negator = False
    # Praise, then a contrast marker opening a clause that praises nothing: "X was good, but".
    contrast_clause = -1
    praise_before = False
    # Complaint stated outside questions: "Jono oli pitkä. Miksi?" complains, "Miksi?" asks.
    statement_negative = 0.0
    clause_negative = 0.0
    for index in visit:
        token = tokens[index]
        value = 0.0
        if token.is_word:
            late_penalty = 0.0
            if pending_negator and positions is not None:
                distance = positions[index] - last_negator
                if distance > _NEGATION_WINDOW + 1:
                    # The window closed at an earlier, skipped word: a denial that
                    # flipped nothing counts against the clause it was in.
                    negative += _UNUSED_NEGATOR
                    clauses[-1] -= _UNUSED_NEGATOR
                    pending_negator = False
                elif distance == _NEGATION_WINDOW + 1:
                    late_penalty = _UNUSED_NEGATOR  # it closes at this very word
                    pending_negator = False
            if token.contrast:
                if not contrast:
                    praise_before = max(clauses) >= _MIXED_SIDE
                    contrast_clause = len(clauses)
                contrast = True
                clauses.append(0.0)
            if token.negator:
                if pending_negator or late_penalty:
                    value -= _UNUSED_NEGATOR
                last_negator = positions[index] if positions is not None else 0
                pending_negator = True
            else:
                value = token.polarity - late_penalty
                if pending_negator and value and token.lower not in _NOT_FLIPPED:
                    # Negated praise is complaint; negated complaint is milder praise.
                    value = -value if value > 0 else -0.8 * value
                    pending_negator = False
        elif token.clause_break:
            if pending_negator and positions is not None:
                if positions[index] - last_negator > _NEGATION_WINDOW:
                    negative += _UNUSED_NEGATOR
                    clauses[-1] -= _UNUSED_NEGATOR
                    pending_negator = False
            value = token.punct_polarity
            if "?" not in token.text:
                statement_negative += clause_negative
            clause_negative = 0.0
            clauses.append(0.0)
            if pending_negator:
                value -= _UNUSED_NEGATOR
                pending_negator = False
            last_negator = -100
        else:
            value = token.punct_polarity or token.emoji_polarity
        if phrase_weight:
            value += phrase_weight.get(index, 0.0)
        if not value:
            continue
        if value > 0:
            if conditional is not None and conditional[index]:
                value *= _CONDITIONAL_DAMPING
            positive += value
        else:
            negative -= value
            clause_negative -= value
            if value < worst:
                worst = value
        clauses[-1] += value
    if pending_negator:
        negative += _UNUSED_NEGATOR
        clauses[-1] -= _UNUSED_NEGATOR
        clause_negative += _UNUSED_NEGATOR
    statement_negative += clause_negative  # the last clause: a question ends with "?"
    praise_then_contrast = praise_before and 0 <= contrast_clause < len(clauses)
    if praise_then_contrast and clauses[contrast_clause] > 0.0:
        praise_then_contrast = False
    return positive, negative, clauses, contrast, worst, praise_then_contrast, statement_negative


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


def _classify(
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
    if len(text) > 15 and text.isupper():  # written in capitals ("EI KUUNNELLA"): angry
        negative += 1.0
    net = positive - negative
    lowest = min(clauses, default=0.0)
    strong_pos = max(clauses, default=0.0) >= _MIXED_SIDE
    strong_neg = lowest <= -_MIXED_SIDE
    # "X was lovely, but Y": praise and a contrast marker followed by anything critical is
    # mixed even when the complaint is stated as a bare fact.
    if contrast and strong_pos and lowest < 0.0 and negative >= 0.25:
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
    if flags & (QUESTION_MARK | SUGGESTION) and negative < 0.5:
        return "neutral"
    if positive > 0 and negative > 0 and contrast:
        return "mixed"
    if has_themes:
        return "negative"
    return "neutral"
