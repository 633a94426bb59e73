"""Urgency reads when and about what: a past, resolved or software event is not today's risk,
while the same event told as current, or as going on, stays urgent."""

from __future__ import annotations

import pytest

from osallisuus.analysis.pipeline import analyse


@pytest.mark.parametrize(
    "text",
    [
        "Äiti kaatui tänään kotona eikä pääse ylös.",
        "Äiti kaatui kaksi viikkoa sitten eikä kukaan ole vieläkään käynyt katsomassa.",
        "Pappa ramlade i morse och kommer inte upp.",
        "My mother fell this morning and cannot get up.",
        "Hoitaja löi isää viime viikolla ja sama hoitaja on edelleen vuorossa.",
    ],
)
def test_a_current_or_ongoing_risk_is_urgent(text: str) -> None:
    assert analyse(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "Kaaduin kotona kaksi vuotta sitten ja lonkka murtui. Kuntoutus auttoi hyvin.",
        "Jag ramlade för tre år sedan. Rehabiliteringen var utmärkt.",
        "I fell two years ago and the rehab team was excellent.",
        "Ajanvarauksen sovellus kaatui ja koko järjestelmä kuoli kesken varauksen.",
    ],
)
def test_a_past_or_software_event_is_not_urgent(text: str) -> None:
    assert not analyse(text).urgent
