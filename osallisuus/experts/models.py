"""The pool: profiles with consented lived-experience data, requests, invitations, assignments,
contracts (seed 000's six-section developer-client contract), fee tables and claims."""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import LocalizedNameMixin, Municipality, Unit

ZERO = Decimal("0.00")
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English")), ("se", _("Sámi"))]


class ExpertRole(models.TextChoices):
    # Seed 000: kokemusasiantuntija, kehittäjäasiakas, kokemustoimija.
    EXPERT = "expert", _("expert by experience")
    DEVELOPER_CLIENT = "developer_client", _("developer client")
    OTHER = "other", _("other experience actor")


class ProfileStatus(models.TextChoices):
    APPLICANT = "applicant", _("applicant")
    ACTIVE = "active", _("active")
    PAUSED = "paused", _("paused")
    LEFT = "left", _("left")


class Stage(models.TextChoices):
    # Seed 000: the developer group's life-cycle.
    FORMING = "forming", _("forming the group")
    TRAINING = "training", _("training and coaching")
    ORIENTATION = "orientation", _("orientation")
    CONTRACT = "contract", _("contract")
    ACTIVE = "active", _("working as a group")
    EVALUATION = "evaluation", _("evaluation and feedback")
    SUPPORT = "support", _("support and home base")


class AssignmentType(models.TextChoices):
    """What the expert is asked to do (#17 item 1; seed 000 names collectors, quality monitors
    and evaluators, seed 001 co-production, the "house" floor that had no tool)."""

    WORKSHOP = "workshop", _("workshop or co-development group")
    WORKING_GROUP = "working_group", _("working group")
    STAFF_TRAINING = "staff_training", _("staff training")
    PEER = "peer", _("peer or joint appointment")
    COLLECTOR = "collector", _("feedback collector")
    QUALITY_MONITOR = "quality_monitor", _("quality monitor")
    EVALUATOR = "evaluator", _("evaluator")
    OBSERVER = "observer", _("observer in a trial")


class ExperienceArea(LocalizedNameMixin):
    """An area of lived experience, from the vocabulary the coordinator maintains."""

    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("experience area")
        verbose_name_plural = _("experience areas")
        ordering = ["name_fi"]


