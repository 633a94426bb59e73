"""Reads of feedback: the public trail by reply code and the staff inbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property

from osallisuus.accounts.selectors import units_handled_by
from osallisuus.analysis.grouping import group_comments, similarity_pairs
from osallisuus.analysis.models import LabelCorrection
from osallisuus.audit.services import record_access
from osallisuus.days import start_of_day
from osallisuus.organisation.models import Service, Unit

from .models import OPEN_STATUSES, Contact, Feedback, Status, StatusEvent

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User


def feedback_by_reply_code(code: str) -> Feedback | None:
    return (
        Feedback.objects.select_related("unit")
        .prefetch_related("events", "replies")
        .filter(reply_code=code)
        .first()
    )


@dataclass(frozen=True)
class TrailStep:
    """A step of the handling as the giver sees it: the status and its public text."""

    at: datetime
    status: str
    status_label: str
    public_text: str


@dataclass(frozen=True)
class TrailReply:
    at: datetime
    text: str


@dataclass(frozen=True)
class LinkedFeedback:
    """Feedback a person linked to their account, with no more than its status page shows.

    Built field by field, so nothing else (the giver's words, contact details, staff notes,
    who handles it) can reach the person's page or their download.
    """

    pk: int
    reply_code: str
    unit_name: str
    received_at: datetime
    status: str
    status_label: str
    steps: list[TrailStep]
    replies: list[TrailReply]

    def as_data(self) -> dict[str, Any]:
        """For the download of one's own data."""
        return {
            "reply_code": self.reply_code,
            "unit": self.unit_name,
            "received_at": self.received_at.isoformat(),
            "status": self.status,
            "steps": [
                {"at": s.at.isoformat(), "status": s.status, "public_text": s.public_text}
                for s in self.steps
            ],
            "replies": [{"at": r.at.isoformat(), "text": r.text} for r in self.replies],
        }


def linked_feedback_of(user: MaybeUser) -> list[LinkedFeedback]:
    """The feedback the person linked to their account by reply code, newest first."""
    if not user.is_authenticated:
        return []
    items = (
        Feedback.objects.filter(linked_account=user)
        .select_related("unit")
        .prefetch_related("events", "replies")
        .order_by("-received_at", "-pk")
    )
    return [
        LinkedFeedback(
            pk=item.pk,
            reply_code=item.reply_code,
            unit_name=item.unit.name,
            received_at=item.received_at,
            status=item.status,
            status_label=item.get_status_display(),
            steps=[
                TrailStep(
                    at=event.at,
                    status=event.status,
                    status_label=event.get_status_display(),
                    public_text=event.public_text,
                )
                for event in item.events.all()
            ],
            replies=[TrailReply(at=reply.at, text=reply.text) for reply in item.replies.all()],
        )
        for item in items
    ]


def access_linked_feedback(*, user: MaybeUser, pk: int) -> Feedback:
    """Feedback linked to this person's account; anyone else's (or none) is 404."""
    feedback = Feedback.objects.filter(pk=pk, linked_account=user).first() if user.pk else None
    if feedback is None:
        raise Http404
    return feedback


@dataclass(frozen=True)
class InboxFilters:
    """What a person narrowed the inbox to; every field empty means everything in scope."""

    unit_id: int | None = None
    service_id: int | None = None
    channel: str = ""
    # "1"–"5" (the overall score), "low" (1–2), "high" (4–5) or "none" (no score given).
    score: str = ""
    theme: str = ""
    sentiment: str = ""
    urgent: bool | None = None
    # A Status value, or "open" for everything not answered yet.
    status: str = ""
    since: date | None = None
    until: date | None = None
    # "me" (assigned to the person asking) or "nobody".
    assigned: str = ""
    overdue: bool = False
    # Items that led to a change (a "change made" step at any time), as the dashboards count.
    changed: bool = False
    # Kiosk presses that came too fast are hidden unless asked for.
    include_mashing: bool = False


