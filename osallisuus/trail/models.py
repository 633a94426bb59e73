"""The accountability trail: actions, matters carried to decision makers, their decisions, the
links from inputs of every kind to them, and the events that are told back to givers.

Inputs are addressed by (kind, pk) through the registry in kinds.py, never by a foreign key
into another app, so a new input kind needs no migration here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import DecisionBody, Service, Unit


class PublicTextMixin(models.Model):
    """A public text in the three languages; the reader gets theirs, or the Finnish one."""

    public_text_fi = models.TextField(_("public text in Finnish"), blank=True)
    public_text_sv = models.TextField(_("public text in Swedish"), blank=True)
    public_text_en = models.TextField(_("public text in English"), blank=True)

    class Meta:
        abstract = True

    def public_texts(self) -> dict[str, str]:
        return {
            lang: text
            for lang in ("fi", "sv", "en")
            if (text := getattr(self, f"public_text_{lang}"))
        }

    def public_text(self, language: str | None = None) -> str:
        language = (language or get_language() or "fi")[:2]
        texts = self.public_texts()
        return texts.get(language) or texts.get("fi") or next(iter(texts.values()), "")


class ScopeMixin(models.Model):
    """Where something belongs: one unit, or a whole service (or the county when neither)."""

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )

    class Meta:
        abstract = True


class Action(PublicTextMixin, ScopeMixin):
    """What is being done about one or many inputs, by a named owner."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_actions",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    # Why it was dropped (required then), or anything the owner wants to say on closing.
    reasons = models.TextField(_("reasons"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="dropped") | ~Q(reasons=""),
                name="dropped_action_has_reasons",
            ),
            models.CheckConstraint(
                condition=Q(unit__isnull=True) | Q(service__isnull=True),
                name="action_scope_is_unit_or_service",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        language = (get_language() or "fi")[:2]
        return str(getattr(self, f"title_{language}", "") or self.title_fi)


class Matter(ScopeMixin):
    """Client knowledge carried by a named person to a decision-making body or office-holder."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    carrier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="carried_matters",
        verbose_name=_("carried by"),
    )
    # The target: a body of the register, or a named office-holder (an account when they have
    # one, else their title and name as text).
    target_body = models.ForeignKey(
        DecisionBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="matters",
        verbose_name=_("decision-making body"),
    )
    target_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="matters_to_decide",
        verbose_name=_("office-holder"),
    )
    target_office = models.CharField(
        _("office-holder (title and name)"), max_length=200, blank=True
    )
    carried_on = models.DateField(_("carried on"), null=True, blank=True)
    actions = models.ManyToManyField(
        Action, blank=True, related_name="matters", verbose_name=_("actions")
    )
    # The agenda reference, once the matter is on an agenda.
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    agenda_item = models.CharField(_("agenda item"), max_length=20, blank=True)
    diary_number = models.CharField(_("diary number"), max_length=50, blank=True)
    minutes_url = models.URLField(_("link to the minutes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("matter")
        verbose_name_plural = _("matters")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_body__isnull=False)
                | Q(target_person__isnull=False)
                | ~Q(target_office=""),
                name="matter_has_a_target",
            ),
            models.CheckConstraint(
                condition=Q(unit__isnull=True) | Q(service__isnull=True),
                name="matter_scope_is_unit_or_service",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Decision(PublicTextMixin):
    """What was decided on a matter, always with reasons."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        ACCEPTED_WITH_CHANGES = "changed", _("accepted with changes")
        REJECTED = "rejected", _("rejected")
        REFERRED = "referred", _("referred elsewhere")
        NOT_NEEDED = "not_needed", _("no decision needed")

    matter = models.OneToOneField(
        Matter, on_delete=models.CASCADE, related_name="decision", verbose_name=_("matter")
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    # Who decided: the body or office-holder as text (as the minutes name them); who recorded it.
    decided_by = models.CharField(_("decided by"), max_length=200)
    decided_on = models.DateField(_("decided on"))
    reasons = models.TextField(_("reasons"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(condition=~Q(reasons=""), name="decision_has_reasons"),
        ]

    def __str__(self) -> str:
        return f"{self.matter}: {self.get_outcome_display()}"


class InputLink(models.Model):
    """One input (of any registered kind) linked to an action or a matter: many-to-many."""

    kind = models.CharField(_("kind of input"), max_length=30)
    object_id = models.PositiveBigIntegerField()
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="input_links"
    )
    matter = models.ForeignKey(
        Matter, on_delete=models.CASCADE, null=True, blank=True, related_name="input_links"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField(auto_now_add=True)
    # Where and when the input was given, copied from a kind that keeps its links' places
    # (kinds.py, `places`), so the trail figures read a unit's links without reading every
    # input of the period. Null for other kinds and for inputs the figures leave out.
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", db_index=False
    )
    given_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("linked input")
        verbose_name_plural = _("linked inputs")
        indexes = [
            models.Index(fields=["kind", "object_id"], name="input_link_input"),
            models.Index(fields=["kind", "unit", "given_on"], name="input_link_place"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__isnull=False, matter__isnull=True)
                | Q(action__isnull=True, matter__isnull=False),
                name="input_link_to_action_or_matter",
            ),
            models.UniqueConstraint(
                fields=["kind", "object_id", "action"],
                condition=Q(action__isnull=False),
                name="input_linked_once_per_action",
            ),
            models.UniqueConstraint(
                fields=["kind", "object_id", "matter"],
                condition=Q(matter__isnull=False),
                name="input_linked_once_per_matter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} → {self.action or self.matter}"


class TrailEvent(PublicTextMixin):
    """A step on an action's or a matter's timeline; its public text is what givers are told."""

    class Kind(models.TextChoices):
        ACTION_CREATED = "action_created", _("action planned")
        ACTION_STATUS = "action_status", _("action status changed")
        MATTER_CARRIED = "matter_carried", _("carried to the decision maker")
        MATTER_ON_AGENDA = "matter_agenda", _("on the agenda")
        DECISION = "decision", _("decided")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    matter = models.ForeignKey(
        Matter, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    status = models.CharField(_("status"), max_length=20, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # How many givers were told of this step (set when the messages were queued).
    givers_told = models.PositiveIntegerField(_("givers told"), default=0)

    class Meta:
        verbose_name = _("trail event")
        verbose_name_plural = _("trail events")
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__isnull=False, matter__isnull=True)
                | Q(action__isnull=True, matter__isnull=False),
                name="trail_event_of_action_or_matter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.action or self.matter})"


class Briefing(models.Model):
    """A decision-making body's briefing for one period (#15 item 6): what its members should
    know, built by `manage.py build_briefings` and rebuilt in place.

    `content` is a snapshot of figures, theme codes, redacted or published quotes and the ids of
    matters and actions, never a giver's identity or contact details; the page, the PDF and the
    e-mail read it in the reader's language (briefings/selectors.py).
    """

    body = models.ForeignKey(
        DecisionBody,
        on_delete=models.CASCADE,
        related_name="briefings",
        verbose_name=_("decision-making body"),
    )
    # From `period_start` up to but not including `period_end` (whole months).
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    content = models.JSONField(_("content"), default=dict)
    built_at = models.DateTimeField(_("built"))
    # When the members were sent the link (once per briefing; a rebuild does not send again).
    sent_at = models.DateTimeField(_("sent to the members"), null=True, blank=True)

    class Meta:
        verbose_name = _("briefing")
        verbose_name_plural = _("briefings")
        ordering = ["-period_start", "body__name_fi"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "period_start"], name="one_briefing_per_period"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gt=F("period_start")), name="briefing_period_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.period_start:%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("briefings:detail", kwargs={"pk": self.pk})

    @property
    def period_label(self) -> str:
        from .briefings.periods import BriefingPeriod, period_label

        return period_label(BriefingPeriod(self.period_start, self.period_end))
