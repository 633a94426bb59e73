"""The health check a proxy or orchestrator polls: is the database reachable?"""

from __future__ import annotations

from django.db import DatabaseError, connection


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            row = cursor.fetchone()
            return bool(row == (1,))
    except DatabaseError:
        return False
