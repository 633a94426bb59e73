"""Course pages: the catalogue, a course with its sessions and enrolments, attendance, the
certificate and course feedback. Thin: scope, call one service or selector, render."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.authorization import permission_required, require
from osallisuus.errors import DomainError, attempt

from . import selectors, services
from .certificates import certificate_pdf
from .forms import AttendanceForm, CourseFeedbackForm, CourseForm, SessionForm
from .models import Audience, Course, Enrolment

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


@permission_required("training.view_catalogue")
@require_GET
def course_list(request: SignedInRequest) -> HttpResponse:
    audience = request.GET.get("kohderyhma", "")
    if audience not in Audience.values:
        audience = ""
    return render(
        request,
        "training/list.html",
        {
            "courses": selectors.catalogue(audience=audience),
            "audiences": Audience.choices,
            "audience": audience,
            "mine": selectors.own_enrolments(request.user),
            "may_manage": request.user.has_perm("training.manage_courses"),
        },
    )


@permission_required("training.manage_courses")
@require_http_methods(["GET", "POST"])
def course_create(request: SignedInRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    made: list[Course] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: made.append(
                services.create_course(by=request.user, **form.as_service_kwargs())
            ),
        )
    ):
        messages.success(request, _("The course is in the catalogue. Add its sessions."))
        return redirect(made[0])
    return render(request, "training/course_form.html", {"form": form})


@permission_required("training.view_catalogue")
@require_GET
def course_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    course = selectors.access_course(user=request.user, pk=pk)
    own = selectors.own_enrolment(user=request.user, course=course)
    may_manage = request.user.has_perm("training.manage_courses")
    return render(
        request,
        "training/course.html",
        {
            "course": course,
            "sessions": course.sessions.all(),
            "own": own,
            "position": selectors.waiting_position(own) if own else None,
            "may_enrol": own is None
            or own.status in (Enrolment.Status.CANCELLED, Enrolment.Status.DECLINED),
            "may_manage": may_manage,
            "roster": selectors.roster(course) if may_manage else None,
        },
    )


@permission_required("training.enrol")
@require_POST
def course_enrol(request: SignedInRequest, pk: int) -> HttpResponse:
    course = selectors.access_course(user=request.user, pk=pk)
    try:
        services.enrol(course=course, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have enrolled. The coordinator confirms your place."))
    return redirect(course)


@permission_required("training.manage_courses")
@require_http_methods(["GET", "POST"])
def session_add(request: SignedInRequest, pk: int) -> HttpResponse:
    course = selectors.access_course(user=request.user, pk=pk)
    form = SessionForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.add_session(course=course, by=request.user, **form.cleaned_data),
        )
    ):
        messages.success(request, _("The session is added."))
        return redirect(course)
    return render(request, "training/session_form.html", {"form": form, "course": course})


@permission_required("training.manage_courses")
@require_http_methods(["GET", "POST"])
def session_attendance(request: SignedInRequest, pk: int) -> HttpResponse:
    session = selectors.access_session(user=request.user, pk=pk)
    form = AttendanceForm(
        request.POST or None,
        holders=selectors.place_holders(session.course),
        initial={"present": selectors.attendees(session)},
    )
    done: list[list[Enrolment]] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: done.append(
                services.mark_attendance(
                    session=session, by=request.user, present=form.cleaned_data["present"]
                )
            ),
        )
    ):
        messages.success(
            request,
            _("Attendance is saved. Completed the course now: %(count)s.")
            % {"count": len(done[0])},
        )
        return redirect(session.course)
    return render(request, "training/attendance.html", {"form": form, "session": session})


@permission_required("training.manage_courses")
@require_POST
def enrolment_approve(request: SignedInRequest, pk: int) -> HttpResponse:
    """Confirm a place; on a full course the person goes on the waiting list."""
    enrolment = selectors.access_enrolment(user=request.user, pk=pk)
    try:
        decided = services.approve_enrolment(enrolment=enrolment, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if decided.status == Enrolment.Status.WAITING:
            messages.success(request, _("The course is full: the person is on the waiting list."))
        else:
            messages.success(request, _("The place is confirmed."))
    return redirect(enrolment.course)


@permission_required("training.manage_courses")
@require_POST
def enrolment_decline(request: SignedInRequest, pk: int) -> HttpResponse:
    """Decline a request for a place."""
    enrolment = selectors.access_enrolment(user=request.user, pk=pk)
    try:
        services.decline_enrolment(enrolment=enrolment, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The enrolment is declined."))
    return redirect(enrolment.course)


@permission_required("training.view_catalogue")
@require_POST
def enrolment_cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    enrolment = selectors.access_enrolment(user=request.user, pk=pk)
    require(request.user, "training.cancel_enrolment", enrolment)
    try:
        services.cancel_enrolment(enrolment=enrolment, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The enrolment is cancelled."))
    return redirect(enrolment.course)


@permission_required("training.view_catalogue")
@require_GET
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = selectors.access_enrolment(user=request.user, pk=pk)
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise Http404
    response = HttpResponse(
        certificate_pdf(enrolment, attended=enrolment.attendance.count()),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="todistus-{enrolment.pk}.pdf"'
    return response


@permission_required("training.view_catalogue")
@require_http_methods(["GET", "POST"])
def course_feedback(request: SignedInRequest, pk: int) -> HttpResponse:
    enrolment = selectors.access_enrolment(user=request.user, pk=pk)
    require(request.user, "training.give_course_feedback", enrolment)
    question_set = enrolment.course.question_set
    if question_set is None:
        raise Http404
    form = CourseFeedbackForm(
        request.POST or None,
        questions=list(question_set.questions.all()),
        language=(get_language() or "fi")[:2],
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.give_course_feedback(
                enrolment=enrolment, by=request.user, answers=form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Thank you for your feedback."))
        return redirect(enrolment.course)
    return render(request, "training/feedback.html", {"form": form, "enrolment": enrolment})
