"""Pages of observation visits under /havainnointi/: templates, visits, findings, the report
and the unit's answers. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.accounts.selectors import units_in_scope
from osallisuus.authorization import permission_required, require
from osallisuus.errors import attempt
from osallisuus.uploads import content_type_of

from . import selectors, services
from .forms import AnswerForm, ChangeForm, FindingForm, RevisionForm, TemplateForm, VisitForm
from .models import Finding, Visit
from .report import report_pdf

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest, User

PAGE_SIZE = 30


@permission_required("observation.view_visits")
@require_GET
def visit_list(request: SignedInRequest) -> HttpResponse:
    """The visits the person may see: their own as an observer, their units' reported ones."""
    found = selectors.visits_visible_to(request.user).order_by("-visit_date", "-pk")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    return render(
        request,
        "observation/list.html",
        {
            "page": page,
            "today": today,
            "overdue": selectors.overdue_findings_for(request.user, today=today),
            "may_plan": request.user.has_perm("observation.plan_visit"),
        },
    )


@permission_required("observation.keep_templates")
@require_http_methods(["GET", "POST"])
def template_list(request: SignedInRequest) -> HttpResponse:
    """The coordinator's templates (newest versions) and a form for a new one."""
    form = TemplateForm(request.POST or None)
    made: list[Any] = []
    if form.is_valid() and attempt(
        form, lambda: made.append(services.create_template(by=request.user, **form.cleaned_data))
    ):
        messages.success(request, _("The template was saved."))
        return redirect(made[0])
    return render(
        request,
        "observation/templates.html",
        {"templates": selectors.current_templates(), "form": form},
    )


@permission_required("observation.keep_templates")
@require_http_methods(["GET", "POST"])
def template_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """One version of a template; saving makes the next version."""
    template = selectors.access_template(pk=pk)
    form = RevisionForm(
        request.POST or None,
        initial={"categories": template.categories, "guidance": template.guidance},
    )
    made: list[Any] = []
    if form.is_valid() and attempt(
        form,
        lambda: made.append(
            services.revise_template(by=request.user, template=template, **form.cleaned_data)
        ),
    ):
        messages.success(request, _("A new version of the template was saved."))
        return redirect(made[0])
    return render(
        request,
        "observation/template.html",
        {
            "template": template,
            "versions": selectors.template_versions(template),
            "form": form,
        },
    )


@permission_required("observation.plan_visit")
@require_http_methods(["GET", "POST"])
def visit_create(request: SignedInRequest) -> HttpResponse:
    form = VisitForm(
        request.POST or None,
        choices={
            "unit": units_in_scope(request.user),
            "template": selectors.current_template_choices(),
            "observers": selectors.eligible_observers(),
            "follow_up_of": selectors.earlier_visits(request.user),
        },
    )
    made: list[Visit] = []
    if form.is_valid() and attempt(
        form, lambda: made.append(services.plan_visit(by=request.user, **form.cleaned_data))
    ):
        messages.success(request, _("The visit was planned."))
        return redirect(made[0])
    return render(request, "observation/visit_form.html", {"form": form})


def _follow_up_rows(visit: Visit, user: User) -> list[tuple[Finding, ChangeForm | None]]:
    rows = []
    for finding in selectors.findings_to_follow_up(visit):
        may = user.has_perm("observation.record_change", finding)
        form = ChangeForm(
            initial={"visit": visit.pk, "change": finding.change}, prefix=f"f{finding.pk}"
        )
        rows.append((finding, form if may else None))
    return rows


