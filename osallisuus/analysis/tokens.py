"""Tokenising, cached simplemma lemmas and one cached feature record per word form.

A comment is split into pieces with one regular expression (no offsets: only the name
search needs them and finds its own), and each piece maps to a shared :class:`Token`
record per language holding everything every stage needs: lemma, theme, sentiment and
urgency weights, phrase starts and parts, and the flag bits that let a stage skip a
comment in one test. A word is lemmatised and looked up in the lexicons once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache, reduce
from itertools import compress
from operator import attrgetter, or_
from typing import NamedTuple

import simplemma

from . import lexicon, morphology
from .cues import DIGIT_CUE, NAME_CUE_BITS, piece_cues
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


class RawToken(NamedTuple):
    """A token with offsets, before any lexicon work (used where offsets matter: names)."""

    kind: str  # "w" word, "d" digits, "p" punctuation, "e" emoji
    text: str
    lower: str
    start: int
    end: int


class Token:
    """One token form in one language with everything every stage needs (cached, shared).

    The record is built once per distinct surface form and language and then reused by
    every comment, so the per-comment work is a dict lookup per token. Non-word tokens
    (digits, punctuation, emoji) carry neutral lexicon fields.
    """

    # The slots every comment reads come first, so they share the object's first cache line.
    __slots__ = (
        "active",
        "clause_break",
        "contrast",
        "crash",
        "digital",
        "emoji_polarity",
        "flags",
        "is_word",
        "kind",
        "lemma",
        "lower",
        "negator",
        "number",
        "parts",
        "phrase_groups",
        "phrases",
        "polarity",
        "punct_polarity",
        "question",
        "sentence_break",
        "staff_noun",
        "staff_weak",
        "suggestion",
        "text",
        "theme_keys",
        "themes",
        "time_unit",
        "urgency",
    )

    kind: str
    text: str
    lower: str
    is_word: bool
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
    phrase_groups: dict[int, tuple[int, ...]]
    theme_keys: tuple[tuple[tuple[str, str], str, float], ...]
    sentence_break: bool
    clause_break: bool
    emoji_polarity: float
    punct_polarity: float
    crash: bool
    flags: int
    active: bool

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.text!r}, lemma={self.lemma!r})"


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
_PART_SETS = {lang: [frozenset(ids) for ids in _PARTS[lang][2]] for lang in LANGS}
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


# Spoken "-is" for "-isi" (pitäis) only on words longer than this: "pois" is no verb.
_SHORT_IS_WORD = 4
# A verb's abessive ("odottamatta") is longer than this; a shorter one is a noun's ("ilmatta").
_ABESSIVE_MIN = 7


def _repair_colloquial_fi(word: str) -> list[str]:
    """Standard-language candidates for spoken Finnish forms (jääny, kipee, pitäis)."""
    candidates = []
    if word.endswith(("nu", "ny")):
        candidates.append(word + "t")  # jääny -> jäänyt, odottanu -> odottanut
    if word.endswith("is") and len(word) > _SHORT_IS_WORD:
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
    """Lemmatise one lower-cased word: Finnish with Voikko when it is installed and knows the
    word, else (and Swedish and English always) with simplemma, repairing spoken forms."""
    if lang == "fi":
        if word in _FI_COLLOQUIAL:
            return _FI_COLLOQUIAL[word]
        reading = morphology.read_finnish(word)
        if reading is not None:
            return reading.lemma
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


_EMPTY_PARTS: frozenset[int] = frozenset()
# Phrase parts after the first must be found in a later word; punctuation never matches.
_FALL_STEMS = ("kaatu", "kaatum")


def _group_phrases(phrases: tuple[int, ...], lang: str) -> dict[int, tuple[int, ...]]:
    """Phrase ids this word starts, grouped by the id of their first later part.

    A comment then only tries the groups whose next part occurs in it at all, so a word
    that starts dozens of phrases ("ei") costs one set intersection, not dozens of scans.
    """
    groups: dict[int, list[int]] = {}
    sequences = _PARTS[lang][2]
    for phrase_id in phrases:
        sequence = sequences[phrase_id]
        key = sequence[0] if sequence else -1
        groups.setdefault(key, []).append(phrase_id)
    return {key: tuple(ids) for key, ids in groups.items()}


def _part_cues(found: dict[str, float]) -> dict[str, float]:
    """A compound part's cues, without the phrases it would start (a phrase starts a word)."""
    return {category: weight for category, weight in found.items() if category[0] != "#"}


