"""The name lists are versioned files that equal Faker's lists; the run time reads only them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from osallisuus.analysis import names, names_from_faker
from osallisuus.analysis.personal_data import find_personal_data


def test_the_name_files_hold_exactly_fakers_lists_so_they_add_no_ordinary_word() -> None:
    for (lang, kind), expected in names_from_faker.faker_lists().items():
        assert names_from_faker.target(lang, kind) == names.list_file(lang, kind)
        assert names.read_list(lang, kind) == expected, (lang, kind)


def test_the_lists_read_from_the_files_are_the_ones_the_search_uses() -> None:
    first = {name for lang in ("fi", "sv", "en") for name in names.read_list(lang, "first")}
    last = {name for lang in ("fi", "sv", "en") for name in names.read_list(lang, "last")}
    assert first == names.FIRST_NAMES and last == names.LAST_NAMES
    nordic = names.read_list("fi", "first") + names.read_list("sv", "first")
    assert set(nordic) == names.NORDIC_FIRST
    assert "Mervi" in names.NORDIC_FIRST and "Korhonen" in names.LAST_NAMES


def test_the_hand_lists_still_filter_the_file_lists() -> None:
    assert "Lahti" in names.LAST_NAMES and names.is_listed_name("Lahti") is None
    assert find_personal_data("Asun Lahdessa, Kela ohjasi minut takaisin.") == []
    text = "Kiitos hoitaja Mervi ja Heikille."
    assert [text[s.start : s.end] for s in find_personal_data(text)] == ["Mervi", "Heikille"]


def test_the_analysis_runs_without_importing_faker() -> None:
    code = (
        "import sys, django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
        "'osallisuus.settings'); django.setup(); "
        "from osallisuus.analysis.pipeline import analyse; "
        "assert analyse('Kiitos hoitaja Mervi!').pii; "
        "assert 'faker' not in sys.modules, 'faker imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 (our own code)


@pytest.mark.parametrize(
    "text",
    ["Olemme tilanneet uuden laitteen.", "Olemme tyytyväisiä.", "Saimme apua. Menette ohi."],
)
def test_a_plural_verb_at_a_sentence_start_is_not_taken_for_a_name(text):
    from osallisuus.analysis.pipeline import analyse

    assert analyse(text).redacted == text


def test_names_in_case_forms_are_still_found_beside_such_verbs():
    from osallisuus.analysis.pipeline import analyse

    redacted = analyse("Menimme Matin kanssa, ja Liisalle soitettiin.").redacted
    assert "Matin" not in redacted and "Liisalle" not in redacted
