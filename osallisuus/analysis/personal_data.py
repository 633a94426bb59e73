"""Finds personal data in feedback text and redacts it.

Types: name, phone, email, hetu (Finnish personal identity code, checksum validated), address
(street addresses) and case_number (case, patient and reference numbers). Names come from
Faker's fi_FI, sv_SE and en first- and last-name lists, read offline at import time, plus
context: a capitalised word right after a role word ("hoitaja Mervi", "vastaava Kuusela").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import or_
from typing import NamedTuple

from faker.providers.person.en import Provider as EnglishNames
from faker.providers.person.fi_FI import Provider as FinnishNames
from faker.providers.person.sv_SE import Provider as SwedishNames

from .tokens import RawToken, split_pieces

PII_TYPES: tuple[str, ...] = ("name", "phone", "email", "hetu", "address", "case_number")
PLACEHOLDERS: dict[str, str] = {
    "name": "[NAME]",
    "phone": "[PHONE]",
    "email": "[EMAIL]",
    "hetu": "[HETU]",
    "address": "[ADDRESS]",
    "case_number": "[CASE_NUMBER]",
}
# When two findings overlap, the more specific pattern wins.
_PRIORITY = {"email": 0, "hetu": 1, "phone": 2, "case_number": 3, "address": 4, "name": 5}


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """One piece of personal data: str offsets into the original text, type and surface."""

    start: int
    end: int
    type: str
    text: str

    def as_dict(self) -> dict[str, int | str]:
        """Serialise without the surface text, which must not leave the pipeline."""
        return {"start": self.start, "end": self.end, "type": self.type}


# --- hetu -------------------------------------------------------------------------------
_HETU_RE = re.compile(r"(?<![\w-])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Za-z])(?!\w)")
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def is_valid_hetu(code: str) -> bool:
    """Validate date parts, century sign and check character of a Finnish identity code."""
    match = _HETU_RE.fullmatch(code.strip())
    if match is None:
        return False
    day, month, _year, _sign, serial, check = match.groups()
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12) or serial == "000":
        return False
    number = int(day + month + _year + serial)
    return _HETU_CHECK[number % 31] == check.upper()


# --- email and phone --------------------------------------------------------------------
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# A phone number starts with + or 0 and has 7 to 15 digits in groups separated by spaces
# or hyphens; slashes and dots are left out so dates and case numbers are not taken.
_PHONE_RE = re.compile(
    r"(?<![\w/+.,])(?:\+|00)?\(?\d{1,4}\)?(?:[ \-]?\(?\d{1,5}\)?){1,5}(?![\w/]|[.,]\d)"
)

# --- case numbers -----------------------------------------------------------------------
_CASE_KEYWORDS = (
    r"asia(?:n|kirja)?\s?(?:numero|nro|n:o|tunnus)|dnro|diaari(?:numero)?|dno|potilas(?:numero|nro)"
    r"|asiakas(?:numero|nro|tunnus)|päätös(?:numero|nro)|hakemus(?:numero|nro)|viite(?:numero)?"
    r"|laskun\s?numero|laskunumero|lähete(?:numero)?|tiketti|kirjaamis(?:numero|tunnus)"
    r"|ärende(?:nummer|nr)?|diarie(?:nummer|nr)|dnr|kund(?:nummer|nr)|patient(?:nummer|nr)"
    r"|fakturanummer|referens(?:nummer)?|case\s?(?:number|no\.?|id|ref(?:erence)?)"
    r"|reference(?:\s?number)?|ref\.?|patient\s?(?:number|no\.?|id)|client\s?(?:number|id)"
    r"|record\s?number|ticket(?:\s?number)?|invoice\s?number"
)
# The lookahead lists the first letters of the keywords: it changes no match, but most
# word starts fail on it at once instead of entering each case-insensitive alternative.
_CASE_FIRST_LETTERS = "acdfhiklprtvä"
_CASE_RE = re.compile(
    rf"(?i:\b(?=[{_CASE_FIRST_LETTERS}])(?:{_CASE_KEYWORDS})[a-zåäö]{{0,6}})\s*(?:(?i:on|är|is|nro|no\.?|n:o|nr)\s*)?"
    r"[:#.]?\s*(?P<code>[A-Za-z]{0,6}[-/ ]?\d[\w/.\-]*\w|\d)"
)
_CASE_SHAPE_RE = re.compile(
    r"(?<![\w/.-])(?:(?:19|20)\d{2}/\d{2,7}|\d{2,7}/(?:19|20)\d{2}|[A-ZÅÄÖ]{2,5}[-/]\d{3,}"
    r"(?:[-/]\d+)*|\d{3,6}/\d{2}\.\d{2}\.\d{2}(?:\.\d{2})?/\d{4})(?![\w/])"
)

# --- addresses ----------------------------------------------------------------------------
_STREET_SUFFIX = (
    r"(?:katu|kadu[a-zåäö]{1,5}|tie|tie[a-zåäö]{1,4}|kuja[a-zåäö]{0,5}|polku|polu[a-zåäö]{1,5}"
    r"|väylä[a-zåäö]{0,4}|raitti|raiti[a-zåäö]{1,5}|rinne|rintee[a-zåäö]{1,4}|kaari"
    r"|kaare[a-zåäö]{1,4}|ranta|rann[a-zåäö]{1,5}|tori|tori[a-zåäö]{1,4}|aukio[a-zåäö]{0,4}"
    r"|mäki|mäe[a-zåäö]{1,4}|kierto|kierro[a-zåäö]{1,4}|linja[a-zåäö]{0,4}|puistikko"
    r"|kaarre|kaartee[a-zåäö]{1,4}|portti|porti[a-zåäö]{1,4}|piha|piha[a-zåäö]{1,4}"
    r"|gatan|gata|vägen|väg|gränd(?:en)?|stigen|backen|torget|allén|allé|plan|parken"
    r"|street|road|avenue|lane|drive|close|crescent)"
)
_ADDRESS_RE = re.compile(
    rf"\b[A-ZÅÄÖ][a-zåäöA-ZÅÄÖ-]*{_STREET_SUFFIX}\s+\d{{1,4}}(?:\s?[a-zA-Z]\b)?"
    r"(?:\s?(?:-\s?)?(?:[A-Za-z]\s?\d{1,3}|(?:as\.?|asunto|lgh|apt\.?)\s?\d{1,4}|\d{1,3}\b))?"
    r"(?:,?\s\d{5}(?:\s[A-ZÅÄÖ][a-zåäö]+)?)?"
)
_ADDRESS_EN_RE = re.compile(
    r"\b\d{1,4}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way)\b"
)

# --- names --------------------------------------------------------------------------------


def _names(*providers: type, attribute: str) -> frozenset[str]:
    found: set[str] = set()
    for provider in providers:
        found.update(str(name) for name in getattr(provider, attribute, ()))
    return frozenset(found)


FIRST_NAMES = _names(FinnishNames, SwedishNames, EnglishNames, attribute="first_names")
LAST_NAMES = _names(FinnishNames, SwedishNames, EnglishNames, attribute="last_names")
_NORDIC_FIRST = _names(FinnishNames, SwedishNames, attribute="first_names")
_ALL_NAMES = FIRST_NAMES | LAST_NAMES

# Names that are also ordinary words: only a name after a role word or next to another name.
_AMBIGUOUS = frozenset(
    """Toivo Onni Satu Tuuli Helmi Armas Usko Valo Lumi Sulo Into Tyyne Aamu Ilta Aino Kari
    Lahja Aarre Raili Oiva Urho Sointu Taisto Voitto Lempi Ilma Sini Tähti Kielo Ruusu Lilja
    Mäki Salo Niemi Koski Kivi Laine Lahti Virta Aho Saari Järvi Harju Kallio Rinne Kangas
    Karhu Elo Ranta Laakso Lampi Nurmi Vaara Oja Joki Metsä Kuusi Koivu Haapa Leppä Honka
    Will May Mark Bill Grace Hope Joy Faith Art Rose Pat Sue Max Nick Rich Frank Jack Dean Guy
    Ray Chase Drew Sandy Summer Dawn April June August Rusty Young King Price Little Long Brown
    Green White Black Gray Grey Hall Hill Wood Stone Page Love Bell Lane Field Worth Major
    Miles Ward Case Ever Early Care Chance Page Sunny Storm Star Gay Ivy Iris Jewel Lily Pearl
    Ruby Violet Daisy Holly Heather Hazel Amber Crystal Angel Brook Rain River Sky Sage Dale
    Glen Royal Sterling Lord Don Ben Ken Van Bo Per Björn Stig Sten Dag Åke Ola Nils Ivar Kai
    Eva Maj Anna Ella Alla Asa Berg Lund Strand Holm Ek Sjö Björk Hav Dal Tore Ove Tage
    Aina My Lo Li Vega Mina Saga Siri Sam Tim Del Nova Neo Noa Alba Alma Else Ina Inge Isa
    Ana Liv Lykke Moa Urban Veli Sisko Tapio Arvo Ilona Taru Aune Eira Tor Signe Rut Rita
    Ted Kim Pia Mia Dick Lara Leo Leon Mila Mira Nora Vide Love Hilma Rosa Luna""".split()
)
# Capitalised words that look like names in the lists but name places, services or months.
_NOT_NAMES = frozenset(
    """Kela Omaolo Omakanta Suomi Ruotsi Helsinki Tampere Turku Oulu Espoo Vantaa Lahti
    Kuopio Jyväskylä Pori Joensuu Lappeenranta Vaasa Rovaniemi Kotka Hämeenlinna Kela
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Finnish Swedish English
    Arabic Sami Christmas Easter God Jumala Herra Kiitos Tack Thanks I Hei Moi Terve Hej
    Hello Ok Okei Apotek Apteekki Taysi Tays Hus Oys Kys Tyks Ksks Omaolossa Covid Korona
    Facebook Google Teams Zoom Whatsapp Wilma Kanta Migri Te Dr Mr Mrs Ms""".split()
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
_FI_CASE_ENDINGS = tuple(
    sorted(
        """lle lla llä lta ltä ssa ssä sta stä n a ä na nä ksi ineen tta ttä kin han hän lle
        sta lla lle ineen iin seen hen hin hun lta nsa nsä mme nne ille illa ilta""".split(),
        key=len,
        reverse=True,
    )
)
# Weak grade -> strong grade of the last consonant before the stem vowel (Heiki- -> Heikki).
_GRADATION = (
    ("nn", "nt"),
    ("ll", "lt"),
    ("rr", "rt"),
    ("mm", "mp"),
    ("ng", "nk"),
    ("k", "kk"),
    ("p", "pp"),
    ("t", "tt"),
    ("d", "t"),
    ("v", "p"),
)


def _name_bases(word: str) -> list[str]:
    """The word and the nominatives its Finnish case forms can come from (Heikille -> Heikki)."""
    bases = [word]
    for ending in _FI_CASE_ENDINGS:
        if len(word) - len(ending) < 3 or not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        if stem[-1] not in "aeiouyäö":
            continue  # Finnish case forms keep a stem vowel: Sama is not a form of Sam
        bases.append(stem)
        if stem.endswith("i"):
            bases.append(stem[:-1])  # Samille -> Sam
        if stem.endswith("se"):
            bases.append(stem[:-2] + "nen")  # Korhoselle -> Korhonen
        vowel, body = stem[-1], stem[:-1]
        for weak, strong in _GRADATION:
            if body.endswith(weak):
                bases.append(body[: -len(weak)] + strong + vowel)
                break
    return bases


@lru_cache(maxsize=1 << 14)
def _is_listed_name(word: str) -> str | None:
    """Return the base form when `word` (maybe inflected) is a listed name."""
    for base in _name_bases(word):
        if base in _ALL_NAMES and base not in _NOT_NAMES:
            return base
    return None


def _find_names(text: str, pieces: list[str]) -> list[PiiSpan]:
    """Names among the pieces of :func:`tokens.split_pieces`, with offsets into `text`."""
    spans: list[PiiSpan] = []
    sentence_start = True
    previous_role = False
    previous_title = False
    previous_name_end = -10
    cursor = 0
    count = len(pieces)
    for index, surface in enumerate(pieces):
        # Pieces are in order and the gaps between them hold no token characters, so the
        # next occurrence after the cursor is the piece itself.
        start = text.find(surface, cursor)
        end = cursor = start + len(surface)
        first = surface[0]
        if not first.isalpha():
            if surface != ":" and not first.isdigit() and _is_punctuation(surface):
                # "Dr. Peterson": the full stop of a title abbreviation ends no sentence.
                sentence_start = not (surface == "." and previous_title)
            continue
        cue = _NAME_CUES[surface]
        is_name = False
        if cue & _CAPITAL_CUE:
            after_role = previous_role
            base = _is_listed_name(surface) if cue & (_LISTED_CUE | _AMBIGUOUS_CUE) else None
            next_word = next(
                (piece for piece in pieces[index + 1 : count] if piece[0].isalpha()), None
            )
            next_is_name = bool(next_word and next_word[0].isupper() and _is_listed_name(next_word))
            chained = previous_name_end >= 0 and start - previous_name_end <= 1
            if base is not None:
                if base in _AMBIGUOUS:
                    is_name = after_role or next_is_name or chained
                elif sentence_start:
                    is_name = after_role or next_is_name or base in _NORDIC_FIRST or chained
                else:
                    is_name = True
            elif after_role and not sentence_start and len(surface) > 2:
                is_name = True  # "vastaava Kuusela": a title is followed by a name
            elif chained and not sentence_start:
                is_name = True
        if is_name:
            if spans and spans[-1].type == "name" and start - spans[-1].end <= 1:
                merged = PiiSpan(spans[-1].start, end, "name", text[spans[-1].start : end])
                spans[-1] = merged
            else:
                spans.append(PiiSpan(start, end, "name", surface))
            previous_name_end = end
        previous_role = bool(cue & _ROLE_CUE)
        previous_title = surface.lower() in _TITLE_ABBREVIATIONS
        sentence_start = False
    return spans


_TITLE_ABBREVIATIONS = frozenset("dr mr mrs ms prof tri".split())


def _is_punctuation(piece: str) -> bool:
    return piece[0] in ".!?;:\n"


def _spans_of(pattern: re.Pattern[str], text: str, kind: str) -> list[PiiSpan]:
    return [PiiSpan(m.start(), m.end(), kind, m.group()) for m in pattern.finditer(text)]


# Cheap necessary conditions, read off single pieces (cached per piece with the name cues
# below), decide which of the costlier patterns can match at all:
# - a case-number keyword starts a word, so some piece (or a part of it after an
#   apostrophe) starts with one of these literals;
# - a street word ends right before the house number, so some piece ends in a suffix;
# - an English street word ("Baker Street") is a whole piece, up to an apostrophe;
# - a phone number starts with "+" or with a digit run that starts with 0.
_DIGIT_RUN_RE = re.compile(r"\d+")
_CASE_LITERALS = (
    "asia", "dn", "dia", "potilas", "päätös", "hakemus", "viite", "lasku", "lähete",
    "tiketti", "kirjaamis", "ärende", "kund", "patient", "faktura", "ref", "case",
    "client", "record", "ticket", "invoice",
)  # fmt: skip
_STREET_END_RE = re.compile(rf"{_STREET_SUFFIX}\Z")
_STREET_EN_WORDS = frozenset(
    ("Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Drive", "Dr", "Way")
)
_APOSTROPHES_RE = re.compile("['’]")


def _regex_spans(text: str, cues: int) -> list[PiiSpan]:
    """Spans of the regular-expression types; `cues` is the OR of the pieces' cue bits."""
    spans: list[PiiSpan] = []
    if "@" in text:
        spans += _spans_of(_EMAIL_RE, text, "email")
    if not cues & _DIGIT_CUE:
        return spans  # every other pattern needs a digit; most comments have none
    lengths = list(map(len, _DIGIT_RUN_RE.findall(text)))
    if 6 in lengths:  # a hetu has exactly six digits before its century sign
        spans += [span for span in _spans_of(_HETU_RE, text, "hetu") if is_valid_hetu(span.text)]
    if sum(lengths) >= 7 and (cues & _ZERO_CUE or "+" in text):  # 7+ digits from + or 0
        for match in _PHONE_RE.finditer(text):
            surface = match.group().rstrip(" -")
            digits = sum(char.isdigit() for char in surface)
            if 7 <= digits <= 15 and surface.lstrip("(")[:1] in "+0":
                spans.append(PiiSpan(match.start(), match.start() + len(surface), "phone", surface))
    if cues & _CASE_CUE:
        spans += [
            PiiSpan(m.start("code"), m.end("code"), "case_number", m.group("code"))
            for m in _CASE_RE.finditer(text)
        ]
    if "/" in text or "-" in text:
        spans += _spans_of(_CASE_SHAPE_RE, text, "case_number")
    if cues & _STREET_CUE:
        spans += _spans_of(_ADDRESS_RE, text, "address")
    if cues & _STREET_EN_CUE:
        spans += _spans_of(_ADDRESS_EN_RE, text, "address")
    return spans


