"""The audit log: staff views of personal data are recorded, and entries never change."""

import pytest
from django.db import DatabaseError, connection, transaction

from osallisuus.audit.models import AccessLog, AppendOnlyError
from osallisuus.audit.services import record_access

pytestmark = pytest.mark.django_db


def test_viewing_a_person_in_the_admin_is_logged(client, make_user, login):
    admin_user = make_user("administrator")
    person = make_user("expert")
    login(admin_user)
    assert client.get(f"/admin/accounts/user/{person.pk}/change/").status_code == 200
    entry = AccessLog.objects.get()
    assert entry.actor == admin_user
    assert entry.object_type == "accounts.user"
    assert entry.object_id == str(person.pk)
    assert entry.action == AccessLog.Action.VIEW


def test_entries_cannot_be_changed_or_deleted(make_user):
    entry = record_access(actor=make_user("coordinator"), obj=make_user("expert"), reason="check")
    entry.reason = "covered up"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLog.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AccessLog.objects.update(reason="x")
    assert AccessLog.objects.get().reason == "check"


def test_administrators_read_the_log_and_can_filter_it(client, make_user, login):
    admin_user = make_user("administrator")
    coordinator = make_user("coordinator")
    record_access(actor=coordinator, obj=admin_user)
    record_access(actor=admin_user, obj=coordinator)
    login(admin_user)
    page = client.get("/auditointi/", {"actor": coordinator.username}).content.decode()
    assert page.count("accounts.user #") == 1


def test_the_admin_offers_no_way_to_edit_the_log(client, make_user, login):
    admin_user = make_user("administrator")
    entry = record_access(actor=admin_user, obj=admin_user)
    login(admin_user)
    assert client.get("/admin/audit/accesslog/add/").status_code == 403
    response = client.post(f"/admin/audit/accesslog/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert AccessLog.objects.count() == 1


@pytest.mark.postgres_only
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_accesslog SET reason = 'covered up'",
        "UPDATE audit_accesslog SET actor_id = actor_id",
        "DELETE FROM audit_accesslog",
    ],
)
def test_the_database_refuses_to_change_or_delete_an_entry(make_user, statement):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL only")
    record_access(actor=make_user("coordinator"), obj=make_user("expert"), reason="check")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert AccessLog.objects.get().reason == "check"
    # Entries are still added.
    record_access(actor=make_user("coordinator"), obj=make_user("expert"))
    assert AccessLog.objects.count() == 2
