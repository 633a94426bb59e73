"""A participant's world for the tests (feedback, an assignment, a group), and a PDF's text."""

from __future__ import annotations

import base64
import contextlib
import re
import zlib
from decimal import Decimal
from typing import Any

from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in
from osallisuus.codevelopment.services import register
from osallisuus.experts import services as experts
from osallisuus.experts.fees import LineInput
from osallisuus.experts.tests.factories import assignment_with_claim
from osallisuus.feedback.services import (
    FeedbackInput,
    add_note,
    move_feedback,
    reply_to_feedback,
    submit_feedback,
)


def signed_in(client: Any, user: Any) -> Any:
    """The test client signed in as the user, with the pages in English."""
    sign_in(client, user)
    client.cookies["django_language"] = "en"
    return client


def give(unit: Any, text: str = "Odotin vastaanotolle liian kauan") -> Any:
    return submit_feedback(FeedbackInput(unit=unit, text=text))[0]


def answered_feedback(unit: Any, staff: Any) -> Any:
    """Feedback with a public reply, a public step (what changed) and a staff-only note."""
    feedback = give(unit)
    reply_to_feedback(feedback=feedback, by=staff, text="Kiitos, korjaamme ajanvarauksen.")
    move_feedback(
        feedback=feedback, by=staff, status="change_made", public_text="Lisasimme aamuaikoja."
    )
    add_note(feedback=feedback, by=staff, text="Sisainen: tarkista vuorolista")
    return feedback


def paid_assignment(expert: Any, coordinator: Any) -> dict[str, Any]:
    """The expert's started assignment with a paid claim and a claim still waiting."""
    trail = assignment_with_claim(expert=expert)
    paid = experts.submit_claim(
        assignment=trail["assignment"],
        by=expert,
        lines=[LineInput(date=timezone.localdate(), hours=Decimal(2), km=Decimal(0))],
        expenses=[],
    )
    experts.decide_claim(claim=paid, by=coordinator, approve=True)
    experts.mark_claims_paid(claims=[paid], by=coordinator)
    paid.refresh_from_db()
    return {**trail, "paid": paid}


def registered_member(unit: Any) -> Any:
    from osallisuus.codevelopment.tests.factories import project_with_workshop

    setup = project_with_workshop(unit)
    register(workshop=setup.workshop, user=setup.client, remote=True, dietary_needs="Gluteeniton")
    return setup


def pdf_text(content: bytes) -> str:
    """The text drawn on the pages of a reportlab PDF (its streams inflated)."""
    text = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\n?endstream", content, re.DOTALL):
        # reportlab's pages are Flate-compressed, then ASCII85-encoded.
        if stream.rstrip().endswith(b"~>"):
            stream = base64.a85decode(stream.strip(), adobe=True)
        with contextlib.suppress(zlib.error):
            stream = zlib.decompress(stream)
        text.append(stream.decode("latin-1"))
    return "\n".join(text)
