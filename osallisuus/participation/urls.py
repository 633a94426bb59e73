"""One's own page under /oma/ (Finnish, as people see it)."""

from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [
    path("", views.home, name="home"),
    path("ilmoitukset/", views.notification_settings, name="notification_settings"),
    path("palaute/", views.link_feedback, name="link_feedback"),
    path("palaute/<int:pk>/irrota/", views.unlink_feedback, name="unlink_feedback"),
    path("tiedot.json", views.own_data_json, name="own_data_json"),
    path("tiedot.pdf", views.own_data_pdf, name="own_data_pdf"),
    path("sulje/", views.close_account, name="close_account"),
]
