"""Finnish morphology from Voikko when it is installed; simplemma otherwise.

Voikko (Debian's ``libvoikko1`` and ``voikko-fi``, read through the ``libvoikko`` ctypes
binding) knows Finnish inflection and compounding: "jatkohoitoon" is *jatkohoito* made of
*jatko* + *hoito*, "ajanvarausjärjestelmä" is *aika* + *varaus* + *järjestelmä*. The tokeniser
(tokens.py) looks every word up by its lemma and by the base forms of its compound parts, so
cues written for a part reach the compounds people form with it. Words Voikko does not know
(spoken forms, typos) and Swedish and English keep simplemma.

Every answer is cached per word form, and the tokeniser caches its records on top, so a word
costs one Voikko call per process. Without Voikko the analysis works as before; the system
check ``analysis.I001`` says so once when the server starts.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any, NamedTuple

import simplemma
from django.core.checks import CheckMessage
from django.core.checks import Info as CheckInfo


class Reading(NamedTuple):
    """Voikko's reading of one Finnish word: its lemma and its compound parts' base forms."""

    lemma: str
    parts: tuple[str, ...]  # empty unless the word is a compound of two or more parts


_lock = threading.Lock()  # one Voikko handle is not safe to share between threads
_switch = {"enabled": True}


@lru_cache(maxsize=1)
def _handle() -> Any:
    """The Voikko handle, or None when the library, the binding or the dictionary is missing."""
    try:
        import libvoikko  # optional
    except ImportError:
        return None
    try:
        return libvoikko.Voikko("fi")
    except (OSError, AttributeError, libvoikko.VoikkoException):
        return None


def available() -> bool:
    """True when Finnish words are read with Voikko (installed and not switched off)."""
    return _switch["enabled"] and _handle() is not None


def set_enabled(enabled: bool) -> None:
    """Switch Voikko on or off for this process and forget the cached readings (callers use
    :func:`tokens.use_voikko`, which also forgets the token records built from them)."""
    _switch["enabled"] = enabled
    read_finnish.cache_clear()


_WORDBASE_RE = re.compile(r"\+([^+(]*)\(([^)]*)\)")
# The verb a participle is made from opens Voikko's FSTOUTPUT: "[Lt][Xp]perua[X]peru…".
_PARTICIPLE_VERB_RE = re.compile(r"\[Lt\]\[Xp\]([^\[]+)\[X\]")
# Compound parts shorter than this are left out: too short to stand for a cue.
_MIN_PART_LENGTH = 3


def _parts(wordbases: str) -> tuple[str, ...]:
    """The compound parts in Voikko's WORDBASES: "+ajan(aika)+vara(varata)+us(+us)" gives
    aika and varaus. A part with a derivational ending ("(+us)") is the derived word as
    written; any other part is its base form. A word of one part gives ()."""
    parts: list[list[str]] = []  # [surface, base] per part
    for surface, base in _WORDBASE_RE.findall(wordbases):
        base = base.replace("=", "").lower()
        if not surface:
            continue
        if base.startswith("+") and parts:  # a derivational ending: "us" of "(+us)"
            parts[-1] = [parts[-1][0] + surface.lower(), ""]
        else:
            parts.append([surface.lower(), base])
    found = tuple(base or surface for surface, base in parts)
    return tuple(part for part in found if len(part) >= _MIN_PART_LENGTH) if len(found) > 1 else ()


@lru_cache(maxsize=1 << 17)
def read_finnish(word: str) -> Reading | None:
    """Voikko's reading of one lower-cased Finnish word; None when Voikko is off or does not
    know the word."""
    if not available():
        return None
    with _lock:
        readings = _handle().analyze(word)
    if not readings:
        return None
    chosen = readings[0]
    if len(readings) > 1:
        # Voikko lists every reading ("vuotta": vuosi or vuo); the one simplemma's frequency
        # based guess agrees with is usually the common one.
        guess = simplemma.lemmatize(word, lang="fi").lower()
        chosen = next((r for r in readings if str(r.get("BASEFORM", "")).lower() == guess), chosen)
    lemma = str(chosen.get("BASEFORM") or word).lower()
    if chosen.get("PARTICIPLE"):
        # A participle is read as its verb ("perunut", "jätetystä": perua, jättää), as simplemma
        # reads it, so "olin perunut" and "peruin" share a lemma.
        verb = _PARTICIPLE_VERB_RE.match(str(chosen.get("FSTOUTPUT") or ""))
        lemma = verb.group(1).lower() if verb else lemma
    return Reading(lemma=lemma, parts=_parts(str(chosen.get("WORDBASES") or "")))


def voikko_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """System check: says once at start-up when Finnish falls back to simplemma."""
    if available() or not _switch["enabled"]:
        return []
    return [
        CheckInfo(
            "Voikko is not installed: Finnish words are lemmatised with simplemma, which does "
            "not split compound words, so the text analysis finds fewer themes in Finnish.",
            hint="Install the Debian packages libvoikko1 and voikko-fi (scripts/"
            "system-packages.sh does it when run as root) and the Python package libvoikko.",
            id="analysis.I001",
        )
    ]
