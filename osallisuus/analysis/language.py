"""Offline language identification for Finnish, Swedish and English comments.

Feedback is short, so the decision rests on function words plus a few spelling cues
(å is Swedish, Finnish case endings, English "th"); ties go to the hint or to Finnish,
the majority language of the service.
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon
from .tokens import LANGS, RawToken, split_pieces

_WORD_LANG: dict[str, tuple[str, ...]] = {}
for _lang, _words in lexicon.FUNCTION_WORDS.items():
    for _word in _words.split():
        _WORD_LANG[_word] = (*_WORD_LANG.get(_word, ()), _lang)

_FI_ENDINGS = (
    "ssa",
    "ssä",
    "sta",
    "stä",
    "lla",
    "llä",
    "lta",
    "ltä",
    "lle",
    "ksi",
    "nen",
    "ttiin",
    "isi",
    "mme",
    "vat",
    "vät",
    "aan",
    "ään",
    "tta",
    "ttä",
    "uu",
    "yy",
)
_SV_ENDINGS = ("arna", "erna", "orna", "tion", "het", "ligt", "ande", "ende", "igt")
_EN_ENDINGS = ("ing", "ed", "ly", "tion", "ness")
# An ending is evidence only on a word longer than this: short words end so by chance.
_ENDING_MIN_FI_SV = 5
_ENDING_MIN_EN = 4


@lru_cache(maxsize=1 << 16)
def _word_scores(word: str) -> tuple[float, float, float]:
    """Evidence one lower-cased word gives for fi, sv and en (cached per word)."""
    fi = sv = en = 0.0
    for lang in _WORD_LANG.get(word, ()):
        share = 1.0 / len(_WORD_LANG[word])
        if lang == "fi":
            fi += share
        elif lang == "sv":
            sv += share
        else:
            en += share
    if "å" in word:
        sv += 1.5
    if ("ä" in word or "ö" in word) and word.endswith(_FI_ENDINGS):
        fi += 0.8
    elif word.endswith(_FI_ENDINGS) and len(word) > _ENDING_MIN_FI_SV:
        fi += 0.4
    if word.endswith(_SV_ENDINGS) and len(word) > _ENDING_MIN_FI_SV:
        sv += 0.3
    if word.isascii() and len(word) > _ENDING_MIN_EN and word.endswith(_EN_ENDINGS):
        en += 0.3
    if "th" in word or "w" in word:
        en += 0.3
    if any(pair in word for pair in ("aa", "ää", "ii", "uu", "yy", "öö", "kk", "tt")):
        fi += 0.2
    return fi, sv, en


# Every evidence weight above is a whole number of sixtieths (shares 1, 1/2, 1/3; bonuses
# 1.5, 0.8, 0.4, 0.3, 0.2), so votes in sixtieths add up exactly, with no rounding to break ties.
_SCALE = 60


class _VoteCache(dict[str, complex]):
    """piece -> its evidence as one complex number: (fi − en) + (sv − en)·j, in sixtieths.

    Comparing fi, sv and en is comparing those two differences with each other and with zero,
    so one C-level sum scores a whole comment.
    """

    def __missing__(self, piece: str) -> complex:
        if len(self) >= 1 << 18:
            self.clear()
        fi = sv = en = 0.0
        if piece[:1].isalpha():
            fi, sv, en = _word_scores(piece.lower().replace("’", "'"))
        votes = complex(
            round(_SCALE * fi) - round(_SCALE * en), round(_SCALE * sv) - round(_SCALE * en)
        )
        self[piece] = votes
        return votes


_VOTES = _VoteCache()


def _decide(fi: float, sv: float, hint: str | None) -> str:
    """The language from the evidence differences fi − en and sv − en; ties go to the hint."""
    if fi > sv and fi > 0:
        return "fi"
    if sv > fi and sv > 0:
        return "sv"
    if fi < 0 and sv < 0:
        return "en"
    best = max(fi, sv, 0.0)
    leaders = [lang for lang, score in zip(LANGS, (fi, sv, 0.0), strict=True) if score == best]
    if hint is not None and hint in leaders:
        return hint
    return leaders[0]


def detect_language_from_pieces(pieces: list[str], *, hint: str | None = None) -> str:
    """Return "fi", "sv" or "en" from the pieces of :func:`tokens.split_pieces`."""
    if not pieces:
        return _decide(0.0, 0.0, hint)
    votes = sum(map(_VOTES.__getitem__, pieces))
    fi = votes.real
    if fi > votes.imag and fi > 0:
        return "fi"  # the common case, decided without a call (see _decide)
    return _decide(fi, votes.imag, hint)


def detect_language_from_tokens(tokens: list[RawToken], *, hint: str | None = None) -> str:
    """Return "fi", "sv" or "en" from already split tokens."""
    return detect_language_from_pieces([token.text for token in tokens], hint=hint)


def detect_language(text: str, *, hint: str | None = None) -> str:
    """Return "fi", "sv" or "en" for `text`; `hint` breaks ties and rescues empty texts."""
    return detect_language_from_pieces(split_pieces(text), hint=hint)
