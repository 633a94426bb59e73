from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("saavutettavuus/", views.accessibility_statement, name="accessibility"),
    path("tietosuoja/", views.privacy_notice, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
]
