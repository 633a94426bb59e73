"""Paths of the course catalogue under /koulutukset/ (Finnish, as people see them)."""

from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.course_list, name="list"),
    path("uusi/", views.course_create, name="create"),
    path("<int:pk>/", views.course_detail, name="course"),
    path("<int:pk>/ilmoittaudu/", views.course_enrol, name="enrol"),
    path("<int:pk>/istunnot/uusi/", views.session_add, name="session_add"),
    path("istunnot/<int:pk>/lasnaolo/", views.session_attendance, name="attendance"),
    path("ilmoittautumiset/<int:pk>/hyvaksy/", views.enrolment_approve, name="approve"),
    path("ilmoittautumiset/<int:pk>/hylkaa/", views.enrolment_decline, name="decline"),
    path("ilmoittautumiset/<int:pk>/peru/", views.enrolment_cancel, name="cancel"),
    path("ilmoittautumiset/<int:pk>/todistus.pdf", views.certificate, name="certificate"),
    path("ilmoittautumiset/<int:pk>/palaute/", views.course_feedback, name="feedback"),
]
