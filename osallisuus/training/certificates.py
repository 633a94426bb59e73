"""The course certificate: a plain PDF in the reader's language."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from osallisuus.plain_pdf import plain_pdf

from .models import Enrolment


def certificate_pdf(enrolment: Enrolment, *, attended: int) -> bytes:
    """Who completed which course, when, and by which rule; numbered for checking."""
    course = enrolment.course
    user = enrolment.user
    completed = timezone.localdate(enrolment.completed_at) if enrolment.completed_at else None
    blocks = [
        (_("Participant"), user.get_full_name() or user.get_username()),
        (_("Course"), course.title),
        (_("Organiser"), course.organiser),
        (_("Completed on"), f"{completed:%d.%m.%Y}" if completed else ""),
        (
            _("Completion rule"),
            _("Attended %(attended)s sessions (at least %(required)s required).")
            % {"attended": attended, "required": course.sessions_required},
        ),
        (_("Certificate number"), enrolment.certificate_number),
    ]
    if course.description:
        blocks.insert(2, (_("Contents"), course.description))
    return plain_pdf(_("Course certificate"), blocks, language=(get_language() or "fi")[:2])
