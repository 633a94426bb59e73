"""Behaviour on writing the lexicons were not written from: paraphrases,
capitalised ordinary words, and the honest measure behind the README's figures."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from osallisuus.analysis import semantic
from osallisuus.analysis.crossval import UNTOUCHED_FILE
from osallisuus.analysis.personal_data import find_personal_data
from osallisuus.analysis.pipeline import analyse


@pytest.mark.parametrize(
    "text",
    [
        "Olemme todella tyytyväisiä hoitoon. Saimme kaiken avun mitä tarvitsimme.",
        "Olen odottanut kolme viikkoa. Ville bara säga tack.",
        "Inga kommentarer. Vi fick bra hjälp.",
        "Will anyone ever call back? Mark this as urgent please.",
        "Kiitos! Tuli hyvä mieli.",
    ],
)
def test_capitalised_ordinary_words_at_a_sentence_start_are_not_names(text: str) -> None:
    assert [span.text for span in find_personal_data(text) if span.type == "name"] == []
    assert "[NAME]" not in analyse(text).redacted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mervi oli tosi ihana ja kuunteli.", "Mervi"),
        ("Hoitaja Anna auttoi meitä.", "Anna"),
        ("Tack till Karin Lindholm på avdelningen.", "Karin Lindholm"),
        ("Nurse Grace Smith explained everything.", "Grace Smith"),
        ("Asiaa hoiti vastaava Kuusela.", "Kuusela"),
    ],
)
def test_names_with_evidence_are_still_redacted(text: str, name: str) -> None:
    assert name in [span.text for span in find_personal_data(text)]
    assert name not in analyse(text).redacted


def test_a_form_of_an_organisation_is_not_a_name() -> None:
    assert find_personal_data("Jouduin tappelemaan Kelan lomakkeiden kanssa.") == []


@pytest.fixture
def semantic_on(settings):
    settings.ANALYSIS_SEMANTIC = True
    assert semantic.load_model() is not None


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Kukaan ei tiennyt mitä edellinen lääkäri oli päättänyt, ja jouduin kertomaan "
         "kaiken taas alusta.", "continuity_coordination"),
        ("Nobody at the ward knew what the previous doctor had decided about my medicine.",
         "continuity_coordination"),
        ("Lähdin vastaanotolta samojen kipujen kanssa kuin tulin, mikään ei muuttunut.",
         "outcome_help"),
        ("I left with the same pain I came in with, nothing changed.", "outcome_help"),
    ],
)  # fmt: skip
def test_paraphrases_of_the_weak_themes_are_themed(semantic_on, text: str, theme: str) -> None:
    (result,) = semantic.analyse_batch([text])
    assert theme in result.themes


def test_the_untouched_set_is_never_trained_on(tmp_path) -> None:
    assert "heldout" not in semantic.TRAINING_FILES
    with pytest.raises(CommandError):
        call_command(
            "train_text_model", input=[str(UNTOUCHED_FILE)], output=str(tmp_path / "m.json")
        )
