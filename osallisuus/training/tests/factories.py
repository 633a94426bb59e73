"""Test data for courses: a course with sessions, people with places, a feedback question set."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from osallisuus.accounts.tests.factories import UserFactory
from osallisuus.feedback.models import Question, QuestionSet

from .. import services
from ..models import Course, Enrolment


def course_feedback_set() -> QuestionSet:
    """Two questions: how useful (1–5, required) and what to change (free text)."""
    question_set = QuestionSet.objects.create(
        key="koulutuspalaute", name_fi="Koulutuspalaute", name_sv="Kursrespons"
    )
    Question.objects.create(
        question_set=question_set,
        key="useful",
        type="scale5",
        required=True,
        order=1,
        text_fi="Kuinka hyödyllinen koulutus oli?",
        text_sv="Hur nyttig var kursen?",
        text_en="How useful was the course?",
    )
    Question.objects.create(
        question_set=question_set,
        key="change",
        type="text",
        order=2,
        text_fi="Mitä muuttaisit?",
        text_sv="Vad skulle du ändra?",
        text_en="What would you change?",
    )
    return question_set


def make_course(
    *, by: Any, capacity: int = 10, sessions: int = 2, sessions_required: int = 2, **fields: Any
) -> Course:
    """A course with `sessions` sessions a week apart, starting next week."""
    course = services.create_course(
        by=by,
        title=fields.pop("title", "Palveluohjauksen valmennus"),
        audience=fields.pop("audience", "experts"),
        organiser=fields.pop("organiser", "Hyvinvointialue"),
        capacity=capacity,
        sessions_required=sessions_required,
        **fields,
    )
    start = timezone.now() + datetime.timedelta(days=7)
    for n in range(sessions):
        services.add_session(
            course=course,
            by=by,
            starts_at=start + datetime.timedelta(days=7 * n),
            place="Kaupungintalo, sali 2" if n % 2 == 0 else "",
            remote_link="" if n % 2 == 0 else "https://meet.example.org/valmennus",
        )
    return course


def with_place(course: Course, *, by: Any, user: Any = None) -> Enrolment:
    """A person enrolled and approved (a place, or the waiting list when full)."""
    enrolment = services.enrol(course=course, user=user or UserFactory())
    return services.approve_enrolment(enrolment=enrolment, by=by)
