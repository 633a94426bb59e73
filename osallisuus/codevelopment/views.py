"""Pages of co-development: thin views that parse input, call one service or selector, render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.audit.services import record_access
from osallisuus.authorization import permission_required, require
from osallisuus.errors import attempt
from osallisuus.evaluation.selectors import evaluations_of_project
from osallisuus.query_params import page_param

from . import services
from .forms import (
    ColumnForm,
    CommentForm,
    DecisionForm,
    MaterialForm,
    MemberForm,
    MoveNoteForm,
    MoveStageForm,
    NoteEditForm,
    NoteForm,
    OutcomesForm,
    ProjectFilterForm,
    ProjectForm,
    ProposalForm,
    RegistrationForm,
    StageAnswersForm,
    WorkshopForm,
)
from .models import STAGE_ORDER, Member, Note, Project, Registration, Stage, Workshop
from .pdf import project_pdf
from .selectors import (
    access_note,
    access_project,
    access_workshop,
    board_columns,
    group_balance,
    group_of,
    my_votes,
    notes_changed_since,
    project_report,
    projects_for,
    public_project,
    public_projects,
    stage_changes,
    stages_of,
    workshop_calendar,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

# --- Projects --------------------------------------------------------------------------------


@login_required
def project_list(request: SignedInRequest) -> HttpResponse:
    """Projects in the user's scope, filtered by service, stage and year."""
    form = ProjectFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    service = filters.get("service")
    items = projects_for(
        request.user,
        service_id=service.pk if service else None,
        stage=filters.get("stage", ""),
        year=filters.get("year"),
    )
    page = Paginator(items, 25).get_page(page_param(request.GET))
    return render(
        request,
        "codevelopment/project_list.html",
        {
            "form": form,
            "page": page,
            "may_create": request.user.has_perm("codevelopment.add_project"),
        },
    )


