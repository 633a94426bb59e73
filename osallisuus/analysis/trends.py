"""Finds themes whose share of comments rose this month, with a one-sided Poisson test.

Pure functions on counts; the Django side aggregates the counts. The expected count this
month is the theme's share over the previous months times this month's total, so a month
with more feedback overall does not make every theme look like it is rising.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RisingTheme:
    """One theme that rose: observed and expected counts, their ratio and the p-value."""

    theme: str
    count: int
    expected: float
    ratio: float
    p_value: float
    adjusted_p_value: float


# A tail sum stops once a term adds less than this share of the sum (below double precision).
_TAIL_PRECISION = 1e-17


def poisson_upper_tail(observed: int, expected: float) -> float:
    """P(X >= observed) for X ~ Poisson(expected).

    The sum starts at the term next to `observed` on the shorter side of the mean and runs
    away from the mean, where the terms fall faster than geometrically, so it takes a few times
    the square root of the counts in steps instead of one step per count (a county's monthly
    counts reach hundreds of thousands).
    """
    if observed <= 0:
        return 1.0
    if expected <= 0.0:
        return 0.0

    def pmf(k: int) -> float:
        return math.exp(k * math.log(expected) - expected - math.lgamma(k + 1))

    if observed > expected:
        # The upper tail directly: each next term is `expected / k` times the last, below 1.
        k, term = observed, pmf(observed)
        total = term
        while term > total * _TAIL_PRECISION:
            k += 1
            term *= expected / k
            total += term
        return min(1.0, total)
    # 1 minus the lower tail, summed downwards from observed - 1: each term is k / expected
    # times the one above it, at most 1.
    k, term = observed - 1, pmf(observed - 1)
    total = term
    while k > 0 and term > total * _TAIL_PRECISION:
        term *= k / expected
        k -= 1
        total += term
    return max(0.0, min(1.0, 1.0 - total))


def rising_themes(
    *,
    current: Mapping[str, int],
    current_total: int,
    previous: Sequence[Mapping[str, int]],
    previous_totals: Sequence[int],
    min_count: int = 5,
    min_ratio: float = 1.5,
    alpha: float = 0.05,
) -> list[RisingTheme]:
    """Return themes rising this month, most significant first.

    `current` maps theme -> comments this month, `previous` holds one such mapping per
    earlier month (any number), with the matching totals. A theme is reported when it has at
    least `min_count` comments, at least `min_ratio` times the expected count, and a
    Holm-adjusted p-value below `alpha` (many themes are tested at once).
    """
    if len(previous) != len(previous_totals):
        raise ValueError("previous and previous_totals must have the same length")
    baseline_total = sum(previous_totals)
    if current_total <= 0 or baseline_total <= 0:
        return []
    candidates: list[tuple[str, int, float, float, float]] = []
    themes = set(current)
    for month in previous:
        themes.update(month)
    for theme in sorted(themes):
        count = int(current.get(theme, 0))
        history = sum(int(month.get(theme, 0)) for month in previous)
        # Add half a count to the history so a theme never seen before still gets a finite,
        # cautious expectation instead of a zero that makes any count significant.
        expected = (history + 0.5) / baseline_total * current_total
        ratio = count / expected
        p_value = poisson_upper_tail(count, expected)
        candidates.append((theme, count, expected, ratio, p_value))
    # Holm step-down adjustment over all tested themes.
    ordered = sorted(candidates, key=lambda item: item[4])
    tested = len(ordered)
    adjusted: dict[str, float] = {}
    running = 0.0
    for rank, (theme, _count, _expected, _ratio, p_value) in enumerate(ordered):
        running = max(running, min(1.0, (tested - rank) * p_value))
        adjusted[theme] = running
    rising = [
        RisingTheme(theme, count, expected, ratio, p_value, adjusted[theme])
        for theme, count, expected, ratio, p_value in ordered
        if count >= min_count and ratio >= min_ratio and adjusted[theme] < alpha
    ]
    return rising
