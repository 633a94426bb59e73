"""Users, their roles and their API tokens. A resident needs no account; roles give scope."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Producer, Service, Unit


class Role(models.TextChoices):
    EXPERT = "expert", _("expert by experience / developer client")
    STAFF = "staff", _("staff member")
    UNIT_MANAGER = "unit_manager", _("unit manager")
    COORDINATOR = "coordinator", _("participation coordinator")
    DECISION_MAKER = "decision_maker", _("decision maker")
    ADMINISTRATOR = "administrator", _("administrator")
    # The producer's contact for the parties concerned ("asianosaiset", seed 000): scoped to
    # one producer's units; told of every change on their trail and handles their feedback.
    PRODUCER_CONTACT = "producer_contact", _("producer's contact")
    # Communications: may publish public texts county-wide; sees no personal data.
    COMMUNICATIONS = "communications", _("communications")
    # Handles formal objections (muistutus, #18) in their own register: county-wide, sees the
    # sender's name and address, never the feedback store.
    COMPLAINTS_OFFICER = "complaints_officer", _("complaints officer")


# Roles that see other people's data: they must sign in with two factors.
STAFF_ROLES = frozenset(
    {
        Role.STAFF,
        Role.UNIT_MANAGER,
        Role.COORDINATOR,
        Role.DECISION_MAKER,
        Role.ADMINISTRATOR,
        Role.PRODUCER_CONTACT,
        Role.COMPLAINTS_OFFICER,
    }
)
# Roles whose scope is a set of units (directly, every unit of a service, or every unit of a
# producer for the producer's contact).
UNIT_SCOPED_ROLES = frozenset({Role.STAFF, Role.UNIT_MANAGER, Role.PRODUCER_CONTACT})


class User(AbstractUser):
    """An account. Residents and clients may have one, but most participation needs none."""

    # Not a field: `selectors.roles_of` caches the roles here for the rest of the request.
    _osallisuus_roles: frozenset[str]

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        default="fi",
    )
    # The staff directory's stable subject ("sub") for this person: OIDC sign-ins match on it,
    # never on the e-mail address, which the directory may change or give to someone else.
    oidc_subject = models.CharField(
        _("directory subject"),
        max_length=255,
        blank=True,
        default="",
        help_text=_(
            "The staff directory's identifier (sub) for this person. The first directory "
            "sign-in sets it; an administrator may enter it to link an existing account."
        ),
    )

    # --- Participants: people outside staff who sign up or accept an invitation (#19) ---------
    # A participant's phone number in E.164 form (+358401234567), when they sign in by SMS.
    phone = models.CharField(_("phone number"), max_length=20, blank=True, default="")
    # True for accounts a person made for themselves (sign-up or invitation), never for staff
    # accounts an administrator creates; only these are removed when they are never verified.
    self_registered = models.BooleanField(_("signed up by themselves"), default=False)
    # When the person proved they hold the e-mail address or phone number (a link or a code).
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    # Strong identification (Suomi.fi or the county's broker): a keyed hash of the personal
    # identity code, never the code itself, so one person maps to one account.
    strong_identity_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    notify_channel = models.CharField(
        _("send my notices by"),
        max_length=5,
        choices=[("email", _("e-mail")), ("sms", _("text message"))],
        default="email",
    )
    notify_daily = models.BooleanField(
        _("at most one message a day"),
        default=False,
        help_text=_("Collect my notices into one message a day instead of sending each at once."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                fields=["oidc_subject"],
                condition=~Q(oidc_subject=""),
                name="unique_oidc_subject",
            ),
            models.UniqueConstraint(
                fields=["phone"], condition=~Q(phone=""), name="unique_participant_phone"
            ),
            models.UniqueConstraint(
                fields=["strong_identity_hash"],
                condition=~Q(strong_identity_hash=""),
                name="unique_strong_identity",
            ),
        ]


class RoleAssignment(models.Model):
    """One role of a user; staff and unit managers are scoped to a unit or a whole service."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="role_assignments"
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="role_assignments"
    )
    # The producer's contact is scoped to one producer: every unit it produces.
    producer = models.ForeignKey(
        Producer,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("producer"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "unit", "service", "producer"],
                name="unique_role_assignment_with_producer",
            ),
            models.CheckConstraint(
                condition=Q(unit__isnull=True, service__isnull=True)
                | Q(unit__isnull=True, producer__isnull=True)
                | Q(service__isnull=True, producer__isnull=True),
                name="role_scope_is_one_of_unit_service_producer",
            ),
        ]

    def __str__(self) -> str:
        scope = self.unit or self.service or self.producer
        return f"{self.get_role_display()} ({scope})" if scope else self.get_role_display()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def usable(self) -> ApiTokenQuerySet:
        """Tokens that still open the API: not revoked, not expired, of an active user."""
        return self.filter(
            revoked_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True
        )


class ApiToken(models.Model):
    """A named, expiring key to the API. Only a hash of the secret is kept; it is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("owner"),
    )
    name = models.CharField(_("name"), max_length=100)
    # The first characters of the secret, so its owner can tell which key a program uses.
    prefix = models.CharField(_("beginning of the key"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="api_token_expires_after_creation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class SignInCode(models.Model):
    """A one-time proof that a person holds an e-mail address or phone number (#19).

    Sent when a participant signs up or asks to sign in without a password: a six-digit code
    (by SMS or e-mail) and, by e-mail, a link. Only keyed hashes are stored. A code works
    once, until it expires or has been guessed wrong too often; using one spends the others.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("text message")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_codes"
    )
    channel = models.CharField(max_length=5, choices=Channel.choices)
    code_hash = models.CharField(max_length=64, editable=False)
    # The link's token, for e-mail only (blank for SMS).
    link_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    wrong_guesses = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("sign-in code")
        verbose_name_plural = _("sign-in codes")
        constraints = [
            models.UniqueConstraint(
                fields=["link_hash"], condition=~Q(link_hash=""), name="unique_sign_in_link"
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="sign_in_code_expires_later"
            ),
        ]
        indexes = [models.Index(fields=["user", "expires_at"], name="sign_in_code_live")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.created_at:%Y-%m-%d %H:%M}"
