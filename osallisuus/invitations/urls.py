"""Paths of invitations under /kutsut/ (Finnish, as people see them)."""

from django.urls import path

from . import views

app_name = "invitations"
urlpatterns = [
    path("ryhma/<int:pk>/", views.group, name="group"),
    path("pooli/", views.pool, name="pool"),
    path("<int:pk>/peru/", views.withdraw, name="withdraw"),
    path("avaa/<str:token>/", views.accept, name="accept"),
]
