"""Question sets, feedback items from every channel, their status trail and answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Service, Unit

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class QuestionType(models.TextChoices):
    SCALE5 = "scale5", _("scale 1–5")
    NPS = "nps", _("recommendation 0–10")
    YESNO = "yesno", _("yes or no")
    CHOICE = "choice", _("choice")
    TEXT = "text", _("free text")


class QuestionSet(models.Model):
    """A versioned set of questions. Answers point at the version they were asked with."""

    key = models.SlugField(_("key"), max_length=50)
    version = models.PositiveIntegerField(_("version"), default=1)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    source = models.TextField(_("source of the wording"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    is_default = models.BooleanField(_("default set"), default=False)
    comment_first = models.BooleanField(
        _("ask for the comment first"),
        default=False,
        help_text=_(
            "The comment box comes before the other questions: a short form is more likely "
            "to be finished, and the giver tells their story in their own words first."
        ),
    )

    class Meta:
        verbose_name = _("question set")
        verbose_name_plural = _("question sets")
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="unique_question_set_version")
        ]

    def __str__(self) -> str:
        return f"{self.name_fi} v{self.version}"


class Question(models.Model):
    question_set = models.ForeignKey(
        QuestionSet, on_delete=models.CASCADE, related_name="questions"
    )
    key = models.SlugField(_("key"), max_length=50)
    type = models.CharField(_("type"), max_length=10, choices=QuestionType.choices)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_fi = models.CharField(_("text in Finnish"), max_length=300)
    text_sv = models.CharField(_("text in Swedish"), max_length=300)
    text_en = models.CharField(_("text in English"), max_length=300)
    # Plain-language (selkokieli) variants, shown when the giver asks for easy language.
    plain_fi = models.CharField(_("plain Finnish"), max_length=300, blank=True)
    plain_sv = models.CharField(_("plain Swedish"), max_length=300, blank=True)
    # For choice questions: [{"value": "x", "fi": "...", "sv": "...", "en": "..."}].
    options = models.JSONField(_("options"), default=list, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["question_set", "order"]
        constraints = [
            models.UniqueConstraint(fields=["question_set", "key"], name="unique_question_key")
        ]

    def __str__(self) -> str:
        return self.key

    def text(self, language: str | None = None, *, plain: bool = False) -> str:
        language = (language or get_language() or "fi")[:2]
        plain_text = str(getattr(self, f"plain_{language}", None) or "")
        if plain and plain_text:
            return plain_text
        return str(getattr(self, f"text_{language}", None) or self.text_fi)

    def option_label(self, option: dict[str, Any], language: str | None = None) -> str:
        language = (language or get_language() or "fi")[:2]
        return str(option.get(language) or option.get("fi") or option["value"])


class QuestionSetChoice(models.Model):
    """Which question set a unit or a whole service uses (a unit's own choice wins)."""

    question_set_key = models.SlugField(_("question set"), max_length=50)
    unit = models.OneToOneField(
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("question set choice")
        verbose_name_plural = _("question set choices")
        constraints = [
            models.CheckConstraint(
                condition=(Q(unit__isnull=True) & Q(service__isnull=False))
                | (Q(unit__isnull=False) & Q(service__isnull=True)),
                name="question_set_choice_for_unit_or_service",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_set_key} → {self.unit or self.service}"


class Channel(models.TextChoices):
    WEB = "web", _("web form")
    QR = "qr", _("QR code")
    KIOSK = "kiosk", _("kiosk")
    API = "api", _("other system (API)")
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("text message")
    PHONE = "phone", _("phone")
    PAPER = "paper", _("paper form")
    # Gathered from clients by an expert by experience on a collector assignment (#17 item 3).
    EXPERT = "expert", _("expert by experience")


class Status(models.TextChoices):
    RECEIVED = "received", _("received")
    IN_PROGRESS = "in_progress", _("in progress")
    ANSWERED = "answered", _("answered")
    ACTION_PLANNED = "action_planned", _("action planned")
    CHANGE_MADE = "change_made", _("change made")
    NO_CHANGE = "no_change", _("no change, with reasons")
    CLOSED = "closed", _("closed")


# Steps before the giver has been answered: only these can be overdue or wait for handling.
OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)


class Sentiment(models.TextChoices):
    POSITIVE = "positive", _("positive")
    NEGATIVE = "negative", _("negative")
    MIXED = "mixed", _("mixed")
    NEUTRAL = "neutral", _("neutral")


class FeedbackQuerySet(models.QuerySet["Feedback"]):
    def visible_to(self, user: User) -> FeedbackQuerySet:
        """Only feedback about units the user handles; nothing for anyone else (decision
        makers included: they read figures and redacted text through the report selectors)."""
        from osallisuus.accounts.selectors import units_handled_by

        return self.filter(unit__in=units_handled_by(user))


class Feedback(models.Model):
    """One piece of feedback, whatever door it came through."""

    reply_code = models.CharField(_("reply code"), max_length=9, unique=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="feedback")
    question_set = models.ForeignKey(
        QuestionSet, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=2, default="fi")
    text = models.TextField(_("text"), blank=True)
    received_at = models.DateTimeField(_("received"), db_index=True)
    due_at = models.DateTimeField(_("answer due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.RECEIVED
    )
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True)
    publish_consent = models.BooleanField(_("consents to publication"), default=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    # Text analysis, filled on arrival; staff can correct the labels.
    themes = models.JSONField(_("themes"), default=list, blank=True)
    # Of them, those the second reading is unsure of (analysis.pipeline.Analysis.uncertain).
    uncertain_themes = models.JSONField(default=list, blank=True, editable=False)
    sentiment = models.CharField(
        _("sentiment"), max_length=10, choices=Sentiment.choices, blank=True
    )
    urgent = models.BooleanField(_("urgent"), default=False)
    redacted_text = models.TextField(_("text without personal data"), blank=True)
    # Kiosk presses that came too fast to be real answers are kept but left out of figures.
    suspected_mashing = models.BooleanField(_("suspected button-mashing"), default=False)
    # Which kiosk device an answer came from (a random id the kiosk keeps), so that two kiosks
    # of one unit answered at the same moment by different people are not taken for mashing.
    kiosk_device = models.CharField(max_length=36, blank=True, default="")
    overall_score = models.PositiveSmallIntegerField(null=True, blank=True)
    # The semantic tier's second reading of the comment is still to come (feedback.refinement):
    # the worker reads waiting comments in batches, as many as have arrived, oldest first.
    second_reading_pending = models.BooleanField(default=True, editable=False)
    # The participant who linked this feedback to their account by its reply code, to follow
    # it on their own page (/oma/). Only that person ever sees the link: staff, decision makers
    # and the inbox never learn who gave feedback.
    linked_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["unit", "-received_at"]),
            models.Index(fields=["status", "due_at"]),
            # The staff inbox (feedback.selectors.inbox_for) in its own order, kiosk presses
            # that came too fast left out as the inbox leaves them out. Items waiting for an
            # answer (few of all) county-wide and by unit: "urgent first, then newest".
            models.Index(
                F("urgent").desc(),
                F("received_at").desc(),
                F("id").desc(),
                name="feedback_inbox_open",
                condition=Q(status__in=OPEN_STATUSES, suspected_mashing=False),
            ),
            models.Index(
                "unit",
                F("urgent").desc(),
                F("received_at").desc(),
                F("id").desc(),
                name="feedback_inbox_unit_open",
                condition=Q(status__in=OPEN_STATUSES, suspected_mashing=False),
            ),
            # Overdue items are open ones past due_at: counted from this small index.
            models.Index(
                fields=["due_at"],
                name="feedback_open_due",
                condition=Q(status__in=OPEN_STATUSES, suspected_mashing=False),
            ),
            # Comments waiting for their second reading (few: the worker reads them moments
            # after they arrive), oldest first.
            models.Index(
                fields=["id"],
                name="feedback_second_reading",
                condition=Q(second_reading_pending=True) & ~Q(text=""),
            ),
            # Every item: urgent-and-open first (the same CASE as the inbox orders by).
            # Migration 0005 adds a GIN index on themes too, on PostgreSQL only.
            models.Index(
                Case(
                    When(
                        status__in=tuple(str(status) for status in OPEN_STATUSES),
                        urgent=True,
                        then=Value(0),
                    ),
                    default=Value(1),
                    output_field=models.IntegerField(),
                ),
                F("received_at").desc(),
                F("id").desc(),
                name="feedback_inbox_all",
                condition=Q(suspected_mashing=False),
            ),
        ]

    def __str__(self) -> str:
        return self.reply_code

    def get_absolute_url(self) -> str:
        return reverse("feedback:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        """Not answered yet: the response time still runs."""
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        """Unanswered past the response time (settings.FEEDBACK_RESPONSE_DAYS)."""
        return bool(self.is_open and self.due_at and self.due_at < timezone.now())


class Contact(models.Model):
    """The giver's contact details: optional, consented, kept apart from the text, erased later."""

    feedback = models.OneToOneField(Feedback, on_delete=models.CASCADE, related_name="contact")
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("consent given"))

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self) -> str:
        return f"contact #{self.pk}"


