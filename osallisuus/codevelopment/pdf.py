"""The project summary as a PDF (reportlab): participants, contributions and votes by role."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .models import Project
from .selectors import project_report


def _table(rows: list[list[str]]) -> Table:
    table = Table(rows, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _text(value: str) -> str:
    return (value or "–").replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br/>")


def project_pdf(project: Project) -> bytes:
    report = project_report(project)
    styles = getSampleStyleSheet()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=project.title, leftMargin=2 * cm, rightMargin=2 * cm
    )
    story = [
        Paragraph(_text(project.title), styles["Title"]),
        Paragraph(_text(project.target), styles["BodyText"]),
        Paragraph(f"{_('Stage')}: {project.get_stage_display()}", styles["BodyText"]),
        Spacer(1, 0.4 * cm),
    ]
    for heading, rows in (
        (_("Participants by role"), report.participants_by_role),
        (_("Notes by role"), report.notes_by_role),
        (_("Votes by role"), report.votes_by_role),
    ):
        story.append(Paragraph(heading, styles["Heading2"]))
        story.append(_table([[_("Role"), _("Count")], *[[r, str(n)] for r, n in rows]]))
    story.append(Paragraph(_("Ideas and votes"), styles["Heading2"]))
    ideas = [
        [
            Paragraph(_text(note.text), styles["BodyText"]),
            note.shown_role,
            str(getattr(note, "vote_count", 0)),
        ]
        for note in report.ideas
    ]
    story.append(_table([[_("Idea"), _("Author's role"), _("Votes")], *ideas]))
    story.append(Paragraph(_("Outcomes and decision"), styles["Heading2"]))
    for label, value in (
        (_("Solution models"), project.solution_models),
        (_("Trial plan"), project.trial_plan),
        (_("Evaluation criteria"), project.evaluation_criteria),
        (_("Trial results"), project.trial_results),
        (_("Decision proposal"), project.proposal),
        (_("Decision"), project.get_decision_display()),
        (_("Reasons for the decision"), project.decision_reasons),
    ):
        story.append(Paragraph(f"<b>{label}</b>: {_text(value)}", styles["BodyText"]))
    story.append(Spacer(1, 0.4 * cm))
    story.append(Paragraph(timezone.localtime().strftime("%d.%m.%Y %H:%M"), styles["Italic"]))
    doc.build(story)
    return buffer.getvalue()
