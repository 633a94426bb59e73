"""Who may do what with courses: anyone signed in reads the catalogue and enrols; the
participation coordinators run courses (approval, sessions, attendance); a participant's own
enrolment, certificate and course feedback are theirs and the coordinators'."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import rules

from osallisuus.accounts.permissions import is_coordinator

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


@rules.predicate
def holds_enrolment(user: MaybeUser, enrolment: Any) -> bool:
    return enrolment is not None and enrolment.user_id == getattr(user, "pk", None)


rules.add_perm("training.view_catalogue", rules.is_authenticated)
rules.add_perm("training.enrol", rules.is_authenticated)
rules.add_perm("training.manage_courses", is_coordinator)
rules.add_perm("training.view_enrolment", holds_enrolment | is_coordinator)
rules.add_perm("training.cancel_enrolment", holds_enrolment | is_coordinator)
rules.add_perm("training.give_course_feedback", holds_enrolment)
