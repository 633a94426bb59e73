"""Briefings, mounted at /katsaukset/."""

from django.urls import path

from . import views

app_name = "briefings"
urlpatterns = [
    path("", views.briefing_list, name="list"),
    path("<int:pk>/", views.briefing_detail, name="detail"),
    path("<int:pk>/katsaus.pdf", views.briefing_download, name="pdf"),
    path("<int:pk>/ota-kasittelyyn/", views.take_up, name="take_up"),
]