SCORE_LOOKUPS: dict[str, dict[str, Any]] = {
    "low": {"overall_score__in": (1, 2)},
    "high": {"overall_score__in": (4, 5)},
    "none": {"overall_score__isnull": True},
    **{str(n): {"overall_score": n} for n in range(1, 6)},
}


def inbox_for(  # noqa: PLR0912  one branch per optional inbox filter, each one line
    user: User, filters: InboxFilters | None = None
) -> QuerySet[Feedback]:
    """Feedback in the user's scope with the filters applied: urgent open items first."""
    f = filters or InboxFilters()
    items = Feedback.objects.visible_to(user).select_related("unit", "assigned_to")
    if not f.include_mashing:
        items = items.filter(suspected_mashing=False)
    if f.unit_id:
        items = items.filter(unit_id=f.unit_id)
    if f.service_id:
        items = items.filter(unit__service_id=f.service_id)
    if f.channel:
        items = items.filter(channel=f.channel)
    if f.score in SCORE_LOOKUPS:
        items = items.filter(**SCORE_LOOKUPS[f.score])
    if f.theme:
        if connections[items.db].vendor == "postgresql":
            # JSON containment: each theme has a partial index in inbox order (migration
            # 0006), so the first page is read off it; the GIN index (0005) serves the rest.
            items = items.filter(themes__contains=[f.theme])
        else:
            # Portable (SQLite): the id in quotes inside the JSON list.
            items = items.filter(themes__icontains=f'"{f.theme}"')
    if f.sentiment:
        items = items.filter(sentiment=f.sentiment)
    if f.urgent is not None:
        items = items.filter(urgent=f.urgent)
    if f.status == "open":
        items = items.filter(status__in=OPEN_STATUSES)
    elif f.status:
        items = items.filter(status=f.status)
    # Days in Helsinki time as a range of moments: the same items as comparing dates, and an
    # index on received_at can serve it (a date cast per row cannot).
    # (The first and last days a date can hold bound nothing.)
    if f.since and f.since > date.min:
        items = items.filter(received_at__gte=start_of_day(f.since))
    if f.until and f.until < date.max:
        items = items.filter(received_at__lt=start_of_day(f.until + timedelta(days=1)))
    if f.assigned == "me":
        items = items.filter(assigned_to=user)
    elif f.assigned == "nobody":
        items = items.filter(assigned_to__isnull=True)
    if f.overdue:
        items = items.filter(overdue_lookup())
    if f.changed:
        items = items.filter(
            Exists(StatusEvent.objects.filter(feedback=OuterRef("pk"), status=Status.CHANGE_MADE))
        )
    order = _inbox_order(f.status)
    return items.annotate(urgent_first=URGENT_FIRST).order_by(*order)


