"""Tokenising with offsets, cached simplemma lemmas and cached per-word lexicon features.

Every comment-level module reads the same :class:`Token` list, so a word is lemmatised and
looked up in the lexicons once per process, not once per comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import simplemma

from . import lexicon
from .matcher import Matcher, Phrase, compile_entries

LANGS: tuple[str, ...] = ("fi", "sv", "en")

# Words, numbers, sentence punctuation and emoji; offsets are str indices into the text.
_TOKEN_RE = re.compile(
    r"(?P<w>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<d>\d+)"
    r"|(?P<p>[.!?;:]+|\n)"
    r"|(?P<e>[\U0001F300-\U0001FAFF\u2600-\u27BF])"
)

# Colloquial Finnish pronouns simplemma may not know; spoken forms are common in feedback.
_FI_COLLOQUIAL = {
    "mä": "minä",
    "mää": "minä",
    "mie": "minä",
    "sä": "sinä",
    "sää": "sinä",
    "sie": "sinä",
    "mun": "minä",
    "mulle": "minä",
    "mua": "minä",
    "multa": "minä",
    "mulla": "minä",
    "sun": "sinä",
    "sulle": "sinä",
    "sua": "sinä",
    "sulta": "sinä",
    "sulla": "sinä",
    "oon": "olla",
    "oo": "olla",
    "ollu": "olla",
    "ois": "olla",
    "olis": "olla",
    "onneks": "onneksi",
    "ite": "itse",
    "tää": "tämä",
    "toi": "tuo",
    "noi": "nuo",
    "miks": "miksi",
    "takas": "takaisin",
    "tarvii": "tarvita",
    "sossu": "sosiaalityöntekijä",
}

EMOJI_POLARITY = {
    "👍": 1.0,
    "😊": 1.0,
    "🙂": 0.8,
    "😀": 1.0,
    "😃": 1.0,
    "😄": 1.0,
    "❤": 1.2,
    "💕": 1.2,
    "🙏": 1.0,
    "👏": 1.0,
    "🥰": 1.2,
    "😍": 1.2,
    "💯": 1.0,
    "⭐": 0.6,
    "👎": -1.0,
    "😡": -1.3,
    "😠": -1.2,
    "😞": -1.0,
    "😢": -1.0,
    "😭": -1.1,
    "🙁": -0.8,
    "☹": -0.9,
    "🤬": -1.4,
    "😤": -1.0,
    "😒": -0.9,
}

_NUMBER_WORDS = frozenset(
    "puoli pari monta useita useamman kaksi kolme neljä viisi kuusi seitsemän kahdeksan "
    "yhdeksän kymmenen yksi kahden kolmen neljän viiden kuuden kahdeksan kymmenen puolen "
    "två tre fyra fem sex sju åtta nio tio flera några ett en halvt "
    "one two three four five six seven eight nine ten several few many a couple".split()
)
_TIME_UNITS = frozenset(
    "min minuutti tunti tuntia h päivä pv viikko vko kuukausi kk vuosi v "
    "minut minuter timme timmar dag dagar vecka veckor månad månader år "
    "minute minutes hour hours day days week weeks month months year years".split()
)


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What the lexicons say about one word form in one language (cached)."""

    lemma: str
    themes: tuple[tuple[str, float], ...]
    polarity: float
    urgency: float
    staff_noun: float
    staff_weak: float
    digital: bool
    negator: bool
    contrast: bool
    suggestion: bool
    question: bool
    number: bool
    time_unit: bool
    phrases: tuple[int, ...]
    parts: frozenset[int]


class RawToken(NamedTuple):
    """A token before any lexicon work: kind, surface, lower-cased form and offsets."""

    kind: str  # "w" word, "d" digits, "p" punctuation, "e" emoji
    text: str
    lower: str
    start: int
    end: int


class Token(NamedTuple):
    """One token of a comment with its offsets and cached word information."""

    kind: str
    text: str
    lower: str
    start: int
    end: int
    info: WordInfo | None


def _build_matcher(lang: str) -> Matcher:
    groups: dict[str, str] = {
        f"t:{theme}": by_lang.get(lang, "") for theme, by_lang in lexicon.THEMES.items()
    }
    groups["s"] = lexicon.SENTIMENT.get(lang, "")
    groups["u"] = lexicon.URGENCY.get(lang, "")
    groups["staff"] = lexicon.STAFF_NOUNS.get(lang, "")
    groups["staffw"] = lexicon.STAFF_WEAK_WORDS.get(lang, "")
    groups["digital"] = lexicon.DIGITAL_CONTEXT.get(lang, "")
    return compile_entries(groups, substring_mode=lang != "en")


MATCHERS: dict[str, Matcher] = {lang: _build_matcher(lang) for lang in LANGS}


def phrases_for(lang: str) -> list[Phrase]:
    """Return the phrase table of `lang`, indexed by the ids in WordInfo.phrases."""
    return MATCHERS[lang].phrases


def _part_index(lang: str) -> tuple[dict[str, int], dict[str, int], list[list[int]]]:
    """Number every distinct later phrase part, so a word's matching parts are a cached set."""
    exact: dict[str, int] = {}
    prefix: dict[str, int] = {}
    sequences: list[list[int]] = []
    for phrase in MATCHERS[lang].phrases:
        ids = []
        for mode, text in phrase.parts:
            table = exact if mode == "=" else prefix
            if text not in table:
                table[text] = len(exact) + len(prefix)
            ids.append(table[text])
        sequences.append(ids)
    return exact, prefix, sequences