def _word_token(token: Token, word: str, lang: str) -> None:
    lemma = lemma_of(word, lang)
    matcher = MATCHERS[lang]
    found = matcher.lookup(word)
    if lemma != word:
        found = _merge(found, matcher.lookup(lemma))
    if lang == "fi":
        # A compound's parts reach their own cues ("ajanvarausjärjestelmä": aika, varaus...).
        reading = morphology.read_finnish(word)
        for part in reading.parts if reading is not None else ():
            found = _merge(found, _part_cues(matcher.lookup(part)))
    negators = lexicon.NEGATORS[lang]
    is_negator = word in negators or (lang == "en" and word.endswith("n't"))
    if lang == "fi" and word.endswith(("matta", "mättä")) and len(word) > _ABESSIVE_MIN:
        is_negator = False  # the abessive negates its own verb; no polarity to flip
    token.is_word = True
    token.lemma = lemma
    token.themes = tuple(
        (category[2:], weight) for category, weight in found.items() if category.startswith("t:")
    )
    token.polarity = found.get("s", 0.0)
    token.urgency = found.get("u", 0.0)
    token.staff_noun = found.get("staff", 0.0)
    token.staff_weak = found.get("staffw", 0.0)
    token.digital = "digital" in found
    token.negator = is_negator
    token.contrast = word in lexicon.CONTRAST[lang]
    token.suggestion = word in lexicon.SUGGESTION[lang]
    token.question = word in lexicon.QUESTION_WORDS[lang]
    token.number = word in _NUMBER_WORDS
    token.time_unit = word in _TIME_UNITS or lemma in _TIME_UNITS
    token.phrases = tuple(
        sorted(int(category[7:]) for category in found if category.startswith("#phrase"))
    )
    token.parts = _parts_of(word, lemma, lang)
    token.phrase_groups = _group_phrases(token.phrases, lang)
    token.theme_keys = tuple(((theme, lemma), theme, weight) for theme, weight in token.themes)
    token.crash = lemma.startswith(_FALL_STEMS)


def make_token(surface: str, lang: str) -> Token:
    """Build the cached record of one token form (use :func:`tokens_of` in hot paths)."""
    match = _TOKEN_RE.fullmatch(surface)
    kind = (match.lastgroup or "w") if match is not None else "w"
    lower = surface.lower().replace("’", "'")
    token = Token()
    token.kind = kind
    token.text = surface
    token.lower = lower
    token.is_word = False
    token.lemma = lower
    token.themes = ()
    token.polarity = token.urgency = token.staff_noun = token.staff_weak = 0.0
    token.digital = token.negator = token.contrast = token.suggestion = False
    token.question = token.number = token.time_unit = token.crash = False
    token.phrases = ()
    token.parts = _EMPTY_PARTS
    token.phrase_groups = {}
    token.theme_keys = ()
    token.number = kind == "d"  # digits count as a number before a time unit
    token.sentence_break = kind == "p"
    token.clause_break = kind == "p" and surface not in (";", ":")
    token.emoji_polarity = EMOJI_POLARITY.get(surface, 0.0) if kind == "e" else 0.0
    punct = 0.0
    if kind == "p":
        if "??" in surface:
            punct = -0.5
        elif "!!" in surface:
            punct = -0.3
    token.punct_polarity = punct
    if kind == "w":
        _word_token(token, lower, lang)
    _finish(token)
    # Personal-data cues of the surface, so a comment without any skips that search.
    # The piece's own cue bits ride above the stage flags, so the personal-data search gets
    # the whole comment's cues from comment_flags() without another pass over the pieces.
    cues = piece_cues(surface)
    search = (PII_DIGIT if cues & DIGIT_CUE else 0) | (PII_NAME if cues & NAME_CUE_BITS else 0)
    token.flags |= search | (cues << PII_CUE_SHIFT)
    return token


# Bits of Token.flags; OR-ed over a comment they tell each stage what it can skip.
PHRASE = 1
DIGITAL = 2
STAFF_WEAK = 4
NUMBER = 8
SUGGESTION = 16
URGENCY = 32
NEGATOR = 64
QUESTION_MARK = 128
THEMES = 256
CRASH = 512
POLAR = 1024
PII_DIGIT = 2048  # digits: a phone number, identity code or case number may occur
PII_NAME = 4096  # a listed name or a role word: the name search may find something
STAFF = 8192  # a staff noun: weak praise nearby speaks of attitude
PII_CUE_SHIFT = 16  # Token.flags >> PII_CUE_SHIFT: the piece's personal_data cue bits


_FLAGS_OF = attrgetter("flags")
_PHRASES_OF = attrgetter("phrases")
_PARTS_OF = attrgetter("parts")


def comment_flags(tokens: list[Token]) -> int:
    """The OR of every token's flags: which cues occur anywhere in the comment."""
    # Few distinct values occur in one comment; OR-ing the distinct ones is cheapest.
    return reduce(or_, set(map(_FLAGS_OF, tokens)), 0)


