"""Browser tests: the whole path from application to payroll, and axe on every page."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from osallisuus.accounts.tests.factories import UserFactory, sign_in, user_with_role
from osallisuus.experts import services
from osallisuus.experts.models import Claim, ExpertProfile, Invitation
from osallisuus.experts.tests.factories import (
    ExperienceAreaFactory,
    assignment_with_claim,
    fee_tables,
    make_profile,
    make_request,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def page_as(browser, live_server, user, language="en"):
    """A browser tab signed in as the user (both factors done), in the given language."""
    client = Client()
    sign_in(client, user)
    context = browser.new_context(base_url=live_server.url, locale="fi-FI", accept_downloads=True)
    context.set_default_timeout(10_000)
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
            {"name": "django_language", "value": language, "url": live_server.url},
        ]
    )
    return context.new_page()


def test_from_application_to_payroll(browser, live_server, unit, axe_violations):
    year = timezone.localdate().year
    fee_tables(year)
    fee_tables(year + 1)
    area = ExperienceAreaFactory(name_en="Mental health", name_fi="Mielenterveys")
    coordinator = user_with_role("coordinator")
    # Someone already in the pool who has worked recently: the newcomer should rank above.
    busy = make_profile(areas=[area], roles=("developer_client",))
    earlier = make_request(starts_at=timezone.now() - datetime.timedelta(days=40))
    services.answer_invitation(
        invitation=services.invite(request=earlier, profiles=[busy], by=coordinator)[0],
        accept=True,
    )

    # 1. A resident applies.
    applicant = UserFactory(first_name="Aino", last_name="Hakija")
    me = page_as(browser, live_server, applicant)
    me.goto("/kokemusasiantuntijat/hae/")
    assert axe_violations(me) == []
    me.get_by_label("Developer client").check()
    me.get_by_label("Expert by experience").uncheck()
    me.get_by_label("Mental health").check()
    me.get_by_label("I give my consent").check()
    me.get_by_role("button", name="Send application").click()
    me.get_by_text("The coordinator will contact you").wait_for()
    profile = ExpertProfile.objects.get(user=applicant)
    assert profile.status == "applicant"

    # 2. The coordinator approves and records training.
    coord = page_as(browser, live_server, coordinator)
    coord.goto("/kokemusasiantuntijat/koordinointi/hakijat/")
    coord.get_by_role("link", name="Aino Hakija").click()
    coord.get_by_role("button", name="Approve the applicant").click()
    coord.get_by_text("The applicant was approved.").wait_for()
    coord.get_by_label("Course").fill("Kokemusasiantuntijakoulutus")
    coord.get_by_label("Organiser").fill("Mielenterveysyhdistys")
    coord.get_by_label("Date").fill(f"{year}-03-01")
    coord.get_by_role("button", name="Record training").click()
    coord.get_by_text("The training was recorded.").wait_for()
    assert axe_violations(coord) == []
    profile.refresh_from_db()
    assert (profile.status, profile.stage) == ("active", "orientation")

    # 3. A staff member files a request.
    staff = page_as(browser, live_server, user_with_role("staff", unit=unit))
    staff.goto("/kokemusasiantuntijat/pyynnot/uusi/")
    assert axe_violations(staff) == []
    starts = timezone.localtime() + datetime.timedelta(days=14)
    staff.get_by_label("Topic").fill("Neuvolan kehittäjäkahvila")
    staff.get_by_label("Mental health").check()
    staff.get_by_label("Date and time").fill(starts.strftime("%Y-%m-%dT10:00"))
    staff.get_by_label("Remote").check()
    staff.get_by_label("Duration (hours)").fill("3")
    staff.get_by_label("Role wanted").select_option("developer_client")
    staff.get_by_role("button", name="Send request").click()
    staff.get_by_text("Your request was sent to the coordinator.").wait_for()

    # 4. Ranked candidates: the least-used suitable person first; invite her.
    coord.goto(staff.url)
    first = coord.locator("li.candidate").first
    assert "Aino Hakija" in first.inner_text()
    assert "0 assignments in the last 12 months" in first.inner_text()
    assert busy.name in coord.locator("li.candidate").nth(1).inner_text()
    assert axe_violations(coord) == []
    coord.get_by_label("Aino Hakija").check()
    coord.get_by_role("button", name="Invite the chosen people").click()
    coord.get_by_text("1 invitations sent.").wait_for()

    # 5. She accepts by the link, signs the contract.
    invitation = Invitation.objects.get(profile=profile)
    me.goto(f"/kokemusasiantuntijat/kutsu/{invitation.token}/")
    assert axe_violations(me) == []
    me.get_by_role("button", name="Accept").click()
    me.get_by_role("link", name="Contract, version 1").click()
    me.get_by_role("button", name="Sign the contract").click()
    me.get_by_text("You signed the contract.").wait_for()
    assert axe_violations(me) == []
    contract_url = me.url

    # 6. The coordinator signs, downloads the PDF and starts the assignment.
    coord.goto(contract_url)
    coord.get_by_role("button", name="Sign the contract").click()
    coord.get_by_text("You signed the contract.").wait_for()
    with coord.expect_download() as download:
        coord.get_by_role("link", name="Download PDF in Swedish").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    coord.get_by_role("link", name="Back to the assignment").click()
    coord.get_by_role("button", name="Start the assignment").click()
    coord.get_by_text("The assignment has started.").wait_for()

    # 7. She claims: 3 hours and 42.5 km.
    me.goto(coord.url)
    me.get_by_role("link", name="Claim fees and expenses").click()
    assert axe_violations(me) == []
    me.get_by_label("Kilometres").first.fill("42.5")
    me.get_by_role("button", name="Send claim").click()
    me.get_by_text("Your claim was sent.").wait_for()
    claim = Claim.objects.get(assignment__profile=profile)
    km_rate = Decimal("0.57") if starts.year % 2 else Decimal("0.59")
    expected = Decimal("75.00") + (Decimal("42.5") * km_rate).quantize(Decimal("0.01"))
    assert claim.total == expected

    # 8. The coordinator approves; the payroll export has the sums.
    coord.goto("/kokemusasiantuntijat/koordinointi/korvaukset/")
    coord.get_by_role("link", name="Aino Hakija").click()
    assert axe_violations(coord) == []
    coord.get_by_label("Approve").check()
    coord.get_by_role("button", name="Save decision").click()
    coord.get_by_text("The decision was saved.").wait_for()
    with coord.expect_download() as download:
        coord.get_by_role("link", name="Download for payroll (CSV)").click()
    with open(download.value.path(), encoding="utf-8-sig") as export:
        rows = [line.split(";") for line in export.read().splitlines()]
    [row] = [r for r in rows if r[0] == "Aino Hakija"]
    assert row[5:10] == ["75.00", str(expected - Decimal("75.00")), "0.00", "0.00", str(expected)]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_of_the_pool_has_no_axe_violations(
    browser, live_server, unit, axe_violations, language
):
    trail = assignment_with_claim()
    profile = trail["expert_profile"]
    services.request_erasure(profile=make_profile())
    make_profile(status="applicant", areas=[ExperienceAreaFactory()])
    open_request = make_request()  # its page offers the cancel form
    withdrawn = make_request()
    coordinator_user = user_with_role("coordinator")
    cancelled_invitation = services.invite(
        request=withdrawn, profiles=[profile], by=coordinator_user
    )
    services.cancel_request(request=withdrawn, by=coordinator_user, reason="Tila ei vapaana.")
    expert = page_as(browser, live_server, profile.user, language)
    for path in [
        "/kokemusasiantuntijat/",
        "/kokemusasiantuntijat/omat/",
        "/kokemusasiantuntijat/omat/muokkaa/",
        "/kokemusasiantuntijat/omat/poisto/",
        f"/kokemusasiantuntijat/kutsu/{trail['invitation'].token}/",
        f"/kokemusasiantuntijat/kutsu/{cancelled_invitation[0].token}/",
        f"/kokemusasiantuntijat/toimeksiannot/{trail['assignment'].pk}/",
        f"/kokemusasiantuntijat/toimeksiannot/{trail['assignment'].pk}/korvaus/",
        f"/kokemusasiantuntijat/sopimukset/{trail['contract'].pk}/",
        f"/kokemusasiantuntijat/korvaukset/{trail['claim'].pk}/",
    ]:
        expert.goto(path)
        assert axe_violations(expert) == [], path
    resident = page_as(browser, live_server, UserFactory(), language)
    resident.goto("/kokemusasiantuntijat/hae/")
    resident.get_by_role("button").last.click()  # submit empty: the error summary is checked too
    assert axe_violations(resident) == [], "apply"
    coordinator = page_as(browser, live_server, coordinator_user, language)
    for path in [
        "/kokemusasiantuntijat/pyynnot/",
        "/kokemusasiantuntijat/pyynnot/uusi/",
        f"/kokemusasiantuntijat/pyynnot/{trail['request'].pk}/",
        f"/kokemusasiantuntijat/pyynnot/{open_request.pk}/",
        f"/kokemusasiantuntijat/pyynnot/{open_request.pk}/muokkaa/",
        "/kokemusasiantuntijat/koordinointi/",
        "/kokemusasiantuntijat/koordinointi/hakijat/",
        f"/kokemusasiantuntijat/koordinointi/henkilot/{profile.pk}/",
        "/kokemusasiantuntijat/koordinointi/korvaukset/",
        f"/kokemusasiantuntijat/korvaukset/{trail['claim'].pk}/",
        "/kokemusasiantuntijat/koordinointi/vuosikooste/",
        f"/kokemusasiantuntijat/toimeksiannot/{trail['assignment'].pk}/",
        f"/kokemusasiantuntijat/sopimukset/{trail['contract'].pk}/",
    ]:
        coordinator.goto(path)
        assert axe_violations(coordinator) == [], path
