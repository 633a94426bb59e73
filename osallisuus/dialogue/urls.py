"""Paths of the dialogue floor under /ryhmat/ (Finnish, as people see them)."""

from django.urls import path

from . import views

app_name = "dialogue"
urlpatterns = [
    path("", views.group_list, name="groups"),
    path("uusi/", views.group_create, name="group_create"),
    path("<int:pk>/", views.group, name="group"),
    path("<int:pk>/jasenet/", views.members, name="members"),
    path("<int:pk>/kokous/uusi/", views.meeting_create, name="meeting_create"),
    path("kokous/<int:pk>/", views.meeting, name="meeting"),
    path("kokous/<int:pk>/poytakirja/", views.minutes, name="minutes"),
    path("kokous/<int:pk>/poytakirja.pdf", views.minutes_pdf, name="minutes_pdf"),
]
