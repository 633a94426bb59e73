"""The person-name lists the personal-data search uses, and the Finnish case forms of names.

The lists are versioned text files in ``data/names/`` (one name a line; their source and
licence are in the README there), written once from Faker's name providers by
:mod:`names_from_faker` and read here at import time. Names that are also ordinary words,
and capitalised words that name places, services or months, are listed here by hand: they
narrow what counts as a name.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import simplemma

NAMES_DIR = Path(__file__).resolve().parent / "data" / "names"


def list_file(lang: str, kind: str) -> Path:
    """The file of one list: ``data/names/fi-first.txt``, ``sv-last.txt``..."""
    return NAMES_DIR / f"{lang}-{kind}.txt"


def read_list(lang: str, kind: str) -> list[str]:
    """The names of one list file, in file order."""
    return list_file(lang, kind).read_text(encoding="utf-8").splitlines()


def _names(*langs: str, kind: str) -> frozenset[str]:
    found: set[str] = set()
    for lang in langs:
        found.update(read_list(lang, kind))
    return frozenset(found)


FIRST_NAMES = _names("fi", "sv", "en", kind="first")
LAST_NAMES = _names("fi", "sv", "en", kind="last")
NORDIC_FIRST = _names("fi", "sv", kind="first")
_ALL_NAMES = FIRST_NAMES | LAST_NAMES

# Names that are also ordinary words: only a name after a role word or next to another name.
AMBIGUOUS = frozenset(
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
NOT_NAMES = frozenset(
    """Kela Omaolo Omakanta Suomi Ruotsi Helsinki Tampere Turku Oulu Espoo Vantaa Lahti
    Kuopio Jyväskylä Pori Joensuu Lappeenranta Vaasa Rovaniemi Kotka Hämeenlinna Kela
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Finnish Swedish English
    Arabic Sami Christmas Easter God Jumala Herra Kiitos Tack Thanks I Hei Moi Terve Hej
    Hello Ok Okei Apotek Apteekki Taysi Tays Hus Oys Kys Tyks Ksks Omaolossa Covid Korona
    Facebook Google Teams Zoom Whatsapp Wilma Kanta Migri Te Dr Mr Mrs Ms""".split()
)
# No -mme/-nne: they end first- and second-person plural verbs (Olemme, Saimme, Menette) far
# more often than a name's possessive form, and "Ole" + "mme" made "Olemme" a name.
_FI_CASE_ENDINGS = tuple(
    sorted(
        """lle lla llä lta ltä ssa ssä sta stä n a ä na nä ksi ineen tta ttä kin han hän lle
        sta lla lle ineen iin seen hen hin hun lta nsa nsä ille illa ilta""".split(),
        key=len,
        reverse=True,
    )
)
# A case ending is stripped only when this much stem is left: "Ella" is not "E" + "lla".
_MIN_STEM_LENGTH = 3
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


def name_bases(word: str) -> list[str]:
    """The word and the nominatives its Finnish case forms can come from (Heikille -> Heikki)."""
    bases = [word]
    for ending in _FI_CASE_ENDINGS:
        if len(word) - len(ending) < _MIN_STEM_LENGTH or not word.endswith(ending):
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
def is_listed_name(word: str) -> str | None:
    """Return the base form when `word` (maybe inflected) is a listed name."""
    bases = name_bases(word)
    if any(base in NOT_NAMES for base in bases):
        return None  # "Kelan" is a form of Kela (the agency), whatever the lists hold
    for base in bases:
        if base in _ALL_NAMES:
            return base
    return None


@lru_cache(maxsize=1 << 14)
def is_common_word(word: str) -> bool:
    """True when the lower-cased word is an ordinary fi/sv/en word form by the dictionaries
    (its lemma is a common word other than itself: "Olemme" -> olla, "Inga" -> ingen,
    "Ville" -> vilja), so at a sentence start its capital letter is no evidence of a name."""
    lower = word.lower()
    for lang in ("fi", "sv", "en"):
        if not simplemma.is_known(lower, lang):
            continue
        lemma = simplemma.lemmatize(lower, lang=lang)
        if lemma != lower and lemma.islower() and len(lemma) > 1:
            return True
    return False
