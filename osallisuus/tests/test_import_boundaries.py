"""Apps talk to each other through `services` (writes) and `selectors` (reads) only.

An import of another app's `models`, `views` or `forms` outside tests and migrations fails this
test unless its pair of apps is in ALLOWED with a reason. The list is meant to shrink: when a
pair is no longer needed, `test_the_allow_list_has_no_stale_entries` says so.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
INTERNALS = {"models", "views", "forms"}

# (importing app, imported module) -> why it is allowed for now.
ALLOWED: dict[tuple[str, str], str] = {
    ("accounts", "organisation.models"): "role assignments are scoped by a Unit or a Service "
    "foreign key",
    ("feedback", "organisation.models"): "every feedback item belongs to a Unit (foreign key, "
    "type of the intake and inbox functions)",
    ("feedback", "accounts.models"): "the inbox assigns items to a User and filters staff by Role",
    ("feedback", "analysis.models"): "label corrections are stored by the analysis app and "
    "queried with the inbox's items",
    ("reports", "organisation.models"): "dashboards are per Unit and Service",
    ("reports", "feedback.models"): "the roll-ups read feedback's tables in bulk; the rules "
    "themselves come from feedback.report_selectors",
    ("experts", "accounts.models"): "an expert's profile belongs to a User; approval gives a Role",
    ("experts", "organisation.models"): "profiles name a Municipality, requests a Unit",
    ("codevelopment", "organisation.models"): "a project is for a Service and its Units",
    ("trail", "accounts.models"): "actions are owned by a User and matters are seen by Role "
    "(county-wide handlers); handlers, carriers and office-holders are found by Role",
    ("trail", "organisation.models"): "actions and matters belong to a Unit or a Service and are "
    "carried to a DecisionBody of the register (foreign keys)",
    ("codevelopment", "accounts.models"): "group members are Users with a Role",
    ("codevelopment", "feedback.models"): "a project links the feedback it started from "
    "(many-to-many) and tells its givers",
    ("publication", "feedback.models"): "the publication tables still live in feedback (a later "
    "migration moves them); stories are feedback items",
    ("publication", "accounts.models"): "moderators are found by Role",
    ("publication", "organisation.models"): "stories are shown per Unit",
    ("campaigns", "organisation.models"): "a campaign is asked at Units (many-to-many)",
    ("campaigns", "feedback.models"): "a campaign's results are the answers to one QuestionSet "
    "(foreign key)",
    ("campaigns", "accounts.models"): "county-wide and unit roles see campaigns (Role)",
    ("complaints", "organisation.models"): "an objection is about a Unit (foreign key, the "
    "form's choice of unit)",
    ("complaints", "accounts.models"): "complaints officers are found by Role",
    ("complaints", "feedback.models"): "a flagged Feedback item is closed with the Status of "
    "the feedback app's own step when it is redirected or moved",
    ("dialogue", "experts.models"): "a user seat's pool request names its assignment type, "
    "role and mode, which are the experts app's choices",
    ("dialogue", "organisation.models"): "a group is owned by the Organiser, a Producer or a "
    "Municipality and serves Services and Units (foreign keys, the forms' choices)",
    ("dialogue", "accounts.models"): "a panel's coordinators are found by Role; the demo's "
    "members are Users",
    ("search", "organisation.models"): "the search form and API narrow by a Unit or Service "
    "in the searcher's scope (choices)",
    ("experts", "feedback.models"): "a feedback collector enters feedback with the `expert` "
    "Channel and gets the stored Feedback back (#17 item 3)",
    ("demo", "organisation.models"): "the demo county is seed data written table by table",
    ("demo", "accounts.models"): "the demo county is seed data written table by table",
    ("observation", "organisation.models"): "an observation visit is to a Unit (foreign key, "
    "the form's choice of unit)",
    ("training", "experts.models"): "a course unlocks assignment types, the experts app's "
    "choices (#17 item 6)",
    ("statements", "trail.models"): "a statement request is on one Matter (foreign key, the "
    "forms' choice of matter)",
}


def cross_app_internal_imports() -> dict[tuple[str, str], list[str]]:
    """(importing app, imported module) -> the files that import it."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PROJECT.glob("*/**/*.py")):
        parts = path.relative_to(PROJECT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        app = parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                pieces = name.split(".")
                if (
                    len(pieces) >= 3
                    and pieces[0] == "osallisuus"
                    and pieces[1] != app
                    and pieces[2] in INTERNALS
                ):
                    key = (app, f"{pieces[1]}.{pieces[2]}")
                    found.setdefault(key, []).append(str(path.relative_to(PROJECT)))
    return found


def test_apps_reach_each_other_through_services_and_selectors_only() -> None:
    unexpected = {
        pair: files for pair, files in cross_app_internal_imports().items() if pair not in ALLOWED
    }
    assert not unexpected, (
        "Import another app's services or selectors instead (or add the pair to ALLOWED with "
        f"a reason): {unexpected}"
    )


def test_the_allow_list_has_no_stale_entries() -> None:
    stale = set(ALLOWED) - set(cross_app_internal_imports())
    assert not stale, f"No longer imported: remove from ALLOWED: {sorted(stale)}"


def test_the_check_sees_a_forbidden_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = tmp_path / "reports"
    app.mkdir()
    (app / "views.py").write_text("from osallisuus.experts.forms import RequestForm\n")
    monkeypatch.setattr(sys.modules[__name__], "PROJECT", tmp_path)
    assert cross_app_internal_imports() == {("reports", "experts.forms"): ["reports/views.py"]}
