"""Multi-label theme detection from lexicon weights over lemmas, compound parts and phrases."""

from __future__ import annotations

from itertools import compress
from operator import attrgetter

from .matcher import Phrase
from .taxonomy import theme_ids
from .tokens import CRASH, DIGITAL, NUMBER, STAFF, STAFF_WEAK, THEMES, Token, comment_flags

# Chosen on our own labelled comments (data/examples.jsonl, data/heldout.jsonl), never on the
# development sample: 0.8 balances precision and recall there (1.0 left recall well behind).
THRESHOLD = 0.8
# Weak praise ("ihana") next to a staff noun in the same sentence is about attitude.
_STAFF_PAIR_WEIGHT = 1.0
_DURATION_WEIGHT = 0.5

_DIGITAL = attrgetter("digital")
_THEMES_OF = attrgetter("themes")
_NUMBER = attrgetter("number")


def has_digital_context(tokens: list[Token]) -> bool:
    """True when the comment talks about an app or web service."""
    return any(map(_DIGITAL, tokens))


def is_crash_word(token: Token) -> bool:
    """ "Kaatua" means a person falling, unless the comment is about software crashing."""
    return token.crash


def _staff_pairs(tokens: list[Token]) -> float:
    """Strongest weak staff praise per sentence that also names a staff member, summed."""
    total = 0.0
    staff = False
    weak = 0.0
    for token in tokens:
        if token.sentence_break:
            if staff:
                total += weak
            staff = False
            weak = 0.0
        elif token.is_word:
            if token.staff_noun:
                staff = True
            weak = max(weak, token.staff_weak)
    if staff:
        total += weak
    return total * _STAFF_PAIR_WEIGHT


def _durations(tokens: list[Token]) -> float:
    """Weight of "45 min", "kolme viikkoa": a number followed by a time unit."""
    total = 0.0
    # Only the tokens right after a number can be the unit (compress keeps the scan in C).
    for index in compress(range(1, len(tokens)), map(_NUMBER, tokens)):
        if tokens[index].time_unit:
            total += _DURATION_WEIGHT
    return total


def _word_scores(tokens: list[Token], *, digital: bool) -> dict[str, float]:
    """Theme weights of the words, each lemma once per theme; in a comment about an app or web
    service a crash word speaks of the software, not of a fall."""
    scores: dict[str, float] = {}
    seen: set[tuple[str, str]] = set()
    for token in compress(tokens, map(_THEMES_OF, tokens)):
        if digital and token.crash:
            continue
        for key, theme, weight in token.theme_keys:
            if key in seen:
                continue
            seen.add(key)
            scores[theme] = scores.get(theme, 0.0) + weight
    return scores


def theme_scores(
    tokens: list[Token], phrases: list[tuple[Phrase, int]], *, flags: int | None = None
) -> dict[str, float]:
    """Sum theme weights; each lemma counts once per theme so repetition does not inflate.

    `flags` is :func:`tokens.comment_flags` of `tokens` when the caller already has it.
    """
    if flags is None:
        flags = comment_flags(tokens)
    digital = bool(flags & DIGITAL)
    scores = _word_scores(tokens, digital=digital) if flags & THEMES else {}
    if digital and flags & CRASH:
        crashes = sum(0.5 for token in tokens if token.crash)
        scores["booking_digital"] = scores.get("booking_digital", 0.0) + crashes
    if flags & STAFF_WEAK and flags & STAFF:
        pairs = _staff_pairs(tokens)
        if pairs:
            scores["staff_attitude"] = scores.get("staff_attitude", 0.0) + pairs
    if flags & NUMBER:
        durations = _durations(tokens)
        if durations:
            scores["access_waiting"] = scores.get("access_waiting", 0.0) + durations
    for phrase, _index in phrases:
        if phrase.category.startswith("t:"):
            theme = phrase.category[2:]
            scores[theme] = scores.get(theme, 0.0) + phrase.weight
    return scores


def detect_themes(
    tokens: list[Token], phrases: list[tuple[Phrase, int]], *, flags: int | None = None
) -> list[str]:
    """Return the theme ids whose score reaches the threshold, in taxonomy order."""
    scores = theme_scores(tokens, phrases, flags=flags)
    found = [t for t, score in scores.items() if score >= THRESHOLD and t in _THEME_ORDER]
    if len(found) > 1:
        found.sort(key=_THEME_ORDER.__getitem__)
    return found


_THEME_ORDER = {theme: position for position, theme in enumerate(theme_ids())}