class ExpertProfile(models.Model):
    """One person in the pool. Areas and accessibility needs are special-category data."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="expert_profile"
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("postal address"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    languages = models.CharField(_("languages"), max_length=40, default="fi")
    roles = models.CharField(_("roles"), max_length=60, default=ExpertRole.EXPERT)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    travel_needs = models.TextField(_("travel needs"), blank=True)
    experience_areas = models.ManyToManyField(
        ExperienceArea, verbose_name=_("areas of lived experience"), blank=True
    )
    available_onsite = models.BooleanField(_("can take part on site"), default=True)
    available_remote = models.BooleanField(_("can take part remotely"), default=True)
    unavailable_until = models.DateField(_("not available until"), null=True, blank=True)
    # Seed 001: a developer client's experience of the service should be fairly recent. Lived
    # experience: kept with consent, seen by the person and coordinators only.
    last_service_use = models.DateField(_("most recent use of the services"), null=True, blank=True)
    availability_notes = models.CharField(_("availability"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProfileStatus.choices, default=ProfileStatus.APPLICANT
    )
    stage = models.CharField(
        _("life-cycle stage"), max_length=20, choices=Stage.choices, default=Stage.FORMING
    )
    support_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("support person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supported_experts",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    erasure_requested_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("experts:profile", kwargs={"pk": self.pk})

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def role_list(self) -> list[str]:
        return [code for code in self.roles.split(",") if code]

    def language_labels(self) -> list[str]:
        names = dict(LANGUAGES)
        return [str(names.get(code, code)) for code in self.language_list]

    def role_labels(self) -> list[str]:
        names = dict(ExpertRole.choices)
        return [str(names.get(code, code)) for code in self.role_list]


class ConsentRecord(models.Model):
    """Explicit consent to store lived-experience data (GDPR art. 9(2)(a)): when and which text."""

    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="consents")
    text_version = models.CharField(max_length=20)
    text = models.TextField()
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.text_version} {self.given_at:%Y-%m-%d}"


def certificate_path(instance: TrainingRecord, filename: str) -> str:
    return f"experts/certificates/{instance.profile_id}/{secrets.token_hex(8)}-{filename[-60:]}"


class TrainingRecord(models.Model):
    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="trainings")
    course = models.CharField(_("course"), max_length=200)
    organiser = models.CharField(_("organiser"), max_length=200)
    date = models.DateField(_("date"))
    certificate = models.FileField(
        _("certificate"), upload_to=certificate_path, blank=True, max_length=300
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Assignment types (comma-separated) whose course requirement this training satisfies.
    qualifies_for = models.CharField(_("qualifies for"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["-date"]

    def __str__(self) -> str:
        return self.course

    @property
    def qualifies_list(self) -> list[str]:
        return [code for code in self.qualifies_for.split(",") if code]

    def qualifies_labels(self) -> list[str]:
        names = dict(AssignmentType.choices)
        return [str(names.get(code, code)) for code in self.qualifies_list]


class TypeRequirement(models.Model):
    """An assignment type that needs a completed course before the work starts.

    A training record that qualifies for the type satisfies it. Today a coordinator records
    one on the person's page; the course catalogue (#17 item 6) will write such records when
    someone completes a course, so nothing here changes when courses arrive.
    """

    assignment_type = models.CharField(
        _("type of assignment"), max_length=20, choices=AssignmentType.choices, unique=True
    )
    course = models.CharField(_("course required"), max_length=200)

    class Meta:
        verbose_name = _("course requirement")
        verbose_name_plural = _("course requirements")
        ordering = ["assignment_type"]

    def __str__(self) -> str:
        return f"{self.get_assignment_type_display()}: {self.course}"


class Mode(models.TextChoices):
    ONSITE = "onsite", _("on site")
    REMOTE = "remote", _("remote")


class ExpertRequest(models.Model):
    """Staff ask for experts for one type of assignment: a workshop, a working group, staff
    training, collecting feedback, monitoring quality, evaluating or observing."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FILLED = "filled", _("filled")
        CANCELLED = "cancelled", _("cancelled")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="expert_requests"
    )
    topic = models.CharField(_("topic"), max_length=200)
    assignment_type = models.CharField(
        _("type of assignment"),
        max_length=20,
        choices=AssignmentType.choices,
        default=AssignmentType.WORKSHOP,
        db_index=True,
    )
    description = models.TextField(_("description"), blank=True)
    areas = models.ManyToManyField(
        ExperienceArea, verbose_name=_("experience areas needed"), blank=True
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="fi")
    starts_at = models.DateTimeField(_("date and time"))
    mode = models.CharField(_("on site or remote"), max_length=10, choices=Mode.choices)
    duration_hours = models.DecimalField(
        _("duration (hours)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    role = models.CharField(_("role wanted"), max_length=20, choices=ExpertRole.choices)
    people_needed = models.PositiveSmallIntegerField(
        _("number of people"), default=1, validators=[MinValueValidator(1)]
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, null=True, blank=True
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("place (municipality)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # A co-development project's facilitator asks the pool for group members (#17 item 2).
    project = models.ForeignKey(
        "codevelopment.Project",
        verbose_name=_("co-development project"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # A request given to a developer group, which shares the work among its members (item 7).
    group = models.ForeignKey(
        "DeveloperGroup",
        verbose_name=_("developer group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("expert request")
        verbose_name_plural = _("expert requests")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("experts:request_detail", kwargs={"pk": self.pk})


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    request = models.ForeignKey(ExpertRequest, on_delete=models.CASCADE, related_name="invitations")
    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "profile"], name="one_invitation_per_person")
        ]
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.request} – {self.profile}"

    def get_absolute_url(self) -> str:
        return reverse("experts:invitation", kwargs={"token": self.token})


class Assignment(models.Model):
    """An accepted invitation: the work itself. It cannot start without a signed contract."""

    class Status(models.TextChoices):
        AGREED = "agreed", _("agreed, contract pending")
        STARTED = "started", _("started")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    request = models.ForeignKey(ExpertRequest, on_delete=models.PROTECT, related_name="assignments")
    profile = models.ForeignKey(ExpertProfile, on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(max_length=20, choices=ExpertRole.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AGREED)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "profile"], name="one_assignment_per_person")
        ]
        ordering = ["-request__starts_at"]

    def __str__(self) -> str:
        return f"{self.request.topic} – {self.profile.name}"

    def get_absolute_url(self) -> str:
        return reverse("experts:assignment", kwargs={"pk": self.pk})


# Seed 000: the contract is named after the role the person takes in the assignment.
CONTRACT_TITLES = {
    ExpertRole.DEVELOPER_CLIENT: _("Developer-client contract, version %(version)s"),
    ExpertRole.EXPERT: _("Expert-by-experience contract, version %(version)s"),
    ExpertRole.OTHER: _("Experience actor contract, version %(version)s"),
}


class Contract(models.Model):
    """One version of the contract; a change makes a new version and both sign again."""

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="contracts")
    version = models.PositiveSmallIntegerField()
    # {"fi": [[title, text], ...6], "sv": [...]}: the text as signed, in both languages.
    sections = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    superseded = models.BooleanField(default=False)
    expert_signed_at = models.DateTimeField(null=True, blank=True)
    expert_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    coordinator_signed_at = models.DateTimeField(null=True, blank=True)
    coordinator_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "version"], name="contract_version")
        ]
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.assignment} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("experts:contract", kwargs={"pk": self.pk})

    @property
    def fully_signed(self) -> bool:
        return bool(self.expert_signed_at and self.coordinator_signed_at)

    @property
    def title(self) -> str:
        """The contract's name by the person's role, in the active language."""
        return str(CONTRACT_TITLES[ExpertRole(self.assignment.role)]) % {"version": self.version}


