"""The dialogue floor (#16): standing groups (client panels, councils, committees, the network
of experiential expertise), their members and their meetings.

One model serves every kind of group; what differs by kind is said in the services.
"""

from __future__ import annotations

from datetime import date as date_type

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import (
    LocalizedNameMixin,
    Municipality,
    Organiser,
    Producer,
    Service,
)


class GroupKind(models.TextChoices):
    CLIENT_PANEL = "client_panel", _("client panel")
    RESIDENT_PANEL = "resident_panel", _("resident panel")
    EXPERTISE_NETWORK = "expertise_network", _("network of experiential expertise")
    # Act 611/2021 § 32: the regional board sets up these three influence bodies.
    YOUTH_COUNCIL = "youth_council", _("youth council")
    OLDER_PEOPLE_COUNCIL = "older_people_council", _("council for older people")
    DISABILITY_COUNCIL = "disability_council", _("disability council")
    # Act 611/2021 § 33: a bilingual county's national-language committee, and the Sámi-language
    # committee of the county where the Sámi homeland lies (Lapland).
    LANGUAGE_COMMITTEE = "language_committee", _("national-language committee")
    SAMI_LANGUAGE_COMMITTEE = "sami_language_committee", _("Sámi-language committee")
    OTHER = "other", _("other group")


# The influence bodies Act 611/2021 § 32 requires of every county; their members come from the
# municipalities' corresponding bodies, at least one from each, and others may be chosen too.
# Sources read (the consolidated text on Finlex was not found through the search tool): the
# Pirkanmaa regional board's minutes 23.1.2023 § 19 quoting § 32, and soteuudistus.fi
# (valtiovarainministeriö, 10.2.2022) "Alueelliset vaikuttamistoimielimet".
STATUTORY_KINDS = (
    GroupKind.YOUTH_COUNCIL,
    GroupKind.OLDER_PEOPLE_COUNCIL,
    GroupKind.DISABILITY_COUNCIL,
)
# Act 611/2021 § 33 (source read: soteuudistus.fi/kielilautakunnat): each committee reports to
# the regional board every year on the services in its language.
LANGUAGE_KINDS = (GroupKind.LANGUAGE_COMMITTEE, GroupKind.SAMI_LANGUAGE_COMMITTEE)
# The municipalities of the Sámi homeland (Enontekiö, Inari, Sodankylä, Utsjoki; Act 1086/2003
# § 2): a county with one of them (Lapland) has a Sámi-language committee.
SAMI_HOMELAND_MUNICIPALITY_CODES = ("047", "148", "758", "890")


class OwnerKind(models.TextChoices):
    COUNTY = "county", _("the county")
    PRODUCER = "producer", _("a service producer")
    PARTNER = "partner", _("a partner organisation")


