"""Development-only URLs, included by the project only when settings.DEV_TOOLS is on."""

from django.urls import path

from . import views

app_name = "dev"
urlpatterns = [
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:pk>/", views.outbox_message, name="outbox_message"),
]
