"""Training courses (#17 item 6; the group step "Koulutus & Valmennus"): the catalogue, its
sessions, enrolments with approval and a waiting list, attendance, completion and course
feedback through a question set of the feedback store (#3)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    # Seed 002 trained producers' staff and coached supervisors; seed 000 trains experts.
    EXPERTS = "experts", _("experts by experience")
    STAFF = "staff", _("staff")
    SUPERVISORS = "supervisors", _("supervisors")
    PRODUCERS_STAFF = "producers_staff", _("producers' staff")


class Course(models.Model):
    """One course of the catalogue. Completing it may unlock types of expert assignments."""

    title = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    organiser = models.CharField(_("organiser"), max_length=200)
    capacity = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1)], default=20
    )
    # The completion rule: attended at least this many sessions.
    sessions_required = models.PositiveSmallIntegerField(
        _("sessions to attend for completion"), validators=[MinValueValidator(1)], default=1
    )
    # Assignment types of the pool (comma-separated) whose course requirement completion meets.
    unlocks = models.CharField(_("unlocks assignment types"), max_length=200, blank=True)
    question_set = models.ForeignKey(
        "feedback.QuestionSet",
        verbose_name=_("feedback questions"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Seed 002: two courses were tailored from the pilot coaching's feedback.
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("tailored from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followers",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="course_has_places"),
            models.CheckConstraint(
                condition=Q(sessions_required__gte=1), name="course_completion_needs_a_session"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("training:course", kwargs={"pk": self.pk})

    @property
    def unlock_list(self) -> list[str]:
        return [code for code in self.unlocks.split(",") if code]


class Session(models.Model):
    """One meeting of a course, on site or remote."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    remote_link = models.URLField(_("remote link"), blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(remote_link=""), name="session_has_place_or_link"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course} {self.starts_at:%Y-%m-%d}"


class Enrolment(models.Model):
    """A person's place on a course: asked for, approved (a place), or waiting for one."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("waiting for approval")
        APPROVED = "approved", _("place confirmed")
        WAITING = "waiting", _("on the waiting list")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")
        COMPLETED = "completed", _("completed")

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Order of the waiting list: when the person was put on it.
    waiting_since = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    certificate_number = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "user"],
                condition=~Q(status__in=["cancelled", "declined"]),
                name="one_live_enrolment_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.course} – {self.user}"

    @property
    def holds_place(self) -> bool:
        return self.status in (self.Status.APPROVED, self.Status.COMPLETED)


class Attendance(models.Model):
    """The person was at the session (marked by the course's coordinator)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="attended_once")
        ]

    def __str__(self) -> str:
        return f"{self.session} – {self.enrolment.user}"


class CourseFeedback(models.Model):
    """A participant's answers to the course's question set, {question key: value}."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="course_feedback"
    )
    question_set = models.ForeignKey(
        "feedback.QuestionSet", on_delete=models.PROTECT, related_name="+"
    )
    answers = models.JSONField(default=dict)
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course feedback")
        verbose_name_plural = _("course feedback")

    def __str__(self) -> str:
        return str(self.enrolment)