@permission_required("codevelopment.add_project")
@require_http_methods(["GET", "POST"])
def project_create(request: SignedInRequest) -> HttpResponse:
    # The feedback inbox links here with ?feedback_codes=<reply code> to start from that item.
    initial = {"feedback_codes": request.GET.get("feedback_codes", "")[:200]}
    form = ProjectForm(request.POST or None, user=request.user, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        holder: dict[str, Project] = {}

        def write() -> None:
            holder["project"] = services.create_project(
                by=request.user,
                title=data["title"],
                target=data["target"],
                service=data["service"],
                units=data["units"],
                feedback=data["feedback_codes"],
                is_public=data["is_public"],
                public_summary=data["public_summary"],
            )

        if attempt(form, write):
            messages.success(request, _("Project created. You are its facilitator."))
            return redirect(holder["project"])
    return render(request, "codevelopment/project_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", project)
    form = ProjectForm(request.POST or None, instance=project, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        if attempt(
            form,
            lambda: services.update_project(
                project=project,
                by=request.user,
                title=data["title"],
                target=data["target"],
                service=data["service"],
                units=data["units"],
                feedback=data["feedback_codes"],
                is_public=data["is_public"],
                public_summary=data["public_summary"],
            ),
        ):
            messages.success(request, _("Project saved."))
            return redirect(project)
    return render(request, "codevelopment/project_form.html", {"form": form, "project": project})


def _project_context(request: HttpRequest, project: Project) -> dict[str, Any]:
    return {
        "project": project,
        "can_manage": request.user.has_perm("codevelopment.manage_project", project),
        "can_decide": request.user.has_perm("codevelopment.decide_project", project),
        "balance": group_balance(project),
    }


@login_required
def project_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    move_form = MoveStageForm(
        user=request.user, initial={"stage": project.stage, "matter": project.matter_id}
    )
    return _project_page(request, project, move_form)


def _project_page(
    request: SignedInRequest, project: Project, move_form: MoveStageForm
) -> HttpResponse:
    context = _project_context(request, project)
    context.update(
        stages=stages_of(project),
        changes=stage_changes(project),
        workshops=project.workshops.all(),
        move_form=move_form,
        evaluations=evaluations_of_project(request.user, project),
        linked_feedback=project.feedback.values_list("reply_code", flat=True)
        if context["can_manage"]
        else [],
    )
    return render(request, "codevelopment/project_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def stage(request: SignedInRequest, pk: int, stage: str) -> HttpResponse:
    """A stage's guiding questions and the group's answers; the facilitator records them."""
    project = access_project(user=request.user, pk=pk)
    if stage not in STAGE_ORDER:
        raise Http404
    view = next(s for s in stages_of(project) if s.value == stage)
    initial = {key: text for key, _q, text in view.questions}
    form = StageAnswersForm(
        request.POST if request.method == "POST" else None, stage=stage, initial_answers=initial
    )
    if request.method == "POST":
        require(request.user, "codevelopment.manage_project", project)
        if form.is_valid() and attempt(
            form,
            lambda: services.save_stage_answers(
                project=project, by=request.user, stage=stage, answers=form.cleaned_data
            ),
        ):
            messages.success(request, _("Answers saved."))
            return redirect("codevelopment:stage", pk=project.pk, stage=stage)
    context = _project_context(request, project)
    context.update(stage=view, form=form, stage_label=Stage(stage).label)
    return render(request, "codevelopment/stage.html", context)


@login_required
@require_POST
def move_stage(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", project)
    form = MoveStageForm(request.POST, user=request.user)
    if form.is_valid() and attempt(
        form,
        lambda: services.move_to_stage(
            project=project,
            by=request.user,
            stage=form.cleaned_data["stage"],
            matter=form.cleaned_data["matter"],
        ),
    ):
        messages.success(request, _("Stage changed."))
        return redirect(project)
    # Refused: the page again, the error beside its field and in the summary; nothing saved.
    return _project_page(request, project, form)


@login_required
@require_http_methods(["GET", "POST"])
def group(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    form = MemberForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        require(request.user, "codevelopment.manage_project", project)
        if form.is_valid() and attempt(
            form,
            lambda: services.add_member(
                project=project,
                by=request.user,
                user=form.cleaned_data["person"],
                role=form.cleaned_data["role"],
            ),
        ):
            messages.success(request, _("Added to the group."))
            return redirect("codevelopment:group", pk=project.pk)
    context = _project_context(request, project)
    context.update(members=group_of(project), form=form)
    return render(request, "codevelopment/group.html", context)


@login_required
@require_POST
def remove_member(request: SignedInRequest, pk: int, member_pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", project)
    member = get_object_or_404(Member, pk=member_pk, project=project)
    services.remove_member(member=member, by=request.user)
    messages.success(request, _("Removed from the group."))
    return redirect("codevelopment:group", pk=project.pk)


def _outcomes_page(request: HttpRequest, project: Project, **bound: forms.BaseForm) -> HttpResponse:
    """The outcomes page with its two forms; `bound` holds the one just posted."""
    context = _project_context(request, project)
    context.update(
        {
            "outcomes_form": OutcomesForm(instance=project),
            "proposal_form": ProposalForm(
                initial={"proposal": project.proposal, "decision_maker": project.decision_maker_id}
            ),
            **bound,
        }
    )
    return render(request, "codevelopment/outcomes.html", context)


@login_required
@require_GET
def outcomes(request: SignedInRequest, pk: int) -> HttpResponse:
    """Solution models, trial plan and criteria, results, and the proposal to a decision maker."""
    return _outcomes_page(request, access_project(user=request.user, pk=pk))


@login_required
@require_POST
def outcomes_save(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", project)
    form = OutcomesForm(request.POST, instance=project)
    if form.is_valid() and attempt(
        form, lambda: services.save_outcomes(project=project, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Outcomes saved."))
        return redirect("codevelopment:outcomes", pk=project.pk)
    return _outcomes_page(request, project, outcomes_form=form)


@login_required
@require_POST
def proposal_send(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", project)
    form = ProposalForm(request.POST)
    if form.is_valid() and attempt(
        form, lambda: services.send_proposal(project=project, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("The proposal was sent to the decision maker."))
        return redirect("codevelopment:outcomes", pk=project.pk)
    return _outcomes_page(request, project, proposal_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def decide(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    require(request.user, "codevelopment.decide_project", project)
    form = DecisionForm(request.POST or None)
    if form.is_valid() and attempt(
        form,
        lambda: services.record_decision(
            project=project,
            by=request.user,
            decision=form.cleaned_data["decision"],
            reasons=form.cleaned_data["reasons"],
        ),
    ):
        messages.success(
            request, _("Decision recorded. The group and the feedback givers are told.")
        )
        return redirect(project)
    context = _project_context(request, project)
    context["form"] = form
    return render(request, "codevelopment/decide.html", context)


@login_required
def report(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    context = _project_context(request, project)
    context.update(report=project_report(project), stages=stages_of(project))
    return render(request, "codevelopment/report.html", context)


@login_required
def report_pdf(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    response = HttpResponse(project_pdf(project), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="project-{project.pk}.pdf"'
    return response


# --- Workshops -------------------------------------------------------------------------------


def _workshop_fields(form: WorkshopForm) -> dict[str, Any]:
    return {k: v for k, v in form.cleaned_data.items() if k != "preset"}


@login_required
@require_http_methods(["GET", "POST"])
def workshop_create(request: SignedInRequest, pk: int) -> HttpResponse:
    project = access_project(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", project)
    form = WorkshopForm(request.POST or None, initial={"preset": "timeline"})
    holder: dict[str, Workshop] = {}
    if form.is_valid():

        def write() -> None:
            holder["workshop"] = services.create_workshop(
                project=project,
                by=request.user,
                preset=form.cleaned_data.get("preset", ""),
                **_workshop_fields(form),
            )

        if attempt(form, write):
            messages.success(request, _("Workshop planned."))
            return redirect(holder["workshop"])
    return render(request, "codevelopment/workshop_form.html", {"form": form, "project": project})


@login_required
@require_http_methods(["GET", "POST"])
def workshop_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", workshop.project)
    form = WorkshopForm(request.POST or None, instance=workshop)
    if form.is_valid() and attempt(
        form,
        lambda: services.update_workshop(
            workshop=workshop, by=request.user, **_workshop_fields(form)
        ),
    ):
        messages.success(request, _("Workshop saved."))
        return redirect(workshop)
    return render(
        request,
        "codevelopment/workshop_form.html",
        {"form": form, "project": workshop.project, "workshop": workshop},
    )


def _workshop_page(
    request: SignedInRequest, workshop: Workshop, **bound: forms.BaseForm
) -> HttpResponse:
    """The workshop page with its forms; `bound` holds the one just posted."""
    project = workshop.project
    managing = request.user.has_perm("codevelopment.manage_project", project)
    own = Registration.objects.filter(workshop=workshop, user=request.user).first()
    registrations = None
    members = None
    if managing:
        registrations = list(workshop.registrations.select_related("user"))
        attended = {r.user_id for r in registrations if r.attended}
        members = [(m, m.user_id in attended) for m in group_of(project)]
        for registration in registrations:
            if registration.accessibility_needs or registration.dietary_needs:
                record_access(actor=request.user, obj=registration, path=request.path)
    context: dict[str, Any] = {
        "workshop": workshop,
        "project": project,
        "can_manage": managing,
        "can_participate": request.user.has_perm("codevelopment.take_part", project),
        "registration": own,
        "registration_form": RegistrationForm(instance=own),
        "material_form": MaterialForm(),
        "registrations": registrations,
        "members": members,
        "materials": workshop.materials.all(),
    }
    context.update(bound)
    return render(request, "codevelopment/workshop_detail.html", context)


@login_required
@require_GET
def workshop_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """The workshop: time, place, agenda, tasks, materials, registration and attendance."""
    return _workshop_page(request, access_workshop(user=request.user, pk=pk))


@login_required
@require_POST
def workshop_register(request: SignedInRequest, pk: int) -> HttpResponse:
    """A group member registers (or updates the registration) with their needs."""
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.take_part", workshop.project)
    own = Registration.objects.filter(workshop=workshop, user=request.user).first()
    form = RegistrationForm(request.POST, instance=own)
    if form.is_valid() and attempt(
        form,
        lambda: services.register(workshop=workshop, user=request.user, **form.cleaned_data),
    ):
        messages.success(request, _("You are registered. Thank you!"))
        return redirect(workshop)
    return _workshop_page(request, workshop, registration_form=form)


@login_required
@require_POST
def workshop_material(request: SignedInRequest, pk: int) -> HttpResponse:
    """Those running the project add a material file to the workshop."""
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", workshop.project)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid() and attempt(
        form,
        lambda: services.add_material(workshop=workshop, by=request.user, **form.cleaned_data),
    ):
        messages.success(request, _("Material added."))
        return redirect(workshop)
    return _workshop_page(request, workshop, material_form=form)


@login_required
@require_POST
def workshop_invite(request: SignedInRequest, pk: int) -> HttpResponse:
    """Send the group the invitation by e-mail."""
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", workshop.project)
    count = services.send_invitations(workshop=workshop, by=request.user)
    messages.success(request, _("Invitations sent: %(count)s.") % {"count": count})
    return redirect(workshop)


@login_required
@require_POST
def workshop_attendance(request: SignedInRequest, pk: int) -> HttpResponse:
    """Record who of the group took part (the ticked members)."""
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", workshop.project)
    present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
    services.record_attendance(workshop=workshop, by=request.user, present_user_ids=present)
    messages.success(request, _("Attendance saved."))
    return redirect(workshop)


@login_required
def workshop_ics(request: SignedInRequest, pk: int) -> HttpResponse:
    workshop = access_workshop(user=request.user, pk=pk)
    response = HttpResponse(
        workshop_calendar(workshop), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="workshop-{workshop.pk}.ics"'
    return response


@login_required
def material(request: SignedInRequest, pk: int, material_pk: int) -> FileResponse:
    workshop = access_workshop(user=request.user, pk=pk)
    item = get_object_or_404(workshop.materials, pk=material_pk)
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=(item.file.name or "").split("/")[-1]
    )


# --- The shared board ------------------------------------------------------------------------


def _board_context(request: SignedInRequest, workshop: Workshop) -> dict[str, Any]:
    project = workshop.project
    votes = my_votes(workshop, request.user)
    columns = board_columns(workshop)
    for column in columns:
        for note in column.notes.all():
            note.mine = votes[note.pk]
    return {
        "workshop": workshop,
        "project": project,
        "cursor": timezone.now().isoformat(),
        "columns": columns,
        "can_manage": request.user.has_perm("codevelopment.manage_project", project),
        "can_participate": request.user.has_perm("codevelopment.take_part", project),
        "my_votes": votes,
        "votes_left": max(0, workshop.votes_per_participant - sum(votes.values())),
    }


def _board_page(request: SignedInRequest, workshop: Workshop, **bound: forms.Form) -> HttpResponse:
    """The board with its forms; `bound` holds the one just posted, with its errors."""
    context = _board_context(request, workshop)
    context.update({"note_form": NoteForm(workshop=workshop), "column_form": ColumnForm(), **bound})
    return render(request, "codevelopment/board.html", context)


def _board_url(workshop: Workshop) -> str:
    return reverse("codevelopment:board", kwargs={"pk": workshop.pk})


@login_required
@require_GET
def board(request: SignedInRequest, pk: int) -> HttpResponse:
    """The board as headings and lists: works without JavaScript, by keyboard and screen reader."""
    return _board_page(request, access_workshop(user=request.user, pk=pk))


@login_required
@require_POST
def board_note(request: SignedInRequest, pk: int) -> HttpResponse:
    """Add a note; the board's script sends it in the background and keeps the writer's place."""
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.take_part", workshop.project)
    form = NoteForm(request.POST, workshop=workshop)
    if form.is_valid() and attempt(
        form, lambda: services.add_note(workshop=workshop, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Note added."))
        return redirect(_board_url(workshop))
    return _board_page(request, workshop, note_form=form)


@login_required
@require_POST
def board_column(request: SignedInRequest, pk: int) -> HttpResponse:
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", workshop.project)
    form = ColumnForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: services.add_column(
            workshop=workshop, by=request.user, title=form.cleaned_data["title"]
        ),
    ):
        messages.success(request, _("Column added."))
        return redirect(_board_url(workshop))
    return _board_page(request, workshop, column_form=form)


@login_required
@require_POST
def board_preset(request: SignedInRequest, pk: int) -> HttpResponse:
    """Ready-made columns after the existing ones, in the facilitator's language."""
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.manage_project", workshop.project)
    services.apply_column_preset(
        workshop=workshop, by=request.user, preset=request.POST.get("preset", "")
    )
    messages.success(request, _("Columns added."))
    return redirect(_board_url(workshop))


def _note_on_board(request: SignedInRequest, pk: int, note_pk: int) -> Note:
    """A note of a board the user takes part in (404 otherwise)."""
    workshop = access_workshop(user=request.user, pk=pk)
    require(request.user, "codevelopment.take_part", workshop.project)
    return access_note(workshop=workshop, pk=note_pk)


def _note_step(
    request: HttpRequest, note: Note, form: forms.Form, write: Callable[[], Any], done: str
) -> HttpResponse:
    """A step on one note: back to the note; a refusal is told above the board."""
    if form.is_valid() and attempt(form, write):
        messages.success(request, done)
        return redirect(f"{_board_url(note.workshop)}#note-{note.pk}")
    for problems in form.errors.values():
        for problem in problems:
            messages.error(request, str(problem))
    return redirect(_board_url(note.workshop))


@login_required
@require_POST
def note_move(request: SignedInRequest, pk: int, note_pk: int) -> HttpResponse:
    note = _note_on_board(request, pk, note_pk)
    form = MoveNoteForm(request.POST, workshop=note.workshop)
    return _note_step(
        request,
        note,
        form,
        lambda: services.move_note(note=note, by=request.user, column=form.cleaned_data["column"]),
        _("Note moved."),
    )


@login_required
@require_POST
def note_vote(request: SignedInRequest, pk: int, note_pk: int) -> HttpResponse:
    """One dot on the note, within the workshop's limit."""
    note = _note_on_board(request, pk, note_pk)
    return _note_step(
        request,
        note,
        forms.Form({}),
        lambda: services.cast_vote(note=note, by=request.user),
        _("Vote saved."),
    )


@login_required
@require_POST
def note_unvote(request: SignedInRequest, pk: int, note_pk: int) -> HttpResponse:
    note = _note_on_board(request, pk, note_pk)
    return _note_step(
        request,
        note,
        forms.Form({}),
        lambda: services.withdraw_vote(note=note, by=request.user),
        _("Vote saved."),
    )


@login_required
@require_POST
def note_comment(request: SignedInRequest, pk: int, note_pk: int) -> HttpResponse:
    note = _note_on_board(request, pk, note_pk)
    form = CommentForm(request.POST)
    return _note_step(
        request,
        note,
        form,
        lambda: services.add_comment(note=note, by=request.user, text=form.cleaned_data["text"]),
        _("Comment added."),
    )


@login_required
@require_GET
def board_changes(request: SignedInRequest, pk: int) -> JsonResponse:
    """Notes changed since the cursor, as ready-made list items; the page polls this."""
    workshop = access_workshop(user=request.user, pk=pk)
    try:
        since: datetime | None = parse_datetime(request.GET.get("since", ""))
    except ValueError:  # well formed but impossible, such as month 13: start from the beginning
        since = None
    cursor = timezone.now()
    context = _board_context(request, workshop)
    notes = []
    for note in notes_changed_since(workshop, since):
        note.mine = context["my_votes"][note.pk]  # type: ignore[attr-defined]
        html = render_to_string(
            "codevelopment/note.html", {**context, "note": note}, request=request
        )
        notes.append(
            {
                "id": note.pk,
                "column": note.column_id,
                "version": note.updated_at.isoformat(),
                "text": note.text,
                "column_title": note.column.title,
                "html": html,
            }
        )
    return JsonResponse(
        {"cursor": cursor.isoformat(), "votes_left": context["votes_left"], "notes": notes}
    )


@login_required
@require_http_methods(["GET", "POST"])
def note_edit(request: SignedInRequest, pk: int, note_pk: int) -> HttpResponse:
    workshop = access_workshop(user=request.user, pk=pk)
    note: Note = access_note(workshop=workshop, pk=note_pk)
    require(request.user, "codevelopment.edit_note", note)
    form = NoteEditForm(request.POST or None, initial={"text": note.text})
    if form.is_valid() and attempt(
        form, lambda: services.edit_note(note=note, by=request.user, text=form.cleaned_data["text"])
    ):
        messages.success(request, _("Note saved."))
        return redirect("codevelopment:board", pk=workshop.pk)
    return render(
        request,
        "codevelopment/note_edit.html",
        {"form": form, "note": note, "workshop": workshop, "project": workshop.project},
    )


# --- Public pages ----------------------------------------------------------------------------


def public_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(public_projects(), 25).get_page(page_param(request.GET))
    return render(request, "codevelopment/public_list.html", {"page": page})


def public(request: HttpRequest, pk: int) -> HttpResponse:
    """The target, the stages passed, the outcome and the decision, in plain language."""
    project = public_project(pk)
    if project is None:
        raise Http404
    return render(
        request, "codevelopment/public.html", {"project": project, "stages": stages_of(project)}
    )
