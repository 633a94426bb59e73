"""Paths of statements under /lausunnot/ (Finnish, as people see them)."""

from django.urls import path

from . import views

app_name = "statements"
urlpatterns = [
    path("", views.statement_list, name="list"),
    path("pyyda/", views.request_create, name="request"),
    path("nosta/", views.flag, name="flag"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/lausunto/", views.submit, name="submit"),
    path("<int:pk>/huomioon/", views.consider, name="consider"),
]
