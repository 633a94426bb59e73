"""Flags comments a person must read today: risk to safety or health, abuse, neglect, self-harm.

Cue weights add up; any cue of weight 1 or more (self-harm, violence, being left without food,
a fall, a missed dose) is urgent on its own, minor cues (confusion, "kuume", a night visit)
need another. Small time words ("nyt", "eilen") only reinforce an existing cue. A risk told as
past counts half unless the comment says it goes on, words of recovery or no harm count
against, and death or crash words about software count nothing. Recall matters
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
    past = _past_sentences(tokens) if flags & URGENCY or phrases else []
    if flags & URGENCY:
        digital = bool(flags & DIGITAL)
        seen: set[str] = set()
        for index in compress(range(len(tokens)), map(_URGENCY_OF, tokens)):
            token = tokens[index]
            if token.lemma in seen or (digital and _about_software(token)):
                continue
            seen.add(token.lemma)
            weight = token.urgency
            if past and weight > 0 and past[index]:
                weight *= _PAST_FACTOR
            if 0 < weight < _MINOR:
                minor += weight
            else:
                core += weight
    for phrase, index in phrases:
        if phrase.category == "u":
            damped = past and phrase.weight > 0 and past[index]
            core += phrase.weight * (_PAST_FACTOR if damped else 1.0)
    if core >= 1.0:
        core += min(minor, _MAX_MINOR_BOOST)
    return core


# "Kaatua", "kuolla", "dead", "frozen" in a comment about an app or web service are about the
# software ("järjestelmä kuoli", "the app died"), not a person.
_SOFTWARE_DEATH = ("kuol", "död", "dead", "die", "frozen")


def _about_software(token: Token) -> bool:
    return token.crash or token.lemma.startswith(_SOFTWARE_DEATH)


# A risk told as past ("kaatui viime talvena", "för tre år sedan") counts half, unless the
# comment says it goes on; a strong cue (violence, self-harm) stays urgent on its own.
_PAST_FACTOR = 0.5
# Words that place a sentence's events in the past, some only after a time unit ("kaksi vuotta
# sitten", "för tre år sedan", "years ago"); "viime"/"förra"/"last" only before a longer span
# than a night ("viime yönä" is now).
_PAST_WORDS = frozenset("aikoinaan aikanaan lapsena nuorena ifjol fjol".split())
_AGO_WORDS = frozenset("sitten sedan ago".split())
_LAST_WORDS = frozenset("viime viimevuonna förra förrförra last".split())
_ONGOING = frozenset(
    "edelleen vieläkään yhä silti tänään huomenna seuraava seuraavaksi jatkuu taas "
    "fortfarande ännu idag imorgon igen nästa fortsätter "
    "still today tomorrow again next keeps continues".split()
)
_RECENT = ("yö", "yön", "natt", "night", "ilta", "kväll", "evening")


_PAST_CUES = _PAST_WORDS | _AGO_WORDS | _LAST_WORDS
_LOWER = attrgetter("lower")


def _past_sentences(tokens: list[Token]) -> list[bool]:
    """Per token: does its sentence place what it tells in the past? Never when the comment
    says the matter goes on ("silti", "vieläkään", "still", "fortfarande")."""
    lowers = set(map(_LOWER, tokens))
    if _PAST_CUES.isdisjoint(lowers) or not _ONGOING.isdisjoint(lowers):
        return []
    flags: list[bool] = []
    start = 0
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        if token.sentence_break or index == last:
            end = index + 1
            flag = _is_past(tokens, start, end)
            flags.extend([flag] * (end - start))
            start = end
    return flags


def _is_past(tokens: list[Token], start: int, end: int) -> bool:
    for index in range(start, end):
        word = tokens[index].lower
        if word in _PAST_WORDS:
            return True
        if word in _AGO_WORDS and index > start and tokens[index - 1].time_unit:
            return True
        if word in _LAST_WORDS and index + 1 < end:
            after = tokens[index + 1]
            if after.time_unit and not after.lemma.startswith(_RECENT):
                return True
    return False


def is_urgent(
    tokens: list[Token], phrases: list[tuple[Phrase, int]], *, flags: int | None = None
) -> bool:
    """True when the comment describes a current risk that someone must act on today."""
    if flags is not None and not flags & URGENCY and not phrases:
        return False  # no cue at all: the score is 0
    return urgency_score(tokens, phrases, flags=flags) >= URGENT_THRESHOLD
