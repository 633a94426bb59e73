"""`{% input_outcomes "feedback" item.pk item.language as outcomes %}`: what became of an input,
for a template that includes the trail's outcomes (trail/outcomes_for_giver.html)."""

from __future__ import annotations

from django import template

from osallisuus.trail.selectors import Outcome, outcomes_for_input

register = template.Library()


@register.simple_tag
def input_outcomes(kind: str, pk: int, language: str) -> list[Outcome]:
    return outcomes_for_input(kind, pk, language)
