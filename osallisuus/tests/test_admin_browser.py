"""The admin screens in a real browser: axe finds nothing on the index, on every registered
model's list, add form and change form, and on the admin's own password and log-out pages, in
Finnish, Swedish and English; and a change form still saves."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def one_of_each(administrator: Any, unit: Any) -> None:
    """At least one row of every model registered in the admin, so each has a change form."""
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as AxesAccessLog
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_static.models import StaticDevice

    from osallisuus.accounts.services import create_api_token
    from osallisuus.analysis.corrections import Labels, record_correction
    from osallisuus.audit.services import record_access
    from osallisuus.complaints.models import Holiday, ObjectionPolicy, Route, RouteText
    from osallisuus.experts.models import AssignmentType, ExpertRole, FeeTable, TypeRequirement
    from osallisuus.experts.tests.factories import ExperienceAreaFactory
    from osallisuus.feedback.models import ReplyTemplate
    from osallisuus.feedback.services import FeedbackInput, submit_feedback
    from osallisuus.notifications.services import send_email
    from osallisuus.organisation.models import DecisionBody, Municipality, ServicePromise

    Group.objects.create(name="Kirjaajat")
    StaticDevice.objects.create(user=administrator, name="varakoodit")
    attempt = {
        "username": "joku",
        "ip_address": "192.0.2.1",
        "user_agent": "Firefox",
        "path_info": "/tili/kirjaudu/",
    }
    AccessAttempt.objects.create(**attempt, failures_since_start=1)
    AccessFailureLog.objects.create(**attempt)
    AxesAccessLog.objects.create(**attempt)
    create_api_token(owner=administrator, name="Raportointi", days=30, two_factor_done=True)
    send_email(to="asukas@example.org", subject="Vastaus", body="Kiitos.")  # and its task row
    Municipality.objects.create(organiser=unit.producer.organiser, name_fi="Kunta", code="999")
    DecisionBody.objects.create(
        organiser=unit.producer.organiser,
        kind=DecisionBody.Kind.COMMITTEE,
        name_fi="Sosiaali- ja terveyslautakunta",
    )
    ServicePromise.objects.create(service=unit.service, days_to_answer=14, text_fi="Vastaamme.")
    record_access(actor=administrator, obj=unit)
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Jonotin tunnin."))[0]
    record_correction(
        feedback_id=feedback.pk,
        by=administrator,
        text="Jonotin tunnin.",
        lang="fi",
        before=Labels(themes=(), sentiment="neutral", urgent=False),
        after=Labels(themes=("access_waiting",), sentiment="negative", urgent=False),
    )
    ReplyTemplate.objects.create(title="Yhteinen", text_fi="Kiitos palautteesta.")
    ExperienceAreaFactory()
    FeeTable.objects.create(
        role=ExpertRole.EXPERT,
        valid_from=datetime.date(2026, 1, 1),
        valid_to=datetime.date(2026, 12, 31),
        km_rate=Decimal("0.59"),
    )
    TypeRequirement.objects.create(
        assignment_type=AssignmentType.choices[0][0], course="Kokemusasiantuntijakoulutus"
    )
    RouteText.objects.create(
        route=Route.OBJECTION,
        title_fi="Muistutus",
        title_sv="Anmärkning",
        title_en="Objection",
        body_fi="Muistutus tehdään yksikölle.",
        body_sv="En anmärkning görs till enheten.",
        body_en="An objection is made to the unit.",
    )
    ObjectionPolicy.objects.create(enabled=True, answer_days=30)
    Holiday.objects.create(day=datetime.date(2026, 12, 24), name="Jouluaatto")


LANGUAGES = ["fi", "sv", "en"]


def admin_pages(administrator: Any, language: str) -> list[str]:
    """The admin pages to check in one language: the index, every registered model's list and
    the admin's own screens in every language; each model's add form (where adding is allowed)
    and the change form of its first row in one language, taking turns, so that every form is
    checked once and the test stays within a few minutes. Also one row's history and delete
    confirmation, and the pages for changing a password."""
    from osallisuus.feedback.models import ReplyTemplate

    request = RequestFactory().get("/admin/")
    request.user = administrator
    pages = [reverse("admin:index")]
    for number, (model, model_admin) in enumerate(admin.site._registry.items()):
        opts = model._meta
        assert model_admin.has_view_permission(request), f"{opts.label}: not reachable"
        name = f"admin:{opts.app_label}_{opts.model_name}"
        pages.append(reverse(f"{name}_changelist"))
        if LANGUAGES[number % len(LANGUAGES)] != language:
            continue
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"{name}_add"))
        first = model._default_manager.order_by("pk").first()
        assert first is not None, f"{opts.label}: add a row in one_of_each()"
        pages.append(reverse(f"{name}_change", args=[first.pk]))
    template = ReplyTemplate.objects.get()
    return [
        *pages,
        reverse("admin:feedback_replytemplate_history", args=[template.pk]),
        reverse("admin:feedback_replytemplate_delete", args=[template.pk]),
        reverse("admin:auth_user_password_change", args=[administrator.pk]),
        reverse("admin:unit_import"),
        reverse("admin:password_change"),
        reverse("admin:password_change_done"),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_screens_have_no_axe_violations(
    page, live_server, axe_violations, language, unit, make_user, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    administrator = make_user("administrator")
    one_of_each(administrator, unit)
    sign_in_browser(page, live_server, administrator, language=language)
    found = {}
    pages = admin_pages(administrator, language)
    for path in pages:
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language, path
        if violations := axe_violations(page):
            found[path] = violations
    # Last, since it ends the session: the log-out button and the page it leads to.
    page.goto(reverse("admin:index"))
    with page.expect_navigation():
        page.locator("#logout-form button").click()
    if violations := axe_violations(page):
        found["logged out"] = violations
    assert found == {}, f"{len(found)} of {len(pages) + 1} pages"


def test_a_change_form_with_a_new_inline_row_passes_axe_and_saves(
    page, live_server, axe_violations, unit, make_user
):
    from osallisuus.accounts.models import RoleAssignment

    administrator = make_user("administrator")
    nurse = make_user("staff")
    sign_in_browser(page, live_server, administrator, language="sv")
    page.goto(reverse("admin:accounts_user_change", args=[nurse.pk]))
    page.get_by_label("Förnamn").fill("Hanna")
    page.locator("#role_assignments-group .add-row a").click()
    page.locator("#id_role_assignments-1-role").select_option("coordinator")
    assert axe_violations(page) == [], "the form with a new role row"
    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    assert page.locator(".messagelist .success").count() == 1
    nurse.refresh_from_db()
    assert nurse.first_name == "Hanna"
    roles = set(RoleAssignment.objects.filter(user=nurse).values_list("role", "unit"))
    assert roles == {("staff", unit.pk), ("coordinator", None)}
