"""The unit register: organiser → service areas → services → units, the producers of units, and
the county's decision-making bodies."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Public unit codes go into QR links and are read aloud: capitals and digits without 0/O, 1/I.
UNIT_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
unit_code_validator = RegexValidator(
    rf"^[{UNIT_CODE_ALPHABET}]{{3,12}}$",
    _("Use 3–12 capital letters and digits, without 0, O, 1 or I."),
)
# Languages a unit can serve clients in (ISO 639-1; se = Northern Sámi).
SERVICE_LANGUAGES = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English"), "se": _("Sámi")}


class LocalizedNameMixin(models.Model):
    """Names in Finnish and Swedish (both official) and English; shown in the reader's language."""

    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = (get_language() or "fi")[:2]
        return getattr(self, f"name_{language}", "") or self.name_fi


class Organiser(LocalizedNameMixin):
    """The wellbeing services county (or Helsinki) that organises the services."""

    business_id = models.CharField(_("business ID"), max_length=9, blank=True)
    bilingual = models.BooleanField(_("bilingual"), default=False)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")


class Municipality(LocalizedNameMixin):
    organiser = models.ForeignKey(
        Organiser, on_delete=models.PROTECT, related_name="municipalities"
    )
    code = models.CharField(_("municipality code"), max_length=3, unique=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name_fi"]


class ServiceArea(LocalizedNameMixin):
    organiser = models.ForeignKey(Organiser, on_delete=models.PROTECT, related_name="service_areas")

    class Meta:
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        ordering = ["name_fi"]
        constraints = [
            models.UniqueConstraint(
                fields=["organiser", "name_fi"], name="unique_service_area_name"
            )
        ]


class Service(LocalizedNameMixin):
    area = models.ForeignKey(ServiceArea, on_delete=models.PROTECT, related_name="services")

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name_fi"]
        constraints = [
            models.UniqueConstraint(fields=["area", "name_fi"], name="unique_service_name")
        ]


class ServicePromise(models.Model):
    """What a service publicly promises its clients (seed 000: "julkinen palvelulupaus"): feedback
    is answered within so many days. The public pages show how often it was kept and the giver's
    status page reads the same days."""

    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, related_name="promise", verbose_name=_("service")
    )
    days_to_answer = models.PositiveSmallIntegerField(
        _("days to answer"), validators=[MinValueValidator(1)]
    )
    text_fi = models.TextField(_("promise in Finnish"), blank=True)
    text_sv = models.TextField(_("promise in Swedish"), blank=True)
    text_en = models.TextField(_("promise in English"), blank=True)
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        verbose_name = _("service promise")
        verbose_name_plural = _("service promises")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(days_to_answer__gte=1), name="promise_days_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.days_to_answer}"

    def text(self, language: str | None = None) -> str:
        """The promise in the reader's language, or the Finnish one."""
        language = (language or get_language() or "fi")[:2]
        return str(getattr(self, f"text_{language}", "") or self.text_fi)


class Producer(LocalizedNameMixin):
    """Who runs a unit: the county itself, a private company or an NGO."""

    class Kind(models.TextChoices):
        COUNTY = "county", _("the county itself")
        COMPANY = "company", _("private company")
        NGO = "ngo", _("NGO")

    organiser = models.ForeignKey(Organiser, on_delete=models.PROTECT, related_name="producers")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    business_id = models.CharField(_("business ID"), max_length=9, blank=True)

    class Meta:
        verbose_name = _("producer")
        verbose_name_plural = _("producers")
        ordering = ["name_fi"]
        constraints = [
            models.UniqueConstraint(fields=["organiser", "name_fi"], name="unique_producer_name")
        ]


class UnitQuerySet(models.QuerySet["Unit"]):
    def active(self) -> UnitQuerySet:
        return self.filter(active=True)


class Unit(LocalizedNameMixin):
    """A service unit (toimipiste): where clients are served and where feedback is about."""

    code = models.CharField(
        _("public code"), max_length=12, unique=True, validators=[unit_code_validator]
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="units")
    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="units")
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("A postal code has five digits."))],
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="units", null=True, blank=True
    )
    languages = models.CharField(
        _("languages served"),
        max_length=20,
        default="fi",
        help_text=_("Comma-separated language codes: fi, sv, en, se."),
    )
    opening_info_fi = models.TextField(_("opening information in Finnish"), blank=True)
    opening_info_sv = models.TextField(_("opening information in Swedish"), blank=True)
    opening_info_en = models.TextField(_("opening information in English"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    active = models.BooleanField(_("active"), default=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name_fi"]

    def get_absolute_url(self) -> str:
        return reverse("organisation:unit", kwargs={"code": self.code})

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> list[str]:
        return [str(SERVICE_LANGUAGES.get(code, code)) for code in self.language_list]

    @property
    def opening_info(self) -> str:
        language = (get_language() or "fi")[:2]
        return getattr(self, f"opening_info_{language}", "") or self.opening_info_fi


class DecisionBody(LocalizedNameMixin):
    """One of the county's decision-making bodies (the register matters are carried to, #15).

    Influence bodies and panels (#16) use the same register later. Members are accounts of
    the decision-maker role; a body's briefing (#15 item 6) is built per `briefing_months`.
    """

    class Kind(models.TextChoices):
        REGIONAL_COUNCIL = "council", _("regional council")
        REGIONAL_BOARD = "board", _("regional board")
        COMMITTEE = "committee", _("committee")
        DIVISION = "division", _("division")
        EXECUTIVE_BOARD = "executive", _("executive board")
        MANAGEMENT_TEAM = "management", _("management team")

    organiser = models.ForeignKey(
        Organiser, on_delete=models.PROTECT, related_name="decision_bodies"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # The services whose matters the body decides on; none means the whole county.
    services = models.ManyToManyField(
        Service, blank=True, related_name="decision_bodies", verbose_name=_("services")
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="decision_bodies",
        verbose_name=_("members"),
    )
    briefing_months = models.PositiveSmallIntegerField(
        _("briefing every (months)"), default=1, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("decision-making body")
        verbose_name_plural = _("decision-making bodies")
        ordering = ["name_fi"]
