"""Decision makers' briefings (#15 item 6): built per body and period by `build_briefings`, read
as a page, a PDF and an e-mail that carry no one's personal data, and taken up as matters."""

import re
from datetime import UTC, date, datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from osallisuus.analysis.pipeline import analyse
from osallisuus.codevelopment.services import send_proposal
from osallisuus.codevelopment.tests.factories import project_with_workshop
from osallisuus.notifications.models import OutboxMessage
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory
from osallisuus.participation.tests.participants import pdf_text as pdf_streams
from osallisuus.reports.selectors import add_months
from osallisuus.reports.services import rebuild_rollups
from osallisuus.reports.tests.factories import make_feedback
from osallisuus.trail.actions.services import create_action
from osallisuus.trail.matters.services import create_matter
from osallisuus.trail.models import Briefing, InputLink, Matter

pytestmark = pytest.mark.django_db

MONTH = "2026-11"
GIVER_EMAIL = "matti.meikalainen@example.org"
GIVER_PHONE = "040 123 4567"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(\+358|\b0)[\d -]{6,}\d")


def pdf_text(content: bytes) -> str:
    """The strings the pages draw (reportlab escapes non-ASCII letters as octal codes)."""
    strings = re.findall(r"\((.*?)\) Tj", pdf_streams(content))
    return "\n".join(
        re.sub(r"\\([0-7]{3}|.)", lambda m: chr(int(m[1], 8)) if len(m[1]) == 3 else m[1], s)
        for s in strings
    )


@pytest.fixture
def committee(make_user):
    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(),
        kind=DecisionBody.Kind.COMMITTEE,
        name_fi="Sosiaali- ja terveyslautakunta",
        name_sv="Social- och hälsovårdsnämnden",
        name_en="Social and Health Committee",
    )
    member = make_user("decision_maker")
    member.email = "paattaja@example.org"
    member.first_name = "Pekka"
    member.last_name = "Päättäjä"
    member.save()
    body.members.add(member)
    body.member = member
    return body


@pytest.fixture
def rising_safety(unit):
    """Six quiet months of care-quality comments; in November 2026 safety comes up twelve
    times, one of them with the giver's phone number and e-mail in the original text."""
    november = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
    for back in range(1, 7):
        month = add_months(november.date().replace(day=1), -back)
        moment = datetime(month.year, month.month, 10, 12, 0, tzinfo=UTC)
        for _ in range(10):
            make_feedback(unit, received_at=moment, text="Hoito oli hyvää", themes=["care_quality"])
        make_feedback(unit, received_at=moment, text="Lääkkeet sekaisin", themes=["safety"])
    for _ in range(11):
        make_feedback(unit, received_at=november, text="Lääkelista oli väärin", themes=["safety"])
    original = f"Turvallisuus huolettaa, soittakaa {GIVER_PHONE} tai {GIVER_EMAIL}"
    feedback = make_feedback(unit, received_at=november, text=original, themes=["safety"])
    feedback.redacted_text = analyse(original).redacted
    feedback.save(update_fields=["redacted_text"])
    for _ in range(5):
        make_feedback(unit, received_at=november, text="Hoito hyvää", themes=["care_quality"])
    rebuild_rollups()


@pytest.fixture
def undecided_matter(unit, make_user, committee):
    manager = make_user("unit_manager")
    return create_matter(
        by=manager,
        title="Lääkelistojen tarkistus vastaanotolla",
        summary="Asiakkaat kertovat vääristä lääkelistoista.",
        carrier=manager,
        target_body=committee,
        unit=unit,
    )


def build():
    call_command("build_briefings", "--month", MONTH, stdout=open("/dev/null", "w"))  # noqa: SIM115  the command's output is dropped for the test's lifetime


def test_build_briefings_gives_the_committee_its_rising_theme_and_undecided_matter(
    committee, rising_safety, undecided_matter
):
    build()
    briefing = Briefing.objects.get(body=committee)
    assert str(briefing.period_start) == "2026-11-01"
    assert [theme["theme"] for theme in briefing.content["rising"]] == ["safety"]
    assert [matter["id"] for matter in briefing.content["matters"]] == [undecided_matter.pk]


