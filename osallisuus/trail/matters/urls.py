"""Matters, mounted at /asiat/."""

from django.urls import path

from . import views

app_name = "matters"
urlpatterns = [
    path("", views.matter_list, name="list"),
    path("uusi/", views.matter_create, name="create"),
    path("elimet/", views.body_list, name="bodies"),
    path("<int:pk>/", views.matter_detail, name="detail"),
    path("<int:pk>/viety/", views.matter_carry, name="carry"),
    path("<int:pk>/esityslista/", views.matter_agenda, name="agenda"),
    path("<int:pk>/paatos/", views.matter_decide, name="decide"),
]
