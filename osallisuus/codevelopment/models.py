"""Co-development projects (seed 000's cycle), their group, workshops, shared boards, decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Service, Unit

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser


class Stage(models.TextChoices):
    """The co-development cycle of seed 000, in order."""

    PREPARATION = "preparation", _("preparation and recruitment")
    MEETINGS = "meetings", _("development meetings")
    TRIAL = "trial", _("trial")
    EVALUATION = "evaluation", _("joint evaluation")
    ROOTING = "rooting", _("change in practice and rooting")
    CONTINUOUS = "continuous", _("continuous development")


STAGE_ORDER = [choice.value for choice in Stage]


class GroupRole(models.TextChoices):
    FACILITATOR = "facilitator", _("facilitator")
    PROFESSIONAL = "professional", _("professional")
    SUPERVISOR = "supervisor", _("supervisor")
    CLIENT = "client", _("client")
    EXPERT = "expert", _("expert by experience")


# Seed 001: leaving out the facilitator, about as many clients as professionals.
CLIENT_SIDE = frozenset({GroupRole.CLIENT, GroupRole.EXPERT})
PROFESSIONAL_SIDE = frozenset({GroupRole.PROFESSIONAL, GroupRole.SUPERVISOR})


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    CHANGED = "changed", _("accepted with changes")
    REJECTED = "rejected", _("rejected")


class ProjectQuerySet(models.QuerySet["Project"]):
    def visible_to(self, user: MaybeUser) -> ProjectQuerySet:
        """Group members see their projects; staff see projects of units in their scope."""
        from osallisuus.accounts.models import Role
        from osallisuus.accounts.selectors import roles_of, units_in_scope

        if not user.is_authenticated:
            return self.none()
        roles = roles_of(user)
        if roles & {Role.COORDINATOR, Role.ADMINISTRATOR, Role.DECISION_MAKER}:
            return self.all()
        condition = Q(members__user=user)
        if roles & {Role.STAFF, Role.UNIT_MANAGER}:
            scope = units_in_scope(user)
            condition |= Q(units__in=scope) | Q(service__units__in=scope)
        return self.filter(pk__in=self.model.objects.filter(condition).values("pk"))


class Project(models.Model):
    """A development target that clients and professionals work on together."""

    title = models.CharField(_("title"), max_length=200)
    target = models.TextField(
        _("development target"), help_text=_("What should change, in plain language.")
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="codevelopment_projects",
        verbose_name=_("service"),
    )
    units = models.ManyToManyField(
        Unit, blank=True, related_name="codevelopment_projects", verbose_name=_("units")
    )
    feedback = models.ManyToManyField(
        "feedback.Feedback",
        blank=True,
        related_name="codevelopment_projects",
        verbose_name=_("feedback that started the project"),
    )
    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.PREPARATION
    )
    is_public = models.BooleanField(_("show on the public project page"), default=False)
    public_summary = models.TextField(_("summary in plain language"), blank=True)
    solution_models = models.TextField(_("solution models"), blank=True)
    trial_plan = models.TextField(_("trial plan"), blank=True)
    evaluation_criteria = models.TextField(_("evaluation criteria"), blank=True)
    trial_results = models.TextField(_("trial results"), blank=True)
    proposal = models.TextField(_("decision proposal"), blank=True)
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision maker"),
    )
    # #15: the matter that carries the group's proposal to decision making; the project enters
    # "change in practice" only once this matter (its carrier named) has a decision.
    matter = models.ForeignKey(
        "trail.Matter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("matter carried to decision making"),
    )
    proposal_sent_at = models.DateTimeField(_("proposal sent"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("co-development project")
        verbose_name_plural = _("co-development projects")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="") | Q(decided_at__isnull=False),
                name="codevelopment_decision_has_time",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("codevelopment:project", kwargs={"pk": self.pk})

    def stage_index(self) -> int:
        return STAGE_ORDER.index(self.stage)


class StageAnswer(models.Model):
    """The group's answer to one guiding question of a stage."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="answers")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    question = models.CharField(max_length=40)
    text = models.TextField(_("answer"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "stage", "question"], name="codevelopment_one_answer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.stage} {self.question}"


class StageChange(models.Model):
    """Who moved the project from one stage to another, and when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=12, choices=Stage.choices)
    to_stage = models.CharField(_("to"), max_length=12, choices=Stage.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("time"))

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.from_stage} → {self.to_stage}"


class Member(models.Model):
    """A person in the project's group, with their role in it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="codevelopment_memberships"
    )
    role = models.CharField(_("role in the group"), max_length=12, choices=GroupRole.choices)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="codevelopment_one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class Workshop(models.Model):
    """A co-development meeting, on site and/or remote, with its own shared board."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="workshops")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    remote_link = models.URLField(_("remote link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    pre_tasks = models.TextField(_("pre-tasks"), blank=True)
    between_tasks = models.TextField(_("between-tasks"), blank=True)
    votes_per_participant = models.PositiveSmallIntegerField(_("votes per participant"), default=3)
    invitations_sent_at = models.DateTimeField(_("invitations sent"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="codevelopment_workshop_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(place="", remote_link=""), name="codevelopment_workshop_has_place"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("codevelopment:workshop", kwargs={"pk": self.pk})


class Material(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="codevelopment/materials/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    """A participant's sign-up, with what they need to take part, and whether they came."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    remote = models.BooleanField(_("I take part remotely"), default=False)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    attended = models.BooleanField(_("attended"), null=True)
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user"], name="codevelopment_one_registration"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.workshop_id}"


class Column(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="columns")
    title = models.CharField(_("column title"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Note(models.Model):
    """A sticky note on the board. The author's role is kept even when posted anonymously."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="notes")
    column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_role = models.CharField(_("author's role"), max_length=12, choices=GroupRole.choices)
    anonymous = models.BooleanField(_("post anonymously"), default=False)
    text = models.TextField(_("note"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    # Bumped by edits, moves, comments and votes: the board's polling cursor.
    updated_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class Comment(models.Model):
    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_role = models.CharField(_("author's role"), max_length=12, choices=GroupRole.choices)
    text = models.TextField(_("comment"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class Vote(models.Model):
    """One dot. A participant may put several dots on one note, up to the workshop's limit."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.voter_id} → {self.note_id}"
