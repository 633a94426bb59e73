"""The words of a repository search as the word beginnings that find them in fi, sv and en.

Finnish inflects and compounds: "ajanvaraus" should find "ajanvarauksen" (an inflected form)
and "ajanvarausjärjestelmä" (a compound that starts with it). A word is therefore searched by
its beginning: the word and its simplemma lemmas (the same cached lemmas as the analysis,
tokens.lemma_of) in every service language, each cut before the ending that inflection
changes (varaus → varau-, ihminen → ihmi-, lääkäri → lääkär-), with the weak grade of the
consonant before it too (hoito → hoit-, hoid-). A text matches a word when one of its words
starts with one of these beginnings. Swedish and English words are lemmatised the same way
(bokningen → bokning-, appointments → appointment-).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .tokens import LANGS, lemma_of

# At most this many words of a query are used; the rest narrow nothing more worth the cost.
MAX_WORDS = 8
# A beginning shorter than this would find almost everything.
MIN_STEM = 4

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Endings a Finnish nominative loses or changes in inflection: varaus/varauksen,
# kallis/kalliin, ihminen/ihmisen.
_S_ENDINGS = ("us", "ys", "os", "ös", "is")
_VOWELS = "aeiouyäöå"
# Consonant gradation at the end of a stem, strong → weak (hoito/hoidon, sänky/sängyn).
_WEAK_GRADE = (
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nk", "ng"),
    ("mp", "mm"),
    ("lt", "ll"),
    ("nt", "nn"),
    ("rt", "rr"),
    ("ht", "hd"),
    ("t", "d"),
    ("p", "v"),
)


def query_words(text: str) -> list[str]:
    """The words of a query, lower-cased, without repeats, at most MAX_WORDS of them."""
    words: list[str] = []
    for word in _WORD_RE.findall(text.lower()):
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def _cut(form: str) -> set[str]:
    """The beginnings of one word form that its inflected forms and compounds share."""
    if len(form) <= MIN_STEM:
        return {form}
    if form.endswith("nen") and len(form) - 3 >= MIN_STEM - 1:
        return {form[:-3]}
    if form.endswith(_S_ENDINGS):
        return {form[:-1]}
    if form[-1] in _VOWELS:
        base = form[:-1]
        stems = {base}
        for strong, weak in _WEAK_GRADE:
            if base.endswith(strong):
                weaker = base[: -len(strong)] + weak
                if len(weaker) >= MIN_STEM - 1:  # netti → net- (netissä)
                    stems.add(weaker)
                break
        return stems
    return {form}


@lru_cache(maxsize=4096)
def word_stems(word: str) -> tuple[str, ...]:
    """The beginnings that find `word` in any of the service languages, fewest first: a
    beginning that starts with another one is left out (the shorter finds it already)."""
    word = word.lower()
    forms = {word} | {lemma_of(word, lang) for lang in LANGS}
    stems: set[str] = set()
    for form in forms:
        if _WORD_RE.fullmatch(form):
            stems |= _cut(form)
    kept = {s for s in stems if not any(o != s and s.startswith(o) for o in stems)}
    return tuple(sorted(kept))


def search_stems(text: str) -> tuple[tuple[str, ...], ...]:
    """Each word of a query as its beginnings: a text matches when every word matches."""
    return tuple(word_stems(word) for word in query_words(text))
