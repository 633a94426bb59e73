"""Settings for every environment, read from environment variables (and a local `.env` file).

Each variable is declared once here with its type and default; README.md lists them all.
An integration (OIDC, SMS gateway, e-mail) is off unless its variables are set, and a
half-configured one stops the start-up with a clear message.
"""

from pathlib import Path

import django_stubs_ext
import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# Lets the generic classes of django-stubs (admin.ModelAdmin[Feedback], forms.ModelForm[Unit])
# be subscripted at run time, as mypy strict requires.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A developer's `.env` (written by `make run`) fills in what the process environment leaves out.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105  the development default, refused when DEBUG is off
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Development tools such as the outbox at /dev/outbox/ exist only with DEBUG.
DEV_TOOLS = DEBUG

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "mozilla_django_oidc",
    "osallisuus.pages",
    "osallisuus.organisation",
    "osallisuus.accounts",
    "osallisuus.audit",
    "osallisuus.notifications",
    "osallisuus.analysis",
    "osallisuus.feedback",
    "osallisuus.publication",
    "osallisuus.reports",
    "osallisuus.experts",
    "osallisuus.codevelopment",
    "osallisuus.invitations",
    "osallisuus.trail",
    "osallisuus.search",
    "osallisuus.campaigns",
    "osallisuus.participation",
    "osallisuus.dialogue",
    "osallisuus.statements",
    "osallisuus.complaints",
    "osallisuus.observation",
    "osallisuus.training",
    "osallisuus.evaluation",
    "osallisuus.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "osallisuus.security.note_forwarded_without_proxy_count",
    "osallisuus.security.permissions_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "osallisuus.security.limit_request_size",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "osallisuus.security.signed_in_pages_not_cached",
    "django_otp.middleware.OTPMiddleware",
    "osallisuus.accounts.middleware.require_two_factor_for_staff",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "osallisuus.urls"
WSGI_APPLICATION = "osallisuus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "osallisuus" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "osallisuus.pages.context_processors.site",
            ],
        },
    },
]

# Widget templates are found like page templates, so the project can override one of Django's
# (templates/admin/widgets/split_datetime.html gives the admin's date and time inputs labels).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker and the web server use the file at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "osallisuus.accounts.backends.PlatformAdministratorBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Participants' one-time codes and links (#19); after axes, so its lock-out applies.
    "osallisuus.accounts.participants.backends.SignInCodeBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:start"
LOGOUT_REDIRECT_URL = "pages:home"

