"""Dashboards per unit, service and county, and export downloads. Thin: scope, read, render."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from osallisuus.accounts.selectors import sees_whole_county
from osallisuus.authorization import permission_required
from osallisuus.complaints.selectors import complaint_figures
from osallisuus.feedback.models import Channel
from osallisuus.feedback.report_selectors import export_items
from osallisuus.organisation.models import Unit
from osallisuus.query_params import id_param
from osallisuus.spreadsheets import download
from osallisuus.trail.selectors import trail_figures

from . import charts, exports
from .forms import PeriodForm
from .selectors import (
    Dashboard,
    Period,
    access_service,
    access_unit,
    add_months,
    dashboard,
    iter_aggregates,
    min_group,
    question_figures,
    report_units,
    reportable_services,
)
from .services import record_export

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


def _charts(board: Dashboard) -> dict[str, Any]:
    trend = [(f"{f.month:%m/%y}", f.count) for f in board.trend]
    return {
        "trend_chart": charts.column_chart(
            trend,
            title=_("Feedback per month"),
            desc=_("Number of feedback items in each of the last twelve months."),
        ),
        "channel_chart": charts.bar_chart(
            board.channels,
            title=_("Feedback by channel"),
            desc=_("Number of feedback items that came through each channel."),
        )
        if board.channels
        else None,
        "theme_chart": charts.bar_chart(
            [(label, n) for _id, label, n in board.top_themes],
            title=_("Most common themes"),
            desc=_("Number of comments about each theme."),
        )
        if board.top_themes
        else None,
    }


def _render(
    request: HttpRequest,
    *,
    title: str,
    units: QuerySet[Unit],
    scope: dict[str, str],
    extra: dict[str, Any] | None = None,
    county_wide: bool = False,
) -> HttpResponse:
    form = PeriodForm(request.GET or None)
    period = form.period()
    board = dashboard(units=units, period=period)
    drill = _drill_links(request, board=board, period=period, scope=scope)
    context = {
        **drill,
        "title": title,
        "form": form,
        "board": board,
        # Each question's own answers, as the public unit page shows them (small groups hidden).
        "questions": question_figures(units=units, period=period),
        "trail": trail_figures(
            units=units, start=period.start, end=_last_day(period), county_wide=county_wide
        ),
        # Formal objections: counts and handling times only, small groups hidden.
        "complaints": complaint_figures(units=units, since=period.start, until=_last_day(period)),
        "undecided_days": settings.MATTER_UNDECIDED_DAYS,
        "period": period,
        "scope_query": "&".join(f"{k}={v}" for k, v in scope.items()),
        "period_query": f"since={period.start:%Y-%m}&until={period.end:%Y-%m}",
        "min_group": min_group(),
        "response_days": settings.FEEDBACK_RESPONSE_DAYS,
        **_charts(board),
        **(extra or {}),
    }
    return render(request, "reports/dashboard.html", context)


def _drill_links(
    request: HttpRequest, *, board: Dashboard, period: Period, scope: dict[str, str]
) -> dict[str, Any]:
    """Links from the figures to the inbox behind them (#21 item 13): the same units and period
    as filters; the inbox applies the person's own scope. Only for people who may read the
    inbox: a decision maker sees the figures but never who gave feedback."""
    rows = {"channel_rows": [(label, n, "") for label, n in board.channels]}
    rows["theme_rows"] = [(label, n, "") for _theme, label, n in board.top_themes]
    if not request.user.has_perm("feedback.view_inbox"):
        return {"inbox_url": "", **rows}
    base = {"since": period.start.isoformat(), "until": _last_day(period).isoformat()}
    if "unit" in scope:
        unit_pk = Unit.objects.filter(code=scope["unit"]).values_list("pk", flat=True).first()
        base["unit"] = str(unit_pk)
    if "service" in scope:
        base["service"] = scope["service"]
    inbox = reverse("feedback:inbox")

    def link(**more: str) -> str:
        return f"{inbox}?{urlencode({**base, **more})}"

    codes = {str(label): code for code, label in Channel.choices}
    return {
        "inbox_url": link(),
        "changed_url": link(changed="on"),
        "channel_rows": [
            (label, n, link(channel=codes.get(label, ""))) for label, n in board.channels
        ],
        "theme_rows": [(label, n, link(theme=theme)) for theme, label, n in board.top_themes],
    }


@permission_required("reports.view_reports")
@require_GET
def county(request: HttpRequest) -> HttpResponse:
    """The whole county for county-wide roles; the user's own units for unit staff."""
    units = report_units(request.user)
    county_wide = sees_whole_county(request.user)
    return _render(
        request,
        title=_("Whole county") if county_wide else _("Your units"),
        units=units,
        scope={},
        extra={
            "units": units.order_by("name_fi"),
            "services": reportable_services(request.user),
            "is_overview": True,
        },
        county_wide=county_wide,
    )


@permission_required("reports.view_reports")
@require_GET
def unit(request: HttpRequest, code: str) -> HttpResponse:
    the_unit = access_unit(user=request.user, code=code)
    return _render(
        request,
        title=the_unit.name,
        units=Unit.objects.filter(pk=the_unit.pk),
        scope={"unit": the_unit.code},
        extra={"unit": the_unit},
    )


@permission_required("reports.view_reports")
@require_GET
def service(request: HttpRequest, pk: int) -> HttpResponse:
    the_service, units = access_service(user=request.user, pk=pk)
    return _render(
        request,
        title=the_service.name,
        units=units,
        scope={"service": str(the_service.pk)},
        extra={"service": the_service},
    )


def _export_units(request: HttpRequest) -> QuerySet[Unit]:
    code = request.GET.get("unit", "")
    if code:
        return Unit.objects.filter(pk=access_unit(user=request.user, code=code).pk)
    if request.GET.get("service"):
        service_pk = id_param(request.GET, "service")
        if service_pk is None:
            raise Http404
        return access_service(user=request.user, pk=service_pk)[1]
    return report_units(request.user)


@permission_required("reports.export_reports")
@require_GET
def export(request: SignedInRequest, kind: str, fmt: str) -> HttpResponse:
    """Answers (one row per item) or aggregates (unit × month), scoped to the user."""
    if kind not in ("answers", "aggregates") or fmt not in exports.FORMATS:
        raise Http404
    units = _export_units(request)
    period: Period = PeriodForm(request.GET or None).period()
    if kind == "answers":
        rows = [
            exports.answer_row(item)
            for item in export_items(
                request.user,
                unit_ids=units.values_list("pk", flat=True),
                since=period.start,
                until=_last_day(period),
            )
        ]
        columns: tuple[str, ...] = exports.ANSWER_COLUMNS
    else:
        rows = exports.aggregate_dicts(iter_aggregates(units=units, period=period))
        columns = tuple(rows[0]) if rows else ("unit_code", "month", "count")
    body = exports.render(rows, columns, fmt)
    record_export(
        by=request.user,
        kind=kind,
        format=fmt,
        filters={
            "unit": request.GET.get("unit", ""),
            "service": request.GET.get("service", ""),
            "since": f"{period.start:%Y-%m}",
            "until": f"{period.end:%Y-%m}",
        },
        rows=len(rows),
        path=request.path,
    )
    stamp = timezone.localdate().isoformat()
    return download(
        filename=f"feedback-{kind}-{stamp}.{fmt}", content_type=exports.FORMATS[fmt], body=body
    )


def _last_day(period: Period) -> date:
    return add_months(period.end, 1) - timedelta(days=1)