_ROLE_CUE = 1  # a role word: a capitalised word after it may be a name
_CAPITAL_CUE = 2  # a capitalised word that is not a known place or service
_LISTED_CUE = 4  # a listed name that is a name on its own
_AMBIGUOUS_CUE = 8  # a listed name that is also an ordinary word (Toivo, Satu)
_DIGIT_CUE = 16  # digits: the regular expressions for numbers may match
_WORD_CUE = 32  # any word
_SENTENCE_CUE = 64  # punctuation that starts a new sentence for the name rules
_FULL_STOP_CUE = 128  # a lone full stop, which after "Dr" starts no sentence
_TITLE_CUE = 256  # a title abbreviation: dr, mr, prof...
_CASE_CUE = 512  # a word that may start a case-number keyword
_STREET_CUE = 1024  # a word that may end in a street suffix
_STREET_EN_CUE = 2048  # an English street word
_ZERO_CUE = 4096  # a digit run starting with 0: a phone number may start here
_NAME_CUE_BITS = _ROLE_CUE | _LISTED_CUE | _AMBIGUOUS_CUE


class _NameCueCache(dict[str, int]):
    """piece -> bit set of the name cues above (0 for most pieces)."""

    def __missing__(self, piece: str) -> int:
        if len(self) >= 1 << 18:
            self.clear()
        cue = 0
        if piece[:1].isdigit():
            cue = _DIGIT_CUE | (_ZERO_CUE if piece[0] == "0" else 0)
        elif piece != ":" and _is_punctuation(piece):
            cue = _SENTENCE_CUE | (_FULL_STOP_CUE if piece == "." else 0)
        elif piece[:1].isalpha():
            cue = _WORD_CUE
            if piece.lower() in _TITLE_ABBREVIATIONS:
                cue |= _TITLE_CUE
            if piece.lower().replace("’", "'").endswith(_ROLE_STEMS):
                cue |= _ROLE_CUE
            parts = _APOSTROPHES_RE.split(piece)
            if any(part.lower().startswith(_CASE_LITERALS) for part in parts):
                cue |= _CASE_CUE
            if _STREET_END_RE.search(piece):
                cue |= _STREET_CUE
            if parts[0] in _STREET_EN_WORDS:
                cue |= _STREET_EN_CUE
            if piece[0].isupper() and not (piece.isupper() and len(piece) > 1):
                if piece not in _NOT_NAMES:
                    cue |= _CAPITAL_CUE
                    base = _is_listed_name(piece)
                    if base is not None:
                        cue |= _AMBIGUOUS_CUE if base in _AMBIGUOUS else _LISTED_CUE
        self[piece] = cue
        return cue


