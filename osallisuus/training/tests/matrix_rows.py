"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Anyone signed in reads the catalogue and enrols; coordinators run courses. In the matrix's
world the expert (role "expert") completed one course (certificate, feedback) and holds a place
on another, where the staff member (role "staff") waits for approval; "expert_other" is
another person of the same role, who gets 404 for the expert's enrolment.
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import (
    ADMIN,
    ANON,
    COORD,
    DECIDER,
    EXPERT,
    EXPERT_OTHER,
    MANAGER,
    RESIDENT,
    SIGNED_IN,
    STAFF,
    Row,
    Write,
    only,
    post_only,
    signed_in_only,
    snapshot,
)


def build_shared(world: Any) -> dict[str, Any]:
    from osallisuus.training import services
    from osallisuus.training.tests.factories import course_feedback_set, make_course

    users = world.users
    coordinator = users[COORD]
    course = make_course(
        by=coordinator,
        title="Laadunvalvojan perehdytys",
        sessions_required=1,
        question_set=course_feedback_set(),
    )
    done = services.approve_enrolment(
        enrolment=services.enrol(course=course, user=users[EXPERT]), by=coordinator
    )
    services.mark_attendance(session=course.sessions.first(), by=coordinator, present=[done])
    open_course = make_course(by=coordinator, title="Palveluohjauksen valmennus")
    placed = services.approve_enrolment(
        enrolment=services.enrol(course=open_course, user=users[EXPERT]), by=coordinator
    )
    asked = services.enrol(course=open_course, user=users[STAFF])
    return {
        "course": course,
        "done": done,
        "open_course": open_course,
        "open_session": open_course.sessions.first(),
        "placed": placed,
        "asked": asked,
    }


def _course_body(ctx: Any) -> dict[str, Any]:
    return {
        "title": "Arvioijan koulutus",
        "audience": "experts",
        "organiser": "Hyvinvointialue",
        "capacity": "12",
        "sessions_required": "2",
        "unlocks": ["evaluator"],
    }


_enrolments = snapshot("training.Enrolment", "user_id", "status")
NOT_THE_EXPERT = {EXPERT_OTHER: 404}

ROWS: dict[str, Row] = {
    "training:list": Row(signed_in_only()),
    "training:create": Row(
        only(COORD),
        writes=(
            Write(
                only(COORD, status=302),
                writers=[COORD],
                body=_course_body,
                changes=snapshot("training.Course", "title"),
            ),
        ),
    ),
    "training:course": Row(signed_in_only(), kwargs=lambda c: {"pk": c.open_course.pk}),
    # The expert and the staff member are already on the course: refused, nothing changes.
    "training:enrol": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.open_course.pk},
        writes=(
            Write(
                {ANON: 302, **dict.fromkeys(SIGNED_IN, 302)},
                writers=[RESIDENT, MANAGER, COORD, DECIDER, ADMIN],
                changes=_enrolments,
            ),
        ),
    ),
    "training:session_add": Row(
        only(COORD),
        kwargs=lambda c: {"pk": c.open_course.pk},
        writes=(
            Write(
                only(COORD, status=302),
                writers=[COORD],
                body=lambda c: {"starts_at": "2027-01-12T09:00", "place": "Sali 2"},
                changes=snapshot("training.Session", "starts_at"),
            ),
        ),
    ),
    "training:attendance": Row(
        only(COORD),
        kwargs=lambda c: {"pk": c.open_session.pk},
        writes=(
            Write(
                only(COORD, status=302),
                writers=[COORD],
                body=lambda c: {"present": [c.placed.pk]},
                changes=snapshot("training.Attendance", "enrolment_id"),
            ),
        ),
    ),
    "training:approve": Row(
        only(COORD, status=405),
        kwargs=lambda c: {"pk": c.asked.pk},
        writes=(Write(only(COORD, status=302), writers=[COORD], changes=_enrolments),),
    ),
    "training:decline": Row(
        only(COORD, status=405),
        kwargs=lambda c: {"pk": c.asked.pk},
        writes=(Write(only(COORD, status=302), writers=[COORD], changes=_enrolments),),
    ),
    # One's own place, or any for a coordinator.
    "training:cancel": Row(
        post_only(),
        kwargs=lambda c: {"pk": c.placed.pk},
        non_owner={},
        writes=(
            Write(
                only(EXPERT, COORD, status=302),
                writers=[EXPERT, COORD],
                changes=_enrolments,
                non_owner=NOT_THE_EXPERT,
            ),
        ),
    ),
    "training:certificate": Row(
        only(EXPERT, COORD), kwargs=lambda c: {"pk": c.done.pk}, non_owner=NOT_THE_EXPERT
    ),
    "training:feedback": Row(
        only(EXPERT),
        kwargs=lambda c: {"pk": c.done.pk},
        non_owner=NOT_THE_EXPERT,
        writes=(
            Write(
                only(EXPERT, status=302),
                writers=[EXPERT],
                body=lambda c: {"useful": "4", "change": "Enemmän harjoituksia"},
                changes=snapshot("training.CourseFeedback", "enrolment_id"),
                non_owner=NOT_THE_EXPERT,
            ),
        ),
    ),
}
