"""Flags comments a person must read today: risk to safety or health, abuse, neglect, self-harm.

Cue weights add up; a strong cue (self-harm, violence, being left without food) is urgent on
its own, weaker cues (a fall, confusion, a missed dose) need a second one. Small time words
("nyt", "eilen") only reinforce an existing cue. Recall matters more than precision here.
"""

from __future__ import annotations

from .matcher import Phrase
from .themes import has_digital_context, is_crash_word
from .tokens import Token

URGENT_THRESHOLD = 2.0
_MINOR = 0.5
_MAX_MINOR_BOOST = 0.5


def urgency_score(tokens: list[Token], phrases: list[tuple[Phrase, int]]) -> float:
    """Return the summed urgency weight of a comment, each lemma counted once."""
    digital = has_digital_context(tokens)
    core = 0.0
    minor = 0.0
    seen: set[str] = set()
    for token in tokens:
        info = token.info
        if info is None or not info.urgency or info.lemma in seen:
            continue
        if digital and is_crash_word(token):
            continue
        seen.add(info.lemma)
        if 0 < info.urgency < _MINOR:
            minor += info.urgency
        else:
            core += info.urgency
    for phrase, _index in phrases:
        if phrase.category == "u":
            core += phrase.weight
    if core >= 1.0:
        core += min(minor, _MAX_MINOR_BOOST)
    return core


def is_urgent(tokens: list[Token], phrases: list[tuple[Phrase, int]]) -> bool:
    """True when the comment describes a current risk that someone must act on today."""
    return urgency_score(tokens, phrases) >= URGENT_THRESHOLD