# Log-in rate limiting (django-axes): five failures lock the username+address pair for 15 min.
# The address is the one the rate limits count (NUM_PROXIES below; osallisuus/security.py).
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("LOGIN_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "osallisuus.security.client_address"
AXES_VERBOSE = False
# The lock-out answers the API in JSON and people with a page (osallisuus/accounts/lockout.py).
AXES_LOCKOUT_CALLABLE = "osallisuus.accounts.lockout.lockout_response"

OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Osallisuus")
# Demo accounts show their current one-time code on the verification page, only with DEBUG.
SHOW_DEMO_OTP = DEBUG

# OpenID Connect for the county's staff directory (osallisuus/accounts/oidc.py): on when its
# connection variables are set; some set and others missing stops the start-up.
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
# An account made before the directory was connected is linked to its directory entry by
# e-mail only when this is on (and exactly one active account has the address).
OIDC_LINK_EXISTING_BY_EMAIL = env.bool("OIDC_LINK_EXISTING_BY_EMAIL", default=False)
# A directory sign-in counts as two-factor only when this is on AND the provider says so in
# its `amr` claim (one of OIDC_MFA_AMR_VALUES) or `acr` claim (one of OIDC_MFA_ACR_VALUES).
OIDC_TRUST_IDP_MFA = env.bool("OIDC_TRUST_IDP_MFA", default=False)
OIDC_MFA_AMR_VALUES = env.list("OIDC_MFA_AMR_VALUES", default=["mfa", "otp", "hwk"])
OIDC_MFA_ACR_VALUES = env.list("OIDC_MFA_ACR_VALUES", default=[])
OIDC_CALLBACK_CLASS = "osallisuus.accounts.oidc.CountyOIDCCallbackView"
LOGIN_REDIRECT_URL_FAILURE = "/tili/kirjaudu/"
_oidc_connection = [
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
]
_oidc_set = [name for name in _oidc_connection if globals()[name]]
OIDC_ENABLED = bool(_oidc_set)
if OIDC_ENABLED:
    # The JWKS endpoint is needed for signatures by a key pair, not for a shared secret.
    _oidc_needed = _oidc_connection
    if not OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")):
        _oidc_needed = _oidc_connection[:-1]
    _missing = [name for name in _oidc_needed if name not in _oidc_set]
    if _missing:
        raise ImproperlyConfigured(
            "OIDC is half configured: "
            + ", ".join(_oidc_set)
            + " set, but these are missing: "
            + ", ".join(_missing)
        )
    AUTHENTICATION_BACKENDS.append("osallisuus.accounts.oidc.CountyOIDCBackend")

# Strong identification of residents (osallisuus/accounts/strong_identification/): a client of
# its own for Suomi.fi e-Identification or the county's broker in front of it, apart from the
# staff directory above. On when its variables are set; some set and others missing stops the
# start-up. The issuer's /.well-known/openid-configuration gives the endpoints and keys.
RESIDENT_OIDC_ISSUER = env.str("RESIDENT_OIDC_ISSUER", default="")
RESIDENT_OIDC_CLIENT_ID = env.str("RESIDENT_OIDC_CLIENT_ID", default="")
RESIDENT_OIDC_CLIENT_SECRET = env.str("RESIDENT_OIDC_CLIENT_SECRET", default="")
# The claim (in the ID token or the user info) that carries the personal identity code.
RESIDENT_OIDC_IDENTITY_CLAIM = env.str("RESIDENT_OIDC_IDENTITY_CLAIM", default="")
# The key of the HMAC-SHA256 under which the identity code is stored; never change it once
# accounts exist (their hashes would no longer match).
RESIDENT_IDENTITY_HASH_KEY = env.str("RESIDENT_IDENTITY_HASH_KEY", default="")
_MIN_HASH_KEY_LENGTH = 32  # characters
RESIDENT_OIDC_SCOPES = env.str("RESIDENT_OIDC_SCOPES", default="openid")
# Levels of assurance asked for, and one of which the ID token's `acr` must then name.
RESIDENT_OIDC_ACR_VALUES = env.list("RESIDENT_OIDC_ACR_VALUES", default=[])
_resident_connection = [
    "RESIDENT_OIDC_ISSUER",
    "RESIDENT_OIDC_CLIENT_ID",
    "RESIDENT_OIDC_CLIENT_SECRET",
    "RESIDENT_OIDC_IDENTITY_CLAIM",
    "RESIDENT_IDENTITY_HASH_KEY",
]
_resident_set = [name for name in _resident_connection if globals()[name]]
RESIDENT_OIDC_ENABLED = bool(_resident_set)
if RESIDENT_OIDC_ENABLED:
    _missing = [name for name in _resident_connection if name not in _resident_set]
    if _missing:
        raise ImproperlyConfigured(
            "Strong identification of residents is half configured: "
            + ", ".join(_resident_set)
            + " set, but these are missing: "
            + ", ".join(_missing)
        )
    if len(RESIDENT_IDENTITY_HASH_KEY) < _MIN_HASH_KEY_LENGTH:
        raise ImproperlyConfigured(
            "RESIDENT_IDENTITY_HASH_KEY must be at least 32 characters: identity codes are "
            "few enough to be guessed from their hashes under a short key."
        )
    if not DEBUG and not RESIDENT_OIDC_ISSUER.startswith("https://"):
        raise ImproperlyConfigured("RESIDENT_OIDC_ISSUER must be an https:// address.")

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "django_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "osallisuus" / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# The site-wide assets (site.css, favicon); apps keep theirs in <app>/static/.
STATICFILES_DIRS = [BASE_DIR / "osallisuus" / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env.bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=1_048_576)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# A whole multipart upload (files and fields) may be this large; larger bodies get 413
# (osallisuus/security.py). One uploaded file: UPLOAD_MAX_FILE_BYTES (osallisuus/uploads.py).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10_485_760)
UPLOAD_MAX_FILE_BYTES = env.int("UPLOAD_MAX_FILE_BYTES", default=5_242_880)

# Background work: a database-backed queue survives restarts; `db_worker` runs it.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# E-mail: EMAIL_URL like smtp+tls://user:pass@host:587; every message is also kept in the outbox.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="dummymail://" if DEBUG else "consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="osallisuus@localhost")
# Seconds an SMTP connection may take; delivery holds no database lock meanwhile.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=15)
# An e-mail or SMS that cannot be delivered is tried this many times in all, with back-off
# (1 min, 5 min, 30 min, 2 h, then every 6 h), then marked failed in the admin's outbox.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=5)
# Notices of changes (notifications.services.send_batched): at most one message per recipient
# a day; the first change waits this many minutes for others to join it, and a person who asked
# for one message a day (and any change after the day's message went) gets it at this hour.
NOTIFY_BATCH_MINUTES = env.int("NOTIFY_BATCH_MINUTES", default=10)
NOTIFY_DIGEST_HOUR = env.int("NOTIFY_DIGEST_HOUR", default=16)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# SMS: a gateway that accepts JSON {"to", "text"} by POST; off unless SMS_GATEWAY_URL is set.
SMS_GATEWAY_URL = env.str("SMS_GATEWAY_URL", default="")
SMS_GATEWAY_TOKEN = env.str("SMS_GATEWAY_TOKEN", default="")
if SMS_GATEWAY_URL and not SMS_GATEWAY_TOKEN:
    raise ImproperlyConfigured("SMS_GATEWAY_URL is set but SMS_GATEWAY_TOKEN is missing.")
# Incoming SMS feedback: the gateway calls /api/v1/feedback/sms/ with this secret in the
# X-Webhook-Token header; the webhook answers 404 while it is empty.
SMS_WEBHOOK_TOKEN = env.str("SMS_WEBHOOK_TOKEN", default="")
# Figures of fewer answers are hidden, so no one can be identified: on the public pages and on
# the reports dashboards alike.
PUBLIC_MIN_ANSWERS = env.int("PUBLIC_MIN_ANSWERS", default=5)
# The semantic tier of the text analysis (sentence embeddings, see analysis/semantic.py):
# refines the labels of new feedback in the background and runs in analyse_text.
ANALYSIS_SEMANTIC = env.bool("ANALYSIS_SEMANTIC", default=True)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The token class comes first: DRF asks the first class how to answer a refused request,
    # so an expired or revoked token gets 401 (accounts/api_auth.py).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "osallisuus.accounts.api_auth.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "osallisuus.pagination.StandardPagination",
    # Proxies in front of the app (1 behind one proxy; 0: clients connect directly): the client
    # address for throttling and log-in lock-outs is then read from X-Forwarded-For as the
    # proxy set it, not as the client claims it. `check --deploy` warns while it is unset.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=None),
    "DEFAULT_VERSIONING_CLASS": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    # A throttled caller is told in their language when to try again (429).
    "EXCEPTION_HANDLER": "osallisuus.security.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "feedback_intake": env.str("THROTTLE_FEEDBACK_INTAKE", default="600/minute"),
        "reply_code_lookup": env.str("THROTTLE_REPLY_CODE_LOOKUP", default="30/minute"),
        # Kiosks of one unit share an address; they are counted per address and unit.
        "kiosk_intake": env.str("THROTTLE_KIOSK_INTAKE", default="120/minute"),
        # Public reads that compute figures (a unit's or service's outcomes).
        "public_read": env.str("THROTTLE_PUBLIC_READ", default="120/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Osallisuus API",
    "DESCRIPTION": "Client and resident participation platform: units, feedback and more.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Request bodies get components of their own ("…Request"), so that a field the API refuses
    # blank carries minLength 1 there (drf-spectacular adds it to request components only).
    "COMPONENT_SPLIT_REQUEST": True,
    # Fields of one name with different choice sets get names of their own, not hashes.
    "ENUM_NAME_OVERRIDES": {
        "FeedbackChannelEnum": "osallisuus.feedback.models.Channel",
        # The channels other systems may send in: every one but `expert` (#17 item 3).
        "IntakeChannelEnum": "osallisuus.feedback.intake.api.OPEN_CHANNELS",
        "LanguageEnum": [("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        "MessageChannelEnum": [("email", "email"), ("sms", "sms")],
        "ExpertRoleEnum": "osallisuus.experts.models.ExpertRole",
        "RoleEnum": "osallisuus.dialogue.models.MemberRole",
        "AssignmentStatusEnum": "osallisuus.experts.models.Assignment.Status",
        "GroupKindEnum": "osallisuus.dialogue.models.GroupKind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "osallisuus.api_schema.document_error_responses",
    ],
}

# Content-Security-Policy: nothing from other hosts, no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
if not DEBUG:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Names shown in the site shell; the demo county's are set by `seed_demo` in the database.
SITE_NAME = _("Osallisuus")

# Feedback: days to answer before an item is overdue; the site's public address for links.
FEEDBACK_RESPONSE_DAYS = env.int("FEEDBACK_RESPONSE_DAYS", default=14)
# "Did the change work?": whole months after the month of a done action or decision in which
# comments on its themes are counted (beside as many months before that month), on the public
# page and for the action's owner.
TRAIL_FOLLOW_UP_MONTHS = env.int("TRAIL_FOLLOW_UP_MONTHS", default=3)
# Retention (osallisuus/feedback/retention.py, `manage.py apply_retention` daily): contact details
# are erased, and feedback anonymised (original text blanked, figures kept), after these days.
FEEDBACK_CONTACT_RETENTION_DAYS = env.int("FEEDBACK_CONTACT_RETENTION_DAYS", default=365)
FEEDBACK_RETENTION_DAYS = env.int("FEEDBACK_RETENTION_DAYS", default=5 * 365)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# The trail (#15): a matter carried to a decision maker and still undecided after these days is
# flagged in the list of matters.
MATTER_UNDECIDED_DAYS = env.int("MATTER_UNDECIDED_DAYS", default=90)
# Self-monitoring summaries (Act 741/2023 § 27): a unit's summary of a four-month period is due
# this many days after the period ends; later it is listed as overdue.
SELF_MONITORING_DUE_DAYS = env.int("SELF_MONITORING_DUE_DAYS", default=30)
# Working days a handler has to decide what feedback that reads like a complaint is (#18).
COMPLAINT_FLAG_WORKING_DAYS = env.int("COMPLAINT_FLAG_WORKING_DAYS", default=1)
# Invitations (#19): days an invitation's link works unless the inviter chooses otherwise.
INVITATION_DAYS = env.int("INVITATION_DAYS", default=14)
# Participants (#19): an account someone made for themselves but never verified with the link or
# code is removed after this many days (`manage.py remove_unverified_accounts`, daily).
UNVERIFIED_ACCOUNT_DAYS = env.int("UNVERIFIED_ACCOUNT_DAYS", default=7)
# Shared by every app process (rate limits, API throttles): a table in the database.
CACHES = {
    "default": {
        # Django's cache table, one statement per read or write (osallisuus/db_cache.py).
        "BACKEND": "osallisuus.db_cache.SharedDatabaseCache",
        "LOCATION": "osallisuus_cache",
    }
}