_NAME_CUES = _NameCueCache()


class PieceCues(NamedTuple):
    bits: int  # every cue bit of the piece
    search_bits: int  # tokens.PII_DIGIT / PII_NAME when the piece may start a finding


def piece_cues(piece: str) -> PieceCues:
    """The cue bits of one piece, and the token flags that say a search may find anything."""
    from .tokens import PII_DIGIT, PII_NAME  # noqa: PLC0415 (tokens imports this module)

    bits = _NAME_CUES[piece]
    search = (PII_DIGIT if bits & _DIGIT_CUE else 0) | (PII_NAME if bits & _NAME_CUE_BITS else 0)
    return PieceCues(bits, search)


class _CueCharCache(dict[str, str]):
    """piece -> one character for the name-context pattern below ("" for other pieces).

    A word becomes a letter a..p from its bits (role 1, title 2, ambiguous name 4,
    capitalised 8); a full stop ".", other sentence punctuation ";".
    """

    def __missing__(self, piece: str) -> str:
        if len(self) >= 1 << 18:
            self.clear()
        cue = _NAME_CUES[piece]
        char = ""
        if cue & _WORD_CUE:
            bits = (
                (1 if cue & _ROLE_CUE else 0)
                | (2 if cue & _TITLE_CUE else 0)
                | (4 if cue & _AMBIGUOUS_CUE else 0)
                | (8 if cue & _CAPITAL_CUE else 0)
            )
            char = chr(ord("a") + bits)
        elif cue & _SENTENCE_CUE:
            char = "." if cue & _FULL_STOP_CUE else ";"
        self[piece] = char
        return char