@login_required
@require_GET
def visit_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    visit = selectors.access_visit(user=request.user, pk=pk)
    may_write = request.user.has_perm("observation.write_findings", visit)
    return render(
        request,
        "observation/visit.html",
        {
            "visit": visit,
            "findings": selectors.findings_visible_to(request.user).filter(visit=visit),
            "observers": visit.observers.all(),
            "may_write": may_write,
            "may_send": request.user.has_perm("observation.send_report", visit),
            "overdue": selectors.is_overdue(visit, timezone.localdate()),
            "follow_up": _follow_up_rows(visit, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def finding_create(request: SignedInRequest, pk: int) -> HttpResponse:
    visit = selectors.access_visit(user=request.user, pk=pk)
    require(request.user, "observation.write_findings", visit)
    form = FindingForm(
        request.POST or None, request.FILES or None, categories=visit.template.categories
    )
    if form.is_valid() and attempt(
        form,
        lambda: services.add_finding(
            by=request.user, visit=visit, data=services.FindingInput(**form.cleaned_data)
        ),
    ):
        messages.success(request, _("The finding was saved."))
        return redirect(visit)
    return render(request, "observation/finding_form.html", {"visit": visit, "form": form})


@login_required
@require_POST
def report_send(request: SignedInRequest, pk: int) -> HttpResponse:
    visit = selectors.access_visit(user=request.user, pk=pk)
    require(request.user, "observation.send_report", visit)
    services.send_report(by=request.user, visit=visit)
    messages.success(request, _("The report was sent to the unit."))
    return redirect(visit)


@login_required
@require_GET
def report_download(request: SignedInRequest, pk: int) -> HttpResponse:
    visit = selectors.access_visit(user=request.user, pk=pk)
    response = HttpResponse(report_pdf(visit), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="visit-{visit.pk}.pdf"'
    return response


def _finding_page(request: HttpRequest, finding: Finding, form: AnswerForm | None) -> HttpResponse:
    may_answer = finding.status == Finding.Status.OPEN and request.user.has_perm(
        "observation.answer_finding", finding
    )
    may_close = finding.status == Finding.Status.ANSWERED and request.user.has_perm(
        "observation.close_finding", finding
    )
    return render(
        request,
        "observation/finding.html",
        {
            "finding": finding,
            "visit": finding.visit,
            "form": (form or AnswerForm()) if may_answer else None,
            "may_close": may_close,
            "closing_problem": services.closing_problem(finding) if may_close else "",
        },
    )


@login_required
@require_GET
def finding_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    finding = selectors.access_finding(user=request.user, pk=pk)
    return _finding_page(request, finding, None)


@login_required
@require_POST
def finding_answer(request: SignedInRequest, pk: int) -> HttpResponse:
    finding = selectors.access_finding(user=request.user, pk=pk)
    require(request.user, "observation.answer_finding", finding)
    form = AnswerForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: services.answer_finding(by=request.user, finding=finding, **form.cleaned_data),
    ):
        messages.success(request, _("Your answer was saved."))
        return redirect(finding)
    return _finding_page(request, finding, form)


@login_required
@require_POST
def finding_close(request: SignedInRequest, pk: int) -> HttpResponse:
    finding = selectors.access_finding(user=request.user, pk=pk)
    require(request.user, "observation.close_finding", finding)
    try:
        services.close_finding(by=request.user, finding=finding)
    except services.ObservationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The finding was closed."))
    return redirect(finding)


@login_required
@require_POST
def finding_change(request: SignedInRequest, pk: int) -> HttpResponse:
    """An observer of the follow-up visit records whether the finding's matter changed."""
    finding = selectors.access_finding(user=request.user, pk=pk)
    require(request.user, "observation.record_change", finding)
    form = ChangeForm(request.POST, prefix=f"f{finding.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose whether it changed."))
        return redirect(finding)
    visit = selectors.access_visit(user=request.user, pk=form.cleaned_data["visit"])
    try:
        services.record_change(
            by=request.user, finding=finding, visit=visit, change=form.cleaned_data["change"]
        )
    except services.ObservationError as error:
        messages.error(request, error.message)
        return redirect(finding)
    messages.success(request, _("The follow-up was recorded."))
    return redirect(visit)


@login_required
@require_GET
def finding_photo(request: SignedInRequest, pk: int) -> FileResponse:
    """The finding's photo, to those who may see the finding (never a public address)."""
    finding = selectors.access_finding(user=request.user, pk=pk)
    if not finding.photo:
        raise Http404
    return FileResponse(finding.photo.open("rb"), content_type=content_type_of(finding.photo))
