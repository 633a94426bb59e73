"""A briefing as a PDF (plain_pdf: a text layer, the title and the language set); every line
carries the address of its trail page, since a printed page cannot be clicked."""

from __future__ import annotations

from datetime import date

from django.utils import formats, translation
from django.utils.translation import gettext as _

from osallisuus.links import absolute_url
from osallisuus.plain_pdf import plain_pdf

from ..models import Briefing
from .periods import period_label
from .selectors import Line, readable


def _line(line: Line, extra: str = "") -> str:
    when = f"{formats.date_format(line.date, 'SHORT_DATE_FORMAT')}: " if line.date else ""
    note = f" ({line.note})" if line.note else ""
    return f"- {when}{line.text}{note}{extra}\n  {absolute_url(line.url)}"


def _short(day: date | None) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else "–"


def briefing_title(briefing: Briefing) -> str:
    period = period_label(readable(briefing).period)
    return _("Briefing for %(body)s, %(period)s") % {"body": briefing.body.name, "period": period}


def briefing_pdf(briefing: Briefing) -> bytes:
    view = readable(briefing)
    language = (translation.get_language() or "fi")[:2]
    blocks: list[tuple[str, str]] = []
    themes = []
    for line in view.rising:
        themes.append(
            _line(
                line,
                " – "
                + _("%(count)s comments, about %(expected)s expected")
                % {
                    "count": line.figures["count"],
                    "expected": formats.number_format(line.figures["expected"], 1),
                },
            )
        )
        themes += [f"  “{quote.text}”" for quote in line.quotes]
    blocks.append((_("Rising themes"), "\n".join(themes) or _("No theme rose in the period.")))
    services = []
    for line in view.services:
        figures = line.figures
        if figures.get("count") is None:
            said = _("fewer than %(minimum)s items") % {"minimum": view.minimum}
        else:
            said = _(
                "%(count)s items; answered within %(days)s days: %(kept)s; change made: %(change)s"
            ) % {
                "count": figures["count"],
                "days": figures["promise_days"],
                "kept": _share_text(figures.get("kept_share")),
                "change": _share_text(figures.get("change_share")),
            }
        services.append(_line(line, f" – {said}"))
    blocks.append((_("Feedback by service"), "\n".join(services) or "–"))
    complaints = []
    for line in view.complaints:
        figures = line.figures
        if figures.get("count") is None:
            said = _("fewer than %(minimum)s objections") % {"minimum": view.minimum}
        else:
            said = _(
                "%(count)s objections, %(answered)s answered; median days to the answer: %(days)s"
            ) % {
                "count": figures["count"],
                "answered": figures["answered"],
                "days": "–"
                if figures.get("median_days") is None
                else formats.number_format(figures["median_days"], 0),
            }
        complaints.append(_line(line, f" – {said}"))
    blocks.append(
        (_("Formal objections"), "\n".join(complaints) or _("No objections in the period."))
    )
    matters = [
        _line(line, " – " + _("undecided too long") if line.flag else "") for line in view.matters
    ]
    blocks.append(
        (_("Matters waiting for a decision"), "\n".join(matters) or _("No undecided matters."))
    )
    waiting = [
        _line(line, " – " + _("answer overdue") if line.flag else "") for line in view.waiting
    ]
    blocks.append((_("Co-development outcomes waiting"), "\n".join(waiting) or "–"))
    actions = [_line(line) for line in view.overdue_actions]
    blocks.append((_("Overdue actions"), "\n".join(actions) or _("No overdue actions.")))
    summaries = [
        f"- {line.text}: "
        + _("feedback %(period)s, due %(date)s") % {"period": line.note, "date": _short(line.date)}
        + f"\n  {absolute_url(line.url)}"
        for line in view.overdue_self_monitoring
    ]
    blocks.append(
        (
            _("Self-monitoring summaries overdue"),
            "\n".join(summaries) or _("Every unit's self-monitoring summary is published on time."),
        )
    )
    findings = [
        _line(line, " – " + _("unanswered findings: %(count)s") % {"count": line.figures["count"]})
        for line in view.overdue_findings
    ]
    blocks.append(
        (
            _("Visit findings past their answer date"),
            "\n".join(findings) or _("Every visit finding is answered on time."),
        )
    )
    return plain_pdf(briefing_title(briefing), blocks, language=language)


def _share_text(share: int | None) -> str:
    return "–" if share is None else f"{share} %"
