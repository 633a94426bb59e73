"""The kiosk: /kioski/<unit code>/ (included from the project's urls.py)."""

from django.urls import path

from . import channel_views

app_name = "kiosk"
urlpatterns = [
    path("sw.js", channel_views.kiosk_service_worker, name="service-worker"),
    path("<str:code>/", channel_views.kiosk, name="kiosk"),
    path("<str:code>/jatko/", channel_views.kiosk_followup, name="followup"),
    path("<str:code>/vastaus/", channel_views.kiosk_answer, name="answer"),
    path("<str:code>/kiitos/", channel_views.kiosk_thanks, name="thanks"),
]