# Urgent items waiting for an answer first, then the newest. The partial indexes on Feedback
# (see Meta.indexes) hold the same order, so the first page is read off an index.
URGENT_FIRST = Case(
    When(urgent=True, status__in=OPEN_STATUSES, then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)

URGENT_FIRST_ASC = URGENT_FIRST.asc()


def _inbox_order(status: str) -> tuple[Any, ...]:
    """The inbox order, written so an index can give it: the same order as `urgent_first`.

    Among open items only (a status filter of "open" or an open step) urgent-and-open is
    simply urgent; among closed steps nothing is urgent-and-open.
    """
    if status == "open" or status in OPEN_STATUSES:
        return ("-urgent", "-received_at", "-pk")
    if status:
        return ("-received_at", "-pk")
    return (URGENT_FIRST_ASC, "-received_at", "-pk")


def received_in(*, units: QuerySet[Unit], start: date, end: date) -> QuerySet[Feedback]:
    """Feedback given at `units` from `start` to `end` (both days included), without the
    button-mashing the figures leave out everywhere."""
    return Feedback.objects.filter(
        unit__in=units,
        suspected_mashing=False,
        received_at__gte=start_of_day(start),
        received_at__lt=start_of_day(end + timedelta(days=1)),
    )


def inbox_filter_choices(user: MaybeUser) -> tuple[QuerySet[Unit], QuerySet[Service]]:
    """The units and services a person can narrow their inbox to: only those in scope."""
    units = units_handled_by(user).order_by("name_fi")
    services = Service.objects.filter(units__in=units.values("pk")).distinct().order_by("name_fi")
    return units, services


def overdue_lookup() -> Q:
    """Unanswered past the due date (settings.FEEDBACK_RESPONSE_DAYS after arrival)."""
    return Q(status__in=OPEN_STATUSES, due_at__lt=timezone.now())


# Counting every matching item costs as much as reading them all: past this many the inbox
# says "more than 1 000" instead.
INBOX_COUNT_CAP = 1000


@dataclass(frozen=True)
class InboxCounts:
    """How many items match, and how many need attention; counted up to `cap` + 1 (overdue
    items in full: they are open ones, which stay few)."""

    total: int
    urgent_open: int
    overdue: int
    unassigned_open: int
    cap: int = INBOX_COUNT_CAP

    @property
    def total_over_cap(self) -> bool:
        return self.total > self.cap

    @property
    def urgent_open_over_cap(self) -> bool:
        return self.urgent_open > self.cap

    @property
    def unassigned_open_over_cap(self) -> bool:
        return self.unassigned_open > self.cap

    @property
    def cap_display(self) -> str:
        """The cap as the language writes numbers: 1 000, 1,000."""
        return number_format(self.cap, force_grouping=True)


def capped(items: QuerySet[Any], cap: int) -> QuerySet[Any]:
    """At most cap + 1 of the items (ids only): enough to tell "more than cap"."""
    return items.order_by().values("pk")[: cap + 1]


def inbox_counts(items: QuerySet[Feedback], *, cap: int | None = None) -> InboxCounts:
    """How many of the filtered items there are, and how many need attention (one query).

    The total and the urgent and unassigned figures stop at cap + 1 matches, so their cost
    does not grow with the data; the overdue figure is exact (it reads only open items, which
    a partial index holds). The template says "more than 1 000" past the cap.
    """
    cap = INBOX_COUNT_CAP if cap is None else cap
    parts = {
        "total": capped(items, cap),
        "urgent_open": capped(items.filter(urgent=True, status__in=OPEN_STATUSES), cap),
        # Counted in full: overdue items are open ones, which a partial index on due_at holds
        # (few of all); with a cap the planner bets on finding them early in the whole table.
        "overdue": items.filter(overdue_lookup()).order_by().values("pk"),
        "unassigned_open": capped(
            items.filter(assigned_to__isnull=True, status__in=OPEN_STATUSES), cap
        ),
    }
    selects, params = [], []
    for name, part in parts.items():
        sql, part_params = part.query.get_compiler(using=part.db).as_sql()
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS {name}) AS {name}")  # noqa: S608  names are quoted identifiers; values go as parameters
        params.extend(part_params)
    with connections[items.db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(selects)}", params)
        row = cursor.fetchone()
    total, urgent_open, overdue, unassigned_open = (int(value or 0) for value in row)
    return InboxCounts(total, urgent_open, overdue, unassigned_open, cap=cap)


class InboxPaginator(Paginator[Feedback]):
    """Pages of the inbox that count matching items only as far as they need to.

    The count stops at cap + 1 items, the cap being INBOX_COUNT_CAP or, for a later page, as
    far as that page and one item beyond: every page up to the one asked for (and the link to
    the next) works as before; `is_capped` says the last page number is not known.
    """

    def __init__(
        self,
        object_list: Any,
        per_page: int,
        *,
        page: Any = 1,
        counted: InboxCounts | None = None,
    ) -> None:
        super().__init__(object_list, per_page)
        try:
            wanted = max(1, int(page))
        except (TypeError, ValueError):
            wanted = 1
        self.cap = max(INBOX_COUNT_CAP, wanted * per_page)
        # The same items already counted with the same cap (inbox_counts): no second count.
        self.counted = counted

    @cached_property
    def count(self) -> int:
        if self.counted is not None and self.counted.cap == self.cap:
            return self.counted.total
        items: QuerySet[Any] = self.object_list  # type: ignore[assignment]
        return int(capped(items, self.cap).count())

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap

    @property
    def pages_more_than(self) -> int:
        """With the count capped: the number of pages there are more than."""
        return self.cap // self.per_page


