"""Reads of the objection register, the route texts and the complaint flags.

`access_complaint` is the one way to open a record: it refuses (404) everyone but complaints
officers and writes the audit entry for every view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import TYPE_CHECKING, Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from osallisuus.audit.services import record_access
from osallisuus.authorization import NotPermitted
from osallisuus.reports.selectors import min_group

from .models import (
    Complaint,
    ComplaintFlag,
    ComplaintStatus,
    Concern,
    FlagDecision,
    ObjectionPolicy,
    RouteText,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User


def objection_policy() -> ObjectionPolicy | None:
    """The county's objection settings, or None (the form is off)."""
    return ObjectionPolicy.objects.order_by("pk").first()


def objections_enabled() -> bool:
    policy = objection_policy()
    return bool(policy and policy.enabled)


def route_texts() -> QuerySet[RouteText]:
    return RouteText.objects.all()


def route_text(route: str) -> RouteText | None:
    return RouteText.objects.filter(route=route).first()


def complaint_by_code(code: str) -> Complaint | None:
    """The sender's own objection by its code (the code is the key, as a reply code is)."""
    return Complaint.objects.filter(code=code).select_related("unit").first()


def register_for(user: MaybeUser, *, status: str = "") -> QuerySet[Complaint]:
    """The objection register as a complaints officer sees it; nothing for anyone else."""
    items = Complaint.objects.visible_to(user).select_related("unit")
    if status in ComplaintStatus.values:
        items = items.filter(status=status)
    return items.order_by("acknowledge_by", "pk")


def access_complaint(*, user: User, pk: int, path: str = "") -> Complaint:
    """One record for a complaints officer, the view written to the audit log; else 404."""
    complaint = (
        Complaint.objects.visible_to(user)
        .select_related("unit", "answered_by")
        .filter(pk=pk)
        .first()
    )
    if complaint is None:
        raise NotPermitted
    record_access(actor=user, obj=complaint, path=path)
    return complaint


# --- Flags ---------------------------------------------------------------------------------------


def flags_among(feedback_ids: Iterable[int]) -> dict[int, ComplaintFlag]:
    """Undecided flags of these feedback items (one query for an inbox page)."""
    return {
        flag.feedback_id: flag
        for flag in ComplaintFlag.objects.filter(feedback_id__in=list(feedback_ids), decision="")
    }


def flag_of(feedback_id: int) -> ComplaintFlag | None:
    return ComplaintFlag.objects.filter(feedback_id=feedback_id).first()


def access_flag(*, user: MaybeUser, pk: int) -> ComplaintFlag:
    flag = ComplaintFlag.objects.select_related("feedback__unit").filter(pk=pk).first()
    if flag is None or not user.has_perm("complaints.decide_flag", flag):
        raise NotPermitted
    return flag


def overdue_flags() -> QuerySet[ComplaintFlag]:
    """Flags nobody decided in time: the coordinator's list."""
    return (
        ComplaintFlag.objects.filter(decision="", decide_by__lt=timezone.now())
        .select_related("feedback__unit")
        .order_by("decide_by")
    )


def rerouted_feedback_ids() -> QuerySet[ComplaintFlag, int]:
    """Feedback redirected to a statutory route or moved to the register (a subquery):
    it has left the feedback queue and its exports."""
    return ComplaintFlag.objects.filter(
        decision__in=[FlagDecision.REDIRECT, FlagDecision.TRANSFER]
    ).values_list("feedback_id", flat=True)


# --- Figures -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintFigure:
    """Objections of one unit and concern; None where the group is too small to show."""

    unit_id: int
    unit_name: str
    concern: str
    count: int | None
    answered: int | None
    median_days: float | None

    @property
    def concern_label(self) -> str:
        return concern_label(self.concern)


def concern_label(concern: str) -> str:
    """What an objection concerns, in the active language (the code itself if unknown)."""
    return str(Concern(concern).label) if concern in Concern.values else concern


def complaint_figures(*, units: Any, since: date, until: date) -> list[ComplaintFigure]:
    """Objections received per unit and concern and their handling time in days; groups under
    the reports' smallest shown group (min_group) are hidden. No names, no text: counts only.
    Three queries whatever the number of objections."""
    smallest = min_group()
    items = Complaint.objects.filter(
        unit__in=units, received_at__date__gte=since, received_at__date__lte=until
    )
    counts = (
        items.values("unit_id", "concern")
        .annotate(count=Count("pk"))
        .order_by("unit_id", "concern")
    )
    durations: dict[tuple[int, str], list[float]] = {}
    answered = items.filter(answered_on__isnull=False).values_list(
        "unit_id", "concern", "received_at", "answered_on"
    )
    for unit_id, concern, received_at, answered_on in answered:
        if answered_on is None:
            continue
        days = (answered_on - timezone.localdate(received_at)).days
        durations.setdefault((unit_id, concern), []).append(float(days))
    names = {unit.pk: unit.name for unit in units}
    figures = []
    for row in counts:
        shown = row["count"] >= smallest
        times = sorted(durations.get((row["unit_id"], row["concern"]), []))
        middle = float(median(times)) if times else None
        figures.append(
            ComplaintFigure(
                unit_id=row["unit_id"],
                unit_name=names.get(row["unit_id"], ""),
                concern=row["concern"],
                count=row["count"] if shown else None,
                answered=len(times) if shown else None,
                median_days=middle if shown and len(times) >= smallest else None,
            )
        )
    return sorted(figures, key=lambda figure: (figure.unit_name, figure.concern))
