"""A plain PDF of headed text blocks (reportlab): contracts, statements, downloads of own data."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape  # escaping our own text for reportlab

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer


def plain_pdf(title: str, blocks: list[tuple[str, str]], *, language: str | None = None) -> bytes:
    """A title, then (heading, text) blocks; a text's lines become paragraphs. `language` (fi,
    sv, en) is written into the document so screen readers speak it right."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    story: list[Any] = [Paragraph(escape(title), styles["Title"])]
    for heading, text in blocks:
        if heading:
            story.append(Paragraph(escape(heading), styles["Heading2"]))
        story.extend(Paragraph(escape(p), styles["BodyText"]) for p in str(text).split("\n"))
        story.append(Spacer(1, 6))
    SimpleDocTemplate(buffer, pagesize=A4, title=title, lang=language).build(story)
    return buffer.getvalue()
