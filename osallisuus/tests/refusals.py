"""Assertions shared by the apps' tests of a refused write (osallisuus.errors.DomainError)."""

from __future__ import annotations

from django.utils.html import escape


def assert_beside_field_and_in_summary(html: str, *, field_id: str, message: str) -> None:
    """The page shows the message under the field (field.html) and in the error summary
    (form_errors.html), where it links to the field."""
    words = escape(message)
    beside = html.split(f'<div class="error-text" id="{field_id}_error">', 1)
    assert len(beside) == 2, f"no error beside {field_id}"
    assert f"<p>{words}</p>" in beside[1].split("</div>", 1)[0], words
    summary = html.split('<div class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert f'<a href="#{field_id}">' in summary
    assert f": {words}</a>" in summary
