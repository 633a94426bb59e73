"""The management commands; they need Django settings but no database."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management import call_command


def test_analyse_text_keeps_order_and_writes_error_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    target = tmp_path / "out.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": 1, "text": "Kiitos, hyvää palvelua!", "extra": "x"}),
                "{not json",
                json.dumps({"id": "b", "text": 42}),
                json.dumps({"id": 3, "text": "Soittakaa 040 532 8816, jono on liian pitkä."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    call_command("analyse_text", input=str(source), output=str(target))
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [1, None, "b", 3]
    assert list(lines[0]) == [
        "id",
        "lang",
        "themes",
        "sentiment",
        "urgent",
        "pii",
        "redacted",
        "confidence",
        "uncertain",
    ]
    assert lines[0]["sentiment"] == "positive"
    assert "error" in lines[1] and "error" in lines[2]
    assert lines[3]["pii"] == [{"start": 10, "end": 22, "type": "phone"}]
    assert lines[3]["redacted"].startswith("Soittakaa [PHONE]")


def test_evaluate_text_prints_a_table(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "text": "Jonotin puhelimessa tunnin.",
                "themes": ["access_waiting"],
                "sentiment": "negative",
                "urgent": False,
                "pii": [],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out_path = tmp_path / "report.txt"
    with out_path.open("w", encoding="utf-8") as out:
        call_command("evaluate_text", gold=str(gold), stdout=out)
    report = out_path.read_text(encoding="utf-8")
    assert "access_waiting" in report
    assert "macro F1" in report
    assert "Personal data recall" in report
    assert "Personal data span precision" in report