class Answer(models.Model):
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value_int = models.SmallIntegerField(null=True, blank=True)
    value_text = models.CharField(max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feedback", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.question.key}={self.value}"

    @property
    def value(self) -> Any:
        return self.value_int if self.value_int is not None else self.value_text


class StatusEvent(models.Model):
    """A step in the handling. What the giver sees is its public text, written on purpose."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("time"))
    status = models.CharField(_("status"), max_length=15, choices=Status.choices)
    public_text = models.TextField(_("public text"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.feedback_id} {self.status}"


class Reply(models.Model):
    """An answer to the giver, shown at the status page by reply code."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="replies")
    at = models.DateTimeField(_("time"))
    text = models.TextField(_("reply"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self) -> str:
        return f"reply to {self.feedback_id}"


class InternalNote(models.Model):
    """Staff-only notes; never shown to the giver or the public."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="notes")
    at = models.DateTimeField(_("time"), auto_now_add=True)
    text = models.TextField(_("note"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"note on {self.feedback_id}"


class PublicationDecision(models.TextChoices):
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("not published")
    UNPUBLISHED = "unpublished", _("taken down")


class Publication(models.Model):
    """A moderator's decision on a consented comment. Only `published_text` is ever public.

    The text is the redacted version a person confirmed; the original never leaves the inbox.
    The rejection or take-down reason is internal and never shown publicly.
    """

    feedback = models.OneToOneField(Feedback, on_delete=models.CASCADE, related_name="publication")
    decision = models.CharField(_("decision"), max_length=12, choices=PublicationDecision.choices)
    published_text = models.TextField(_("published text"), blank=True)
    # The language the published text is written in (for lang= on the public page).
    text_language = models.CharField(_("language of the text"), max_length=2, default="fi")
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    decided_at = models.DateTimeField(_("decided"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    reason = models.TextField(_("internal reason"), blank=True)
    # The unit's texts shown with the story as the moderator confirmed them, by "reply:<pk>" and
    # "event:<pk>"; a text not here (written after publication) is shown redacted automatically.
    staff_texts = models.JSONField(_("confirmed texts of the unit"), default=dict, blank=True)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision="published")
                | (Q(published_at__isnull=False) & ~Q(published_text="")),
                name="published_story_has_text_and_time",
            ),
            models.CheckConstraint(
                condition=Q(decision="published") | ~Q(reason=""),
                name="story_not_published_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.feedback_id} {self.decision}"


class PublicationEvent(models.Model):
    """Append-only history of publication decisions: who published, rejected or took down."""

    feedback = models.ForeignKey(
        Feedback, on_delete=models.CASCADE, related_name="publication_events"
    )
    at = models.DateTimeField(_("time"))
    decision = models.CharField(_("decision"), max_length=12, choices=PublicationDecision.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("published text"), blank=True)
    reason = models.TextField(_("internal reason"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("publication event")
        verbose_name_plural = _("publication events")

    def __str__(self) -> str:
        return f"{self.feedback_id} {self.decision} {self.at:%Y-%m-%d}"


class ReplyTemplate(models.Model):
    """A reply staff can start from, in the three languages; optionally for one unit or service.

    Coordinators maintain them in the admin screens; the reply form offers the ones that fit
    the feedback's unit and fills in the text in the giver's language.
    """

    title = models.CharField(_("title"), max_length=200)
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("only for unit"),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("only for service"),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=True) | Q(service__isnull=True),
                name="reply_template_for_unit_or_service",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def text(self, language: str | None = None) -> str:
        """The text in `language`, falling back to Finnish."""
        language = (language or get_language() or "fi")[:2]
        return str(getattr(self, f"text_{language}", "") or self.text_fi)
