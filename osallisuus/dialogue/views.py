"""Pages of the dialogue floor under /ryhmat/: the public group list and pages, and the pages
of those who run a group (members, meetings, minutes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.authorization import permission_required, require
from osallisuus.errors import DomainError, attempt
from osallisuus.organisation.selectors import current_organiser
from osallisuus.plain_pdf import plain_pdf

from . import selectors, services
from .forms import (
    AnnualReportForm,
    AnswerForm,
    CloseForm,
    DrawForm,
    GroupForm,
    InfluenceForm,
    InitiativeAnswerForm,
    InitiativeForm,
    MeetingForm,
    MeetingRuleForm,
    MemberForm,
    MinutesForm,
    PostForm,
    QuestionForm,
    TakeUpForm,
    VolunteerForm,
)
from .models import (
    LANGUAGE_KINDS,
    STATUTORY_KINDS,
    Group,
    GroupKind,
    Initiative,
    InitiativeStatus,
    Meeting,
    Question,
    QuestionStatus,
)
from .permissions import units_for_questions
from .selectors import (
    access_group,
    access_initiative,
    access_meeting,
    access_question,
    coming_meetings,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


@require_GET
def group_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in GroupKind.values:
        kind = ""
    return render(
        request,
        "dialogue/group_list.html",
        {
            "groups": selectors.public_groups(kind=kind),
            "kinds": GroupKind.choices,
            "kind": kind,
            "may_add": request.user.has_perm("dialogue.add_group"),
        },
    )


@require_GET
def influence_bodies(request: HttpRequest) -> HttpResponse:
    """The county's statutory influence bodies (Act 611/2021 §§ 32–33) at a glance: which exist,
    which are missing or out of term, and municipalities without a member. Public: it names
    bodies and municipalities, never members."""
    organiser = current_organiser()
    return render(
        request,
        "dialogue/influence_bodies.html",
        {
            "organiser": organiser,
            "kinds": selectors.influence_body_overview(
                organiser=organiser, today=timezone.localdate()
            )
            if organiser is not None
            else [],
            "may_add": request.user.has_perm("dialogue.add_group"),
        },
    )


@require_GET
def group(request: HttpRequest, pk: int) -> HttpResponse:
    group = access_group(pk=pk)
    drafts = request.user.has_perm("dialogue.see_drafts", group)
    influence_body = group.kind in (*STATUTORY_KINDS, *LANGUAGE_KINDS)
    return render(
        request,
        "dialogue/group.html",
        {
            "group": group,
            "members": selectors.member_list(group, drafts=drafts),
            "members_only": group.kind == GroupKind.EXPERTISE_NETWORK,
            "composition": selectors.composition(group),
            "meetings": group.meetings.all(),
            "drafts": drafts,
            "runs": request.user.has_perm("dialogue.run_group", group),
            "may_ask": request.user.has_perm("dialogue.ask_question", group),
            "questions": selectors.questions_visible_to(request.user).filter(group=group),
            "may_raise": request.user.has_perm("dialogue.raise_initiative", group),
            "initiatives": selectors.initiatives_visible_to(request.user).filter(group=group),
            "influence_body": influence_body,
            "reports": group.annual_reports.all() if group.kind in LANGUAGE_KINDS else None,
            "body_state": selectors.body_state(group, today=timezone.localdate())
            if influence_body
            else None,
        },
    )


@permission_required("dialogue.add_group")
@require_http_methods(["GET", "POST"])
def group_create(request: SignedInRequest) -> HttpResponse:
    # The influence-body overview links here with the missing kind chosen.
    kind = request.GET.get("kind", "")
    form = GroupForm(
        request.POST or None, initial={"kind": kind} if kind in GroupKind.values else {}
    )
    organiser = current_organiser()
    if form.is_valid() and organiser is not None:
        made: list[Group] = []
        if attempt(
            form,
            lambda: made.append(
                services.create_group(by=request.user, organiser=organiser, **form.cleaned_data)
            ),
        ):
            messages.success(request, _("Group created."))
            return redirect(made[0])
    return render(request, "dialogue/group_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def members(request: SignedInRequest, pk: int) -> HttpResponse:
    """Those who run the group see every member with contact details (audit-logged) and add
    members."""
    group = access_group(pk=pk)
    require(request.user, "dialogue.view_contacts", group)
    form = MemberForm(request.POST or None)
    if form.is_valid():
        data = dict(form.cleaned_data)
        username = data.pop("username")
        data.pop("publish")
        user = selectors.account_by_username(username) if username else None
        if username and user is None:
            form.add_error("username", _("No account has this user name."))
        elif attempt(
            form,
            lambda: services.add_member(
                by=request.user, group=group, publish_name=form.publish_name(), user=user, **data
            ),
        ):
            messages.success(request, _("Member added."))
            return redirect("dialogue:members", pk=group.pk)
    return render(
        request,
        "dialogue/members.html",
        {
            "group": group,
            "form": form,
            "members": selectors.member_contacts(by=request.user, group=group, path=request.path),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: SignedInRequest, pk: int) -> HttpResponse:
    group = access_group(pk=pk)
    require(request.user, "dialogue.run_group", group)
    form = MeetingForm(request.POST or None)
    if form.is_valid():
        made: list[Meeting] = []
        if attempt(
            form,
            lambda: made.append(
                services.schedule_meeting(by=request.user, group=group, **form.cleaned_data)
            ),
        ):
            messages.success(request, _("Meeting added."))
            return redirect(made[0])
    return render(request, "dialogue/meeting_form.html", {"group": group, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_rule_create(request: SignedInRequest, pk: int) -> HttpResponse:
    """Set how often the group meets; the coming meetings are planned at once as drafts."""
    group = access_group(pk=pk)
    require(request.user, "dialogue.run_group", group)
    form = MeetingRuleForm(request.POST or None)
    if form.is_valid() and attempt(
        form, lambda: services.add_meeting_rule(by=request.user, group=group, **form.cleaned_data)
    ):
        planned = services.plan_meetings(today=timezone.localdate())
        messages.success(
            request,
            ngettext(
                "The rule is saved; %(count)s coming meeting was planned as a draft.",
                "The rule is saved; %(count)s coming meetings were planned as drafts.",
                len(planned),
            )
            % {"count": len(planned)},
        )
        return redirect(group)
    return render(request, "dialogue/meeting_rule_form.html", {"group": group, "form": form})


@require_GET
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access_meeting(pk=pk)
    group = meeting.group
    drafts = request.user.has_perm("dialogue.see_drafts", group)
    runs = request.user.has_perm("dialogue.run_group", group)
    return render(
        request,
        "dialogue/meeting.html",
        {
            "meeting": meeting,
            "group": group,
            "show_agenda": meeting.agenda_published or drafts,
            "drafts": drafts,
            "runs": runs,
            "ask_influence": request.user.has_perm("dialogue.answer_influence", group)
            and meeting.starts_at <= timezone.now(),
            "influence_form": InfluenceForm(),
            "influence": selectors.influence_summary(meeting) if runs else None,
            "attendance": meeting.attendance.select_related("member").filter(present=True)
            if meeting.minutes_approved_at
            else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access_meeting(pk=pk)
    require(request.user, "dialogue.run_group", meeting.group)
    seats = selectors.current_members(meeting.group).order_by("name")
    initial = {
        "minutes": meeting.minutes,
        "present": [a.member_id for a in meeting.attendance.filter(present=True)],
    }
    form = MinutesForm(request.POST or None, members=seats, initial=initial)
    if form.is_valid() and attempt(
        form,
        lambda: services.record_minutes(by=request.user, meeting=meeting, **form.cleaned_data),
    ):
        messages.success(request, _("Minutes saved."))
        return redirect(meeting)
    return render(request, "dialogue/minutes_form.html", {"meeting": meeting, "form": form})


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Approved minutes as a PDF, for anyone; drafts are not published."""
    meeting = access_meeting(pk=pk)
    if meeting.minutes_approved_at is None:
        raise Http404
    present = ", ".join(
        a.member.name if a.member.publish_name else _("a member")
        for a in meeting.attendance.select_related("member").filter(present=True)
    )
    pdf = plain_pdf(
        str(meeting.group),
        [
            (
                _("Meeting"),
                f"{timezone.localtime(meeting.starts_at):%d.%m.%Y %H:%M} {meeting.place}",
            ),
            (_("Present"), present),
            (_("Minutes"), meeting.minutes),
        ],
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="poytakirja-{meeting.pk}.pdf"'
    return response


# --- Questions from professionals (#16 item 2) -------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request: SignedInRequest, pk: int) -> HttpResponse:
    group = access_group(pk=pk)
    require(request.user, "dialogue.ask_question", group)
    form = QuestionForm(request.POST or None, units=units_for_questions(request.user, group))
    if form.is_valid():
        made: list[Question] = []
        if attempt(
            form,
            lambda: made.append(
                services.ask_question(by=request.user, group=group, **form.cleaned_data)
            ),
        ):
            messages.success(request, _("Question sent to the panel."))
            return redirect(made[0])
    return render(request, "dialogue/question_form.html", {"group": group, "form": form})


def _question_page(request: HttpRequest, question: Question, **forms: object) -> HttpResponse:
    user = request.user
    group = question.group
    context = {
        "question": question,
        "group": group,
        "posts": question.posts.select_related("member"),
        "may_post": user.has_perm("dialogue.discuss_question", question)
        and question.status in (QuestionStatus.ONLINE, QuestionStatus.ON_AGENDA),
        "handles": user.has_perm("dialogue.handle_question", question),
        "may_close": user.has_perm("dialogue.close_question", question)
        and question.status == QuestionStatus.ANSWERED,
        "post_form": PostForm(),
        "take_up_form": TakeUpForm(meetings=coming_meetings(group)),
        "answer_form": AnswerForm(),
        "close_form": CloseForm(),
        **forms,
    }
    return render(request, "dialogue/question.html", context, status=200)


@login_required
@require_GET
def question(request: SignedInRequest, pk: int) -> HttpResponse:
    question = access_question(user=request.user, pk=pk)
    require(request.user, "dialogue.view_question", question)
    return _question_page(request, question)


def _question_step(
    request: SignedInRequest, pk: int, form: Any, step: Any, name: str
) -> HttpResponse:
    question = access_question(user=request.user, pk=pk)
    if form.is_valid() and attempt(form, lambda: step(question, form.cleaned_data)):
        messages.success(request, _("Saved."))
        return redirect(question)
    return _question_page(request, question, **{name: form})


@login_required
@require_POST
def question_post(request: SignedInRequest, pk: int) -> HttpResponse:
    return _question_step(
        request,
        pk,
        PostForm(request.POST),
        lambda q, data: services.post_view(by=request.user, question=q, **data),
        "post_form",
    )


@login_required
@require_POST
def question_take_up(request: SignedInRequest, pk: int) -> HttpResponse:
    question = access_question(user=request.user, pk=pk)
    require(request.user, "dialogue.handle_question", question)
    return _question_step(
        request,
        pk,
        TakeUpForm(request.POST, meetings=coming_meetings(question.group)),
        lambda q, data: services.take_up_question(by=request.user, question=q, **data),
        "take_up_form",
    )


@login_required
@require_POST
def question_answer(request: SignedInRequest, pk: int) -> HttpResponse:
    question = access_question(user=request.user, pk=pk)
    require(request.user, "dialogue.handle_question", question)
    return _question_step(
        request,
        pk,
        AnswerForm(request.POST),
        lambda q, data: services.answer_question(by=request.user, question=q, **data),
        "answer_form",
    )


@login_required
@require_POST
def question_close(request: SignedInRequest, pk: int) -> HttpResponse:
    question = access_question(user=request.user, pk=pk)
    require(request.user, "dialogue.close_question", question)
    return _question_step(
        request,
        pk,
        CloseForm(request.POST),
        lambda q, data: services.close_question(by=request.user, question=q, **data),
        "close_form",
    )


@login_required
@require_POST
def influence(request: SignedInRequest, pk: int) -> HttpResponse:
    """A member answers "Did you feel your views had an effect?" after a meeting."""
    meeting = access_meeting(pk=pk)
    require(request.user, "dialogue.answer_influence", meeting.group)
    form = InfluenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an answer."))
        return redirect(meeting)
    try:
        services.answer_influence(
            by=request.user, meeting=meeting, answer=form.cleaned_data["answer"]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you. Your answer is kept without your name."))
    return redirect(meeting)


# --- The panel's own initiatives to a service (#16 item 2) -------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def initiative_create(request: SignedInRequest, pk: int) -> HttpResponse:
    group = access_group(pk=pk)
    require(request.user, "dialogue.raise_initiative", group)
    form = InitiativeForm(
        request.POST or None, initial={"service": group.service_id} if group.service_id else {}
    )
    if form.is_valid():
        made: list[Initiative] = []
        if attempt(
            form,
            lambda: made.append(
                services.raise_initiative(by=request.user, group=group, **form.cleaned_data)
            ),
        ):
            messages.success(request, _("The initiative was sent to the service."))
            return redirect(made[0])
    return render(request, "dialogue/initiative_form.html", {"group": group, "form": form})


def _initiative_page(
    request: HttpRequest, initiative: Initiative, form: InitiativeAnswerForm | None = None
) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "dialogue/initiative.html",
        {
            "initiative": initiative,
            "group": initiative.group,
            "overdue": initiative.is_overdue(today),
            "may_answer": request.user.has_perm("dialogue.answer_initiative", initiative)
            and initiative.status == InitiativeStatus.SENT,
            "answer_form": form or InitiativeAnswerForm(),
        },
    )


@login_required
@require_GET
def initiative(request: SignedInRequest, pk: int) -> HttpResponse:
    found = access_initiative(user=request.user, pk=pk)
    require(request.user, "dialogue.view_initiative", found)
    return _initiative_page(request, found)


@login_required
@require_POST
def initiative_answer(request: SignedInRequest, pk: int) -> HttpResponse:
    found = access_initiative(user=request.user, pk=pk)
    require(request.user, "dialogue.answer_initiative", found)
    form = InitiativeAnswerForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: services.answer_initiative(
            by=request.user, initiative=found, answer=form.cleaned_data["answer"]
        ),
    ):
        messages.success(request, _("The answer was sent to the panel."))
        return redirect(found)
    return _initiative_page(request, found, form)


