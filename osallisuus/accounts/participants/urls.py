"""Paths of the participants' way in, under /tili/ (joined into accounts' own URLs)."""

from django.urls import path

from . import views

urlpatterns = [
    path("liity/", views.sign_up, name="sign_up"),
    path("kirjaudu/koodilla/", views.ask_code, name="ask_code"),
    path("koodi/", views.enter_code, name="enter_code"),
    path("linkki/<str:token>/", views.sign_in_link, name="sign_in_link"),
]
