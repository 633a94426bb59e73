"""Projects through the cycle of seed 000 to a decision; the group's balance; the public page."""

from __future__ import annotations

import itertools

import pytest
from django.core import mail  # noqa: F401  imported for its side effect
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import NotPermitted
from osallisuus.codevelopment.models import STAGE_ORDER, GroupRole, Stage, StageChange
from osallisuus.codevelopment.selectors import group_balance
from osallisuus.codevelopment.services import (
    CodevelopmentError,
    add_member,
    move_to_stage,
    record_decision,
    save_stage_answers,
    send_proposal,
)
from osallisuus.feedback.models import Contact, Feedback, Status
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.notifications.models import OutboxMessage

from .factories import project_with_workshop

pytestmark = pytest.mark.django_db


def decided_matter(unit, *, decide=True):
    """A matter carried by a named unit manager to an office-holder, decided by a coordinator."""
    from datetime import date

    from osallisuus.trail.matters.services import create_matter, decide_matter

    manager = user_with_role("unit_manager", unit=unit)
    matter = create_matter(
        by=manager,
        title="Takaisinsoitto",
        summary="Ryhmän ehdotus.",
        carrier=manager,
        target_office="Palvelujohtaja Liisa Laine",
        unit=unit,
    )
    if decide:
        decide_matter(
            matter=matter,
            by=user_with_role("coordinator"),
            outcome="accepted",
            decided_by="Palvelujohtaja Liisa Laine",
            decided_on=date(2026, 11, 20),
            reasons="Kokeilu onnistui.",
            texts={"fi": "Hyväksytty."},
        )
    return matter


def test_a_project_walks_every_stage_to_a_decision_and_everyone_concerned_is_told(unit, client):
    feedback, _ = submit_feedback(
        FeedbackInput(
            unit=unit,
            text="Ajanvaraukseen on vaikea päästä puhelimella läpi.",
            contact_email="antaja@example.org",
        )
    )
    setup = project_with_workshop(unit, feedback=[feedback])
    project, facilitator = setup.project, setup.facilitator
    for previous, stage in itertools.pairwise(STAGE_ORDER):
        save_stage_answers(
            project=project, by=facilitator, stage=previous, answers={"target": "Ajanvaraus"}
        )
        if stage == Stage.ROOTING:
            move_to_stage(project=project, by=facilitator, stage=stage, matter=decided_matter(unit))
        else:
            move_to_stage(project=project, by=facilitator, stage=stage)
    assert project.stage == Stage.CONTINUOUS
    assert StageChange.objects.filter(project=project).count() == len(STAGE_ORDER) - 1
    decider = user_with_role("decision_maker")
    send_proposal(
        project=project, by=facilitator, proposal="Takaisinsoitto kaikille.", decision_maker=decider
    )
    assert OutboxMessage.objects.filter(recipient=decider.email).exists()
    OutboxMessage.objects.all().delete()

    record_decision(
        project=project,
        by=decider,
        decision="changed",
        reasons="Takaisinsoitto otetaan käyttöön ensin kahdella asemalla.",
    )

    recipients = set(OutboxMessage.objects.values_list("recipient", flat=True))
    assert {setup.client.email, setup.professional.email, facilitator.email} <= recipients
    assert "antaja@example.org" in recipients
    feedback.refresh_from_db()
    assert feedback.status == Status.CHANGE_MADE
    status_page = client.get(reverse("feedback:status", kwargs={"code": feedback.reply_code}))
    assert "kahdella asemalla" in status_page.content.decode()


def test_a_rejected_proposal_tells_the_giver_why_nothing_changes(unit):
    feedback, _ = submit_feedback(FeedbackInput(unit=unit, text="Odotushuone on kylmä."))
    setup = project_with_workshop(unit, feedback=[feedback])
    decider = user_with_role("decision_maker")
    send_proposal(
        project=setup.project,
        by=setup.facilitator,
        proposal="Uusi lämmitys.",
        decision_maker=decider,
    )
    record_decision(
        project=setup.project,
        by=decider,
        decision="rejected",
        reasons="Rakennus korjataan kokonaan ensi vuonna, jolloin lämmitys uusitaan.",
    )
    feedback.refresh_from_db()
    assert feedback.status == Status.NO_CHANGE
    assert "ensi vuonna" in feedback.events.last().public_text
    assert not Contact.objects.exists()