_PARTS = {lang: _part_index(lang) for lang in LANGS}
_PART_MAX_PREFIX = {lang: max(map(len, _PARTS[lang][1]), default=0) for lang in LANGS}


def _parts_of(word: str, lemma: str, lang: str) -> frozenset[int]:
    exact, prefix, _sequences = _PARTS[lang]
    found = set()
    for form in {word, lemma}:
        if form in exact:
            found.add(exact[form])
        for end in range(1, min(len(form), _PART_MAX_PREFIX[lang]) + 1):
            part = prefix.get(form[:end])
            if part is not None:
                found.add(part)
    return frozenset(found)


def _repair_colloquial_fi(word: str) -> list[str]:
    """Standard-language candidates for spoken Finnish forms (jääny, kipee, pitäis)."""
    candidates = []
    if word.endswith(("nu", "ny")):
        candidates.append(word + "t")  # jääny -> jäänyt, odottanu -> odottanut
    if word.endswith("is") and len(word) > 4:
        candidates.append(word + "i")  # pitäis -> pitäisi
    if "ee" in word:
        index = word.rfind("ee")
        back = any(vowel in word for vowel in "aou")
        candidates.append(word[:index] + ("ea" if back else "eä") + word[index + 2 :])
    if word.endswith("ta") and "ee" in word:
        candidates.append(word.replace("ee", "ea"))
    return candidates


@lru_cache(maxsize=1 << 17)
def lemma_of(word: str, lang: str) -> str:
    """Lemmatise one lower-cased word with simplemma, repairing common spoken forms."""
    if lang == "fi" and word in _FI_COLLOQUIAL:
        return _FI_COLLOQUIAL[word]
    lemma = simplemma.lemmatize(word, lang=lang).lower()
    if lang == "fi" and lemma == word and not simplemma.is_known(word, lang):
        for candidate in _repair_colloquial_fi(word):
            repaired = simplemma.lemmatize(candidate, lang=lang).lower()
            if repaired != candidate or simplemma.is_known(candidate, lang):
                return repaired
    return lemma


def _merge(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    merged = dict(first)
    for category, weight in second.items():
        old = merged.get(category)
        if old is None or abs(weight) > abs(old):
            merged[category] = weight
    return merged


@lru_cache(maxsize=1 << 17)
def word_info(word: str, lang: str) -> WordInfo:
    """Everything the lexicons know about one lower-cased word form (cached)."""
    lemma = lemma_of(word, lang)
    matcher = MATCHERS[lang]
    found = matcher.lookup(word)
    if lemma != word:
        found = _merge(found, matcher.lookup(lemma))
    themes = tuple(
        (category[2:], weight) for category, weight in found.items() if category.startswith("t:")
    )
    phrases = tuple(int(category[7:]) for category in found if category.startswith("#phrase"))
    negators = lexicon.NEGATORS[lang]
    is_negator = word in negators or (lang == "en" and word.endswith("n't"))
    if lang == "fi" and word.endswith(("matta", "mättä")) and len(word) > 7:
        is_negator = False  # the abessive negates its own verb; no polarity to flip
    return WordInfo(
        lemma=lemma,
        themes=themes,
        polarity=found.get("s", 0.0),
        urgency=found.get("u", 0.0),
        staff_noun=found.get("staff", 0.0),
        staff_weak=found.get("staffw", 0.0),
        digital="digital" in found,
        negator=is_negator,
        contrast=word in lexicon.CONTRAST[lang],
        suggestion=word in lexicon.SUGGESTION[lang],
        question=word in lexicon.QUESTION_WORDS[lang],
        number=word in _NUMBER_WORDS,
        time_unit=word in _TIME_UNITS or lemma in _TIME_UNITS,
        phrases=phrases,
        parts=_parts_of(word, lemma, lang),
    )


def raw_tokens(text: str) -> list[RawToken]:
    """Split text into tokens with offsets, without any lexicon work."""
    return [
        RawToken(
            match.lastgroup or "w",
            match.group(),
            match.group().lower().replace("’", "'"),
            match.start(),
            match.end(),
        )
        for match in _TOKEN_RE.finditer(text)
    ]


def attach_info(raw: list[RawToken], lang: str) -> list[Token]:
    """Attach cached word information for `lang` to raw tokens."""
    return [
        Token(kind, surface, lower, start, end, word_info(lower, lang) if kind == "w" else None)
        for kind, surface, lower, start, end in raw
    ]


def tokenize(text: str, lang: str) -> list[Token]:
    """Tokenise `text` and attach cached word information for `lang`."""
    return attach_info(raw_tokens(text), lang)


def match_phrases(tokens: list[Token], lang: str, *, window: int = 3) -> list[tuple[Phrase, int]]:
    """Return each phrase found in the token list with the index of its first token.

    The parts after the first must follow in order, each at most `window` words after the
    previous one and within the same sentence.
    """
    found: list[tuple[Phrase, int]] = []
    table = MATCHERS[lang].phrases
    sequences = _PARTS[lang][2]
    count = len(tokens)
    for index in range(count):
        info = tokens[index].info
        if info is None or not info.phrases:
            continue
        for phrase_id in info.phrases:
            cursor = index
            for part in sequences[phrase_id]:
                seen_words = 0
                step = cursor + 1
                while step < count and seen_words < window:
                    other = tokens[step].info
                    if other is None:
                        if tokens[step].kind == "p":
                            step = count  # phrases do not cross sentences
                            break
                    else:
                        seen_words += 1
                        if part in other.parts:
                            break
                    step += 1
                else:
                    step = count
                if step >= count:
                    break
                cursor = step
            else:
                found.append((table[phrase_id], index))
    return found
