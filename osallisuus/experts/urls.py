"""Paths of the pool under /kokemusasiantuntijat/ (Finnish, as people see them)."""

from django.urls import path

from . import group_views, views

app_name = "experts"
urlpatterns = [
    path("", views.home, name="home"),
    path("ryhmat/", group_views.group_list, name="groups"),
    path("ryhmat/uusi/", group_views.group_create, name="group_create"),
    path("ryhmat/<int:pk>/", group_views.group_detail, name="group"),
    path("ryhmat/<int:pk>/vaihe/", group_views.group_step, name="group_step"),
    path("ryhmat/<int:pk>/pyynto/", group_views.group_share, name="group_share"),
    path("raportti/tyo-<slug:kind>.<slug:fmt>", group_views.work_report, name="work_report"),
    path("hae/", views.apply, name="apply"),
    path("omat/", views.mine, name="mine"),
    path("omat/ryhmat/<int:pk>/", group_views.my_group, name="my_group"),
    path("omat/muokkaa/", views.edit_profile, name="edit_profile"),
    path("omat/tiedot.json", views.my_data_json, name="my_data_json"),
    path("omat/tiedot.pdf", views.my_data_pdf, name="my_data_pdf"),
    path("omat/korvaukset.pdf", views.my_yearly_statement, name="my_yearly_statement"),
    path("omat/poisto/", views.request_erasure, name="request_erasure"),
    path("kutsu/<str:token>/", views.invitation, name="invitation"),
    path("toimeksiannot/<int:pk>/", views.assignment, name="assignment"),
    path("toimeksiannot/<int:pk>/aloita/", views.assignment_start, name="assignment_start"),
    path("toimeksiannot/<int:pk>/valmis/", views.assignment_finish, name="assignment_finish"),
    path(
        "toimeksiannot/<int:pk>/uusi-sopimus/",
        views.assignment_contract,
        name="assignment_contract",
    ),
    path("toimeksiannot/<int:pk>/keraa-palautetta/", views.collect, name="collect"),
    path("toimeksiannot/<int:pk>/korvaus/", views.new_claim, name="new_claim"),
    path("toimeksiannot/<int:pk>/palaute/", views.assignment_feedback, name="assignment_feedback"),
    path("sopimukset/<int:pk>/", views.contract, name="contract"),
    path("sopimukset/<int:pk>/pdf/", views.contract_pdf, name="contract_pdf"),
    path("korvaukset/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("kuitit/<int:pk>/", views.receipt, name="receipt"),
    path("todistukset/<int:pk>/", views.certificate, name="certificate"),
    path("pyynnot/", views.requests, name="requests"),
    path("pyynnot/uusi/", views.new_request, name="new_request"),
    path("pyynnot/uusi/projekti/<int:project_pk>/", views.project_request, name="project_request"),
    path("pyynnot/<int:pk>/", views.request_detail, name="request_detail"),
    path("pyynnot/<int:pk>/kutsu/", views.invite, name="invite"),
    path("pyynnot/<int:pk>/muistuta/", views.remind, name="remind"),
    path("pyynnot/<int:pk>/peru/", views.cancel_request, name="cancel_request"),
    path("pyynnot/<int:pk>/muokkaa/", views.edit_request, name="edit_request"),
    path("koordinointi/", views.pool, name="pool"),
    path("koordinointi/hakijat/", views.applicants, name="applicants"),
    path("koordinointi/henkilot/<int:pk>/", views.profile, name="profile"),
    # Each step on a person's page posts to its own address.
    path("koordinointi/henkilot/<int:pk>/hyvaksy/", views.profile_approve, name="profile_approve"),
    path("koordinointi/henkilot/<int:pk>/poista/", views.profile_erase, name="profile_erase"),
    path(
        "koordinointi/henkilot/<int:pk>/koulutus/", views.profile_training, name="profile_training"
    ),
    path(
        "koordinointi/henkilot/<int:pk>/jasenyys/",
        views.profile_membership,
        name="profile_membership",
    ),
    path("koordinointi/korvaukset/", views.claims, name="claims"),
    path("koordinointi/korvaukset/maksetuiksi/", views.mark_paid, name="mark_paid"),
    path("koordinointi/palkanmaksu.csv", views.payroll_csv, name="payroll_csv"),
    path("koordinointi/palkanmaksu.xlsx", views.payroll_xlsx, name="payroll_xlsx"),
    path("koordinointi/vuosikooste/", views.yearly_summary, name="yearly_summary"),
]
