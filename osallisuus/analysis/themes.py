"""Multi-label theme detection from lexicon weights over lemmas, compound parts and phrases."""

from __future__ import annotations

from collections import defaultdict

from .matcher import Phrase
from .taxonomy import theme_ids
from .tokens import Token

THRESHOLD = 1.0
# Weak praise ("ihana") next to a staff noun in the same sentence is about attitude.
_STAFF_PAIR_WEIGHT = 1.0
_DURATION_WEIGHT = 0.5


def _sentence_ids(tokens: list[Token]) -> list[int]:
    sentence = 0
    ids = []
    for token in tokens:
        ids.append(sentence)
        if token.kind == "p":
            sentence += 1
    return ids


def has_digital_context(tokens: list[Token]) -> bool:
    """True when the comment talks about an app or web service."""
    return any(token.info is not None and token.info.digital for token in tokens)


def is_crash_word(token: Token) -> bool:
    """ "Kaatua" means a person falling, unless the comment is about software crashing."""
    return token.info is not None and token.info.lemma.startswith(FALL_STEMS)


FALL_STEMS = ("kaatu", "kaatum")


def theme_scores(tokens: list[Token], phrases: list[tuple[Phrase, int]]) -> dict[str, float]:
    """Sum theme weights; each lemma counts once per theme so repetition does not inflate."""
    scores: dict[str, float] = defaultdict(float)
    digital = has_digital_context(tokens)
    seen: set[tuple[str, str]] = set()
    staff_sentences: set[int] = set()
    weak_sentences: dict[int, float] = {}
    sentence_of = _sentence_ids(tokens)
    for index, token in enumerate(tokens):
        info = token.info
        if info is None:
            if token.kind == "d" and index + 1 < len(tokens):
                following = tokens[index + 1].info
                if following is not None and following.time_unit:
                    scores["access_waiting"] += _DURATION_WEIGHT
            continue
        if digital and is_crash_word(token):
            scores["booking_digital"] += 0.5
            continue
        for theme, weight in info.themes:
            key = (theme, info.lemma)
            if key in seen:
                continue
            seen.add(key)
            scores[theme] += weight
        if info.number and index + 1 < len(tokens):
            following = tokens[index + 1].info
            if following is not None and following.time_unit:
                scores["access_waiting"] += _DURATION_WEIGHT
        if info.staff_noun:
            staff_sentences.add(sentence_of[index])
        if info.staff_weak:
            sentence = sentence_of[index]
            weak_sentences[sentence] = max(weak_sentences.get(sentence, 0.0), info.staff_weak)
    for sentence, weight in weak_sentences.items():
        if sentence in staff_sentences:
            scores["staff_attitude"] += _STAFF_PAIR_WEIGHT * weight
    for phrase, _index in phrases:
        if phrase.category.startswith("t:"):
            scores[phrase.category[2:]] += phrase.weight
    return scores


def detect_themes(tokens: list[Token], phrases: list[tuple[Phrase, int]]) -> list[str]:
    """Return the theme ids whose score reaches the threshold, in taxonomy order."""
    scores = theme_scores(tokens, phrases)
    return [theme for theme in _THEME_IDS if scores.get(theme, 0.0) >= THRESHOLD]


_THEME_IDS = theme_ids()
