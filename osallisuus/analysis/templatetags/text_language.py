"""`lang` for text people wrote, on pages in another language (WCAG 3.1.2 language of parts).

A Finnish staff reply on a Swedish page must be read by a screen reader with Finnish rules:
`<p lang="{{ reply.text|language_of:feedback.language }}">`. The hint (the giver's language,
or the page's when none is given) decides texts too short to tell.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from osallisuus.analysis.language import detect_language

register = template.Library()


@register.filter
def language_of(text: object, hint: str | None = None) -> str:
    """ "fi", "sv" or "en" for the text."""
    return detect_language(str(text or ""), hint=hint or (get_language() or "fi")[:2])