_CUE_CHARS = _CueCharCache()


def _letters(test: Callable[[int], bool]) -> str:
    return "".join(chr(ord("a") + bits) for bits in range(16) if test(bits))


_ROLE = _letters(lambda bits: bool(bits & 1))
_ROLE_TITLE = _letters(lambda bits: bits & 3 == 3)
_AMBIGUOUS_NAME = _letters(lambda bits: bool(bits & 4))
_CAPITALISED = _letters(lambda bits: bool(bits & 8))
# The rules of _find_names on the cue characters, as a necessary condition for a name:
# two ambiguous names anywhere; an ambiguous name after a role word (sentence marks between
# do not matter); a capitalised word right after a role word, or after a title and its full
# stop ("Dr. Peterson"), in the same sentence.
_NAME_CONTEXT_RE = re.compile(
    rf"[{_AMBIGUOUS_NAME}].*[{_AMBIGUOUS_NAME}]"
    rf"|[{_ROLE}][.;]*[{_AMBIGUOUS_NAME}]"
    rf"|[{_ROLE}][{_CAPITALISED}]"
    rf"|[{_ROLE_TITLE}][.;]*\.[{_CAPITALISED}]"
)


def may_hold_names(pieces: list[str]) -> bool:
    """Cheap test on split pieces: False means :func:`find_personal_data` finds no names.

    A name is a listed name, a capitalised word after a role word ("vastaava Kuusela"),
    an ambiguous listed name next to another name, or chained to one of these.
    """
    present = reduce(or_, set(map(_NAME_CUES.__getitem__, pieces)), 0)
    return _may_hold_names(pieces, present)


