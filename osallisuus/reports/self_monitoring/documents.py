"""The summary as a PDF document with a text layer (osallisuus/plain_pdf.py), in the reader's
language."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from osallisuus.plain_pdf import plain_pdf

from .selectors import Summary


def title_of(summary: Summary) -> str:
    return _("Self-monitoring: feedback %(start)s–%(end)s, %(unit)s") % {
        "start": date_format(summary.period.start, "j.n."),
        "end": date_format(summary.period.last_day, "j.n.Y"),
        "unit": summary.unit.name,
    }


def _lines(items: list[str], empty: str) -> str:
    return "\n".join(items) if items else empty


def summary_pdf(summary: Summary) -> bytes:
    """Every section of the page, as headed text blocks."""
    figures = [
        _("Feedback: %(n)s") % {"n": summary.count},
        _("Written comments: %(n)s") % {"n": summary.comments},
    ]
    # Each statement on its own scale, never averaged together (#21 item 10).
    for question in summary.questions:
        figures.append(f"\n{question.text} ({question.ends})")
        if not question.shown:
            figures.append(
                _("Shown when at least %(minimum)s people have answered this question.")
                % {"minimum": summary.minimum}
            )
        figures += [
            f"{row.value} – {row.label}: {row.count}" if row.label else f"{row.value}: {row.count}"
            for row in question.counts
        ]
    changes = [f"{date_format(o.at, 'j.n.Y')} {o.title}: {o.text}".strip() for o in summary.changes]
    if summary.change_made:
        changes.append(
            _("Feedback items handled with a change made: %(n)s") % {"n": summary.change_made}
        )
    reasons = [
        f"{date_format(o.at, 'j.n.Y')} {o.title} ({o.status_label}): {o.reasons or o.text}"
        for o in summary.outcomes.not_changed
    ]
    reasons += [f"{c.text} ({c.count})" for c in summary.outcomes.closed_without_change]
    blocks = [
        (_("Legal basis"), legal_basis()),
        (_("Feedback received"), "\n".join(figures)),
        (
            _("Main themes"),
            _lines(
                [f"{t.label}: {t.count}" for t in summary.themes],
                _("No theme was raised often enough to be shown."),
            ),
        ),
        (_("Changes made"), _lines(changes, _("No changes were recorded."))),
        (_("Not changed, and why"), _lines(reasons, _("Nothing recorded."))),
    ]
    if summary.publication is not None and summary.publication.comment:
        blocks.append((_("The unit's comment"), summary.publication.comment))
    return plain_pdf(title_of(summary), blocks)


def legal_basis() -> str:
    # Wording checked against HE 299/2022 (the government proposal for the Act) and a county's
    # published reading of section 27 (keusote.fi, "Omavalvontasuunnitelmat"): the unit's plan
    # takes regularly collected client feedback into account, and the follow-up is published
    # every four months. Finlex's consolidated text was not reachable from the build machine.
    return _(
        "Act on the supervision of social and health care (741/2023), sections 26–27: each "
        "service unit has a self-monitoring plan, drawn up and changed taking into account the "
        "feedback collected regularly from clients, patients, their relatives and staff. The "
        "service provider follows how the plan is carried out and publishes the observations "
        "and the changes made every four months. This document is the part of that follow-up "
        "drawn from client feedback."
    )