def test_only_the_named_decision_maker_can_decide(unit):
    setup = project_with_workshop(unit)
    named, other = user_with_role("decision_maker"), user_with_role("decision_maker")
    send_proposal(
        project=setup.project, by=setup.facilitator, proposal="Ehdotus", decision_maker=named
    )
    with pytest.raises(NotPermitted):
        record_decision(project=setup.project, by=other, decision="accepted", reasons="")


def test_a_rejection_needs_reasons(unit):
    setup = project_with_workshop(unit)
    decider = user_with_role("decision_maker")
    send_proposal(
        project=setup.project, by=setup.facilitator, proposal="Ehdotus", decision_maker=decider
    )
    with pytest.raises(CodevelopmentError):
        record_decision(project=setup.project, by=decider, decision="rejected", reasons="Ei.")


def test_the_group_warns_when_clients_are_fewer_than_professionals(unit, client):
    setup = project_with_workshop(unit)
    add_member(
        project=setup.project,
        by=setup.facilitator,
        user=user_with_role("staff", unit=unit),
        role=GroupRole.SUPERVISOR,
    )
    balance = group_balance(setup.project)
    assert (balance.clients, balance.professionals, balance.facilitators) == (1, 2, 1)
    assert balance.clients_fewer
    sign_in(client, setup.facilitator)
    client.cookies.load({"django_language": "en"})
    page = client.get(reverse("codevelopment:group", kwargs={"pk": setup.project.pk}))
    assert "fewer clients than professionals" in page.content.decode()


def test_the_group_warns_when_professionals_are_fewer_than_clients(unit, client):
    setup = project_with_workshop(unit)
    for _ in range(2):
        add_member(
            project=setup.project,
            by=setup.facilitator,
            user=user_with_role("resident"),
            role=GroupRole.CLIENT,
        )
    balance = group_balance(setup.project)
    assert (balance.clients, balance.professionals) == (3, 1)
    assert balance.professionals_fewer and not balance.clients_fewer
    sign_in(client, setup.facilitator)
    client.cookies.load({"django_language": "sv"})
    page = client.get(reverse("codevelopment:group", kwargs={"pk": setup.project.pk}))
    assert "färre yrkesverksamma än klienter" in page.content.decode()


def test_a_balanced_group_shows_no_warning(unit, client):
    setup = project_with_workshop(unit)
    balance = group_balance(setup.project)
    assert not balance.clients_fewer and not balance.professionals_fewer
    sign_in(client, setup.facilitator)
    page = client.get(reverse("codevelopment:group", kwargs={"pk": setup.project.pk}))
    assert 'role="note"><strong>' not in page.content.decode()


def test_a_group_member_who_is_not_staff_sees_the_project_but_cannot_run_it(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.client)
    assert client.get(setup.project.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("codevelopment:move_stage", kwargs={"pk": setup.project.pk}), {"stage": "trial"}
    )
    assert response.status_code == 404


