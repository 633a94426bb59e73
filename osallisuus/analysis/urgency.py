"""Flags comments a person must read today: risk to safety or health, abuse, neglect, self-harm.

Cue weights add up; any cue of weight 1 or more (self-harm, violence, being left without food,
a fall, a missed dose) is urgent on its own, minor cues (confusion, "kuume", a night visit)
need another. Small time words ("nyt", "eilen") only reinforce an existing cue. Recall matters
more than precision here: the threshold was chosen on our own labelled comments (not the
development sample) as the lowest that kept precision near 0.8 there.
"""

from __future__ import annotations

from itertools import compress
from operator import attrgetter

from .matcher import Phrase
from .tokens import DIGITAL, URGENCY, Token, comment_flags

URGENT_THRESHOLD = 1.0
_MINOR = 0.5
_MAX_MINOR_BOOST = 0.5
_URGENCY_OF = attrgetter("urgency")


def urgency_score(
    tokens: list[Token], phrases: list[tuple[Phrase, int]], *, flags: int | None = None
) -> float:
    """Return the summed urgency weight of a comment, each lemma counted once."""
    if flags is None:
        flags = comment_flags(tokens)
    core = 0.0
    minor = 0.0
    if flags & URGENCY:
        digital = bool(flags & DIGITAL)
        seen: set[str] = set()
        for token in compress(tokens, map(_URGENCY_OF, tokens)):
            if token.lemma in seen or (digital and token.crash):
                continue
            seen.add(token.lemma)
            if 0 < token.urgency < _MINOR:
                minor += token.urgency
            else:
                core += token.urgency
    for phrase, _index in phrases:
        if phrase.category == "u":
            core += phrase.weight
    if core >= 1.0:
        core += min(minor, _MAX_MINOR_BOOST)
    return core


def is_urgent(
    tokens: list[Token], phrases: list[tuple[Phrase, int]], *, flags: int | None = None
) -> bool:
    """True when the comment describes a current risk that someone must act on today."""
    if flags is not None and not flags & URGENCY and not phrases:
        return False  # no cue at all: the score is 0
    return urgency_score(tokens, phrases, flags=flags) >= URGENT_THRESHOLD
