"""Cue bits of single pieces of text, shared by the tokeniser and the personal-data search.

Each piece (a word, a digit run, a punctuation mark; see :func:`tokens.split_pieces`) maps
once per process to a bit set of cheap necessary conditions: a role word, a capitalised
word, a listed name, digits, a word that may start a case-number keyword or end in a street
word. The tokeniser stores them in each token's flags, so a comment without any skips the
personal-data search; the search reads them to run only the patterns that can match.
"""

from __future__ import annotations

import re

from .names import AMBIGUOUS, NOT_NAMES, is_listed_name

STREET_SUFFIX = (
    r"(?:katu|kadu[a-zåäö]{1,5}|tie|tie[a-zåäö]{1,4}|kuja[a-zåäö]{0,5}|polku|polu[a-zåäö]{1,5}"
    r"|väylä[a-zåäö]{0,4}|raitti|raiti[a-zåäö]{1,5}|rinne|rintee[a-zåäö]{1,4}|kaari"
    r"|kaare[a-zåäö]{1,4}|ranta|rann[a-zåäö]{1,5}|tori|tori[a-zåäö]{1,4}|aukio[a-zåäö]{0,4}"
    r"|mäki|mäe[a-zåäö]{1,4}|kierto|kierro[a-zåäö]{1,4}|linja[a-zåäö]{0,4}|puistikko"
    r"|kaarre|kaartee[a-zåäö]{1,4}|portti|porti[a-zåäö]{1,4}|piha|piha[a-zåäö]{1,4}"
    r"|gatan|gata|vägen|väg|gränd(?:en)?|stigen|backen|torget|allén|allé|plan|parken"
    r"|street|road|avenue|lane|drive|close|crescent)"
)

_ROLE_STEMS = (
    "hoitaja",
    "lääkäri",
    "tohtori",
    "sosiaalityöntekijä",
    "ohjaaja",
    "terapeutti",
    "psykologi",
    "vastaava",
    "esimies",
    "esihenkilö",
    "johtaja",
    "kätilö",
    "neuvoja",
    "työntekijä",
    "avustaja",
    "naapuri",
    "herra",
    "rouva",
    "neiti",
    "isä",
    "äiti",
    "poika",
    "tytär",
    "mummo",
    "mummi",
    "pappa",
    "vaari",
    "sisko",
    "veli",
    "puoliso",
    "mies",
    "vaimo",
    "omainen",
    "asiakas",
    "potilas",
    "virkailija",
    "sihteeri",
    "koordinaattori",
    "kuraattori",
    "kuntoutuja",
    "opettaja",
    "nurse",
    "doctor",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "worker",
    "therapist",
    "carer",
    "läkare",
    "sköterska",
    "doktor",
    "skötare",
    "vårdare",
    "handläggare",
    "kurator",
    "mamma",
    "fru",
    "herr",
    "assistent",
    "kiitos",
    "tack",
    "thanks",
)


TITLE_ABBREVIATIONS = frozenset("dr mr mrs ms prof tri".split())


def is_punctuation(piece: str) -> bool:
    return piece[0] in ".!?;:\n"


# Cheap necessary conditions, read off single pieces (cached per piece with the name cues
# below), decide which of the costlier patterns can match at all:
# - a case-number keyword starts a word, so some piece (or a part of it after an
#   apostrophe) starts with one of these literals;
# - a street word ends right before the house number, so some piece ends in a suffix;
# - an English street word ("Baker Street") is a whole piece, up to an apostrophe;
# - a phone number starts with "+" or with a digit run that starts with 0.
_CASE_LITERALS = (
    "asia", "dn", "dia", "potilas", "päätös", "hakemus", "viite", "lasku", "lähete",
    "tiketti", "kirjaamis", "ärende", "kund", "patient", "faktura", "ref", "case",
    "client", "record", "ticket", "invoice",
)  # fmt: skip
_STREET_END_RE = re.compile(rf"{STREET_SUFFIX}\Z")
_STREET_EN_WORDS = frozenset(
    ("Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Drive", "Dr", "Way")
)
_APOSTROPHES_RE = re.compile("['’]")

ROLE_CUE = 1  # a role word: a capitalised word after it may be a name
CAPITAL_CUE = 2  # a capitalised word that is not a known place or service
LISTED_CUE = 4  # a listed name that is a name on its own
AMBIGUOUS_CUE = 8  # a listed name that is also an ordinary word (Toivo, Satu)
DIGIT_CUE = 16  # digits: the regular expressions for numbers may match
WORD_CUE = 32  # any word
SENTENCE_CUE = 64  # punctuation that starts a new sentence for the name rules
FULL_STOP_CUE = 128  # a lone full stop, which after "Dr" starts no sentence
TITLE_CUE = 256  # a title abbreviation: dr, mr, prof...
CASE_CUE = 512  # a word that may start a case-number keyword
STREET_CUE = 1024  # a word that may end in a street suffix
STREET_EN_CUE = 2048  # an English street word
ZERO_CUE = 4096  # a digit run starting with 0: a phone number may start here
NAME_CUE_BITS = ROLE_CUE | LISTED_CUE | AMBIGUOUS_CUE


class _NameCueCache(dict[str, int]):
    """piece -> bit set of the name cues above (0 for most pieces)."""

    def __missing__(self, piece: str) -> int:
        if len(self) >= 1 << 18:
            self.clear()
        cue = 0
        if piece[:1].isdigit():
            cue = DIGIT_CUE | (ZERO_CUE if piece[0] == "0" else 0)
        elif piece != ":" and is_punctuation(piece):
            cue = SENTENCE_CUE | (FULL_STOP_CUE if piece == "." else 0)
        elif piece[:1].isalpha():
            cue = WORD_CUE
            if piece.lower() in TITLE_ABBREVIATIONS:
                cue |= TITLE_CUE
            if piece.lower().replace("’", "'").endswith(_ROLE_STEMS):
                cue |= ROLE_CUE
            parts = _APOSTROPHES_RE.split(piece)
            if any(part.lower().startswith(_CASE_LITERALS) for part in parts):
                cue |= CASE_CUE
            if _STREET_END_RE.search(piece):
                cue |= STREET_CUE
            if parts[0] in _STREET_EN_WORDS:
                cue |= STREET_EN_CUE
            # A capital, but not an acronym ("KELA") nor a listed non-name ("Helsinki").
            if (
                piece[0].isupper()
                and not (piece.isupper() and len(piece) > 1)
                and piece not in NOT_NAMES
            ):
                cue |= CAPITAL_CUE
                base = is_listed_name(piece)
                if base is not None:
                    cue |= AMBIGUOUS_CUE if base in AMBIGUOUS else LISTED_CUE
        self[piece] = cue
        return cue


NAME_CUES = _NameCueCache()


def piece_cues(piece: str) -> int:
    """The cue bits of one piece (cached)."""
    return NAME_CUES[piece]
