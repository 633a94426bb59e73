"""The kiosk: /kioski/<unit code>/ (included from the project's urls.py)."""

from django.urls import path

from . import kiosk as views

app_name = "kiosk"
urlpatterns = [
    path("sw.js", views.kiosk_service_worker, name="service-worker"),
    path("<str:code>/", views.kiosk, name="kiosk"),
    path("<str:code>/jatko/", views.kiosk_followup, name="followup"),
    path("<str:code>/vastaus/", views.kiosk_answer, name="answer"),
    path("<str:code>/kiitos/", views.kiosk_thanks, name="thanks"),
]