class FeeTable(models.Model):
    """Fees of one role for a period (seed 000: developer clients a fee and travel, experts by
    experience travel and an expense allowance); the kilometre rate is set per year."""

    role = models.CharField(_("role"), max_length=20, choices=ExpertRole.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))
    hourly_fee = models.DecimalField(_("hourly fee"), max_digits=8, decimal_places=2, default=ZERO)
    half_day_fee = models.DecimalField(
        _("half-day fee"), max_digits=8, decimal_places=2, default=ZERO
    )
    day_fee = models.DecimalField(_("day fee"), max_digits=8, decimal_places=2, default=ZERO)
    km_rate = models.DecimalField(
        _("kilometre allowance (€/km)"), max_digits=6, decimal_places=3, default=ZERO
    )
    expense_allowance = models.DecimalField(
        _("expense allowance per day"), max_digits=8, decimal_places=2, default=ZERO
    )

    class Meta:
        verbose_name = _("fee table")
        verbose_name_plural = _("fee tables")
        ordering = ["role", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=F("valid_from")), name="fee_table_ends_after_start"
            ),
            models.UniqueConstraint(fields=["role", "valid_from"], name="one_fee_table_per_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.valid_from:%d.%m.%Y}–{self.valid_to:%d.%m.%Y}"


class Claim(models.Model):
    """A claim for fees, travel and expenses after an assignment; amounts are priced per line."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned")
        PAID = "paid", _("paid")

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="claims")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    return_reason = models.TextField(_("reason"), blank=True)
    submitted_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    fee_total = models.DecimalField(max_digits=10, decimal_places=2, default=ZERO)
    travel_total = models.DecimalField(max_digits=10, decimal_places=2, default=ZERO)
    allowance_total = models.DecimalField(max_digits=10, decimal_places=2, default=ZERO)
    expenses_total = models.DecimalField(max_digits=10, decimal_places=2, default=ZERO)
    total = models.DecimalField(max_digits=10, decimal_places=2, default=ZERO)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.assignment} {self.total} €"

    def get_absolute_url(self) -> str:
        return reverse("experts:claim_detail", kwargs={"pk": self.pk})


class ClaimLine(models.Model):
    """Work on one date, priced by the fee table valid on that date."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=2, default=ZERO)
    half_days = models.PositiveSmallIntegerField(_("half days"), default=0)
    days = models.PositiveSmallIntegerField(_("days"), default=0)
    km = models.DecimalField(_("kilometres"), max_digits=7, decimal_places=1, default=ZERO)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return str(self.date)


def receipt_path(instance: ClaimExpense, filename: str) -> str:
    return f"experts/receipts/{instance.claim_id}/{secrets.token_hex(8)}-{filename[-60:]}"


class ClaimExpense(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="expenses")
    description = models.CharField(_("expense"), max_length=200)
    amount = models.DecimalField(_("amount (€)"), max_digits=8, decimal_places=2)
    receipt = models.FileField(_("receipt"), upload_to=receipt_path, max_length=300)

    def __str__(self) -> str:
        return self.description


class AssignmentFeedback(models.Model):
    """Short feedback after an assignment, from the expert and from the organisation's side."""

    class Side(models.TextChoices):
        EXPERT = "expert", _("expert")
        ORGANISATION = "organisation", _("organisation")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="feedback")
    side = models.CharField(max_length=20, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(_("how did it go? (1–5)"))
    text = models.TextField(_("comments"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "side"], name="one_feedback_per_side"),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} ({self.side})"


