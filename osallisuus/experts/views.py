"""Pages of the pool: self-service for experts, requests for staff, coordination screens."""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.audit.services import Action, record_access, record_bulk_access
from osallisuus.authorization import permission_required, require
from osallisuus.codevelopment import selectors as codevelopment_selectors
from osallisuus.errors import DomainError, add_to_form, attempt
from osallisuus.query_params import page_param, year_param
from osallisuus.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, download

from . import documents, selectors, services
from .fees import LineInput
from .forms import (
    AssignmentFeedbackForm,
    CancelRequestForm,
    ClaimLineFormSet,
    CollectFeedbackForm,
    DecideClaimForm,
    ExpenseFormSet,
    InviteForm,
    MembershipForm,
    PoolFilterForm,
    ProfileForm,
    RequestFilterForm,
    RequestForm,
    TrainingForm,
)
from .models import (
    Assignment,
    AssignmentType,
    Claim,
    ClaimExpense,
    ExpertProfile,
    ExpertRole,
    ProfileStatus,
    TrainingRecord,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


def _own_profile(request: SignedInRequest) -> ExpertProfile:
    profile = selectors.profile_of(request.user)
    if profile is None or profile.erased_at:
        raise Http404
    return profile


def home(request: HttpRequest) -> HttpResponse:
    """What the pool is and how to join."""
    return render(request, "experts/home.html", {"profile": selectors.profile_of(request.user)})


# --- Self-service ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: SignedInRequest) -> HttpResponse:
    if selectors.profile_of(request.user) is not None:
        return redirect("experts:mine")
    form = ProfileForm(
        request.POST or None,
        initial={
            "languages": ["fi"],
            "roles": ["expert"],
            "available_onsite": True,
            "available_remote": True,
        },
    )
    if form.is_valid():
        try:
            services.apply_to_pool(user=request.user, data=form.profile_data())
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Thank you! The coordinator will contact you."))
            return redirect("experts:mine")
    return render(request, "experts/profile_form.html", {"form": form, "applying": True})


@login_required
def mine(request: SignedInRequest) -> HttpResponse:
    """The expert's own page: profile, invitations, assignments, contracts and claims."""
    profile = selectors.profile_of(request.user)
    context: dict[str, Any] = {"profile": profile}
    if profile is not None:
        year = timezone.localdate().year
        context.update(
            invitations=selectors.own_invitations(profile),
            assignments=selectors.own_assignments(profile),
            summary=selectors.yearly_summary(year=year, profile=profile),
            year=year,
            trainings=profile.trainings.all(),
            groups=selectors.own_groups(profile),
        )
    return render(request, "experts/mine.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request: SignedInRequest) -> HttpResponse:
    profile = _own_profile(request)
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_from(profile))
    if form.is_valid():
        try:
            services.update_profile(profile=profile, data=form.profile_data())
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("experts:mine")
    return render(request, "experts/profile_form.html", {"form": form, "applying": False})


@login_required
def my_data_json(request: SignedInRequest) -> HttpResponse:
    profile = _own_profile(request)
    response = HttpResponse(
        json.dumps(selectors.own_data(profile), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="omat-tiedot.json"'
    return response


@login_required
def my_data_pdf(request: SignedInRequest) -> HttpResponse:
    profile = _own_profile(request)
    response = HttpResponse(
        documents.own_data_pdf(selectors.own_data(profile)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="omat-tiedot.pdf"'
    return response


@login_required
def my_yearly_statement(request: SignedInRequest) -> HttpResponse:
    """The expert's own compensation statement for a year (?vuosi=, default this year)."""
    profile = _own_profile(request)
    year = year_param(request.GET)
    rows = selectors.yearly_summary(year=year, profile=profile)
    pdf = documents.yearly_statement_pdf(name=profile.name, year=year, rows=rows)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="korvaukset-{year}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def request_erasure(request: SignedInRequest) -> HttpResponse:
    profile = _own_profile(request)
    if request.method == "POST":
        services.request_erasure(profile=profile)
        messages.success(request, _("Your request was sent. The coordinator confirms it."))
        return redirect("experts:mine")
    return render(request, "experts/erasure.html", {"profile": profile})


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Accept or decline by the link in the e-mail, or from one's own page."""
    invitation = selectors.invitation_by_token(token)
    if request.method == "POST":
        try:
            assignment = services.answer_invitation(
                invitation=invitation, accept=request.POST.get("answer") == "accept"
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            if assignment is not None:
                messages.success(request, _("Thank you! Next, read and sign the contract."))
                if request.user == assignment.profile.user:
                    return redirect(assignment)
            else:
                messages.success(request, _("Thank you for your answer."))
        return redirect(invitation)
    return render(request, "experts/invitation.html", {"invitation": invitation})


# --- Assignments, contracts, claims, feedback ------------------------------------------------


@login_required
@require_GET
def assignment(request: SignedInRequest, pk: int) -> HttpResponse:
    assignment = selectors.access_assignment(user=request.user, pk=pk)
    coordinator = selectors.is_coordinator(request.user)
    own = assignment.profile.user == request.user
    if coordinator and not own:
        record_access(actor=request.user, obj=assignment.profile, path=request.path)
    return render(
        request,
        "experts/assignment.html",
        {
            "assignment": assignment,
            "contract": services.current_contract(assignment),
            "claims": assignment.claims.all() if (own or coordinator) else [],
            "feedback": assignment.feedback.all(),
            "coordinator": coordinator,
            "own": own,
            "feedback_form": AssignmentFeedbackForm(),
            "collecting": assignment.request.assignment_type == AssignmentType.COLLECTOR,
            "collected": selectors.collected_count(assignment),
            "may_collect": request.user.has_perm("experts.collect_feedback", assignment),
        },
    )


def _assignment_step(
    request: HttpRequest, pk: int, step: Callable[[Assignment], object], done: str
) -> HttpResponse:
    """A coordinator's one-button step on an assignment; a refusal is told as a message."""
    assignment = selectors.access_assignment(user=request.user, pk=pk)
    try:
        step(assignment)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(assignment)


@permission_required("experts.coordinate_pool")
@require_POST
def assignment_start(request: SignedInRequest, pk: int) -> HttpResponse:
    """Start the assignment once both have signed the contract."""
    return _assignment_step(
        request,
        pk,
        lambda a: services.start_assignment(assignment=a, by=request.user),
        _("The assignment has started."),
    )


@permission_required("experts.coordinate_pool")
@require_POST
def assignment_finish(request: SignedInRequest, pk: int) -> HttpResponse:
    """Mark a started assignment done."""
    return _assignment_step(
        request,
        pk,
        lambda a: services.finish_assignment(assignment=a, by=request.user),
        _("The assignment is done."),
    )


@permission_required("experts.coordinate_pool")
@require_POST
def assignment_contract(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a new contract version (the old one is superseded)."""
    return _assignment_step(
        request,
        pk,
        lambda a: services.generate_contract(assignment=a),
        _("A new contract version was made."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contract(request: SignedInRequest, pk: int) -> HttpResponse:
    contract = selectors.access_contract(user=request.user, pk=pk)
    if request.method == "POST":
        try:
            services.sign_contract(contract=contract, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("You signed the contract."))
        return redirect(contract)
    if contract.assignment.profile.user != request.user:
        record_access(actor=request.user, obj=contract.assignment.profile, path=request.path)
    language = request.GET.get("kieli", "")
    if language not in contract.sections:
        language = "sv" if (request.LANGUAGE_CODE or "fi").startswith("sv") else "fi"
    user = request.user
    can_sign = not contract.superseded and (
        (user == contract.assignment.profile.user and not contract.expert_signed_at)
        or (selectors.is_coordinator(user) and not contract.coordinator_signed_at)
    )
    return render(
        request,
        "experts/contract.html",
        {
            "contract": contract,
            "sections": contract.sections[language],
            "language": language,
            "can_sign": can_sign,
        },
    )


@login_required
def contract_pdf(request: SignedInRequest, pk: int) -> HttpResponse:
    contract = selectors.access_contract(user=request.user, pk=pk)
    return documents.contract_download(
        contract=contract,
        language=request.GET.get("kieli", ""),
        user=request.user,
        path=request.path,
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_claim(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.access_assignment(user=request.user, pk=pk)
    if assignment.profile.user != request.user:
        raise Http404
    day = timezone.localtime(assignment.request.starts_at).date()
    lines = ClaimLineFormSet(
        request.POST or None,
        prefix="line",
        initial=[{"date": day, "hours": assignment.request.duration_hours}],
    )
    expense_rows = ExpenseFormSet(request.POST or None, request.FILES or None, prefix="expense")
    errors: list[str] = []
    if request.method == "POST" and lines.is_valid() and expense_rows.is_valid():
        expenses = [
            services.ExpenseInput(
                description=row.cleaned_data["description"],
                amount=row.cleaned_data["amount"],
                receipt=row.cleaned_data["receipt"],
            )
            for row in expense_rows
            if row.cleaned_data.get("receipt")
        ]
        try:
            services.submit_claim(
                assignment=assignment,
                by=request.user,
                lines=[LineInput(**form.cleaned_data) for form in lines if form.cleaned_data],
                expenses=expenses,
            )
        except DomainError as error:
            errors = error.messages
        else:
            messages.success(request, _("Your claim was sent."))
            return redirect(assignment)
    if assignment.status not in (Assignment.Status.STARTED, Assignment.Status.DONE):
        errors = errors or [_("You can claim once the assignment has started.")]
    return render(
        request,
        "experts/claim_form.html",
        {"assignment": assignment, "lines": lines, "expenses": expense_rows, "errors": errors},
    )


@login_required
@require_POST
def assignment_feedback(request: SignedInRequest, pk: int) -> HttpResponse:
    assignment = selectors.access_assignment(user=request.user, pk=pk)
    form = AssignmentFeedbackForm(request.POST)
    if form.is_valid():
        services.give_assignment_feedback(
            assignment=assignment, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Thank you for your feedback."))
    else:
        messages.error(request, _("Choose how it went."))
    return redirect(assignment)


@login_required
@require_http_methods(["GET", "POST"])
def collect(request: SignedInRequest, pk: int) -> HttpResponse:
    """The collector's phone form: one client's feedback at a time, into the feedback store."""
    assignment = selectors.access_assignment(user=request.user, pk=pk)
    require(request.user, "experts.collect_feedback", assignment)
    form = CollectFeedbackForm(request.POST or None, initial={"idempotency_key": uuid.uuid4().hex})
    if form.is_valid():
        try:
            feedback = services.collect_feedback(
                assignment=assignment,
                by=request.user,
                data=services.CollectedInput(**form.cleaned_data),
            )
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(
                request,
                _("Feedback sent. The client's reply code is %(code)s.")
                % {"code": feedback.reply_code},
            )
            # Shown once, in large print for the client's slip, on the page redirected to.
            request.session[REPLY_SLIP_KEY] = feedback.reply_code
            return redirect("experts:collect", pk=assignment.pk)
    return render(
        request,
        "experts/collect.html",
        {
            "assignment": assignment,
            "form": form,
            "collected": selectors.collected_count(assignment),
            "reply_code": request.session.pop(REPLY_SLIP_KEY, "") if not form.is_bound else "",
            "api_url": reverse("api:feedback-intake"),
            "queue_key": f"osallisuus-collector-queue:{assignment.pk}",
            "sign_in_url": f"{reverse('accounts:login')}?next={request.path}",
        },
    )


REPLY_SLIP_KEY = "experts_collector_reply_code"


# --- Requests (any staff member) ---------------------------------------------------------------


@permission_required("experts.file_request")
def requests(request: SignedInRequest) -> HttpResponse:
    """Requests, optionally of one type of assignment (?tyyppi=)."""
    form = RequestFilterForm(request.GET or None)
    kind = form.cleaned_data["tyyppi"] if form.is_valid() else ""
    requests = selectors.requests_for(request.user, assignment_type=kind)
    page = Paginator(requests, 25).get_page(page_param(request.GET))
    return render(request, "experts/requests.html", {"page": page, "form": form})


@permission_required("experts.file_request")
@require_http_methods(["GET", "POST"])
def new_request(request: SignedInRequest) -> HttpResponse:
    form = RequestForm(request.POST or None)
    if form.is_valid():
        data = dict(form.cleaned_data)
        areas = data.pop("areas")
        expert_request = services.file_request(by=request.user, areas=areas, **data)
        messages.success(request, _("Your request was sent to the coordinator."))
        return redirect(expert_request)
    return render(request, "experts/request_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def project_request(request: SignedInRequest, project_pk: int) -> HttpResponse:
    """Whoever runs a co-development project asks the pool for group members (#17 item 2)."""
    project = codevelopment_selectors.access_project(user=request.user, pk=project_pk)
    require(request.user, "codevelopment.manage_project", project)
    form = RequestForm(
        request.POST or None,
        initial={
            "topic": project.title,
            "assignment_type": AssignmentType.WORKSHOP,
            "role": ExpertRole.EXPERT,
        },
    )
    if form.is_valid():
        data = dict(form.cleaned_data)
        areas = data.pop("areas")
        expert_request = services.ask_pool_for_project(
            project=project, by=request.user, areas=areas, **data
        )
        messages.success(request, _("Your request was sent to the coordinator."))
        return redirect(expert_request)
    return render(request, "experts/request_form.html", {"form": form, "project": project})


@login_required
@require_http_methods(["GET", "POST"])
def edit_request(request: SignedInRequest, pk: int) -> HttpResponse:
    """The requester or a coordinator changes the request until the work starts."""
    expert_request = selectors.access_request(user=request.user, pk=pk)
    require(request.user, "experts.manage_request", expert_request)
    if not services.open_to_change(expert_request):
        raise Http404
    form = RequestForm(request.POST or None, instance=expert_request)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        areas = data.pop("areas")
        try:
            services.change_request(request=expert_request, by=request.user, areas=areas, **data)
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("The request is saved; the invited are told of changes."))
            return redirect(expert_request)
    return render(request, "experts/request_form.html", {"form": form, "editing": True})


@login_required
def request_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """The requester sees who is coming (name, languages, roles); the coordinator also sees the
    ranked candidates with their reasons, which is a logged view of lived-experience data."""
    expert_request = selectors.access_request(user=request.user, pk=pk)
    context: dict[str, Any] = {
        "expert_request": expert_request,
        "assignments": expert_request.assignments.select_related("profile__user"),
    }
    if request.user.has_perm("experts.manage_request", expert_request) and services.open_to_change(
        expert_request
    ):
        context["cancel_form"] = CancelRequestForm(auto_id="cancel-%s")
        context["can_edit"] = True
    if selectors.is_coordinator(request.user):
        candidates = selectors.candidates_for(expert_request)
        record_bulk_access(
            actor=request.user,
            model_label="experts.expertprofile",
            object_ids=[str(c.profile.pk) for c in candidates],
            action=Action.VIEW,
            path=request.path,
        )
        context["candidates"] = candidates
        context["invitations"] = expert_request.invitations.select_related("profile__user")
    return render(request, "experts/request_detail.html", context)


@permission_required("experts.coordinate_pool")
@require_POST
def invite(request: SignedInRequest, pk: int) -> HttpResponse:
    expert_request = selectors.access_request(user=request.user, pk=pk)
    ids = [c.profile.pk for c in selectors.candidates_for(expert_request) if not c.invited]
    form = InviteForm(request.POST, choices=[(i, str(i)) for i in ids])
    if form.is_valid():
        invited = services.invite(
            request=expert_request,
            profiles=ExpertProfile.objects.filter(pk__in=form.cleaned_data["profiles"]),
            by=request.user,
        )
        messages.success(request, _("%(count)s invitations sent.") % {"count": len(invited)})
    else:
        messages.error(request, _("Choose at least one person to invite."))
    return redirect(expert_request)


# --- Coordination ------------------------------------------------------------------------------


@permission_required("experts.coordinate_pool")
def pool(request: SignedInRequest) -> HttpResponse:
    form = PoolFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.pool(**{k: v for k, v in filters.items() if v})
    page = Paginator(profiles, 50).get_page(page_param(request.GET))
    record_bulk_access(
        actor=request.user,
        model_label="experts.expertprofile",
        object_ids=[str(p.pk) for p in page],
        action=Action.VIEW,
        path=request.path,
    )
    return render(request, "experts/pool.html", {"form": form, "page": page})


@permission_required("experts.coordinate_pool")
def applicants(request: HttpRequest) -> HttpResponse:
    profiles = selectors.pool(status=ProfileStatus.APPLICANT)
    erasures = ExpertProfile.objects.filter(
        erasure_requested_at__isnull=False, erased_at__isnull=True
    ).select_related("user")
    return render(request, "experts/applicants.html", {"profiles": profiles, "erasures": erasures})


def _profile_page(
    request: SignedInRequest, profile: ExpertProfile, **bound: forms.BaseForm
) -> HttpResponse:
    """A person's page for coordinators; `bound` holds the form just posted."""
    record_access(actor=request.user, obj=profile, path=request.path)
    year = timezone.localdate().year
    context: dict[str, Any] = {
        "profile": profile,
        "training_form": TrainingForm(prefix="training"),
        "membership_form": MembershipForm(
            prefix="membership",
            initial={
                "status": profile.status,
                "stage": profile.stage,
                "support_person": profile.support_person,
            },
        ),
        "consent": profile.consents.filter(withdrawn_at__isnull=True).first(),
        "assignments": profile.assignments.select_related("request"),
        "summary": selectors.yearly_summary(year=year, profile=profile),
        "year": year,
    }
    context.update(bound)
    return render(request, "experts/profile.html", context)


@require_GET
@permission_required("experts.coordinate_pool")
def profile(request: SignedInRequest, pk: int) -> HttpResponse:
    return _profile_page(request, selectors.access_profile(user=request.user, pk=pk))


@permission_required("experts.coordinate_pool")
@require_POST
def profile_approve(request: SignedInRequest, pk: int) -> HttpResponse:
    """The applicant joins the pool."""
    profile = selectors.access_profile(user=request.user, pk=pk)
    try:
        services.approve_applicant(profile=profile, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The applicant was approved."))
    return redirect(profile)


@permission_required("experts.coordinate_pool")
@require_POST
def profile_erase(request: SignedInRequest, pk: int) -> HttpResponse:
    """Confirm the person's request to erase their data."""
    profile = selectors.access_profile(user=request.user, pk=pk)
    try:
        services.erase_profile(profile=profile, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(profile)
    messages.success(request, _("The person's data was erased."))
    return redirect("experts:applicants")


@permission_required("experts.coordinate_pool")
@require_POST
def profile_training(request: SignedInRequest, pk: int) -> HttpResponse:
    """Record a training or orientation, with its certificate."""
    profile = selectors.access_profile(user=request.user, pk=pk)
    form = TrainingForm(request.POST, request.FILES, prefix="training")
    if form.is_valid() and attempt(
        form,
        lambda: services.record_training(profile=profile, by=request.user, **form.cleaned_data),
    ):
        messages.success(request, _("The training was recorded."))
        return redirect(profile)
    return _profile_page(request, profile, training_form=form)


@permission_required("experts.coordinate_pool")
@require_POST
def profile_membership(request: SignedInRequest, pk: int) -> HttpResponse:
    """Change the person's status, life-cycle stage and support person."""
    profile = selectors.access_profile(user=request.user, pk=pk)
    form = MembershipForm(request.POST, prefix="membership")
    if form.is_valid() and attempt(
        form,
        lambda: services.update_membership(profile=profile, by=request.user, **form.cleaned_data),
    ):
        messages.success(request, _("Saved."))
        return redirect(profile)
    return _profile_page(request, profile, membership_form=form)


@permission_required("experts.coordinate_pool")
def claims(request: HttpRequest) -> HttpResponse:
    submitted = Claim.objects.filter(status=Claim.Status.SUBMITTED).select_related(
        "assignment__request", "assignment__profile__user"
    )
    return render(
        request,
        "experts/claims.html",
        {"submitted": submitted, "approved": selectors.approved_claims()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def claim_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    claim = selectors.access_claim(user=request.user, pk=pk)
    coordinator = selectors.is_coordinator(request.user)
    form = DecideClaimForm(request.POST or None) if coordinator else None
    if form is not None and form.is_valid():
        try:
            services.decide_claim(
                claim=claim,
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The decision was saved."))
        return redirect("experts:claims")
    if coordinator and claim.assignment.profile.user != request.user:
        record_access(actor=request.user, obj=claim.assignment.profile, path=request.path)
    return render(
        request,
        "experts/claim_detail.html",
        {
            "claim": claim,
            "form": form,
            "lines": claim.lines.all(),
            "expenses": claim.expenses.all(),
        },
    )


def _period(request: HttpRequest) -> tuple[datetime.date | None, datetime.date | None]:
    def parse(value: str | None) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(value or "")
        except ValueError:
            return None

    return parse(request.GET.get("alku")), parse(request.GET.get("loppu"))


def _log_export(request: SignedInRequest, rows: list[selectors.PayrollRow]) -> None:
    record_bulk_access(
        actor=request.user,
        model_label="experts.claim",
        object_ids=[str(r.claim.pk) for r in rows],
        action=Action.EXPORT,
        path=request.path,
    )


@permission_required("experts.coordinate_pool")
def payroll_csv(request: SignedInRequest) -> HttpResponse:
    start, end = _period(request)
    rows = selectors.approved_claims(start=start, end=end)
    _log_export(request, rows)
    return download(
        filename="palkanmaksu.csv",
        content_type=CSV_CONTENT_TYPE,
        body="\ufeff" + documents.payroll_csv(rows),
    )


@permission_required("experts.coordinate_pool")
def payroll_xlsx(request: SignedInRequest) -> HttpResponse:
    start, end = _period(request)
    rows = selectors.approved_claims(start=start, end=end)
    _log_export(request, rows)
    return download(
        filename="palkanmaksu.xlsx",
        content_type=XLSX_CONTENT_TYPE,
        body=documents.payroll_xlsx(rows),
    )


@permission_required("experts.coordinate_pool")
@require_POST
def mark_paid(request: SignedInRequest) -> HttpResponse:
    count = services.mark_claims_paid(
        claims=Claim.objects.filter(status=Claim.Status.APPROVED), by=request.user
    )
    messages.success(request, _("%(count)s claims marked as paid.") % {"count": count})
    return redirect("experts:claims")


@permission_required("experts.coordinate_pool")
def yearly_summary(request: HttpRequest) -> HttpResponse:
    year = year_param(request.GET)
    return render(
        request,
        "experts/yearly_summary.html",
        {"rows": selectors.yearly_summary(year=year), "year": year},
    )


@login_required
@require_POST
def cancel_request(request: SignedInRequest, pk: int) -> HttpResponse:
    """The requester or a coordinator withdraws the request; the invited are told why."""
    expert_request = selectors.access_request(user=request.user, pk=pk)
    form = CancelRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, str(form.errors["reason"][0]))
        return redirect(expert_request)
    try:
        services.cancel_request(
            request=expert_request, by=request.user, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The request is cancelled and the invited have been told."))
    return redirect(expert_request)


@permission_required("experts.coordinate_pool")
@require_POST
def remind(request: SignedInRequest, pk: int) -> HttpResponse:
    expert_request = selectors.access_request(user=request.user, pk=pk)
    count = services.send_reminders(request=expert_request)
    messages.success(request, _("%(count)s reminders sent.") % {"count": count})
    return redirect(expert_request)


@login_required
def receipt(request: SignedInRequest, pk: int) -> FileResponse:
    """A receipt of a claim: the expert's own, or any for coordinators (logged)."""
    claim_ids = [e.claim_id for e in ClaimExpense.objects.filter(pk=pk)]
    if not claim_ids:
        raise Http404
    claim = selectors.access_claim(user=request.user, pk=claim_ids[0])
    expense = ClaimExpense.objects.get(pk=pk)
    if claim.assignment.profile.user != request.user:
        record_access(actor=request.user, obj=claim, path=request.path)
    return FileResponse(expense.receipt.open("rb"), as_attachment=True)


@login_required
def certificate(request: SignedInRequest, pk: int) -> FileResponse:
    """A training certificate: the person's own, or any for coordinators (logged)."""
    record = TrainingRecord.objects.select_related("profile").filter(pk=pk).first()
    if record is None or not record.certificate:
        raise Http404
    own = record.profile.user_id == request.user.pk
    if not own and not selectors.is_coordinator(request.user):
        raise Http404
    if not own:
        record_access(actor=request.user, obj=record.profile, path=request.path)
    return FileResponse(record.certificate.open("rb"), as_attachment=True)
