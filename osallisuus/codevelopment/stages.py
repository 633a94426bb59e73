"""The guiding questions of each stage of the co-development cycle (seed 000), worded for the UI."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Stage

GUIDING_QUESTIONS: dict[str, list[tuple[str, Promise]]] = {
    Stage.PREPARATION: [
        ("target", _("What is the development target?")),
        ("need", _("Where does the need come from – from clients, from staff, from feedback?")),
        ("knowledge", _("What experiential knowledge is needed, and from whom?")),
        ("recruitment", _("How are clients and professionals recruited to the group?")),
    ],
    Stage.MEETINGS: [
        ("current_state", _("What is the current state, as clients and staff see it?")),
        ("need_for_change", _("What needs to change, and why?")),
        ("solutions", _("What solution models did the group find?")),
    ],
    Stage.TRIAL: [
        ("how", _("How is the change tried out in practice?")),
        ("who", _("Who takes part: staff, management and observing clients?")),
        ("duration", _("How long does the trial last, and where?")),
    ],
    Stage.EVALUATION: [
        ("how_evaluated", _("How is the trial evaluated together, and by what criteria?")),
        ("to_decision", _("How does the result reach decision making – to whom?")),
        (
            "who_decides",
            _("Who carries the matter to decision making, and to which body or office-holder?"),
        ),
    ],
    Stage.ROOTING: [
        ("goal_met", _("Did the goal come true?")),
        ("rooting", _("How is the new way of working rooted in the structures?")),
    ],
    Stage.CONTINUOUS: [
        ("listening", _("How do we keep listening for new feedback about this change?")),
        ("next", _("What should be developed next?")),
    ],
}


def questions_of(stage: str) -> list[tuple[str, Promise]]:
    return GUIDING_QUESTIONS.get(stage, [])
