"""The evaluation report as a PDF (plain_pdf): what was evaluated, each criterion with its
mean score and the assessments, and the joint meeting's conclusion. Names no evaluator: the
report speaks for the evaluators as a group."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from osallisuus.plain_pdf import plain_pdf

from .models import Evaluation
from .selectors import summary


def target_of(evaluation: Evaluation) -> str:
    return str(evaluation.project or evaluation.service or "")


def report_pdf(evaluation: Evaluation) -> bytes:
    title = _("Evaluation report: %(title)s") % {"title": evaluation.title}
    meeting = evaluation.meeting_date.strftime("%d.%m.%Y") if evaluation.meeting_date else "–"
    blocks = [
        (
            _("Evaluation"),
            "\n".join(
                [
                    _("Evaluated: %(target)s") % {"target": target_of(evaluation)},
                    _("Evaluators: %(count)s") % {"count": evaluation.evaluators.count()},
                    _("Joint evaluation meeting: %(date)s") % {"date": meeting},
                ]
            ),
        )
    ]
    for number, row in enumerate(summary(evaluation), start=1):
        if row.average is None:
            lines = [_("Not assessed.")]
        else:
            lines = [
                _("Mean score %(average)s of 5 (%(count)s assessments)")
                % {"average": row.average, "count": row.count}
            ]
        lines += [f"{a.score}/5: {a.text}" if a.text else f"{a.score}/5" for a in row.assessments]
        blocks.append((f"{number}. {row.criterion.text}", "\n".join(lines)))
    notes = [note.text for note in evaluation.notes.all()]
    if notes:
        blocks.append((_("Observation notes"), "\n\n".join(notes)))
    blocks.append((_("Conclusion of the joint evaluation meeting"), evaluation.conclusion))
    return plain_pdf(title, blocks, language=(get_language() or "fi")[:2])