class Group(LocalizedNameMixin):
    """A standing group: who runs it, for how long, and (for influence bodies) which decision
    of the regional board set it up."""

    organiser = models.ForeignKey(
        Organiser, on_delete=models.PROTECT, related_name="dialogue_groups"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=GroupKind.choices)
    owner_kind = models.CharField(
        _("run by"), max_length=10, choices=OwnerKind.choices, default=OwnerKind.COUNTY
    )
    # A producer's panel is for the producer's units of one service (or all its units).
    producer = models.ForeignKey(
        Producer,
        verbose_name=_("producer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dialogue_groups",
    )
    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dialogue_groups",
    )
    partner_name = models.CharField(_("partner organisation"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    term_starts = models.DateField(_("term starts"))
    term_ends = models.DateField(_("term ends"), null=True, blank=True)
    # The regional board's decision that set the body up (Act 611/2021 § 32).
    decided_on = models.DateField(_("date of the board decision"), null=True, blank=True)
    decision_section = models.CharField(_("section (§) of the minutes"), max_length=20, blank=True)
    # A resident panel may draw its members by lot from volunteers who signed up (#16 item 2).
    drawn_by_lot = models.BooleanField(_("members are drawn by lot from volunteers"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["kind", "name_fi"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_ends__isnull=True) | Q(term_ends__gte=F("term_starts")),
                name="dialogue_group_term_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(owner_kind="producer") | Q(producer__isnull=False),
                name="dialogue_producer_group_has_producer",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("dialogue:group", kwargs={"pk": self.pk})


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    VICE_CHAIR = "vice_chair", _("vice chair")
    MEMBER = "member", _("member")
    DEPUTY = "deputy", _("deputy member")
    SECRETARY = "secretary", _("secretary")


class Origin(models.TextChoices):
    MUNICIPAL_BODY = "municipal_body", _("a municipality's influence body")
    ASSOCIATION = "association", _("an association or organisation")
    OPEN_CALL = "open_call", _("an open call")
    LOT = "lot", _("drawn by lot")
    APPOINTED = "appointed", _("appointed")


class MemberKind(models.TextChoices):
    CLIENT = "client", _("client")
    RELATIVE = "relative", _("relative")
    EXPERT = "expert", _("expert by experience")
    STAFF = "staff", _("staff member")
    REPRESENTATIVE = "representative", _("representative of a group or organisation")
    RESIDENT = "resident", _("resident")
    # The network of experiential expertise has member organisations beside member people.
    ORGANISATION = "organisation", _("member organisation")


class AgeBand(models.TextChoices):
    # An age band, never a birth date: enough for the composition and the under-18 rule.
    UNDER_18 = "under_18", _("under 18")
    FROM_18 = "18_29", _("18–29")
    FROM_30 = "30_64", _("30–64")
    FROM_65 = "65_74", _("65–74")
    FROM_75 = "75_plus", _("75 or over")
    UNKNOWN = "unknown", _("not told")


class Member(models.Model):
    """One seat in a group. Names are published only with consent; contact details are for
    those who run the group, and each look at them is logged."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices)
    member_kind = models.CharField(_("kind of member"), max_length=16, choices=MemberKind.choices)
    age_band = models.CharField(
        _("age band"), max_length=10, choices=AgeBand.choices, default=AgeBand.UNKNOWN
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("fi", "suomi"), ("sv", "svenska"), ("se", "sámegiella"), ("en", "English")],
        default="fi",
    )
    # The municipal body or organisation the member comes from, when they come from one.
    represents = models.CharField(_("represents"), max_length=200, blank=True)
    publish_name = models.BooleanField(_("name may be published"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dialogue_memberships",
    )
    expert = models.ForeignKey(
        "experts.ExpertProfile",
        verbose_name=_("expert profile"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dialogue_memberships",
    )
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["group", "role", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=Q(user__isnull=False),
                name="dialogue_one_seat_per_account",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    """A meeting: the agenda is a draft for members until published; the minutes are public
    once approved."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    remote_link = models.URLField(_("remote link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    agenda_published = models.BooleanField(_("agenda published"), default=False)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_approved_at = models.DateTimeField(_("minutes approved"), null=True, blank=True)
    # Set when a recurring-meetings rule planned the meeting (a draft until published).
    rule = models.ForeignKey(
        "MeetingRule", on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.group} {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("dialogue:meeting", kwargs={"pk": self.pk})


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="dialogue_attend_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} @ {self.meeting}"


class Topic(models.TextChoices):
    AVAILABILITY = "availability", _("availability of services")
    HOW_IT_WORKS = "how_it_works", _("how the service works")
    DEVELOPMENT = "development", _("development needs")
    OTHER = "other", _("other")


class QuestionStatus(models.TextChoices):
    ASKED = "asked", _("asked")
    ON_AGENDA = "on_agenda", _("on a meeting's agenda")
    ONLINE = "online", _("open online")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("closed")


class Question(models.Model):
    """A professional's question to a client panel (#16 item 2); an input kind of the trail.

    The asker records what they did with the answer: an effect or the reasons (seed 004)."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_questions"
    )
    # The asker's unit: who may follow the question (staff handling that unit).
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.PROTECT, related_name="panel_questions"
    )
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)
    title = models.CharField(_("question"), max_length=200)
    background = models.TextField(_("background"), blank=True)
    answer_wanted_by = models.DateField(_("answer wanted by"))
    language = models.CharField(max_length=2, default="fi")
    status = models.CharField(
        _("status"), max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.ASKED
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
    )
    answer = models.TextField(_("the panel's answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(_("what was done with the answer"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    asked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("question to a panel")
        verbose_name_plural = _("questions to panels")
        ordering = ["-asked_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("dialogue:question", kwargs={"pk": self.pk})


class Post(models.Model):
    """One member's words in a question's online thread."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="posts")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="posts")
    text = models.TextField(_("your view"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.member}: {self.text[:40]}"


class Influence(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    CANNOT_SAY = "cannot_say", _("I cannot say")


class InfluenceAnswer(models.Model):
    """ "Did you feel your views had an effect?" after a meeting: kept without the member, for
    the evaluation figures (seed 001, seed 004)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="influence")
    answer = models.CharField(max_length=10, choices=Influence.choices)
    # The day only: a time could tie the answer to the one who answered.
    answered_on = models.DateField()

    def __str__(self) -> str:
        return self.answer


class InfluenceResponded(models.Model):
    """That a member has answered (so they answer once), never what they answered."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="dialogue_influence_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} @ {self.meeting}"


# --- User seats on the county's decision-making bodies (#16 item 5) ---------------------------
# Act 611/2021 § 29 asks the county to give service users ways to take part, among them seats
# for users' representatives on its bodies (seed 000: "paikat maakunnan elimissä"). A seat is
# on a body of the trail's register (organisation.DecisionBody); an expert by experience holds
# it through their pool profile, and their fees go through the pool's own claims.


class SeatHolderKind(models.TextChoices):
    USER_REPRESENTATIVE = "user_representative", _("service-user representative")
    EXPERT = "expert", _("expert by experience")


class UserSeat(models.Model):
    """A seat for service users on one decision-making body, for a term."""

    body = models.ForeignKey(
        "organisation.DecisionBody",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="user_seats",
    )
    holder_kind = models.CharField(_("seat held by"), max_length=20, choices=SeatHolderKind.choices)
    holder_name = models.CharField(_("name of the holder"), max_length=200)
    expert = models.ForeignKey(
        "experts.ExpertProfile",
        verbose_name=_("expert profile"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="user_seats",
    )
    # The pool request the expert is invited to for the seat: once they accept and sign, they
    # claim their fees and travel for the body's meetings on that assignment (#5's claims).
    fee_request = models.ForeignKey(
        "experts.ExpertRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user_seats",
    )
    proposed_by = models.CharField(_("proposed by"), max_length=200)
    support_person = models.CharField(_("support person"), max_length=200)
    term_starts = models.DateField(_("term starts"))
    term_ends = models.DateField(_("term ends"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("user seat")
        verbose_name_plural = _("user seats")
        ordering = ["body", "term_starts", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_ends__isnull=True) | Q(term_ends__gte=F("term_starts")),
                name="dialogue_seat_term_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(holder_kind="expert") | Q(expert__isnull=False),
                name="dialogue_expert_seat_has_profile",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} ({self.body})"


class BodyMeeting(models.Model):
    """A meeting of a decision-making body, recorded for the attendance of its user seats."""

    body = models.ForeignKey(
        "organisation.DecisionBody", on_delete=models.PROTECT, related_name="seat_meetings"
    )
    held_on = models.DateField(_("meeting date"))

    class Meta:
        ordering = ["body", "-held_on"]
        constraints = [
            models.UniqueConstraint(fields=["body", "held_on"], name="dialogue_body_meets_once")
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.held_on}"


class SeatAttendance(models.Model):
    meeting = models.ForeignKey(BodyMeeting, on_delete=models.CASCADE, related_name="attendance")
    seat = models.ForeignKey(UserSeat, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seat"], name="dialogue_seat_attends_once")
        ]

    def __str__(self) -> str:
        return f"{self.seat} @ {self.meeting}"


class InitiativeStatus(models.TextChoices):
    SENT = "sent", _("waiting for the service's answer")
    ANSWERED = "answered", _("answered")


class Initiative(models.Model):
    """A development need the panel raises itself to a service, with a date for the answer
    (#16 item 2); an input kind of the trail, whose giver is the panel."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="initiatives")
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("development need"), max_length=200)
    background = models.TextField(_("background"), blank=True)
    answer_wanted_by = models.DateField(_("answer wanted by"))
    language = models.CharField(max_length=2, default="fi")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.SENT,
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("the service's answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("panel's initiative")
        verbose_name_plural = _("panels' initiatives")
        ordering = ["-raised_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("dialogue:initiative", kwargs={"pk": self.pk})

    def is_overdue(self, today: date_type) -> bool:
        return self.status == InitiativeStatus.SENT and self.answer_wanted_by < today


LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("se", "sámegiella"), ("en", "English")]


class Volunteer(models.Model):
    """A participant who signed up to be drawn into a panel, with the three things the draw
    is stratified by (never a birth date)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="volunteers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dialogue_volunteering"
    )
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES)
    signed_up_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="dialogue_volunteer_once")
        ]

    def __str__(self) -> str:
        return f"{self.group} #{self.pk}"


class Draw(models.Model):
    """One draw by lot, kept whole so that anyone can repeat it: the seed, the ordered list of
    volunteers (by number and stratum only), the quotas and the numbers drawn."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="draws")
    seed = models.CharField(_("seed"), max_length=64)
    size = models.PositiveIntegerField(_("members to draw"))
    # [[volunteer id, stratum key], ...] in the order the draw read them.
    volunteers = models.JSONField(default=list)
    # [{"key": stratum key, "age_band", "municipality", "language", "volunteers", "quota"}, ...]
    strata = models.JSONField(default=list)
    drawn = models.JSONField(default=list)  # volunteer ids, in the order drawn
    drawn_at = models.DateTimeField(auto_now_add=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("draw by lot")
        verbose_name_plural = _("draws by lot")
        ordering = ["-drawn_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.group} {self.seed}"


class MeetingRule(models.Model):
    """A recurring-meetings rule such as "twice a year, spring and autumn" (#16 item 3): the
    months and the day on which the group meets; `plan_meetings` creates the coming meetings
    as drafts, each once."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meeting_rules")
    description = models.CharField(_("rule"), max_length=200)
    months = models.JSONField(_("months"), default=list)  # 1–12
    day = models.PositiveSmallIntegerField(_("day of the month"), default=15)
    time = models.TimeField(_("time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    remote_link = models.URLField(_("remote link"), blank=True)

    class Meta:
        verbose_name = _("recurring-meetings rule")
        verbose_name_plural = _("recurring-meetings rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(day__gte=1, day__lte=28), name="dialogue_rule_day_in_every_month"
            )
        ]

    def __str__(self) -> str:
        return self.description


class AnnualReport(models.Model):
    """A language committee's annual report to the regional board (Act 611/2021 § 33): when it
    is due and when it was submitted; an overdue report shows on the overview."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="annual_reports")
    year = models.PositiveSmallIntegerField(_("year reported on"))
    due_on = models.DateField(_("due to the board"))
    submitted_on = models.DateField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["group", "year"], name="dialogue_one_report_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.year}"

    def is_overdue(self, today: date_type) -> bool:
        return self.submitted_on is None and self.due_on < today
