"""Where one intake's time goes, stage by stage (`scripts/with-postgres.sh` runs it on PostgreSQL).

Runs in one process with the bench servers' production settings (bench.settings, DEBUG off) on
the PostgreSQL of DATABASE_URL, through the WSGI application gunicorn serves
(osallisuus.wsgi.application), so a request takes the same middleware stack it takes there.
Each stage is timed inclusively by wrapping the function that does it; middleware is timed per
layer and reported exclusive of the layers inside it; database statements are timed from the
driver call to the answer (a round trip, with the server's work). Prints a Markdown table.

    --requests N    timed requests after 200 warm-ups (default 2000)
    --path intake|units|units-304
    --stack lane|full   lane: as osallisuus.wsgi dispatches (default); full: every middleware
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import server

TOTALS: dict[str, float] = defaultdict(float)  # wall time
CPU: dict[str, float] = defaultdict(float)  # this process's CPU time
COUNTS: dict[str, int] = defaultdict(int)
LAYERS: list[str] = []  # middleware layers, outermost first


def timed(label: str, call: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            TOTALS[label] += time.perf_counter() - started
            CPU[label] += time.process_time() - cpu
            COUNTS[label] += 1

    return wrapper


def wrap(owner: Any, name: str, label: str) -> None:
    setattr(owner, name, timed(label, getattr(owner, name)))


def instrument_middleware() -> None:
    """Time every layer of the handler's chain (Django wraps each layer with
    convert_exception_to_response while it builds the chain)."""
    from django.core.handlers import base, exception

    original = exception.convert_exception_to_response

    def convert(get_response: Any) -> Any:
        inner = original(get_response)
        name = getattr(get_response, "__qualname__", type(get_response).__name__)
        if name.endswith(".<locals>.middleware"):
            name = name.split(".")[0]
        elif not hasattr(get_response, "__qualname__"):
            name = type(get_response).__name__
        label = f"mw:{name}"
        LAYERS.insert(0, label)
        return timed(label, inner)

    base.convert_exception_to_response = convert  # type: ignore[assignment]


def instrument_stages() -> None:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.backends.postgresql.base import DatabaseWrapper
    from django.db.models.query import QuerySet
    from django.template.response import SimpleTemplateResponse
    from rest_framework import serializers
    from rest_framework.request import Request
    from rest_framework.views import APIView

    from osallisuus.feedback import services
    from osallisuus.feedback.intake import api as intake_api

    wrap(APIView, "initialize_request", "drf: Request object, parsers")
    wrap(APIView, "perform_content_negotiation", "drf: content negotiation")
    wrap(APIView, "perform_authentication", "drf: authentication")
    wrap(APIView, "check_permissions", "drf: permissions")
    wrap(APIView, "check_throttles", "drf: throttle (with its upsert)")
    wrap(APIView, "finalize_response", "drf: finalize response")
    wrap(Request, "_parse", "drf: JSON parsing")
    wrap(serializers.BaseSerializer, "is_valid", "validation (serializer)")
    wrap(intake_api, "submit_feedback", "service: submit_feedback")
    wrap(services, "_checked_answers", "service: answers checked")
    wrap(services, "analyse", "service: text analysis (lexicon tier)")
    wrap(services, "announce_change", "service: task row (enqueue)")
    wrap(services, "flag_if_complaint", "service: complaint check")
    wrap(QuerySet, "create", "orm: create (Python + round trip)")
    wrap(QuerySet, "bulk_create", "orm: bulk_create (Python + round trip)")
    wrap(BaseDatabaseWrapper, "commit", "db: COMMIT")
    wrap(DatabaseWrapper, "is_usable", "db: health check SELECT 1")
    wrap(SimpleTemplateResponse, "render", "rendering the response")


def statement_label(sql: str) -> str:
    words = sql.split()
    verb = words[0].upper() if words else "?"
    table = next((w.strip('"') for w in words[1:6] if w.startswith('"')), "")
    return f"sql: {verb} {table}".strip()


def statement_timer(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    return timed(statement_label(sql), execute)(sql, params, many, context)


def environ_for(path: str, unit_code: str, etag: str = "") -> dict[str, Any]:
    base = {
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8765",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT": "application/json",
        "HTTP_ACCEPT_LANGUAGE": "fi",
        "SCRIPT_NAME": "",
    }
    if path == "intake":
        body = json.dumps(
            {
                "unit_code": unit_code,
                "channel": "kiosk",
                "language": "fi",
                "answers": [{"question": "encounter", "value": 4}],
                "text": "Jonotin puhelimessa yli tunnin, eikä kukaan vastannut.",
                "idempotency_key": uuid.uuid4().hex,
            }
        ).encode()
        return {
            **base,
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/api/v1/feedback/",
            "QUERY_STRING": "",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
        }
    environ = {
        **base,
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/api/v1/units/",
        "QUERY_STRING": "page_size=10",
        "wsgi.input": io.BytesIO(b""),
    }
    if etag:
        environ["HTTP_IF_NONE_MATCH"] = etag
    return environ


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--path", choices=["intake", "units", "units-304"], default="intake")
    parser.add_argument("--stack", choices=["lane", "full"], default="lane")
    parser.add_argument("--no-prepare", action="store_true")
    args = parser.parse_args()
    if not args.no_prepare:
        server.prepare_database()
    server.use_in_this_process()
    instrument_middleware()
    from django.core.wsgi import get_wsgi_application
    from django.db import connection

    from osallisuus.organisation.models import Unit

    if args.stack == "full":
        application = get_wsgi_application()
    else:
        from osallisuus.wsgi import application
    instrument_stages()
    unit = Unit.objects.filter(active=True).order_by("pk").first()
    assert unit is not None
    statuses: dict[str, int] = defaultdict(int)
    etag = ""

    def request() -> None:
        nonlocal etag
        path = "units" if args.path.startswith("units") else "intake"
        environ = environ_for(path, unit.code, etag if args.path == "units-304" else "")
        seen: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> None:
            seen["status"] = status.split()[0]
            seen["headers"] = dict(headers)

        for _chunk in application(environ, start_response):
            pass
        statuses[seen["status"]] += 1
        etag = seen["headers"].get("ETag", etag)

    for _ in range(200):
        request()
    TOTALS.clear()
    CPU.clear()
    COUNTS.clear()
    statuses.clear()
    with connection.execute_wrapper(statement_timer):
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.requests):
            request()
        total, total_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(table(total, total_cpu, args, dict(statuses)))
    return 0


def table(
    total: float, total_cpu: float, args: argparse.Namespace, statuses: dict[str, int]
) -> str:
    """CPU time of this process per request by stage (wall time beside it: on a busy machine
    the wall time of a statement is mostly waiting for the database server's turn)."""
    n = args.requests
    whole, whole_wall = total_cpu * 1000 / n, total * 1000 / n
    cpu = {label: CPU[label] * 1000 / n for label in CPU}
    wall = {label: TOTALS[label] * 1000 / n for label in TOTALS}
    lines = [
        f"`{args.path}` on the `{args.stack}` stack: {n} requests in one process; per request "
        f"{whole:.3f} ms of this process's CPU, {whole_wall:.3f} ms wall (answers: {statuses}; "
        f"load average {os.getloadavg()[0]:.1f}).",
        "",
        "| stage | CPU ms per request | share of CPU | wall ms | calls per request |",
        "|---|---|---|---|---|",
    ]

    def row(label: str, own_cpu: float, own_wall: float, key: str) -> None:
        calls = COUNTS.get(key, n) / n
        lines.append(
            f"| {label} | {own_cpu:.3f} | {100 * own_cpu / whole:.1f} % | {own_wall:.3f} | "
            f"{calls:.2f} |"
        )

    layers = [layer for layer in dict.fromkeys(LAYERS) if layer in cpu]
    if layers:
        row(
            "WSGI request and response, request signals (outside the middleware)",
            whole - cpu[layers[0]],
            whole_wall - wall[layers[0]],
            "",
        )
    for outer, inner in zip(layers, [*layers[1:], None], strict=True):
        label = outer + (" (own)" if inner else " (view, URL resolving, rendering)")
        row(
            label,
            cpu[outer] - (cpu[inner] if inner else 0.0),
            wall[outer] - (wall[inner] if inner else 0.0),
            outer,
        )
    for label in sorted(cpu, key=lambda key: -cpu[key]):
        if not label.startswith("mw:"):
            row(label, cpu[label], wall[label], label)
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
