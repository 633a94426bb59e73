"""Finnish morphology: Voikko when it is installed, simplemma when it is not.

Both ways are tested on every machine: the tests that need Voikko say so by failing where
it is installed and behaves otherwise, and the fallback is tested by switching Voikko off.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from osallisuus.analysis import morphology
from osallisuus.analysis.pipeline import analyse
from osallisuus.analysis.tokens import lemma_of, use_voikko


@pytest.fixture
def without_voikko() -> Iterator[None]:
    """Finnish read with simplemma only, as on a machine without Voikko."""
    use_voikko(False)
    try:
        yield
    finally:
        use_voikko(True)


COMPOUND_THEMES = [
    ("Ajanvarausjärjestelmä ei toiminut koko viikkona.", "booking_digital"),
    ("Jonotusajat olivat pitkät.", "access_waiting"),
    ("Kotihoidon hoitajat vaihtuvat joka päivä, kukaan ei tunne äitiä.", "continuity_coordination"),
]


@pytest.mark.parametrize(("text", "theme"), COMPOUND_THEMES)
def test_compounds_reach_their_themes_with_the_installed_morphology(text: str, theme: str) -> None:
    assert theme in analyse(text).themes


@pytest.mark.parametrize(("text", "theme"), COMPOUND_THEMES)
def test_compounds_reach_their_themes_without_voikko(
    without_voikko: None, text: str, theme: str
) -> None:
    assert not morphology.available()
    assert morphology.read_finnish("jatkohoitoon") is None
    assert theme in analyse(text).themes


def test_voikko_splits_compounds_and_lemmatises_when_installed() -> None:
    reading = morphology.read_finnish("ajanvarausjärjestelmässä")
    if morphology.available():
        assert reading is not None
        assert reading.lemma == "ajanvarausjärjestelmä"
        assert reading.parts == ("aika", "varaus", "järjestelmä")
        assert lemma_of("jatkohoitoon", "fi") == "jatkohoito"
    else:
        assert reading is None
        assert morphology.voikko_check() != []


def test_a_participle_shares_its_verbs_lemma_either_way() -> None:
    # "olin perunut" and "peruin" are the same act: grouping and cues must see one lemma,
    # with Voikko (which reads "perunut" as an adjective) as without it.
    assert lemma_of("perunut", "fi") == lemma_of("peruin", "fi") == "perua"


def test_swedish_and_english_keep_simplemma() -> None:
    assert lemma_of("väntade", "sv") == "vänta"
    assert lemma_of("waited", "en") == "wait"


def test_without_voikko_the_start_up_check_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(morphology, "_handle", lambda: None)
    [message] = morphology.voikko_check()
    assert message.id == "analysis.I001"
    assert "simplemma" in message.msg


def test_with_voikko_switched_off_on_purpose_the_check_is_silent(without_voikko: None) -> None:
    assert morphology.voikko_check() == []
