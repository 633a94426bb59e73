from django.urls import path

from . import views

app_name = "complaints"
urlpatterns = [
    path("", views.signpost, name="signpost"),
    path("muistutus/", views.objection, name="objection"),
    path("seuraa/", views.status_lookup, name="status_lookup"),
    path("seuraa/<str:code>/", views.status, name="status"),
    path("rekisteri/", views.register, name="register"),
    path("rekisteri/<int:pk>/", views.record, name="record"),
    path("rekisteri/<int:pk>/kasittely/", views.handle, name="handle"),
    path("rekisteri/<int:pk>/vastaus/", views.answer, name="answer"),
    path("rekisteri/<int:pk>/liite/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("liputus/<int:pk>/", views.flag, name="flag"),
    path("liputus/<int:pk>/pida/", views.flag_keep, name="flag_keep"),
    path("liputus/<int:pk>/ohjaa/", views.flag_redirect, name="flag_redirect"),
    path("liputus/<int:pk>/siirra/", views.flag_transfer, name="flag_transfer"),
    path("myohassa/", views.overdue, name="overdue"),
]
