"""This app's rows in the authorization matrix (see osallisuus/tests/matrix.py).

Lived-experience data is the person's and the coordinators': nobody else reads a profile,
an assignment's contract or a claim (404 for objects, 403 for coordinator screens).
"""

from __future__ import annotations

from typing import Any

from osallisuus.tests.matrix import ANON, COORD, SIGNED_IN, STAFF_ROLES, Rows, everyone, only


def _pool(context: dict[str, Any]) -> dict[str, Any]:
    """An expert (not the client's user) with an assignment, a contract and a claim."""
    if "expert_profile" not in context:
        from osallisuus.experts.tests.factories import assignment_with_claim

        context.update(assignment_with_claim())
    return context


def _open_request(context: dict[str, Any]) -> Any:
    """A request another staff member filed, not started: coordinators may change it."""
    if "open_request" not in context:
        from osallisuus.experts.tests.factories import make_request

        context["open_request"] = make_request()
    return context["open_request"]


def own_only() -> dict[str, int]:
    """Pages about one's own profile: nobody in the matrix has one, so 404 once signed in."""
    return {ANON: 302, **dict.fromkeys(SIGNED_IN, 404)}


def post_only() -> dict[str, int]:
    return {ANON: 302, **dict.fromkeys(SIGNED_IN, 405)}


def coordinator_post_only() -> dict[str, int]:
    """POST-only pages of the coordinator: a GET is 405 for them, others are refused first."""
    return {**only(COORD), COORD: 405}


ROWS: Rows = {
    "experts:home": (lambda c: {}, everyone(200)),
    "experts:apply": (lambda c: {}, {ANON: 302, **dict.fromkeys(SIGNED_IN, 200)}),
    "experts:mine": (lambda c: {}, {ANON: 302, **dict.fromkeys(SIGNED_IN, 200)}),
    "experts:edit_profile": (lambda c: {}, own_only()),
    "experts:my_data_json": (lambda c: {}, own_only()),
    "experts:my_data_pdf": (lambda c: {}, own_only()),
    "experts:my_yearly_statement": (lambda c: {}, own_only()),
    "experts:request_erasure": (lambda c: {}, own_only()),
    "experts:invitation": (lambda c: {"token": _pool(c)["invitation"].token}, everyone(200)),
    "experts:assignment": (
        lambda c: {"pk": _pool(c)["assignment"].pk},
        only(COORD, others=404),
    ),
    "experts:new_claim": (lambda c: {"pk": _pool(c)["assignment"].pk}, own_only()),
    "experts:assignment_feedback": (lambda c: {"pk": _pool(c)["assignment"].pk}, post_only()),
    "experts:contract": (lambda c: {"pk": _pool(c)["contract"].pk}, only(COORD, others=404)),
    "experts:contract_pdf": (
        lambda c: {"pk": _pool(c)["contract"].pk},
        only(COORD, others=404),
    ),
    "experts:claim_detail": (lambda c: {"pk": _pool(c)["claim"].pk}, only(COORD, others=404)),
    "experts:receipt": (lambda c: {"pk": _pool(c)["receipt"].pk}, only(COORD, others=404)),
    "experts:certificate": (
        lambda c: {"pk": _pool(c)["training"].pk},
        only(COORD, others=404),
    ),
    "experts:requests": (lambda c: {}, only(*STAFF_ROLES)),
    "experts:new_request": (lambda c: {}, only(*STAFF_ROLES)),
    "experts:request_detail": (
        lambda c: {"pk": _pool(c)["request"].pk},
        only(COORD, others=404),
    ),
    "experts:invite": (lambda c: {"pk": _pool(c)["request"].pk}, coordinator_post_only()),
    "experts:remind": (lambda c: {"pk": _pool(c)["request"].pk}, coordinator_post_only()),
    "experts:cancel_request": (lambda c: {"pk": _pool(c)["request"].pk}, post_only()),
    "experts:edit_request": (lambda c: {"pk": _open_request(c).pk}, only(COORD, others=404)),
    "experts:pool": (lambda c: {}, only(COORD)),
    "experts:applicants": (lambda c: {}, only(COORD)),
    "experts:profile": (lambda c: {"pk": _pool(c)["expert_profile"].pk}, only(COORD)),
    "experts:claims": (lambda c: {}, only(COORD)),
    "experts:mark_paid": (lambda c: {}, coordinator_post_only()),
    "experts:payroll_csv": (lambda c: {}, only(COORD)),
    "experts:payroll_xlsx": (lambda c: {}, only(COORD)),
    "experts:yearly_summary": (lambda c: {}, only(COORD)),
    "api:expert-profile-list": (lambda c: {}, {**only(COORD), ANON: 403}),
    "api:expert-me": (lambda c: {}, {ANON: 403, **dict.fromkeys(SIGNED_IN, 404)}),
}
# Admin: app labels / "app.model" labels a coordinator may open (others: administrators only).
COORDINATOR_ADMIN_APPS: set[str] = set()
COORDINATOR_ADMIN_MODELS: set[str] = {"experts.experiencearea", "experts.feetable"}
