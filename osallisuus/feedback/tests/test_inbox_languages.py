"""The inbox speaks the staff member's language (#21 item 8): the score filter's labels are
translated on a Swedish or English page, not left in Finnish."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "label", "finnish_shown"),
    [
        ("fi", "3 – Ei hyvä eikä huono", True),
        ("sv", "3 – Varken bra eller dålig", False),
        ("en", "3 – Neither good nor poor", False),
    ],
)
def test_the_score_labels_are_in_the_pages_language(client_as, language, label, finnish_shown):
    client = client_as("staff")
    client.cookies["django_language"] = language
    body = client.get(reverse("feedback:inbox")).content.decode()
    assert f'<option value="3">{label}</option>' in body
    assert ("Ei hyvä eikä huono" in body) is finnish_shown