def _finish(token: Token) -> Token:
    token.flags = (
        (PHRASE if token.phrases else 0)
        | (DIGITAL if token.digital else 0)
        | (STAFF_WEAK if token.staff_weak else 0)
        | (NUMBER if token.number else 0)
        | (SUGGESTION if token.suggestion else 0)
        | (URGENCY if token.urgency else 0)
        | (NEGATOR if token.negator else 0)
        | (QUESTION_MARK if token.kind == "p" and "?" in token.text else 0)
        | (THEMES if token.themes else 0)
        | (CRASH if token.crash else 0)
        | (STAFF if token.staff_noun else 0)
    )
    # Tokens the sentiment pass must visit; every other token only counts as a word.
    token.active = bool(
        token.polarity
        or token.negator
        or token.contrast
        or token.clause_break
        or token.punct_polarity
        or token.emoji_polarity
    )
    if token.active:
        token.flags |= POLAR
    return token


class _TokenCache(dict[str, Token]):
    """surface -> Token for one language; a missing form is built on first sight."""

    __slots__ = ("lang",)

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, surface: str) -> Token:
        if len(self) >= _CACHE_LIMIT:
            self.clear()  # bounded memory for a long-running process fed odd input
        token = make_token(surface, self.lang)
        self[surface] = token
        return token


_CACHE_LIMIT = 1 << 18
_CACHES: dict[str, _TokenCache] = {lang: _TokenCache(lang) for lang in LANGS}


def use_voikko(enabled: bool) -> None:
    """Read Finnish with Voikko (when installed) or with simplemma only, from the next word on:
    every cached lemma and token record is forgotten (tests of the fallback use this)."""
    morphology.set_enabled(enabled)
    lemma_of.cache_clear()
    for cache in _CACHES.values():
        cache.clear()


# Possessive quantifiers: the same pieces as the greedy ones (a piece never needs to give
# characters back), without saving backtracking points at every character. A word starting
# with a Finnish, Swedish or English letter is first matched with a plain range class, which
# is cheaper than the Unicode category test; any other letters that follow are taken by the
# general class, so the piece is the same letter run either way.
_PIECE_RE = re.compile(
    r"[a-zA-ZäöåÄÖÅ]++(?:[^\W\d_]++)?+(?:['’][^\W\d_]++)*+"
    r"|[^\W\d_]++(?:['’][^\W\d_]++)*+|\d++|[.!?;:]++|\n|[\U0001F300-\U0001FAFF\u2600-\u27BF]"
)

# The pieces of a text, without offsets: the hot path needs none (names find their own).
split_pieces = _PIECE_RE.findall


def tokens_of(pieces: list[str], lang: str) -> list[Token]:
    """Cached token records for already split pieces of text."""
    return list(map(_CACHES[lang].__getitem__, pieces))


def tokenize(text: str, lang: str) -> list[Token]:
    """Tokenise `text` into cached token records for `lang`."""
    return tokens_of(_PIECE_RE.findall(text), lang)


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


_NO_LATER_PART = frozenset({-1})


def _follows(tokens: list[Token], index: int, sequence: list[int], window: int) -> bool:
    """Do the later parts follow token `index` in order, each within `window` words?"""
    count = len(tokens)
    cursor = index
    for part in sequence:
        seen_words = 0
        step = cursor + 1
        while step < count and seen_words < window:
            other = tokens[step]
            if other.is_word:
                seen_words += 1
                if part in other.parts:
                    break
            elif other.sentence_break:
                return False  # phrases do not cross sentences
            step += 1
        else:
            return False
        cursor = step
    return True


def match_phrases(tokens: list[Token], lang: str, *, window: int = 3) -> list[tuple[Phrase, int]]:
    """Return each phrase found in the token list with the index of its first token.

    The parts after the first must follow in order, each at most `window` words after the
    previous one and within the same sentence. A phrase whose later parts do not all occur
    somewhere in the comment is rejected by one set test before any scanning.
    """
    # compress/map keep these per-token scans in C.
    starts = list(compress(range(len(tokens)), map(_PHRASES_OF, tokens)))
    if not starts:
        return []
    present = _NO_LATER_PART.union(*map(_PARTS_OF, tokens))
    found: list[tuple[Phrase, int]] = []
    table = MATCHERS[lang].phrases
    sequences = _PARTS[lang][2]
    part_sets = _PART_SETS[lang]
    for index in starts:
        groups = tokens[index].phrase_groups
        for key in groups.keys() & present:
            for phrase_id in groups[key]:
                if part_sets[phrase_id] <= present and _follows(
                    tokens, index, sequences[phrase_id], window
                ):
                    # A plain loop: extend() with a generator costs a frame per start.
                    found.append((table[phrase_id], index))  # noqa: PERF401 (see above)
    return found
