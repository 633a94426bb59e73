"""Top-level URLs. People-facing paths are Finnish (/palaute/, /tili/); the API is /api/v1/."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

# Unknown addresses under /api/ answer in JSON like the API's own 404s.
handler404 = "osallisuus.pages.views.not_found"

admin.site.site_header = "Osallisuus"
admin.site.site_title = "Osallisuus"

urlpatterns = [
    path("", include("osallisuus.pages.urls")),
    path("tili/", include("osallisuus.accounts.urls")),
    path("toimipisteet/", include("osallisuus.organisation.urls")),
    path("palaute/", include("osallisuus.feedback.urls")),
    path("kioski/", include("osallisuus.feedback.intake.kiosk_urls")),
    path("auditointi/", include("osallisuus.audit.urls")),
    path("raportit/", include("osallisuus.reports.urls")),
    path("kokemusasiantuntijat/", include("osallisuus.experts.urls")),
    path("yhteiskehittaminen/", include("osallisuus.codevelopment.urls")),
    path("kutsut/", include("osallisuus.invitations.urls")),
    path("oma/", include("osallisuus.participation.urls")),
    path("muistutus-ja-kantelu/", include("osallisuus.complaints.urls")),
    path("toimenpiteet/", include("osallisuus.trail.actions.urls")),
    path("asiat/", include("osallisuus.trail.matters.urls")),
    path("katsaukset/", include("osallisuus.trail.briefings.urls")),
    path("haku/", include("osallisuus.search.urls")),
    path("kyselyt/", include("osallisuus.campaigns.urls")),
    path("ryhmat/", include("osallisuus.dialogue.urls")),
    path("lausunnot/", include("osallisuus.statements.urls")),
    path("havainnointi/", include("osallisuus.observation.urls")),
    path("koulutukset/", include("osallisuus.training.urls")),
    path("arviointi/", include("osallisuus.evaluation.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(("osallisuus.api", "api"), namespace="api")),
    # The admin signs in through our own log-in, which enforces two-factor for staff.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="accounts:login", query_string=True),
        name="admin_login",
    ),
    path("admin/", admin.site.urls),
]
if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
if settings.DEV_TOOLS:
    urlpatterns.append(path("dev/", include("osallisuus.notifications.dev_urls")))