def _may_hold_names(pieces: list[str], present: int) -> bool:
    """:func:`may_hold_names` given the OR of the pieces' cue bits (never says no wrongly)."""
    if present & _LISTED_CUE:
        return True
    if not present & _AMBIGUOUS_CUE and not (present & _ROLE_CUE and present & _CAPITAL_CUE):
        return False
    codes = "".join(map(_CUE_CHARS.__getitem__, pieces))
    return _NAME_CONTEXT_RE.search(codes) is not None


def find_personal_data(
    text: str,
    tokens: list[RawToken] | None = None,
    *,
    pieces: list[str] | None = None,
    cues: int | None = None,
) -> list[PiiSpan]:
    """Return non-overlapping personal-data spans sorted by start offset.

    `tokens` may pass the comment's tokens when the caller already has them; `pieces`
    (from :func:`tokens.split_pieces`) lets the name search be skipped cheaply, and `cues`
    (the OR of the pieces' cue bits, see :func:`piece_cues`) saves computing them again.
    """
    if pieces is None:
        pieces = [token.text for token in tokens] if tokens is not None else split_pieces(text)
    found = reduce(or_, set(map(_NAME_CUES.__getitem__, pieces)), 0) if cues is None else cues
    candidates = _regex_spans(text, found) if found & _DIGIT_CUE or "@" in text else []
    if found & _NAME_CUE_BITS and _may_hold_names(pieces, found):
        candidates += _find_names(text, pieces)
    if not candidates:
        return []
    if len(candidates) == 1:
        return candidates
    candidates.sort(key=lambda span: (_PRIORITY[span.type], span.start, -(span.end - span.start)))
    chosen: list[PiiSpan] = []
    for span in candidates:
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda span: span.start)


def redact(text: str, spans: list[PiiSpan]) -> str:
    """Replace every span with its type's placeholder, e.g. [NAME], [PHONE]."""
    pieces = []
    cursor = 0
    for span in sorted(spans, key=lambda item: item.start):
        pieces.append(text[cursor : span.start])
        pieces.append(PLACEHOLDERS[span.type])
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
