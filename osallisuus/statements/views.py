"""Pages of statements under /lausunnot/: the list, asking, flagging, and one request's page
with the statement and how it was taken into account."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.authorization import permission_required, require
from osallisuus.dialogue.selectors import public_groups
from osallisuus.errors import attempt
from osallisuus.trail.matters.selectors import matters_for

from . import selectors, services
from .forms import ConsiderForm, FlagForm, RequestForm, SubmitForm
from .models import RequestStatus, StatementRequest
from .permissions import flagging_groups_of

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

PAGE_SIZE = 30


@require_GET
def statement_list(request: HttpRequest) -> HttpResponse:
    """Public statements for everyone; the requests of one's matters and groups when signed in."""
    user = request.user
    found = selectors.requests_visible_to(user).order_by("-requested_at", "-pk")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "statements/list.html",
        {
            "page": page,
            "today": timezone.localdate(),
            "waiting": selectors.waiting_for_answer(user) if user.is_authenticated else [],
            "may_request": user.has_perm("statements.request"),
            "may_flag": user.has_perm("statements.flag"),
        },
    )


def _undecided(matters: Any) -> Any:
    return matters.filter(decision__isnull=True)


@permission_required("statements.request")
@require_http_methods(["GET", "POST"])
def request_create(request: SignedInRequest) -> HttpResponse:
    """The preparer asks a body or group for a statement on one of their matters."""
    form = RequestForm(
        request.POST or None,
        initial={"matter": request.GET.get("matter")},
        choices={"matter": _undecided(matters_for(request.user)), "group": public_groups()},
    )
    made: list[StatementRequest] = []
    if form.is_valid() and attempt(
        form,
        lambda: made.append(services.request_statement(by=request.user, **form.cleaned_data)),
    ):
        messages.success(request, _("The statement was asked for."))
        return redirect(made[0])
    return render(request, "statements/request_form.html", {"form": form})


@permission_required("statements.flag")
@require_http_methods(["GET", "POST"])
def flag(request: SignedInRequest) -> HttpResponse:
    """An influence body's secretary or chair flags a matter that concerns its group."""
    form = FlagForm(
        request.POST or None,
        choices={"group": flagging_groups_of(request.user), "matter": selectors.matters_to_flag()},
    )
    made: list[StatementRequest] = []
    if form.is_valid() and attempt(
        form, lambda: made.append(services.flag_matter(by=request.user, **form.cleaned_data))
    ):
        messages.success(request, _("The matter is flagged. The preparer has been told."))
        return redirect(made[0])
    return render(request, "statements/flag_form.html", {"form": form})


def _submit_form(statement: StatementRequest, data: Any = None) -> SubmitForm:
    meetings = statement.group.meetings.order_by("-starts_at")
    return SubmitForm(data, choices={"meeting": meetings})


def _page(request: HttpRequest, statement: StatementRequest, **forms: Any) -> HttpResponse:
    user = request.user
    context = {
        "statement": statement,
        "overdue": selectors.is_overdue(statement),
        "may_submit": statement.status == RequestStatus.REQUESTED
        and user.has_perm("statements.submit", statement),
        "may_consider": statement.status == RequestStatus.SUBMITTED
        and user.has_perm("statements.consider", statement),
        "submit_form": forms.get("submit_form") or _submit_form(statement),
        "consider_form": forms.get("consider_form") or ConsiderForm(),
    }
    return render(request, "statements/detail.html", context)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, selectors.access_request(user=request.user, pk=pk))


@login_required
@require_POST
def submit(request: SignedInRequest, pk: int) -> HttpResponse:
    """The asked group's secretary records the approved statement and submits it."""
    statement = selectors.access_request(user=request.user, pk=pk)
    require(request.user, "statements.submit", statement)
    form = _submit_form(statement, request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: services.submit_statement(by=request.user, request=statement, **form.cleaned_data),
    ):
        messages.success(request, _("The statement was submitted. The preparer has been told."))
        return redirect(statement)
    return _page(request, statement, submit_form=form)


@login_required
@require_POST
def consider(request: SignedInRequest, pk: int) -> HttpResponse:
    """The matter's preparer or decision maker records how the statement was taken into
    account; the body is told."""
    statement = selectors.access_request(user=request.user, pk=pk)
    require(request.user, "statements.consider", statement)
    form = ConsiderForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: services.consider_statement(
            by=request.user, request=statement, text=form.cleaned_data["consideration"]
        ),
    ):
        messages.success(request, _("Recorded. The body has been told."))
        return redirect(statement)
    return _page(request, statement, consider_form=form)