class Gathering(models.TextChoices):
    """Where a feedback collector met the client (#17 item 3)."""

    UNIT = "unit", _("at the unit")
    PEER_GROUP = "peer_group", _("in a peer group")
    ASSOCIATION = "association", _("at an association's meeting")


class CollectedFeedback(models.Model):
    """A feedback item a collector entered for a client: who collected it, where, and when the
    client gave oral consent. The feedback itself lives in the feedback store (channel
    `expert`); this row only ties it to the assignment, for the counts and the fees."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.PROTECT, related_name="collected_feedback"
    )
    feedback = models.OneToOneField(
        "feedback.Feedback", on_delete=models.CASCADE, related_name="collected_by"
    )
    gathering = models.CharField(
        _("where the feedback was gathered"), max_length=20, choices=Gathering.choices
    )
    consent_at = models.DateTimeField(_("client's oral consent"))

    class Meta:
        verbose_name = _("collected feedback")
        verbose_name_plural = _("collected feedback")

    def __str__(self) -> str:
        return f"{self.assignment} #{self.feedback_id}"


class GroupOwner(models.TextChoices):
    COUNTY = "county", _("the county")
    PRODUCER = "producer", _("a service producer")
    PARTNER = "partner", _("a partner organisation")


class DeveloperGroup(models.Model):
    """A developer group (#17 item 7): it moves through seed 000's seven steps as a group and
    returns to its home base (the unit, organisation or network) between assignments."""

    name = models.CharField(_("name"), max_length=200)
    owner_kind = models.CharField(_("owned by"), max_length=20, choices=GroupOwner.choices)
    owner_name = models.CharField(_("owner's name"), max_length=200)
    home_base = models.CharField(
        _("home base"),
        max_length=200,
        help_text=_("The unit, organisation or network the group returns to between assignments."),
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.PROTECT,
        related_name="coordinated_groups",
    )
    support_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("support person"),
        on_delete=models.PROTECT,
        related_name="supported_groups",
    )
    members = models.ManyToManyField(
        ExpertProfile, verbose_name=_("members"), blank=True, related_name="developer_groups"
    )
    stage = models.CharField(_("step"), max_length=20, choices=Stage.choices, default=Stage.FORMING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("developer group")
        verbose_name_plural = _("developer groups")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("experts:group", kwargs={"pk": self.pk})

    @property
    def step_number(self) -> int:
        """1 (forming) to 7 (support and home base)."""
        return Stage.values.index(self.stage) + 1

    @property
    def reached_contract(self) -> bool:
        """Seed 000: no member works before the group has reached the contract step."""
        return Stage.values.index(self.stage) >= Stage.values.index(Stage.CONTRACT)


class GroupStep(models.Model):
    """The group reached one of the seven steps: when, and notes."""

    group = models.ForeignKey(DeveloperGroup, on_delete=models.CASCADE, related_name="steps")
    stage = models.CharField(_("step"), max_length=20, choices=Stage.choices)
    reached_on = models.DateField(_("date"))
    notes = models.TextField(_("notes"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("step of a developer group")
        verbose_name_plural = _("steps of developer groups")
        ordering = ["group", "reached_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "stage"], name="group_reaches_a_step_once")
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.get_stage_display()}"
