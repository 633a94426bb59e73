"""Does a comment read like a formal complaint? Words of the statutory routes in fi, sv, en.

Stems, not whole words, so inflected forms count ("muistutuksen", "kantelun", "klagomålet").
A match only flags the item for its handler to choose; nothing is moved without a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Word beginnings that name a statutory route or a claim (Finnish, Swedish, English).
STEMS: tuple[str, ...] = (
    # Finnish: muistutus, kantelu/kannella, valitus, oikaisuvaatimus, potilasvahinko
    "muistutu",
    "muistutus",
    "kantelu",
    "kantelen",
    "valitus",
    "valituks",
    "valitukse",
    "oikaisuvaatimu",
    "potilasvahin",
    "potilasvahing",
    # Swedish: anmärkning, klagomål, klagan, besvär
    "anmärkning",
    "klagomål",
    "klagan",
    # English
    "complaint",
)
# Parts of Finnish compound words ("hoitomuistutus", "potilasvahinkoilmoitus").
INFIXES: tuple[str, ...] = ("muistutu", "oikaisuvaatimu", "potilasvahin", "potilasvahing")
_WORD = re.compile(r"\w+", re.UNICODE)
# Analysis signals (#4): a negative comment about safety may be a claim of harm in care.
SIGNAL_THEMES = frozenset({"safety"})


def complaint_words(text: str) -> list[str]:
    """The words of `text` that name a statutory route, in order, each once."""
    found: list[str] = []
    for word in _WORD.findall(text.lower()):
        if (word.startswith(STEMS) or any(part in word for part in INFIXES)) and word not in found:
            found.append(word)
    return found


def reads_like_complaint(
    text: str, *, themes: Iterable[str] = (), sentiment: str = ""
) -> list[str]:
    """Why the comment reads like a complaint (its words, or the analysis signal), or []."""
    words = complaint_words(text)
    if words:
        return words
    if sentiment == "negative" and SIGNAL_THEMES & set(themes):
        return [f"#{theme}" for theme in sorted(SIGNAL_THEMES & set(themes))]
    return []