def test_the_facilitator_moves_the_stage_and_the_change_is_logged(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    client.post(
        reverse("codevelopment:move_stage", kwargs={"pk": setup.project.pk}), {"stage": "meetings"}
    )
    change = StageChange.objects.get()
    assert (change.from_stage, change.to_stage, change.by) == (
        "preparation",
        "meetings",
        setup.facilitator,
    )
    client.cookies.load({"django_language": "en"})
    page = client.get(setup.project.get_absolute_url()).content.decode()
    assert "development meetings" in page


def test_a_stage_page_shows_its_guiding_questions_and_saves_answers(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    client.cookies.load({"django_language": "en"})
    url = reverse("codevelopment:stage", kwargs={"pk": setup.project.pk, "stage": "evaluation"})
    page = client.get(url).content.decode()
    assert "Who carries the matter to decision making, and to which body or office-holder?" in page
    client.post(url, {"who_decides": "Palvelujohtaja"})
    assert "Palvelujohtaja" in client.get(url).content.decode()


def test_staff_create_a_project_from_feedback_by_its_reply_code(unit, client_as):
    feedback, _ = submit_feedback(FeedbackInput(unit=unit, text="Pitkät jonot"))
    staff = client_as("staff")
    response = staff.post(
        reverse("codevelopment:project_create"),
        {
            "title": "Jonot",
            "target": "Lyhyemmät jonot",
            "units": [unit.pk],
            "feedback_codes": feedback.reply_code.lower(),
            "public_summary": "",
        },
    )
    assert response.status_code == 302
    project = Feedback.objects.get().codevelopment_projects.get()
    assert project.members.get().role == GroupRole.FACILITATOR


def test_the_inbox_item_links_to_a_new_project_prefilled_with_its_reply_code(unit, client_as):
    feedback, _ = submit_feedback(FeedbackInput(unit=unit, text="Pitkät jonot"))
    staff = client_as("staff")
    detail = staff.get(reverse("feedback:detail", kwargs={"pk": feedback.pk})).content.decode()
    link = f"{reverse('codevelopment:project_create')}?feedback_codes={feedback.reply_code}"
    assert link in detail
    form = staff.get(link).content.decode()
    assert f'value="{feedback.reply_code}"' in form


def test_feedback_outside_the_creators_scope_cannot_be_linked(unit, other_unit, client_as):
    feedback, _ = submit_feedback(FeedbackInput(unit=other_unit, text="Muualta"))
    staff = client_as("staff")
    response = staff.post(
        reverse("codevelopment:project_create"),
        {"title": "X", "target": "Y", "units": [unit.pk], "feedback_codes": feedback.reply_code},
    )
    assert response.status_code == 200
    assert feedback.reply_code in response.content.decode()


def test_the_public_page_shows_the_decision_in_plain_language(unit, client):
    setup = project_with_workshop(unit)
    decider = user_with_role("decision_maker")
    send_proposal(
        project=setup.project,
        by=setup.facilitator,
        proposal="Takaisinsoitto",
        decision_maker=decider,
    )
    record_decision(project=setup.project, by=decider, decision="accepted", reasons="")
    page = client.get(reverse("codevelopment:public", kwargs={"pk": setup.project.pk}))
    assert "Takaisinsoitto" in page.content.decode()


def test_a_project_that_is_not_public_has_no_public_page(unit, client):
    setup = project_with_workshop(unit)
    setup.project.is_public = False
    setup.project.save()
    assert (
        client.get(reverse("codevelopment:public", kwargs={"pk": setup.project.pk})).status_code
        == 404
    )


def test_the_project_list_filters_by_stage_and_year(unit, client_as):
    setup = project_with_workshop(unit)
    coordinator = client_as("coordinator")
    url = reverse("codevelopment:projects")
    assert setup.project.title in coordinator.get(url, {"stage": "preparation"}).content.decode()
    assert setup.project.title not in coordinator.get(url, {"stage": "trial"}).content.decode()
    assert setup.project.title not in coordinator.get(url, {"year": 2001}).content.decode()


def test_the_report_counts_participants_and_the_pdf_is_a_pdf(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.professional)
    client.cookies.load({"django_language": "en"})
    page = client.get(reverse("codevelopment:report", kwargs={"pk": setup.project.pk}))
    assert "Participants by role" in page.content.decode()
    pdf = client.get(reverse("codevelopment:report_pdf", kwargs={"pk": setup.project.pk}))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_the_api_lists_public_projects_with_their_decision(unit, client):
    setup = project_with_workshop(unit)
    hidden = project_with_workshop(unit).project
    hidden.is_public = False
    hidden.save()
    data = client.get("/api/v1/codevelopment/projects/").json()
    assert [p["id"] for p in data["results"]] == [setup.project.pk]
    assert client.get(f"/api/v1/codevelopment/projects/{hidden.pk}/").status_code == 404


def test_the_public_project_api_is_in_the_schema(client):
    schema = client.get("/api/v1/schema/").json()
    assert "/api/v1/codevelopment/projects/" in schema["paths"]


# --- The outcomes page: saving the outcomes and sending the proposal post to their own address --


def test_the_facilitator_saves_outcomes_and_returns_to_the_page(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    client.cookies.load({"django_language": "en"})
    url = reverse("codevelopment:outcomes_save", kwargs={"pk": setup.project.pk})
    data = {
        "solution_models": "Takaisinsoitto",
        "trial_plan": "Kuukauden kokeilu",
        "evaluation_criteria": "Jonotusaika",
        "trial_results": "",
    }
    response = client.post(url, data, follow=True)
    outcomes = reverse("codevelopment:outcomes", kwargs={"pk": setup.project.pk})
    assert response.redirect_chain == [(outcomes, 302)]
    assert "Outcomes saved." in response.content.decode()
    setup.project.refresh_from_db()
    assert setup.project.trial_plan == "Kuukauden kokeilu"


def test_a_proposal_without_text_is_shown_beside_its_field_and_not_sent(unit, client, make_user):
    setup = project_with_workshop(unit)
    decider = make_user("decision_maker")
    sign_in(client, setup.facilitator)
    url = reverse("codevelopment:proposal_send", kwargs={"pk": setup.project.pk})
    response = client.post(url, {"proposal": "", "decision_maker": decider.pk})
    assert response.status_code == 200
    assert response.context["proposal_form"].errors["proposal"]
    assert not response.context["outcomes_form"].is_bound
    assert "error-summary" in response.content.decode()
    setup.project.refresh_from_db()
    assert setup.project.proposal_sent_at is None


def test_the_proposal_is_sent_to_the_named_decision_maker(unit, client, make_user):
    setup = project_with_workshop(unit)
    decider = make_user("decision_maker")
    sign_in(client, setup.facilitator)
    url = reverse("codevelopment:proposal_send", kwargs={"pk": setup.project.pk})
    response = client.post(url, {"proposal": "Takaisinsoitto", "decision_maker": decider.pk})
    assert response.status_code == 302
    setup.project.refresh_from_db()
    assert (setup.project.proposal, setup.project.decision_maker) == ("Takaisinsoitto", decider)


def test_a_group_member_cannot_change_the_outcomes(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.client)
    url = reverse("codevelopment:outcomes_save", kwargs={"pk": setup.project.pk})
    assert client.post(url, {"trial_plan": "Ei"}).status_code == 404
    assert client.get(url).status_code == 405


def test_a_project_cannot_enter_change_in_practice_without_a_decided_matter(unit, client):
    setup = project_with_workshop(unit)
    project = setup.project
    project.stage = Stage.EVALUATION
    project.save()
    undecided = decided_matter(unit, decide=False)
    sign_in(client, setup.facilitator)
    url = reverse("codevelopment:move_stage", kwargs={"pk": project.pk})
    for data in ({"stage": "rooting"}, {"stage": "rooting", "matter": undecided.pk}):
        response = client.post(url, data)
        assert response.status_code == 200
        assert 'class="error-summary"' in response.content.decode()
        assert "matter" in response.context["move_form"].errors
        project.refresh_from_db()
        assert (project.stage, project.matter) == (Stage.EVALUATION, None)
        assert not StageChange.objects.exists()


def test_a_decided_matter_lets_the_project_into_change_in_practice(unit, client):
    setup = project_with_workshop(unit)
    project = setup.project
    project.stage = Stage.EVALUATION
    project.save()
    matter = decided_matter(unit)
    sign_in(client, setup.facilitator)
    client.post(
        reverse("codevelopment:move_stage", kwargs={"pk": project.pk}),
        {"stage": "rooting", "matter": matter.pk},
    )
    project.refresh_from_db()
    assert (project.stage, project.matter) == (Stage.ROOTING, matter)


def test_the_evaluation_stage_asks_who_carries_the_matter_and_to_whom():
    from django.utils import translation

    from osallisuus.codevelopment.stages import questions_of

    with translation.override("en"):
        questions = [str(q) for _key, q in questions_of(Stage.EVALUATION)]
    assert any("carries" in q and "body or office-holder" in q for q in questions)
