"""Self-monitoring summary pages: the list (with overdue units), one unit's summary with the
publishing form, its PDF, and the published summary for anyone. Thin: scope, read, render."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from osallisuus.authorization import permission_required, require
from osallisuus.errors import attempt
from osallisuus.organisation.models import Unit

from .documents import legal_basis, summary_pdf, title_of
from .forms import PublishForm
from .selectors import (
    FourMonths,
    Summary,
    access_published,
    access_summary_unit,
    due_days,
    overdue_for,
    summaries_for,
    summary,
)
from .services import publish_summary

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

LAW_URL = "https://www.finlex.fi/fi/laki/alkup/2023/20230741"


@permission_required("reports.view_self_monitoring")
@require_GET
def summary_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reports/self_monitoring/list.html",
        {
            "rows": summaries_for(request.user),
            "overdue": overdue_for(request.user),
            "due_days": due_days(),
        },
    )


def _page(
    request: HttpRequest, the_summary: Summary, *, public: bool, form: PublishForm | None = None
) -> HttpResponse:
    may_publish = not public and request.user.has_perm(
        "reports.publish_self_monitoring", the_summary.unit
    )
    if may_publish and form is None:
        publication = the_summary.publication
        form = PublishForm(initial={"comment": publication.comment if publication else ""})
    return render(
        request,
        "reports/self_monitoring/summary.html",
        {
            "summary": the_summary,
            "title": title_of(the_summary),
            "legal_basis": legal_basis(),
            "law_url": LAW_URL,
            "public": public,
            "form": form if may_publish else None,
        },
    )


def _staff_summary(request: HttpRequest, code: str, period: str) -> Summary:
    four = FourMonths.parse(period)
    unit = access_summary_unit(user=request.user, code=code, period=four)
    return summary(unit, four)


@permission_required("reports.view_self_monitoring")
@require_GET
def unit_summary(request: HttpRequest, code: str, period: str) -> HttpResponse:
    return _page(request, _staff_summary(request, code, period), public=False)


def _pdf(the_summary: Summary) -> HttpResponse:
    response = HttpResponse(summary_pdf(the_summary), content_type="application/pdf")
    name = f"omavalvonta-{the_summary.unit.code}-{the_summary.period.slug}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@permission_required("reports.view_self_monitoring")
@require_GET
def unit_summary_pdf(request: HttpRequest, code: str, period: str) -> HttpResponse:
    return _pdf(_staff_summary(request, code, period))


@login_required
@require_POST
def publish(request: SignedInRequest, code: str, period: str) -> HttpResponse:
    require(request.user, "reports.view_self_monitoring")
    the_summary = _staff_summary(request, code, period)
    require(request.user, "reports.publish_self_monitoring", the_summary.unit)
    form = PublishForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: publish_summary(
            unit=the_summary.unit,
            period=the_summary.period,
            by=request.user,
            comment=form.cleaned_data["comment"],
        ),
    ):
        messages.success(request, _("The summary is published."))
        return redirect("reports:self_monitoring_unit", code=the_summary.unit.code, period=period)
    return _page(request, the_summary, public=False, form=form)


def _public_summary(code: str, period: str) -> Summary:
    four = FourMonths.parse(period)
    unit, _publication = access_published(code=code, period=four)
    return summary(Unit.objects.select_related("service").get(pk=unit.pk), four)


@require_GET
def public_summary(request: HttpRequest, code: str, period: str) -> HttpResponse:
    return _page(request, _public_summary(code, period), public=True)


@require_GET
def public_summary_pdf(request: HttpRequest, code: str, period: str) -> HttpResponse:
    return _pdf(_public_summary(code, period))
