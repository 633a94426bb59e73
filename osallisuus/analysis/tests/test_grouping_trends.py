"""Grouping of similar comments and the rising-theme test."""

from __future__ import annotations

import math

from osallisuus.analysis.grouping import group_comments
from osallisuus.analysis.trends import poisson_upper_tail, rising_themes


def test_paraphrases_of_the_same_issue_form_one_group_and_unrelated_stay_apart() -> None:
    items = [
        ("a", "Puhelinjonossa piti odottaa yli tunti, jonotusaika on aivan liian pitkä."),
        ("b", "Jouduin jonottamaan puhelimessa tunnin, jonot ovat liian pitkiä."),
        ("c", "Sain laskun käynnistä, jonka olin perunut ajoissa."),
        ("d", "Peruin ajan ajoissa mutta silti tuli lasku käyttämättä jätetystä ajasta."),
        ("e", "Parkkipaikkoja on liian vähän sairaalan edessä."),
    ]
    groups = group_comments(items)
    assert ["a", "b"] in groups
    assert ["c", "d"] in groups
    assert ["e"] in groups


def test_near_duplicates_are_grouped() -> None:
    items = [
        (1, "Hoitaja oli todella tyly ja kiireinen."),
        (2, "Hoitaja oli todella tyly ja kiireinen!!"),
        (3, "Lääkäri selitti tulokset selkeästi."),
    ]
    assert group_comments(items) == [[1, 2], [3]]


def test_poisson_tail_matches_known_values() -> None:
    assert poisson_upper_tail(0, 3.0) == 1.0
    assert abs(poisson_upper_tail(1, 2.0) - (1 - 0.1353352832)) < 1e-9


def test_a_real_rise_is_flagged_and_noise_is_not() -> None:
    previous = [{"access_waiting": 20, "costs_billing": 10} for _ in range(6)]
    result = rising_themes(
        current={"access_waiting": 60, "costs_billing": 12},
        current_total=1000,
        previous=previous,
        previous_totals=[1000] * 6,
    )
    assert [item.theme for item in result] == ["access_waiting"]
    assert result[0].ratio > 2.5
    assert result[0].p_value < 1e-6


def test_small_counts_are_not_flagged_even_when_the_ratio_is_high() -> None:
    result = rising_themes(
        current={"safety": 3},
        current_total=500,
        previous=[{"safety": 0}] * 3,
        previous_totals=[500] * 3,
    )
    assert result == []


def _direct_upper_tail(observed: int, expected: float) -> float:
    """1 minus the lower tail summed term by term from zero: slow, but obviously right."""
    log_term, lower = -expected, math.exp(-expected)
    for k in range(1, observed):
        log_term += math.log(expected) - math.log(k)
        lower += math.exp(log_term)
    return 1.0 - lower


def test_poisson_tail_equals_the_direct_sum_from_single_comments_to_a_county_month():
    for expected in (0.4, 3.0, 45.5, 900.0, 50_000.0):
        spread = 4 * math.sqrt(expected) + 2
        for observed in {1, 2, round(expected - spread), round(expected), round(expected + spread)}:
            if observed > 0:
                assert math.isclose(
                    poisson_upper_tail(observed, expected),
                    _direct_upper_tail(observed, expected),
                    abs_tol=1e-9,
                ), (observed, expected)
    # Far beyond the mean the tail is vanishingly small, not negative or NaN.
    assert 0.0 <= poisson_upper_tail(80_000, 50_000.0) < 1e-100
