"""A pg_dump of a populated database restores into a fresh one with equal counts and rows."""

import subprocess
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def test_a_backup_of_a_populated_database_restores_with_equal_counts_and_rows(unit):
    if connection.vendor != "postgresql":
        pytest.skip("backup and restore are PostgreSQL's pg_dump and pg_restore")
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    for n in range(30):
        submit_feedback(
            FeedbackInput(
                unit=unit,
                text=f"Palaute {n}: jono oli pitkä",
                answers=[("encounter", 1 + n % 5)],
                contact_email=f"antaja{n}@example.org" if n % 3 == 0 else "",
            )
        )
    connection.close()  # pg_dump wants a quiet database; the test's connection reopens later
    result = subprocess.run(  # noqa: S603  a fixed argument list, no shell
        [str(ROOT / "scripts" / "backup-restore-check.sh"), database_url()],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "feedback: 30" in result.stdout