# --- Resident panels drawn by lot (#16 item 2) --------------------------------------------------


def _lot_group(pk: int) -> Group:
    group = access_group(pk=pk)
    if not group.drawn_by_lot:
        raise Http404
    return group


@require_GET
def draws(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: the draws of the panel with their seeds, strata and method, so that anyone can
    repeat them; volunteers appear by number and stratum only."""
    group = _lot_group(pk)
    return render(
        request,
        "dialogue/draws.html",
        {
            "group": group,
            "draws": selectors.public_draws(group),
            "volunteers": selectors.volunteer_count(group),
            "volunteered": selectors.has_volunteered(request.user, group),
            "runs": request.user.has_perm("dialogue.run_group", group),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def volunteer(request: SignedInRequest, pk: int) -> HttpResponse:
    group = _lot_group(pk)
    form = VolunteerForm(
        request.POST or None,
        municipalities=group.organiser.municipalities.order_by("name_fi"),
        initial={"language": getattr(request.user, "preferred_language", "") or "fi"},
    )
    if form.is_valid() and attempt(
        form, lambda: services.volunteer(by=request.user, group=group, **form.cleaned_data)
    ):
        messages.success(request, _("You are signed up for the draw."))
        return redirect("dialogue:draws", pk=group.pk)
    return render(
        request,
        "dialogue/volunteer.html",
        {
            "group": group,
            "form": form,
            "volunteered": selectors.has_volunteered(request.user, group),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def draw_create(request: SignedInRequest, pk: int) -> HttpResponse:
    import secrets

    group = _lot_group(pk)
    require(request.user, "dialogue.run_group", group)
    form = DrawForm(request.POST or None, initial={"seed": str(secrets.randbelow(10**9))})
    if form.is_valid() and attempt(
        form, lambda: services.draw_members(by=request.user, group=group, **form.cleaned_data)
    ):
        messages.success(request, _("Members drawn. The draw is published with its seed."))
        return redirect("dialogue:draws", pk=group.pk)
    return render(
        request,
        "dialogue/draw_form.html",
        {"group": group, "form": form, "volunteers": len(selectors.draw_list(group))},
    )


# --- Language committees' annual reports (#16 item 4, Act 611/2021 § 33) ------------------------


@login_required
@require_http_methods(["GET", "POST"])
def annual_reports(request: SignedInRequest, pk: int) -> HttpResponse:
    """The committee's secretary or a coordinator records when the report to the board is due
    and when it was submitted."""
    group = access_group(pk=pk)
    if group.kind not in LANGUAGE_KINDS:
        raise Http404
    require(request.user, "dialogue.run_group", group)
    form = AnnualReportForm(request.POST or None)
    if form.is_valid() and attempt(
        form,
        lambda: services.record_annual_report(by=request.user, group=group, **form.cleaned_data),
    ):
        messages.success(request, _("Saved."))
        return redirect("dialogue:annual_reports", pk=group.pk)
    return render(
        request,
        "dialogue/annual_reports.html",
        {
            "group": group,
            "form": form,
            "reports": group.annual_reports.all(),
            "today": timezone.localdate(),
        },
    )
