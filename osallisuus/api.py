"""The versioned REST API under /api/v1/: its routes, schema and docs.

Each app contributes its endpoints in its own `api.py`; this module only composes them.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include("osallisuus.organisation.api")),
    path("", include("osallisuus.feedback.api")),
    path("", include("osallisuus.publication.api")),
    path("", include("osallisuus.trail.public_api")),
    path("", include("osallisuus.reports.api")),
    path("", include("osallisuus.experts.api")),
    path("", include("osallisuus.codevelopment.api")),
    path("", include("osallisuus.accounts.participants.api")),
    path("", include("osallisuus.trail.actions.api")),
    path("", include("osallisuus.trail.matters.api")),
    path("", include("osallisuus.search.api")),
    path("", include("osallisuus.campaigns.api")),
    path("", include("osallisuus.complaints.api")),
    path("", include("osallisuus.dialogue.api")),
    path("", include("osallisuus.statements.api")),
]
