"""The bare Django project of `make bench` (bench/bare/) is the baseline of every ratio: it must
stay bare (no middleware, one app) and its two views must do what the report says they do.

It runs in a process of its own (its settings cannot share a process with the product's), on a
throwaway SQLite file; nothing under osallisuus/ imports it.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json
import django
from django.conf import settings
from django.core.management import call_command
from django.test import Client

django.setup()
call_command("migrate", run_syncdb=True, verbosity=0)
client = Client()
created = []
for n in range(12):
    body = {"unit_code": "KST", "answers": [{"question": "encounter", "value": 1 + n % 5}],
            "text": f"kommentti {n}", "idempotency_key": str(n)}
    response = client.post("/rows/", json.dumps(body), content_type="application/json")
    created.append([response.status_code, response.json()["id"]])
listed = client.get("/rows/")
print(json.dumps({
    "middleware": list(settings.MIDDLEWARE),
    "apps": list(settings.INSTALLED_APPS),
    "created": created,
    "list_status": listed.status_code,
    "listed": listed.json()["results"],
    "put_status": client.put("/rows/").status_code,
}))
"""


def run_bare(tmp_path: Path) -> dict:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "bench.bare.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bare.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603  a fixed argument list, no shell
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_bare_project_has_no_middleware_and_its_views_insert_and_list(tmp_path):
    figures = run_bare(tmp_path)

    assert figures["middleware"] == []
    assert figures["apps"] == ["bench.bare.rows"]
    assert [status for status, _id in figures["created"]] == [201] * 12
    ids = [row_id for _status, row_id in figures["created"]]
    assert len(set(ids)) == 12
    assert figures["list_status"] == 200
    listed = figures["listed"]
    assert [row["id"] for row in listed] == sorted(ids, reverse=True)[:10]
    assert listed[0]["text"] == "kommentti 11"
    assert listed[0]["unit_code"] == "KST"
    assert listed[0]["value"] == 1 + 11 % 5
    assert figures["put_status"] == 405


def test_nothing_in_the_product_imports_the_bare_project():
    importers = []
    for path in sorted((ROOT / "osallisuus").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            if any(module == "bench" or module.startswith("bench.bare") for module in modules):
                importers.append(str(path.relative_to(ROOT)))
    assert importers == []
