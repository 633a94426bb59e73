"""`{% objections_taken as name %}`: whether the county takes formal objections here, for the
short signpost on pages of other apps (their views need not know about the register)."""

from __future__ import annotations

from django import template

from osallisuus.complaints.selectors import objections_enabled

register = template.Library()


@register.simple_tag
def objections_taken() -> bool:
    return objections_enabled()
