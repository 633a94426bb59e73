"""Drawing a panel's members by lot from volunteers (#16 item 2), so that anyone can repeat it.

The method, as the public draw page tells it:

1. The volunteers are numbered 1, 2, 3 … in the order they signed up.
2. Each volunteer's stratum is "age band|municipality code|language". Each stratum gets seats
   in proportion to its volunteers (the largest-remainder method: first the whole part of
   seats × volunteers in the stratum ÷ all volunteers, then one more seat to the strata with
   the largest remainders; equal remainders go to the stratum whose key comes first).
3. `random.Random(seed)` then takes the strata in the order of their keys and draws each
   stratum's seats with `sample` from the numbers of its volunteers in ascending order.

The same seed and list always give the same members; nothing else goes into the draw.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Outcome:
    # Stratum key → (volunteers, seats), in key order.
    quotas: dict[str, tuple[int, int]]
    # The numbers drawn (1-based positions in the list), in the order drawn.
    drawn: list[int]


def stratum_key(age_band: str, municipality_code: str, language: str) -> str:
    return f"{age_band}|{municipality_code}|{language}"


def seats_per_stratum(counts: dict[str, int], size: int) -> dict[str, int]:
    """Seats in proportion to each stratum's volunteers (largest remainder, ties by key)."""
    total = sum(counts.values())
    if size >= total:
        return {key: counts[key] for key in sorted(counts)}
    exact = {key: Fraction(size * n, total) for key, n in counts.items()}
    seats = {key: int(value) for key, value in exact.items()}
    left = size - sum(seats.values())
    by_remainder = sorted(counts, key=lambda key: (-(exact[key] - seats[key]), key))
    for key in by_remainder[:left]:
        seats[key] += 1
    return {key: seats[key] for key in sorted(seats)}


def draw(strata: list[str], *, seed: str, size: int) -> Outcome:
    """Draw `size` of the volunteers whose strata are `strata` (in sign-up order)."""
    counts = Counter(strata)
    seats = seats_per_stratum(dict(counts), size)
    rng = random.Random(seed)  # noqa: S311  (repeatable by design: the seed is published)
    drawn: list[int] = []
    for key, wanted in seats.items():
        numbers = [n for n, stratum in enumerate(strata, start=1) if stratum == key]
        drawn += rng.sample(numbers, wanted)
    return Outcome(quotas={key: (counts[key], seats[key]) for key in seats}, drawn=drawn)
