"""Pages of evaluations under /arviointi/: the list, setting one up, the evaluation with the
evaluator's own assessments, the joint meeting's conclusion and the report (page and PDF).
Thin: parse, call one service or selector, render."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.authorization import permission_required
from osallisuus.codevelopment.selectors import projects_for
from osallisuus.errors import attempt
from osallisuus.organisation.selectors import all_services

from . import selectors, services
from .forms import AssessmentForm, ConclusionForm, EditEvaluationForm, EvaluationForm, NoteForm
from .report import report_pdf

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


@permission_required("evaluation.view_evaluations")
@require_GET
def evaluation_list(request: SignedInRequest) -> HttpResponse:
    found = selectors.evaluations_visible_to(request.user)
    return render(
        request,
        "evaluation/list.html",
        {"evaluations": found, "may_set_up": request.user.has_perm("evaluation.set_up")},
    )


@permission_required("evaluation.set_up")
@require_http_methods(["GET", "POST"])
def evaluation_create(request: SignedInRequest) -> HttpResponse:
    form = EvaluationForm(
        request.POST or None,
        projects=projects_for(request.user),
        services=all_services(),
        people=selectors.evaluator_choices(),
        watchers=selectors.eligible_observers(),
    )
    made: list[Any] = []
    if form.is_valid() and attempt(
        form, lambda: made.append(services.set_up(by=request.user, **form.cleaned_data))
    ):
        messages.success(request, _("The evaluation was set up."))
        return redirect(made[0])
    return render(request, "evaluation/form.html", {"form": form})


@permission_required("evaluation.set_up")
@require_http_methods(["GET", "POST"])
def evaluation_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    """The coordinator edits an open evaluation; criteria lock at the first assessment."""
    evaluation = selectors.access_evaluation(user=request.user, pk=pk)
    if not request.user.has_perm("evaluation.edit", evaluation):
        raise Http404
    form = EditEvaluationForm(
        request.POST or None,
        evaluation=evaluation,
        people=selectors.evaluator_choices(evaluation=evaluation),
        watchers=selectors.observer_choices(evaluation=evaluation),
        locked=selectors.criteria_locked(evaluation),
    )
    if form.is_valid() and attempt(
        form,
        lambda: services.edit(by=request.user, evaluation=evaluation, **form.cleaned_data),
    ):
        messages.success(request, _("The evaluation was saved."))
        return redirect(evaluation)
    return render(request, "evaluation/edit.html", {"form": form, "evaluation": evaluation})


@permission_required("evaluation.view_evaluations")
@require_http_methods(["GET", "POST"])
def evaluation_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """The criteria, the assessments the person may see, and their own assessment form."""
    evaluation = selectors.access_evaluation(user=request.user, pk=pk)
    may_assess = request.user.has_perm("evaluation.assess", evaluation)
    if request.method == "POST" and not may_assess:
        raise Http404
    form = None
    if may_assess:
        form = AssessmentForm(
            request.POST or None,
            criteria=selectors.criteria_of(evaluation),
            own=selectors.own_assessments(evaluation, request.user),
        )
        if form.is_valid() and attempt(
            form,
            lambda: services.assess(by=request.user, evaluation=evaluation, answers=form.answers()),
        ):
            messages.success(request, _("Your assessment was saved."))
            return redirect(evaluation)
    return _evaluation_page(request, evaluation, form=form)


def _evaluation_page(
    request: SignedInRequest,
    evaluation: Any,
    *,
    form: AssessmentForm | None = None,
    note_form: NoteForm | None = None,
) -> HttpResponse:
    may_note = request.user.has_perm("evaluation.file_note", evaluation)
    return render(
        request,
        "evaluation/evaluation.html",
        {
            "evaluation": evaluation,
            "criteria": selectors.criteria_of(evaluation),
            "assessments": selectors.assessments_shown(evaluation, request.user),
            "notes": selectors.notes_shown(evaluation, request.user),
            "note_form": note_form or (NoteForm() if may_note else None),
            "form": form,
            "may_conclude": request.user.has_perm("evaluation.conclude", evaluation),
            "may_edit": request.user.has_perm("evaluation.edit", evaluation),
            "may_read_report": request.user.has_perm("evaluation.read_report", evaluation),
        },
    )


@permission_required("evaluation.view_evaluations")
@require_http_methods(["GET", "POST"])
def evaluation_conclude(request: SignedInRequest, pk: int) -> HttpResponse:
    evaluation = selectors.access_evaluation(user=request.user, pk=pk)
    if not request.user.has_perm("evaluation.conclude", evaluation):
        raise Http404
    form = ConclusionForm(request.POST or None)
    if form.is_valid() and attempt(
        form,
        lambda: services.conclude(by=request.user, evaluation=evaluation, **form.cleaned_data),
    ):
        messages.success(request, _("The conclusion was recorded and the report is ready."))
        return redirect("evaluation:report", pk=evaluation.pk)
    return render(
        request,
        "evaluation/conclude.html",
        {
            "evaluation": evaluation,
            "form": form,
            "summary": selectors.summary(evaluation),
        },
    )


@login_required
@require_POST
def note_create(request: SignedInRequest, pk: int) -> HttpResponse:
    """An observing client files a note; errors show on the evaluation's page."""
    evaluation = selectors.access_evaluation(user=request.user, pk=pk)
    if not request.user.has_perm("evaluation.file_note", evaluation):
        raise Http404
    form = NoteForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: services.file_note(by=request.user, evaluation=evaluation, **form.cleaned_data),
    ):
        messages.success(request, _("Your observation was saved."))
        return redirect(evaluation)
    return _evaluation_page(request, evaluation, note_form=form)


def _concluded(request: SignedInRequest, pk: int) -> Any:
    evaluation = selectors.access_evaluation(user=request.user, pk=pk)
    if not request.user.has_perm("evaluation.read_report", evaluation):
        raise Http404
    return evaluation


@permission_required("evaluation.view_evaluations")
@require_GET
def report(request: SignedInRequest, pk: int) -> HttpResponse:
    evaluation = _concluded(request, pk)
    return render(
        request,
        "evaluation/report.html",
        {
            "evaluation": evaluation,
            "summary": selectors.summary(evaluation),
            "notes": selectors.notes_shown(evaluation, request.user),
        },
    )


@permission_required("evaluation.view_evaluations")
@require_GET
def report_download(request: SignedInRequest, pk: int) -> HttpResponse:
    evaluation = _concluded(request, pk)
    response = HttpResponse(report_pdf(evaluation), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="evaluation-{evaluation.pk}.pdf"'
    return response
