"""Pages of developer groups for coordinators: the list, a new group, and a group's page with
its steps, members, next step and the requests it shares among its members; and a member's
read-only page of their own group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.audit.services import Action, record_bulk_access
from osallisuus.authorization import permission_required
from osallisuus.errors import attempt
from osallisuus.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, download

from . import group_services, selectors
from . import work_report as work_report_module
from .group_forms import GroupForm, ShareForm, StepForm
from .models import DeveloperGroup

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


@require_GET
@permission_required("experts.coordinate_pool")
def group_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.developer_groups(user=request.user)
    return render(request, "experts/groups/list.html", {"groups": groups})


@permission_required("experts.coordinate_pool")
@require_http_methods(["GET", "POST"])
def group_create(request: SignedInRequest) -> HttpResponse:
    form = GroupForm(request.POST or None)
    made: list[DeveloperGroup] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: made.append(group_services.create_group(by=request.user, **form.cleaned_data)),
        )
    ):
        messages.success(request, _("The group is formed."))
        return redirect(made[0])
    return render(request, "experts/groups/form.html", {"form": form})


def _render_group(
    request: HttpRequest,
    group: DeveloperGroup,
    *,
    step_form: StepForm | None = None,
    share_form: ShareForm | None = None,
) -> HttpResponse:
    next_step = group_services.next_step(group)
    return render(
        request,
        "experts/groups/detail.html",
        {
            "group": group,
            "steps": group.steps.select_related("recorded_by").order_by("reached_on", "pk"),
            "members": group.members.select_related("user"),
            "requests": group.requests.order_by("-starts_at"),
            "next_step": next_step,
            "step_form": step_form or (StepForm(next_step=next_step) if next_step else None),
            "share_form": share_form or ShareForm(group=group),
        },
    )


@require_GET
@permission_required("experts.coordinate_pool")
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_group(request, selectors.access_group(user=request.user, pk=pk))


@require_GET
@login_required
def my_group(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's read-only view of their own group: steps, members, contacts, their work."""
    group = selectors.access_own_group(user=request.user, pk=pk)
    return render(
        request,
        "experts/groups/mine.html",
        {
            "group": group,
            "steps": group.steps.order_by("reached_on", "pk"),
            "members": group.members.select_related("user").order_by(
                "user__first_name", "user__last_name", "pk"
            ),
            "work": selectors.own_group_work(group=group, user=request.user),
        },
    )


@permission_required("experts.coordinate_pool")
@require_POST
def group_step(request: SignedInRequest, pk: int) -> HttpResponse:
    group = selectors.access_group(user=request.user, pk=pk)
    form = StepForm(request.POST, next_step=group_services.next_step(group))
    if form.is_valid() and attempt(
        form,
        lambda: group_services.advance_group(group=group, by=request.user, **form.cleaned_data),
    ):
        messages.success(request, _("The group's step is recorded."))
        return redirect(group)
    return _render_group(request, group, step_form=form)


@permission_required("experts.coordinate_pool")
@require_POST
def group_share(request: SignedInRequest, pk: int) -> HttpResponse:
    group = selectors.access_group(user=request.user, pk=pk)
    form = ShareForm(request.POST, group=group)
    if form.is_valid() and attempt(
        form,
        lambda: group_services.give_request_to_group(
            request=form.cleaned_data["request"],
            group=group,
            by=request.user,
            members=form.cleaned_data["members"],
        ),
    ):
        messages.success(request, _("The request is given to the group; the members are invited."))
        return redirect(group)
    return _render_group(request, group, share_form=form)


@require_GET
@permission_required("experts.coordinate_pool")
def work_report(request: SignedInRequest, kind: str, fmt: str) -> HttpResponse:
    """Assignments by type and courses completed, per expert or per group, as CSV or XLSX."""
    if kind not in work_report_module.KINDS or fmt not in ("csv", "xlsx"):
        raise Http404
    rows = work_report_module.rows_of(kind)
    record_bulk_access(
        actor=request.user,
        model_label="experts.expertprofile"
        if kind == "asiantuntijat"
        else "experts.developergroup",
        object_ids=[str(row.pk) for row in rows],
        action=Action.EXPORT,
        path=request.path,
    )
    if fmt == "csv":
        return download(
            filename=f"tyo-{kind}.csv",
            content_type=CSV_CONTENT_TYPE,
            body="\ufeff" + work_report_module.work_csv(kind),
        )
    return download(
        filename=f"tyo-{kind}.xlsx",
        content_type=XLSX_CONTENT_TYPE,
        body=work_report_module.work_xlsx(kind),
    )
