"""The visit report as a PDF (plain_pdf): the visit, then each finding with its answer."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from osallisuus.plain_pdf import plain_pdf

from .models import Visit
from .selectors import findings_of


def report_pdf(visit: Visit) -> bytes:
    """Names no observer: the report speaks for the quality monitors as a group."""
    title = _("Observation visit report: %(unit)s, %(date)s") % {
        "unit": visit.unit,
        "date": visit.visit_date.strftime("%d.%m.%Y"),
    }
    blocks = [
        (
            _("Visit"),
            "\n".join(
                [
                    _("Template: %(template)s") % {"template": visit.template},
                    _("Categories: %(list)s")
                    % {"list": ", ".join(visit.template.category_labels())},
                    _("The unit answers each finding by %(due)s.")
                    % {"due": visit.answer_due.strftime("%d.%m.%Y")},
                ]
            ),
        )
    ]
    findings = list(findings_of(visit))
    if not findings:
        blocks.append((_("Findings"), _("No findings: nothing to improve was observed.")))
    for number, finding in enumerate(findings, start=1):
        lines = [
            _("Severity: %(severity)s") % {"severity": finding.get_severity_display()},
            finding.description,
        ]
        if finding.recommendation:
            lines.append(_("Recommendation: %(text)s") % {"text": finding.recommendation})
        if finding.answer:
            lines.append(_("Answer: %(answer)s") % {"answer": finding.get_answer_display()})
        if finding.reasons:
            lines.append(finding.reasons)
        heading = f"{number}. {finding.get_category_display()}"
        blocks.append((heading, "\n".join(lines)))
    return plain_pdf(title, blocks, language=(get_language() or "fi")[:2])