def test_a_second_run_creates_no_duplicate_and_updates_the_briefing(
    committee, rising_safety, undecided_matter, unit
):
    build()
    later = create_matter(
        by=undecided_matter.carrier,
        title="Toinen asia",
        summary="Odottaa.",
        carrier=undecided_matter.carrier,
        target_body=committee,
        unit=unit,
    )
    build()
    briefing = Briefing.objects.get(body=committee)
    assert Briefing.objects.count() == 1
    # Oldest first.
    assert [m["id"] for m in briefing.content["matters"]] == [undecided_matter.pk, later.pk]
    # The members get the link once, not on every rebuild.
    assert OutboxMessage.objects.filter(recipient=committee.member.email).count() == 1


def test_quotes_are_redacted_and_never_the_original_text(committee, rising_safety):
    build()
    quotes = Briefing.objects.get().content["rising"][0]["quotes"]
    assert quotes
    text = " ".join(quote["text"] for quote in quotes)
    assert GIVER_EMAIL not in text and "123 4567" not in text


def test_the_pdf_has_a_text_layer_title_and_language_and_no_contact_details(
    committee, rising_safety, undecided_matter, login, client
):
    build()
    briefing = Briefing.objects.get()
    login(committee.member)
    response = client.get(reverse("briefings:pdf", args=[briefing.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Lääkelistojen tarkistus" in text
    assert "Asiakas- ja potilasturvallisuus" in text
    assert b"/Lang (fi)" in response.content
    assert b"/Title (" in response.content
    assert not EMAIL.search(text), EMAIL.search(text)
    assert not PHONE.search(text), PHONE.search(text)


def test_the_email_carries_a_link_and_no_personal_data(
    committee, rising_safety, undecided_matter, settings
):
    build()
    briefing = Briefing.objects.get()
    message = OutboxMessage.objects.get(recipient=committee.member.email)
    url = settings.SITE_URL.rstrip("/") + reverse("briefings:detail", args=[briefing.pk])
    assert url in message.body
    for private in ("Pekka", "Päättäjä", GIVER_EMAIL, "Lääkelista", "Turvallisuus"):
        assert private not in message.body and private not in message.subject
    assert EMAIL.findall(message.body) == []


def test_the_member_reads_the_briefing_page_with_every_line_linked(
    committee, rising_safety, undecided_matter, login, client
):
    build()
    briefing = Briefing.objects.get()
    login(committee.member)
    response = client.get(reverse("briefings:detail", args=[briefing.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Asiakas- ja potilasturvallisuus" in page
    assert reverse("matters:detail", args=[undecided_matter.pk]) in page
    assert reverse("reports:service", args=[undecided_matter.unit.service_id]) in page
    assert GIVER_EMAIL not in page
    listing = client.get(reverse("briefings:list")).content.decode()
    assert reverse("briefings:detail", args=[briefing.pk]) in listing


def test_figures_of_a_service_below_the_minimum_are_hidden(committee, unit, settings):
    settings.PUBLIC_MIN_ANSWERS = 5
    for _ in range(4):
        make_feedback(unit, received_at=datetime(2026, 11, 3, tzinfo=UTC), change_made=True)
    rebuild_rollups()
    build()
    service = Briefing.objects.get().content["services"][0]
    assert service["count"] is None and service["change_share"] is None
    make_feedback(unit, received_at=datetime(2026, 11, 4, tzinfo=UTC))
    rebuild_rollups()
    build()
    service = Briefing.objects.get().content["services"][0]
    assert service["count"] == 5 and service["change_share"] == 80


def test_a_member_takes_a_rising_theme_up_as_a_matter_for_the_body(
    committee, rising_safety, login, client
):
    build()
    briefing = Briefing.objects.get()
    login(committee.member)
    url = reverse("briefings:take_up", args=[briefing.pk])
    response = client.post(url, {"item": "theme:safety"})
    matter = Matter.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("matters:detail", args=[matter.pk])
    assert matter.target_body == committee and matter.carrier == committee.member
    assert matter.carried_on is not None
    # Taking it up again opens no second matter.
    client.post(url, {"item": "theme:safety"})
    assert Matter.objects.count() == 1


def test_taking_up_an_overdue_action_links_it_to_the_new_matter(
    committee, unit, make_user, login, client
):
    manager = make_user("unit_manager")
    action = create_action(
        by=manager,
        title_fi="Opasteet sisäänkäynnille",
        owner=manager,
        unit=unit,
        due_date=date(2026, 10, 1),
        texts={"fi": "Opasteet tulevat."},
    )
    build()
    briefing = Briefing.objects.get()
    assert [a["id"] for a in briefing.content["overdue_actions"]] == [action.pk]
    login(committee.member)
    client.post(reverse("briefings:take_up", args=[briefing.pk]), {"item": f"action:{action.pk}"})
    assert list(Matter.objects.get().actions.all()) == [action]


def test_an_item_not_in_the_briefing_opens_nothing(committee, login, client):
    build()
    login(committee.member)
    briefing = Briefing.objects.get()
    client.post(reverse("briefings:take_up", args=[briefing.pk]), {"item": "theme:made_up"})
    assert not Matter.objects.exists()


def test_a_proposal_sent_to_a_member_waits_in_the_briefing_and_can_be_taken_up(
    committee, unit, login, client
):
    setup = project_with_workshop(unit)
    project = send_proposal(
        project=setup.project,
        by=setup.facilitator,
        proposal="Takaisinsoitto kaikille asemille.",
        decision_maker=committee.member,
    )
    build()
    briefing = Briefing.objects.get()
    waiting = briefing.content["waiting"]
    assert [(w["kind"], w["pk"]) for w in waiting] == [("project_outcome", project.pk)]
    login(committee.member)
    client.post(
        reverse("briefings:take_up", args=[briefing.pk]),
        {"item": f"input:project_outcome:{project.pk}"},
    )
    assert InputLink.objects.filter(
        matter=Matter.objects.get(), kind="project_outcome", object_id=project.pk
    ).exists()


def test_a_decision_maker_of_another_body_gets_404_and_coordinators_see_all(
    committee, make_user, login, client
):
    build()
    briefing = Briefing.objects.get(body=committee)
    url = reverse("briefings:detail", args=[briefing.pk])
    other = make_user("decision_maker")
    DecisionBody.objects.create(
        organiser=committee.organiser, kind=DecisionBody.Kind.REGIONAL_BOARD, name_fi="Hallitus"
    ).members.add(other)
    assert client.get(url).status_code == 302
    login(other)
    assert client.get(url).status_code == 404
    assert client.get(reverse("briefings:pdf", args=[briefing.pk])).status_code == 404
    assert url not in client.get(reverse("briefings:list")).content.decode()
    login(make_user("coordinator"))
    assert client.get(url).status_code == 200


def test_a_quarterly_body_gets_one_briefing_for_the_quarter(committee):
    committee.briefing_months = 3
    committee.save()
    call_command("build_briefings", "--month", "2026-11", stdout=open("/dev/null", "w"))  # noqa: SIM115  the command's output is dropped for the test's lifetime
    call_command("build_briefings", "--month", "2026-12", stdout=open("/dev/null", "w"))  # noqa: SIM115  the command's output is dropped for the test's lifetime
    briefing = Briefing.objects.get()
    assert (str(briefing.period_start), str(briefing.period_end)) == ("2026-10-01", "2027-01-01")


def test_an_unreadable_month_is_refused():
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("build_briefings", "--month", "marraskuu")


def test_the_demo_committee_gets_a_briefing_with_the_rising_theme_and_undecided_matter():
    from django.utils import timezone

    from osallisuus.demo.county import build_demo_county
    from osallisuus.feedback import demo as feedback_demo
    from osallisuus.reports import demo as reports_demo
    from osallisuus.trail import demo as trail_demo
    from osallisuus.trail.briefings import demo as briefings_demo

    build_demo_county()
    feedback_demo.seed_demo_data()
    reports_demo.seed_demo_data()
    trail_demo.seed_demo_data()
    briefing = Briefing.objects.get(body__name_fi=briefings_demo.COMMITTEE)
    assert briefing.period_start == timezone.localdate().replace(day=1)
    assert briefings_demo.RISING_THEME in [t["theme"] for t in briefing.content["rising"]]
    matter = Matter.objects.get(title=briefings_demo.MATTER_TITLE)
    assert matter.pk in [m["id"] for m in briefing.content["matters"]]
    assert matter.input_links.exists()
    # build_briefings for the same month afterwards rebuilds the same briefing.
    call_command(
        "build_briefings",
        "--month",
        timezone.localdate().strftime("%Y-%m"),
        "--no-email",
        stdout=open("/dev/null", "w"),  # noqa: SIM115  the command's output is dropped for the test's lifetime
    )
    assert Briefing.objects.filter(body__name_fi=briefings_demo.COMMITTEE).count() == 1
