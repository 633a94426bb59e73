"""Paths of evaluations under /arviointi/ (Finnish, as people see them)."""

from django.urls import path

from . import views

app_name = "evaluation"
urlpatterns = [
    path("", views.evaluation_list, name="list"),
    path("uusi/", views.evaluation_create, name="create"),
    path("<int:pk>/", views.evaluation_detail, name="evaluation"),
    path("<int:pk>/muokkaa/", views.evaluation_edit, name="edit"),
    path("<int:pk>/muistiinpano/", views.note_create, name="note_create"),
    path("<int:pk>/johtopaatos/", views.evaluation_conclude, name="conclude"),
    path("<int:pk>/raportti/", views.report, name="report"),
    path("<int:pk>/raportti.pdf", views.report_download, name="report_pdf"),
]
