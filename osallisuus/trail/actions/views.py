"""Action pages: the scoped list, planning one, its page with linked inputs and timeline, its
status steps, and linking inputs chosen in the inbox (works without JavaScript)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.authorization import permission_required, require
from osallisuus.errors import add_to_form
from osallisuus.query_params import page_param

from ..models import Action
from .forms import ActionForm, LinkForm, StatusForm
from .selectors import (
    access_action,
    actions_for,
    linked_inputs,
    parse_refs,
    selected_inputs,
    timeline,
)
from .services import (
    NEXT_STATUSES,
    ActionError,
    change_action_status,
    create_action,
    link_to_action,
    unlink_from_action,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

PAGE_SIZE = 25


def _show(form: forms.Form, error: ActionError) -> None:
    """The service's error beside its field (and so in the summary), or in the summary only."""
    add_to_form(form, error)


def _refs(request: HttpRequest) -> list[tuple[str, int]]:
    source = request.POST if request.method == "POST" else request.GET
    return parse_refs(source.getlist("input"))


@permission_required("trail.view_actions")
@require_GET
def action_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Action.Status.values:
        status = ""
    page = Paginator(actions_for(request.user, status=status), PAGE_SIZE).get_page(
        page_param(request.GET)
    )
    return render(
        request,
        "trail/actions/list.html",
        {
            "page": page,
            "status": status,
            "statuses": Action.Status.choices,
            "may_add": request.user.has_perm("trail.add_action"),
        },
    )


@permission_required("trail.add_action")
@require_http_methods(["GET", "POST"])
def action_create(request: SignedInRequest) -> HttpResponse:
    refs = _refs(request)
    form = ActionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            action = create_action(by=request.user, inputs=refs, **form.as_service_kwargs())
        except ActionError as error:
            _show(form, error)
        else:
            messages.success(request, _("The action is planned."))
            return redirect("actions:detail", pk=action.pk)
    return render(
        request,
        "trail/actions/form.html",
        {"form": form, "selected": selected_inputs(request.user, refs)},
    )


def _detail(
    request: SignedInRequest, action: Action, status_form: StatusForm | None
) -> HttpResponse:
    may_manage = request.user.has_perm("trail.manage_action", action)
    steps = NEXT_STATUSES.get(action.status, ())
    if may_manage and steps and status_form is None:
        status_form = StatusForm(steps=steps)
    return render(
        request,
        "trail/actions/detail.html",
        {
            "action": action,
            "groups": linked_inputs(action, request.user),
            "events": timeline(action),
            "may_manage": may_manage,
            "status_form": status_form if may_manage and steps else None,
        },
    )


@permission_required("trail.view_actions")
@require_GET
def action_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    action = access_action(user=request.user, pk=pk)
    require(request.user, "trail.view_action", action)
    return _detail(request, action, None)


@login_required
@require_POST
def action_status(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request.user, "trail.view_actions")
    action = access_action(user=request.user, pk=pk)
    require(request.user, "trail.manage_action", action)
    form = StatusForm(request.POST, steps=NEXT_STATUSES.get(action.status, ()))
    if form.is_valid():
        try:
            event = change_action_status(
                action=action,
                by=request.user,
                status=form.cleaned_data["status"],
                texts=form.texts(),
                reasons=form.cleaned_data["reasons"],
            )
        except ActionError as error:
            _show(form, error)
            action.refresh_from_db()
        else:
            messages.success(
                request,
                _("Status changed. %(count)s givers were told.") % {"count": event.givers_told},
            )
            return redirect("actions:detail", pk=action.pk)
    return _detail(request, action, form)


@permission_required("trail.add_action")
@require_http_methods(["GET", "POST"])
def action_link(request: SignedInRequest) -> HttpResponse:
    """Inputs chosen with checkboxes in the inbox (or one from its page): to an action."""
    refs = _refs(request)
    form = LinkForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        action = form.cleaned_data["action"]
        try:
            count = link_to_action(action=action, by=request.user, inputs=refs)
        except ActionError as error:
            _show(form, error)
        else:
            messages.success(
                request, _("%(count)s inputs linked to the action.") % {"count": count}
            )
            return redirect("actions:detail", pk=action.pk)
    selected = selected_inputs(request.user, refs)
    query = urlencode([("input", f"{item.kind}:{item.pk}") for item in selected])
    return render(
        request,
        "trail/actions/link.html",
        {
            "form": form,
            "selected": selected,
            "new_url": f"{reverse('actions:create')}?{query}",
        },
    )


@login_required
@require_POST
def action_unlink(request: SignedInRequest, pk: int) -> HttpResponse:
    require(request.user, "trail.view_actions")
    action = access_action(user=request.user, pk=pk)
    require(request.user, "trail.manage_action", action)
    refs = parse_refs(request.POST.getlist("input"))
    for kind, object_id in refs[:1]:
        try:
            unlink_from_action(action=action, by=request.user, kind=kind, pk=object_id)
        except ActionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The input is no longer linked to the action."))
    return redirect("actions:detail", pk=action.pk)
