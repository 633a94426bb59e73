"""Sentiment (positive, negative, mixed, neutral) from signed lexicon weights.

Negators flip the next polar word, contrast markers split clauses so praise and complaint
in one comment give `mixed`, and praise inside a conditional wish ("olisi hyvä jos") does
not count as praise. Definitions follow the taxonomy header.
"""

from __future__ import annotations

from dataclasses import dataclass

from .matcher import Phrase
from .tokens import EMOJI_POLARITY, Token

_NEGATION_WINDOW = 4
_DECISIVE = 0.25
_MIXED_SIDE = 0.8
_CONDITIONAL_DAMPING = 0.25
# A denial that flipped nothing ("ei vastaa", "ei kerrottu") still reads as a complaint.
_UNUSED_NEGATOR = 0.25
# Rhetorical or concessive words: a preceding negator does not turn them into praise.
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


def _conditional_sentences(tokens: list[Token]) -> list[bool]:
    """Per token: does its sentence hold a conditional wish or suggestion marker?"""
    flags: list[bool] = []
    start = 0
    for index, token in enumerate(tokens):
        if token.kind == "p" or index == len(tokens) - 1:
            end = index + 1
            flag = any(t.info is not None and t.info.suggestion for t in tokens[start:end])
            flags.extend([flag] * (end - start))
            start = end
    return flags


def sentiment_scores(tokens: list[Token], phrases: list[tuple[Phrase, int]]) -> SentimentScores:
    """Sum signed cue weights with negation, clause splitting and conditional damping."""
    positive = 0.0
    negative = 0.0
    clauses: list[float] = [0.0]
    contrast = False
    last_negator = -100
    pending_negator = False
    word_position = 0
    conditional = _conditional_sentences(tokens)
    phrase_weight: dict[int, float] = {}
    for phrase, index in phrases:
        if phrase.category == "s":
            phrase_weight[index] = phrase_weight.get(index, 0.0) + phrase.weight
    for index, token in enumerate(tokens):
        value = 0.0
        if token.kind == "p":
            if "??" in token.text:
                value -= 0.5
            elif "!!" in token.text:
                value -= 0.3
            if token.text not in (";", ":"):
                clauses.append(0.0)
                if pending_negator:
                    value -= _UNUSED_NEGATOR
                    pending_negator = False
                last_negator = -100
        elif token.kind == "e":
            value = EMOJI_POLARITY.get(token.text, 0.0)
        elif token.info is not None:
            info = token.info
            word_position += 1
            if info.contrast:
                contrast = True
                clauses.append(0.0)
            if info.negator:
                if pending_negator:
                    value -= _UNUSED_NEGATOR
                last_negator = word_position
                pending_negator = True
            else:
                value = info.polarity
                if (
                    value
                    and pending_negator
                    and token.lower not in _NOT_FLIPPED
                    and word_position - last_negator <= _NEGATION_WINDOW
                ):
                    # Negated praise is complaint; negated complaint is milder praise.
                    value = -value if value > 0 else -0.8 * value
                    pending_negator = False
                elif pending_negator and word_position - last_negator > _NEGATION_WINDOW:
                    value -= _UNUSED_NEGATOR
                    pending_negator = False
        value += phrase_weight.get(index, 0.0)
        if value > 0 and index < len(conditional) and conditional[index]:
            value *= _CONDITIONAL_DAMPING
        if value > 0:
            positive += value
        else:
            negative -= value
        clauses[-1] += value
    if pending_negator:
        negative += _UNUSED_NEGATOR
        clauses[-1] -= _UNUSED_NEGATOR
    return SentimentScores(positive, negative, tuple(clauses), contrast)


def _is_question_or_suggestion(tokens: list[Token]) -> bool:
    if any(token.kind == "p" and "?" in token.text for token in tokens):
        return True
    return any(token.info is not None and token.info.suggestion for token in tokens)


def _shouting(text: str) -> bool:
    """A comment written in capitals ("EI KUUNNELLA") is angry."""
    return len(text) > 15 and text.isupper()


def detect_sentiment(
    text: str, tokens: list[Token], phrases: list[tuple[Phrase, int]], *, has_themes: bool
) -> str:
    """Classify one comment; `has_themes` tells a bare factual complaint from empty text."""
    scores = sentiment_scores(tokens, phrases)
    positive, negative, clauses = scores.positive, scores.negative, scores.clauses
    if _shouting(text):
        negative += 1.0
    net = positive - negative
    strong_pos = max(clauses, default=0.0) >= _MIXED_SIDE
    strong_neg = min(clauses, default=0.0) <= -_MIXED_SIDE
    # "X was lovely, but Y": praise and a contrast marker followed by anything critical is
    # mixed even when the complaint is stated as a bare fact.
    if scores.contrast and strong_pos and min(clauses, default=0.0) < 0.0 and negative >= 0.25:
        return "mixed"
    if positive >= _MIXED_SIDE and negative >= _MIXED_SIDE:
        if scores.contrast and (strong_pos or strong_neg):
            return "mixed"
        if strong_pos and strong_neg and min(positive, negative) >= 1.0:
            return "mixed"
    if net >= _DECISIVE:
        return "positive"
    if net <= -_DECISIVE:
        return "negative"
    if _is_question_or_suggestion(tokens) and negative < 0.5:
        return "neutral"
    if positive > 0 and negative > 0 and scores.contrast:
        return "mixed"
    if has_themes:
        return "negative"
    return "neutral"
