from django.urls import path

from . import views
from .self_monitoring import views as self_monitoring

app_name = "reports"
urlpatterns = [
    path("", views.county, name="county"),
    path("toimipiste/<str:code>/", views.unit, name="unit"),
    path("palvelu/<int:pk>/", views.service, name="service"),
    path("vienti/<str:kind>.<str:fmt>", views.export, name="export"),
    path("omavalvonta/", self_monitoring.summary_list, name="self_monitoring"),
    path(
        "omavalvonta/<str:code>/<str:period>/",
        self_monitoring.unit_summary,
        name="self_monitoring_unit",
    ),
    path(
        "omavalvonta/<str:code>/<str:period>.pdf",
        self_monitoring.unit_summary_pdf,
        name="self_monitoring_pdf",
    ),
    path(
        "omavalvonta/<str:code>/<str:period>/julkaise/",
        self_monitoring.publish,
        name="self_monitoring_publish",
    ),
    path(
        "omavalvonta/julkinen/<str:code>/<str:period>/",
        self_monitoring.public_summary,
        name="self_monitoring_public",
    ),
    path(
        "omavalvonta/julkinen/<str:code>/<str:period>.pdf",
        self_monitoring.public_summary_pdf,
        name="self_monitoring_public_pdf",
    ),
]
