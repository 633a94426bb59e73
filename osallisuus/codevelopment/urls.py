"""Co-development pages, mounted at /yhteiskehittaminen/."""

from django.urls import path

from . import views

app_name = "codevelopment"
urlpatterns = [
    path("", views.project_list, name="projects"),
    path("uusi/", views.project_create, name="project_create"),
    path("<int:pk>/", views.project_detail, name="project"),
    path("<int:pk>/muokkaa/", views.project_edit, name="project_edit"),
    path("<int:pk>/vaihe/<slug:stage>/", views.stage, name="stage"),
    path("<int:pk>/siirra/", views.move_stage, name="move_stage"),
    path("<int:pk>/ryhma/", views.group, name="group"),
    path("<int:pk>/ryhma/<int:member_pk>/poista/", views.remove_member, name="remove_member"),
    path("<int:pk>/tulokset/", views.outcomes, name="outcomes"),
    path("<int:pk>/tulokset/tallenna/", views.outcomes_save, name="outcomes_save"),
    path("<int:pk>/tulokset/ehdotus/", views.proposal_send, name="proposal_send"),
    path("<int:pk>/paatos/", views.decide, name="decide"),
    path("<int:pk>/raportti/", views.report, name="report"),
    path("<int:pk>/raportti.pdf", views.report_pdf, name="report_pdf"),
    path("<int:pk>/tyopajat/uusi/", views.workshop_create, name="workshop_create"),
    path("tyopaja/<int:pk>/", views.workshop_detail, name="workshop"),
    # Each step on the workshop page posts to its own address and comes back to the page.
    path("tyopaja/<int:pk>/ilmoittaudu/", views.workshop_register, name="workshop_register"),
    path("tyopaja/<int:pk>/materiaali/", views.workshop_material, name="workshop_material"),
    path("tyopaja/<int:pk>/kutsu/", views.workshop_invite, name="workshop_invite"),
    path("tyopaja/<int:pk>/lasnaolo/", views.workshop_attendance, name="workshop_attendance"),
    path("tyopaja/<int:pk>/muokkaa/", views.workshop_edit, name="workshop_edit"),
    path("tyopaja/<int:pk>/kalenteri.ics", views.workshop_ics, name="workshop_ics"),
    path("tyopaja/<int:pk>/materiaali/<int:material_pk>/", views.material, name="material"),
    path("tyopaja/<int:pk>/taulu/", views.board, name="board"),
    # Each step on the board posts to its own address and comes back to the board.
    path("tyopaja/<int:pk>/taulu/lappu/", views.board_note, name="board_note"),
    path("tyopaja/<int:pk>/taulu/sarake/", views.board_column, name="board_column"),
    path("tyopaja/<int:pk>/taulu/valmiit-sarakkeet/", views.board_preset, name="board_preset"),
    path("tyopaja/<int:pk>/taulu/<int:note_pk>/siirra/", views.note_move, name="note_move"),
    path("tyopaja/<int:pk>/taulu/<int:note_pk>/aanesta/", views.note_vote, name="note_vote"),
    path("tyopaja/<int:pk>/taulu/<int:note_pk>/peru-aani/", views.note_unvote, name="note_unvote"),
    path(
        "tyopaja/<int:pk>/taulu/<int:note_pk>/kommentoi/", views.note_comment, name="note_comment"
    ),
    path("tyopaja/<int:pk>/taulu/muutokset/", views.board_changes, name="board_changes"),
    path("tyopaja/<int:pk>/taulu/<int:note_pk>/muokkaa/", views.note_edit, name="note_edit"),
    path("julkiset/", views.public_list, name="public_list"),
    path("julkiset/<int:pk>/", views.public, name="public"),
]