@dataclass
class FeedbackGroup:
    """Comments that raise the same issue: read the representative, act on them all."""

    representative: Feedback
    members: list[Feedback]

    @property
    def size(self) -> int:
        return len(self.members)


GROUPING_LIMIT = 500


# With one or two members no member is more like the others than another.
FEWEST_TO_COMPARE = 3


def _representative(members: list[Feedback]) -> Feedback:
    """The member most like the others (the largest summed similarity); ties: the newest."""
    if len(members) < FEWEST_TO_COMPARE:
        return members[0]
    closeness = [0.0] * len(members)
    texts = [grouping_text(member) for member in members]
    for first, second, score in similarity_pairs(texts, threshold=0.0):
        closeness[first] += score
        closeness[second] += score
    best = max(range(len(members)), key=lambda index: (closeness[index], -index))
    return members[best]


def grouping_text(feedback: Feedback) -> str:
    return feedback.redacted_text or feedback.text


def feedback_groups(
    items: QuerySet[Feedback], *, limit: int = GROUPING_LIMIT
) -> tuple[list[FeedbackGroup], int]:
    """Group the newest `limit` commented items by issue; returns (groups, items not grouped).

    Largest groups first, so a manager reads one group instead of fifty comments. Items
    without a comment (scores only) are not grouped; their count is returned.
    """
    commented = list(items.exclude(text="")[:limit])
    not_grouped = items.filter(text="").count()
    by_id = {item.pk: item for item in commented}
    id_groups = group_comments([(item.pk, grouping_text(item)) for item in commented])
    groups = []
    for ids in id_groups:
        members = [by_id[pk] for pk in ids]
        groups.append(FeedbackGroup(representative=_representative(members), members=members))
    groups.sort(key=lambda group: -group.size)
    return groups, not_grouped


def feedback_in_scope(user: User, ids: list[int]) -> list[Feedback]:
    """The items among `ids` the user may handle; others are silently left out."""
    return list(Feedback.objects.visible_to(user).filter(pk__in=ids).order_by("pk"))


def assignment_candidates(unit: Unit) -> QuerySet[Any]:
    """Active staff and unit managers whose scope covers the unit (directly or by service)."""
    # Belongs in accounts.selectors (staff_of); kept here until that app offers it.
    from osallisuus.accounts.models import Role, User

    scoped_roles = (Role.STAFF, Role.UNIT_MANAGER)
    return (
        User.objects.filter(
            Q(role_assignments__role__in=scoped_roles, role_assignments__unit=unit)
            | Q(role_assignments__role__in=scoped_roles, role_assignments__service=unit.service_id),
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def label_corrections_visible_to(user: User) -> QuerySet[LabelCorrection]:
    """Label corrections of feedback in the user's scope."""
    return LabelCorrection.objects.filter(
        feedback__in=Feedback.objects.visible_to(user).values("pk")
    )


def access_feedback(*, user: User, pk: int, path: str = "") -> Feedback:
    """Fetch and authorise in one call: 404 for feedback outside the user's scope.

    Opening an item that holds the giver's contact details is written to the audit log.
    """
    feedback = (
        Feedback.objects.visible_to(user)
        .select_related("unit__service", "assigned_to", "question_set", "contact")
        .prefetch_related("answers__question", "events", "replies", "notes__by")
        .filter(pk=pk)
        .first()
    )
    if feedback is None:
        raise Http404
    contact = contact_of(feedback)
    if contact is not None:
        record_access(actor=user, obj=contact, path=path)
    return feedback


def contact_of(feedback: Feedback) -> Contact | None:
    """The giver's contact details, if they left any (already fetched by access_feedback)."""
    try:
        return feedback.contact
    except Contact.DoesNotExist:
        return None
