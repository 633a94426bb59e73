"""Paths of observation visits under /havainnointi/ (Finnish, as people see them)."""

from django.urls import path

from . import views

app_name = "observation"
urlpatterns = [
    path("", views.visit_list, name="list"),
    path("pohjat/", views.template_list, name="templates"),
    path("pohjat/<int:pk>/", views.template_detail, name="template"),
    path("uusi/", views.visit_create, name="visit_create"),
    path("<int:pk>/", views.visit_detail, name="visit"),
    path("<int:pk>/havainto/", views.finding_create, name="finding_create"),
    path("<int:pk>/raportti/", views.report_send, name="report_send"),
    path("<int:pk>/raportti.pdf", views.report_download, name="report_pdf"),
    path("havainto/<int:pk>/", views.finding_detail, name="finding"),
    path("havainto/<int:pk>/vastaus/", views.finding_answer, name="finding_answer"),
    path("havainto/<int:pk>/sulje/", views.finding_close, name="finding_close"),
    path("havainto/<int:pk>/muutos/", views.finding_change, name="finding_change"),
    path("havainto/<int:pk>/kuva/", views.finding_photo, name="finding_photo"),
]
