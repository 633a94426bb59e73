"""The stories API's answers (`GET /api/v1/units/<code>/stories/`, every page of it), kept in
process memory behind a version token by osallisuus/public_cache.py, with ETag, Last-Modified and
304 answers.

The answer holds only what the public page shows: published, redacted stories, the unit's
answers and outcomes as published, and the figures of the roll-ups hidden below the minimum.
It is the same for every caller (the view takes no authentication), so one copy per language,
host and path serves everyone.

The token is replaced by whatever changes a story: a publication decided, taken down or erased
(Publication), an answer from the unit (Reply), an outcome step with a public text (StatusEvent;
not the "received" step of every intake), a unit opened, closed or renamed (Unit), and feedback
moved to another unit, marked as button-mashing or losing its consent. The figures come from the
roll-ups, which are updated without signals after each intake's commit, so an answer is rebuilt
after MAX_AGE seconds at the latest: the figures of the last twelve months may lag by that much.
Imported at start-up (PublicationConfig.ready), so every process sends these changes.
"""

from __future__ import annotations

from typing import Any

from osallisuus.feedback.models import Feedback, Publication, Reply, Status, StatusEvent
from osallisuus.organisation.models import Unit
from osallisuus.public_cache import PublicAnswers

# What changed, as the public reads it: handling steps whose public text tells an outcome.
OUTCOME_STEPS = (Status.ACTION_PLANNED, Status.CHANGE_MADE, Status.NO_CHANGE)
# Figures from the roll-ups: at most this old.
MAX_AGE = 60.0
_STORY_FIELDS = {"unit", "unit_id", "suspected_mashing", "publish_consent"}


def _outcome(event: StatusEvent, **_: Any) -> bool:
    return event.status in OUTCOME_STEPS and bool(event.public_text)


def _story_fields(feedback: Feedback, *, created: bool = False, **kwargs: Any) -> bool:
    """A save that may move an existing item into or out of a unit's stories."""
    if created:
        return False  # new feedback has no publication yet
    update_fields = kwargs.get("update_fields")
    return update_fields is None or bool(_STORY_FIELDS & set(update_fields))


STORY_ANSWERS = PublicAnswers(
    "unit-stories",
    (Publication, Reply, StatusEvent, Unit, Feedback),
    relevant={StatusEvent: _outcome, Feedback: _story_fields},
    max_age=MAX_AGE,
)
