"""`make bench`: intake, read paths at scale, text analysis and page weight, with a report.

Runs inside scripts/with-postgres.sh (a throwaway PostgreSQL on loopback). Writes
bench/results/latest.json and bench/REPORT.md. Sizes: 100k and 1M feedback items; set
BENCH_10M=1 for 10M as well. BENCH_REQUESTS (default 1500) bounds each load run, BENCH_ROUNDS
(default 3) how many runs of each target. Every ratio is against a bare Django project
(bench/bare/) started beside the product on the same PostgreSQL server.
BENCH_ONLY=reads (or intake, text; comma-separated) runs only those parts and updates only
their figures in latest.json, leaving REPORT.md alone; by default everything runs.
"""

from __future__ import annotations

import cProfile
import gzip
import io
import json
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import server
from bench.generate import ITEMS_PER_ACTION, LINKS_PER_ACTION

ROOT = server.ROOT
RESULTS = ROOT / "bench" / "results" / "latest.json"
REPORT = ROOT / "bench" / "REPORT.md"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(min(8, max(2, (os.cpu_count() or 2))))))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1500"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", str(WORKERS * 2)))
REPEATS = int(os.environ.get("BENCH_REPEATS", "15"))
# The bare Django project (bench/bare/) listens here, beside the product's server.
BARE_PORT = int(os.environ.get("BENCH_BARE_PORT", str(PORT + 1)))
# Rounds of every intake and list target, taken in turn.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# The parts BENCH_ONLY can pick: intake (with page weight, through gunicorn), text, reads, burst
# (the semantic second reading of BENCH_BURST comments arriving at once, one worker).
PARTS = ("intake", "text", "reads", "burst")
SIZES = [("100k", 100_000), ("1M", 1_000_000)]
if os.environ.get("BENCH_10M"):
    SIZES.append(("10M", 10_000_000))
# A quick trial of the script itself: BENCH_SCALE=100 runs 1k and 10k items (figures not valid).
SIZES = [(label, n // int(os.environ.get("BENCH_SCALE", "1"))) for label, n in SIZES]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


# --- Intake -------------------------------------------------------------------------------------


def load(url: str, requests: int, unit: str, method: str = "POST") -> dict[str, Any]:
    """Run the load generator as its own process (so it does not share the GIL with anything)."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "load.py"),
            "--url",
            url,
            "--requests",
            str(requests),
            "--concurrency",
            str(CONCURRENCY),
            "--unit",
            unit,
            "--method",
            method,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# The targets loaded through gunicorn: (name, server, method, path). "product" is the product's
# server (bench.settings), "bare" the bare Django project of bench/bare/ on the same PostgreSQL.
# The units list is asked for 10 rows, as many as the bare list returns.
TARGETS = [
    ("intake", "product", "POST", "/api/v1/feedback/"),
    ("bare_insert", "bare", "POST", "/rows/"),
    ("units_list", "product", "GET", "/api/v1/units/?page_size=10"),
    ("bare_list", "bare", "GET", "/rows/"),
    ("middleware_only_insert", "product", "POST", "/bench/insert/"),
]


def measure_target(
    url: str, method: str, unit_code: str, app_pid: int, db_pid: int
) -> dict[str, Any]:
    """One load run with the CPU the app (gunicorn master and workers) and PostgreSQL (the
    postmaster and its server processes) spent during it, read from /proc before and after."""
    app_before, db_before = server.tree_cpu_seconds(app_pid), server.tree_cpu_seconds(db_pid)
    result = load(url, REQUESTS, unit_code, method)
    app_after, db_after = server.tree_cpu_seconds(app_pid), server.tree_cpu_seconds(db_pid)
    result["app_cpu_s"] = round(app_after - app_before, 3)
    result["db_cpu_s"] = round(db_after - db_before, 3)
    return result


def combine(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Several rounds of one target as one figure: requests answered over the time taken, CPU
    over the requests answered, the median of the rounds' latency figures."""
    ok = sum(r["ok"] for r in rounds)
    seconds = sum(r["seconds"] for r in rounds)
    answered = max(1, ok)
    return {
        "requests": sum(r["requests"] for r in rounds),
        "ok": ok,
        "errors": sum(r["errors"] for r in rounds),
        "error_kinds": sorted({kind for r in rounds for kind in r["error_kinds"]})[:5],
        "seconds": round(seconds, 3),
        "per_s": round(ok / seconds, 1) if seconds else 0.0,
        "per_s_rounds": [r["per_s"] for r in rounds],
        "app_cpu_ms_per_request": round(sum(r["app_cpu_s"] for r in rounds) * 1000 / answered, 3),
        "db_cpu_ms_per_request": round(sum(r["db_cpu_s"] for r in rounds) * 1000 / answered, 3),
        "latency_median_ms": round(statistics.median(r["latency_median_ms"] for r in rounds), 1),
        "latency_p95_ms": round(statistics.median(r["latency_p95_ms"] for r in rounds), 1),
    }


def measure_intake(unit_code: str, pids: dict[str, int], db_pid: int) -> dict[str, dict[str, Any]]:
    """Every target, ROUNDS times in turn (so drift in the machine's load hits all alike)."""
    bases = {"product": f"http://127.0.0.1:{PORT}", "bare": f"http://127.0.0.1:{BARE_PORT}"}
    for _name, where, method, path in TARGETS:  # warm-up: imports, connections, caches
        load(bases[where] + path, 200, unit_code, method)
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name, *_rest in TARGETS}
    for _round in range(ROUNDS):
        for name, where, method, path in TARGETS:
            rounds[name].append(
                measure_target(bases[where] + path, method, unit_code, pids[where], db_pid)
            )
    return {name: combine(figures) for name, figures in rounds.items()}


def cpu_ms(figures: dict[str, Any]) -> float:
    return float(figures["app_cpu_ms_per_request"] + figures["db_cpu_ms_per_request"])


def ratios(targets: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Each product path against the bare project: by requests per second and by CPU per
    request (app and PostgreSQL together; bare CPU ÷ product CPU, so 1 is the limit)."""

    def by_rate(path: str, bare: str) -> float:
        return round(targets[path]["per_s"] / targets[bare]["per_s"], 2)

    def by_cpu(path: str, bare: str) -> float:
        return (
            round(cpu_ms(targets[bare]) / cpu_ms(targets[path]), 2)
            if cpu_ms(targets[path])
            else 0.0
        )

    return {
        "intake_ratio_bare": by_rate("intake", "bare_insert"),
        "intake_ratio_bare_cpu": by_cpu("intake", "bare_insert"),
        "units_list_ratio_bare": by_rate("units_list", "bare_list"),
        "units_list_ratio_bare_cpu": by_cpu("units_list", "bare_list"),
        "intake_ratio_product_middleware_only": by_rate("intake", "middleware_only_insert"),
    }


# --- Page weight --------------------------------------------------------------------------------


class AssetParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("href") and values.get("rel") in ("stylesheet", "icon"):
            self.assets.append(values["href"] or "")
        if tag in ("script", "img", "source") and values.get("src"):
            self.assets.append(values["src"] or "")


def fetch_gzip(url: str) -> tuple[int, int, bytes]:
    """(compressed bytes on the wire, uncompressed bytes, body) as a phone would get them."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        wire = response.read()
        encoding = response.headers.get("Content-Encoding", "")
    body = gzip.decompress(wire) if encoding == "gzip" else wire
    if encoding != "gzip":
        wire = gzip.compress(body)  # what a gzip-ing proxy in front would send
    return len(wire), len(body), body


def measure_page_weight(unit_code: str) -> dict[str, Any]:
    base = f"http://127.0.0.1:{PORT}"
    page_url = f"{base}/palaute/{unit_code}/"
    wire, raw, body = fetch_gzip(page_url)
    html = body.decode()
    parser = AssetParser()
    parser.feed(html)
    # CSS can pull more (fonts, images): follow url(...) one level.
    files = {page_url: (wire, raw)}
    external = []
    queue = [urljoin(page_url, a) for a in parser.assets]
    while queue:
        url = queue.pop()
        if url in files:
            continue
        if urlsplit(url).netloc != urlsplit(base).netloc:
            external.append(url)
            continue
        wire, raw, content = fetch_gzip(url)
        files[url] = (wire, raw)
        if url.endswith(".css"):
            refs = re.findall(r"url\(['\"]?([^)'\"]+)", content.decode())
            queue.extend(urljoin(url, ref) for ref in refs if not ref.startswith("data:"))
    external += re.findall(r"(?:src|href)=\"(https?://[^\"]+)", html)
    return {
        "form_bytes_compressed": sum(w for w, _r in files.values()),
        "form_bytes_uncompressed": sum(r for _w, r in files.values()),
        "files": {urlsplit(u).path: w for u, (w, _r) in files.items()},
        "external_requests": len(set(external)),
    }


# --- Read paths ---------------------------------------------------------------------------------


def timed(client: Any, url: str, repeats: int = REPEATS) -> dict[str, float]:
    def get() -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return timed_call(get, repeats=repeats, warm_ups=2)


def read_paths(clients: dict[str, Any], unit_code: str) -> dict[str, dict[str, float]]:
    from django.utils import timezone

    since = (timezone.localdate() - timedelta(days=90)).isoformat()
    return {
        "inbox_county": timed(
            clients["coordinator"], f"/palaute/saapuneet/?status=open&since={since}"
        ),
        "inbox_unit_staff": timed(
            clients["staff"], f"/palaute/saapuneet/?status=open&since={since}"
        ),
        "inbox_theme": timed(
            clients["coordinator"], "/palaute/saapuneet/?theme=access_waiting&sentiment=negative"
        ),
        "unit_dashboard": timed(clients["coordinator"], f"/raportit/toimipiste/{unit_code}/"),
        "county_dashboard": timed(clients["coordinator"], "/raportit/"),
        # The trail's read paths (#15): repository search, a unit's public "you said, we did"
        # page, and building a county-wide body's briefing.
        "search": timed(clients["coordinator"], "/haku/?q=ajanvaraus"),
        "unit_outcomes": timed(clients["anonymous"], f"/palaute/tarinat/{unit_code}/"),
        "briefing_build": timed_call(build_county_briefing),
    }


def timed_call(call: Any, repeats: int = 5, warm_ups: int = 1) -> dict[str, float]:
    """Median and 95th percentile of `call` in milliseconds, after `warm_ups` untimed calls:
    a page through `timed`, or work that is not a page (a management task's one unit)."""
    for _ in range(warm_ups):
        call()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 1),
    }


def build_county_briefing() -> None:
    """Build (or rebuild in place) this month's briefing of a body deciding for the county."""
    from django.utils import timezone

    from osallisuus.organisation.models import DecisionBody, Organiser
    from osallisuus.trail.briefings.services import build_briefing

    body = DecisionBody.objects.filter(name_fi="Bench-lautakunta").first()
    if body is None:
        organiser = Organiser.objects.order_by("pk").first()
        assert organiser is not None
        body = DecisionBody.objects.create(
            organiser=organiser,
            kind=DecisionBody.Kind.COMMITTEE,
            name_fi="Bench-lautakunta",
        )
    build_briefing(body=body, month=timezone.localdate().replace(day=1), send=False)


def settle() -> None:
    """VACUUM (ANALYZE) the database, as a county's has been by the time anyone reads it:
    otherwise autovacuum starts on the millions of new rows while the read paths are timed,
    and the first reads of each page set its hint bits."""
    from django.db import connection

    log("vacuuming and analysing")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def rebuild_rollups() -> float:
    from osallisuus.reports.services import rebuild_rollups as rebuild

    started = time.perf_counter()
    rebuild()
    return time.perf_counter() - started


def profile(client: Any, url: str) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(3):
        client.get(url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
    stats.print_stats(18)
    return "\n".join(line for line in out.getvalue().splitlines() if line.strip())[:4000]


# --- Text analysis ------------------------------------------------------------------------------


def measure_text() -> dict[str, float]:
    from osallisuus.analysis.speed import measure_throughput

    sample = Path("/work/shared/data/feedback-dev.jsonl")
    items: list[tuple[str, str]] = []
    if sample.exists():
        for line in sample.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                items.append((item["text"], item.get("lang") or "fi"))
    if not items:
        from bench.generate import SAMPLE_TEXTS

        items = list(SAMPLE_TEXTS) * 20
    texts, langs = zip(*(items * max(1, 400 // len(items))), strict=True)
    result = measure_throughput(list(texts), list(langs))
    result["texts"] = len(texts)
    result["semantic_per_s"] = measure_semantic([text for text, _lang in items])
    return result


def measure_semantic(texts: list[str]) -> float:
    """Comments per second through both tiers (lexicon, then one embedding batch), as
    analyse_text and the background second reading run them; process CPU time, all threads."""
    from osallisuus.analysis.semantic import analyse_batch, available

    if not available():
        return 0.0
    analyse_batch(texts[:8])  # load the encoder
    started = time.process_time()
    analyse_batch(texts)
    return len(texts) / (time.process_time() - started)


# --- The semantic second reading under a burst (#24 item 5) -------------------------------------

BURST = int(os.environ.get("BENCH_BURST", "10000"))


def burst_texts() -> list[tuple[str, str]]:
    """Real-looking comments: the development sample if it is there, else the bench's own."""
    sample = Path("/work/shared/data/feedback-dev.jsonl")
    items: list[tuple[str, str]] = []
    if sample.exists():
        for line in sample.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                items.append((item["text"], item.get("lang") or "fi"))
    if not items:
        from bench.generate import SAMPLE_TEXTS

        items = list(SAMPLE_TEXTS)
    return items


def latency(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples) or [0.0]
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1),
        "max_ms": round(ordered[-1], 1),
        "count": len(samples),
    }


def measure_semantic_burst(unit: Any) -> dict[str, Any]:
    """BURST comments arrive at once (through the intake service, the worker stopped, so every
    one has its task queued); then one worker (`db_worker`) starts and reads them. Timed: from
    the worker's start until no comment of the burst waits for its second reading. Meanwhile
    the inbox (a coordinator) and the intake (`POST /api/v1/feedback/`) are timed in turn, as
    they are with the worker idle before it starts."""
    from django.test import Client

    from osallisuus.accounts.tests.factories import sign_in, user_with_role
    from osallisuus.analysis.semantic import available
    from osallisuus.feedback.models import Feedback
    from osallisuus.feedback.services import FeedbackInput, submit_feedback

    if not available():
        log("burst: the semantic tier is not available; skipped")
        return {"semantic_burst_10k_s": None}
    texts = burst_texts()
    last_id = Feedback.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    log(f"burst: {BURST} comments arrive (intake service, worker stopped)")
    started = time.perf_counter()
    for n in range(BURST):
        text, lang = texts[n % len(texts)]
        submit_feedback(FeedbackInput(unit=unit, channel="api", language=lang, text=text))
    arrival_s = time.perf_counter() - started
    burst = Feedback.objects.filter(pk__gt=last_id).exclude(text="")
    coordinator = Client()
    sign_in(coordinator, user_with_role("coordinator", unit=unit))
    intake = Client()

    def sample(pairs: dict[str, list[float]]) -> None:
        began = time.perf_counter()
        response = coordinator.get("/palaute/saapuneet/")
        assert response.status_code == 200, response.status_code
        pairs["inbox"].append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        response = intake.post(
            "/api/v1/feedback/",
            data=json.dumps(
                {
                    "unit_code": unit.code,
                    "channel": "api",
                    "language": "fi",
                    "answers": [{"question": "encounter", "value": 4}],
                    "text": "Hoitaja oli ystävällinen, mutta jonotin pitkään.",
                }
            ),
            content_type="application/json",
        )
        assert response.status_code in (200, 201), response.status_code
        pairs["intake"].append((time.perf_counter() - began) * 1000)

    idle: dict[str, list[float]] = {"inbox": [], "intake": []}
    for _ in range(2):  # warm-up
        sample({"inbox": [], "intake": []})
    for _ in range(30):
        sample(idle)
    busy: dict[str, list[float]] = {"inbox": [], "intake": []}
    log("burst: one worker reads the burst")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "-v", "0"],
        cwd=ROOT,
        env=server.server_env(),
        stdout=subprocess.DEVNULL,  # the console e-mail backend prints the managers' alerts
    )
    started = time.perf_counter()
    read_s = None
    try:
        while worker.poll() is None:
            sample(busy)
            if read_s is None and not burst.filter(second_reading_pending=True).exists():
                read_s = time.perf_counter() - started
                log(f"burst: read in {read_s:.0f} s; the worker drains the rest of its queue")
            time.sleep(0.5)
        drained_s = time.perf_counter() - started
    finally:
        if worker.poll() is None:
            worker.terminate()
            worker.wait(30)
    if read_s is None and not burst.filter(second_reading_pending=True).exists():
        read_s = drained_s
    figures = {
        "semantic_burst_10k_s": round(read_s, 1) if read_s is not None else None,
        "semantic_burst": {
            "comments": BURST,
            "arrival_s": round(arrival_s, 1),
            "read_s": round(read_s, 1) if read_s is not None else None,
            "queue_drained_s": round(drained_s, 1),
            "worker_exit_code": worker.returncode,
            "comments_per_s": round(BURST / read_s, 1) if read_s else None,
            "inbox_idle": latency(idle["inbox"]),
            "inbox_during": latency(busy["inbox"]),
            "intake_idle": latency(idle["intake"]),
            "intake_during": latency(busy["intake"]),
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
    }
    log(f"burst: {figures}")
    return figures


# --- Main ---------------------------------------------------------------------------------------


def signed_in_clients(unit: Any) -> dict[str, Any]:
    from django.test import Client

    from osallisuus.accounts.tests.factories import sign_in, user_with_role

    clients = {"anonymous": Client()}
    for role in ("coordinator", "staff"):
        client = Client()
        user = user_with_role(role, unit=unit)
        sign_in(client, user)
        client.user = user  # type: ignore[attr-defined]
        clients[role] = client
    return clients


def versions() -> dict[str, str]:
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    gunicorn = subprocess.run(
        [str(server.VENV_BIN / "gunicorn"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": pg,
        "gunicorn": gunicorn,
    }


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    memory_gb = 0.0
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory_gb = round(kb / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "os": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# Keys of older result files, measured against the in-product "bare" view: dropped on merge.
OBSOLETE_KEYS = ("intake", "intake_ratio", "intake_limit_per_s")


def parts_to_run() -> list[str]:
    """BENCH_ONLY=reads (or "intake,text", ...) runs only those parts; default: all of them."""
    wanted = [p.strip() for p in os.environ.get("BENCH_ONLY", "").split(",") if p.strip()]
    unknown = sorted(set(wanted) - set(PARTS))
    if unknown:
        raise SystemExit(f"BENCH_ONLY: unknown part(s) {unknown}; choose from {list(PARTS)}")
    return [part for part in PARTS if not wanted or part in wanted]


def main() -> int:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Run through scripts/with-postgres.sh (make bench): PostgreSQL is needed.")
        return 2
    parts = parts_to_run()
    started = time.perf_counter()
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
    }
    log(f"parts: {', '.join(parts)}")
    log("preparing the database (migrate, static files, demo county)")
    server.prepare_database()
    server.use_in_this_process()
    from osallisuus.organisation.models import Unit

    results["versions"] = versions()
    unit = Unit.objects.filter(active=True).order_by("pk").first()
    assert unit is not None
    if "intake" in parts:
        results.update(run_intake(unit.code))
    if "text" in parts:
        log("text analysis throughput")
        text = measure_text()
        results.update(
            {
                "text_per_s": round(text["text_per_s"], 1),
                "text_floor_per_s": round(text["floor_per_s"], 1),
                "text_floor_ratio": round(text["text_floor_ratio"], 3),
                "text_semantic_per_s": round(text["semantic_per_s"], 1),
            }
        )
    profile_text = ""
    if "reads" in parts:
        profile_text = measure_reads(unit, results)
    if "burst" in parts:
        results.update(measure_semantic_burst(unit))
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    if parts != list(PARTS):
        # A partial run updates only its own figures in the result file; the report (which
        # needs every figure) is left as it is.
        previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        for stale in OBSOLETE_KEYS:
            previous.pop(stale, None)
        results = {**previous, **results, "partial_run": parts}
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(summary(results, parts))
        log(f"wrote {RESULTS.relative_to(ROOT)} (parts: {', '.join(parts)}); report unchanged")
        return 0
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    REPORT.write_text(report(results, profile_text))
    print(summary(results, parts))
    log(f"wrote {RESULTS.relative_to(ROOT)} and {REPORT.relative_to(ROOT)}")
    return 0


def run_intake(unit_code: str) -> dict[str, Any]:
    """The product's server and the bare project's, side by side, with the same worker count
    and database connection settings; page weight, then every target of TARGETS."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    bare_env = server.bare_env(
        conn_max_age=database["CONN_MAX_AGE"], health_checks=database["CONN_HEALTH_CHECKS"]
    )
    log(f"bare Django project: database {server.BARE_DATABASE} on the same server")
    server.prepare_bare_database(bare_env)
    log(f"gunicorn with {WORKERS} workers: product on :{PORT}, bare project on :{BARE_PORT}")
    product = server.start_gunicorn(PORT, WORKERS)
    try:
        bare = server.start_bare_gunicorn(BARE_PORT, WORKERS, bare_env)
        try:
            log("page weight of the feedback form")
            weight = measure_page_weight(unit_code)
            log(f"intake and lists: {ROUNDS} × {REQUESTS} requests, {CONCURRENCY} connections")
            targets = measure_intake(
                unit_code, {"product": product.pid, "bare": bare.pid}, server.postmaster_pid()
            )
        finally:
            server.stop(bare)
    finally:
        server.stop(product)
    log("profiling one process: where an intake's and a unit list's time goes")
    profiles = {path: profile_stages(path) for path in ("intake", "units")}
    return {
        "intake_profile": profiles["intake"],
        "units_list_profile": profiles["units"],
        **ratios(targets),
        "intake_per_s": targets["intake"]["per_s"],
        "bare_insert_per_s": targets["bare_insert"]["per_s"],
        "units_list_per_s": targets["units_list"]["per_s"],
        "bare_list_per_s": targets["bare_list"]["per_s"],
        "targets": targets,
        "conn_max_age": database["CONN_MAX_AGE"],
        "conn_health_checks": database["CONN_HEALTH_CHECKS"],
        "form_bytes_compressed": weight["form_bytes_compressed"],
        "form_bytes_uncompressed": weight["form_bytes_uncompressed"],
        "form_files": weight["files"],
        "external_requests": weight["external_requests"],
        "workers": WORKERS,
        "concurrency": CONCURRENCY,
        "rounds": ROUNDS,
        "requests_per_round": REQUESTS,
    }


def profile_stages(path: str) -> str:
    """bench/profile_intake.py's table for `path` (intake or units), in a process of its own."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "profile_intake.py"),
            "--no-prepare",
            "--path",
            path,
            "--requests",
            str(max(500, REQUESTS)),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=server.server_env(),
        cwd=ROOT,
    )
    return result.stdout.strip()


def measure_reads(unit: Any, results: dict[str, Any]) -> str:
    """Generate data size by size, rebuild the roll-ups, time the read paths; return a profile
    of the slowest path."""
    clients = signed_in_clients(unit)
    from osallisuus.feedback.models import Feedback

    reads: dict[str, Any] = {}
    rollup_seconds: dict[str, float] = {}
    generate_seconds: dict[str, float] = {}
    slowest = ("", "", 0.0)
    for label, size in SIZES:
        have = Feedback.objects.count()
        log(f"generating {size - have} feedback items up to {label}")
        from bench.generate import generate, generate_trail

        generate_seconds[label] = round(generate(max(0, size - have), start_id=have), 1)
        generate_seconds[label] += round(generate_trail(owner_id=clients["coordinator"].user.pk), 1)
        log(f"rebuilding roll-ups at {label}")
        rollup_seconds[label] = round(rebuild_rollups(), 1)
        settle()
        log(f"timing read paths at {label}")
        reads[label] = read_paths(clients, unit.code)
        for path, figures in reads[label].items():
            if figures["p95_ms"] > slowest[2]:
                slowest = (label, path, figures["p95_ms"])
    urls = {
        "inbox_county": "/palaute/saapuneet/?status=open",
        "inbox_unit_staff": "/palaute/saapuneet/?status=open",
        "inbox_theme": "/palaute/saapuneet/?theme=access_waiting&sentiment=negative",
        "unit_dashboard": f"/raportit/toimipiste/{unit.code}/",
        "county_dashboard": "/raportit/",
        "search": "/haku/?q=ajanvaraus",
        "unit_outcomes": f"/palaute/tarinat/{unit.code}/",
    }
    profiled = slowest[1] if slowest[1] in urls else "county_dashboard"
    client = clients[
        {"inbox_unit_staff": "staff", "unit_outcomes": "anonymous"}.get(profiled, "coordinator")
    ]
    log(f"profiling the slowest page: {profiled} at {slowest[0]}")
    profile_text = profile(client, urls[profiled])

    first, last = SIZES[0][0], SIZES[1][0]
    results.update(
        {
            "inbox_p95_ms": {label: reads[label]["inbox_county"]["p95_ms"] for label in reads},
            "inbox_median_ms": {
                label: reads[label]["inbox_county"]["median_ms"] for label in reads
            },
            "unit_dashboard_p95_ms": {
                label: reads[label]["unit_dashboard"]["p95_ms"] for label in reads
            },
            "county_dashboard_p95_ms": {
                label: reads[label]["county_dashboard"]["p95_ms"] for label in reads
            },
            "county_dashboard_median_ms": {
                label: reads[label]["county_dashboard"]["median_ms"] for label in reads
            },
            "dashboard_growth_10x": round(
                reads[last]["county_dashboard"]["median_ms"]
                / reads[first]["county_dashboard"]["median_ms"],
                2,
            ),
            "inbox_growth_10x": round(
                reads[last]["inbox_county"]["median_ms"]
                / reads[first]["inbox_county"]["median_ms"],
                2,
            ),
            "read_paths": reads,
            # Each read path's median time for ten times the data (100k → 1M, 1M → 10M).
            "growth_10x": {
                path: [
                    round(reads[b][path]["median_ms"] / reads[a][path]["median_ms"], 2)
                    for a, b in zip(list(reads), list(reads)[1:], strict=False)
                ]
                for path in reads[first]
            },
            "rollup_rebuild_s": rollup_seconds,
            "generate_s": generate_seconds,
            "slowest_path": {"size": slowest[0], "path": slowest[1], "p95_ms": slowest[2]},
        }
    )
    return profile_text


def summary(r: dict[str, Any], parts: list[str] | tuple[str, ...] = ()) -> str:
    parts = parts or PARTS
    lines = []
    if "intake" in parts:
        t = r["targets"]
        lines += [
            f"intake {r['intake_per_s']}/s ({cpu_ms(t['intake']):.2f} ms CPU), bare insert "
            f"{r['bare_insert_per_s']}/s ({cpu_ms(t['bare_insert']):.2f} ms CPU): ratio "
            f"{r['intake_ratio_bare']} by rate, {r['intake_ratio_bare_cpu']} by CPU (aim ≥ 0.5)",
            f"units list {r['units_list_per_s']}/s ({cpu_ms(t['units_list']):.2f} ms CPU), bare "
            f"list {r['bare_list_per_s']}/s ({cpu_ms(t['bare_list']):.2f} ms CPU): ratio "
            f"{r['units_list_ratio_bare']} by rate, {r['units_list_ratio_bare_cpu']} by CPU",
        ]
    if "reads" in parts:
        for label, paths in r["read_paths"].items():
            lines.append(
                f"{label}: "
                + ", ".join(
                    f"{p} p95 {v['p95_ms']} ms (median {v['median_ms']})" for p, v in paths.items()
                )
            )
        lines.append(
            "10× data → time: "
            + ", ".join(f"{p} {g}" for p, g in r["growth_10x"].items())
            + " (aim ≤ 1.5 each; search under 300 ms at 10M)"
        )
        lines += [
            f"county dashboard 10× data → {r['dashboard_growth_10x']}× time (aim ≤ 1.5); "
            f"inbox {r['inbox_growth_10x']}×",
            f"roll-up rebuild seconds: {r['rollup_rebuild_s']}",
        ]
    if "burst" in parts:
        lines.append(burst_summary(r))
    if "text" in parts:
        lines.append(
            f"text analysis {r['text_per_s']}/s, simplemma alone {r['text_floor_per_s']}/s, "
            f"floor ratio {r['text_floor_ratio']}"
        )
    if "intake" in parts:
        lines += ["", r.get("intake_profile", ""), "", r.get("units_list_profile", ""), ""]
        lines.append(
            f"feedback form with assets: {r['form_bytes_compressed']} bytes gzip (aim ≤ 60 kB), "
            f"{r['external_requests']} requests to other hosts"
        )
    return "\n".join(lines)


def burst_summary(r: dict[str, Any]) -> str:
    b = r.get("semantic_burst") or {}
    if not b:
        return "semantic burst: not measured (the semantic tier is not available)"
    return (
        f"semantic second reading of {b['comments']} comments at once, one worker: "
        f"{b['read_s']} s (aim ≤ 600); inbox p95 {b['inbox_idle']['p95_ms']} ms idle, "
        f"{b['inbox_during']['p95_ms']} ms during; intake p95 {b['intake_idle']['p95_ms']} ms "
        f"idle, {b['intake_during']['p95_ms']} ms during"
    )


def intake_row(name: str, figures: dict[str, Any], ratio: str) -> str:
    return (
        f"| {name} | {figures['per_s']} | {figures['app_cpu_ms_per_request']} | "
        f"{figures['db_cpu_ms_per_request']} | {figures['latency_median_ms']} | "
        f"{figures['latency_p95_ms']} | {figures['errors']} | {ratio} |"
    )


def report(r: dict[str, Any], profile_text: str) -> str:
    m, v = r["machine"], r["versions"]
    rows = []
    for label, paths in r["read_paths"].items():
        for path, figures in paths.items():
            rows.append(f"| {label} | {path} | {figures['median_ms']} | {figures['p95_ms']} |")
    growth_rows = "\n".join(f"- `{path}`: {steps}" for path, steps in r["growth_10x"].items())
    files = "\n".join(f"| `{path}` | {size} |" for path, size in r["form_files"].items())
    intake_ratio = f"**{r['intake_ratio_bare']}** / {r['intake_ratio_bare_cpu']}"
    units_ratio = f"**{r['units_list_ratio_bare']}** / {r['units_list_ratio_bare_cpu']}"
    middleware_only_label = (
        "`POST /bench/insert/` (product middleware only: one insert inside the product's stack)"
    )
    middleware_ratio = f"intake ÷ this: {r['intake_ratio_product_middleware_only']}"
    t = r["targets"]
    return f"""# Benchmark report

Generated by `make bench` on {r["date"]} in {r["total_seconds"]} s.
Figures: `bench/results/latest.json`.
Re-run with `make bench` (add `BENCH_10M=1` for 10 M items).

## Machine and versions
- CPU: {m["cpu"]}, {m["cores"]} cores, {m["memory_gb"]} GB memory; {m["os"]}
- Load average at start: {m["load_average_at_start"]} (other work on the machine skews figures)
- Python {v["python"]}, Django {v["django"]}, PostgreSQL {v["postgresql"]} on loopback
  (throwaway cluster, fsync off), {v["gunicorn"]} with {r["workers"]} sync workers, DEBUG off

## Intake and public reads against a bare Django project
Each target: {r["rounds"]} rounds of {r["requests_per_round"]} requests over
{r["concurrency"]} keep-alive connections from a separate process (bench/load.py), the targets
taken in turn. The baseline is a bare Django project of its own (bench/bare/: no middleware, one
app with one model) on the same PostgreSQL server (its own database), with the same gunicorn
worker count and database connection settings as the product's server (CONN_MAX_AGE
{r["conn_max_age"]}, health checks {r["conn_health_checks"]}). Intake submissions have answers,
a comment in two of three, and an idempotency key; the bare insert parses the same body and does
one `INSERT … RETURNING`. CPU per request: utime + stime from `/proc` before and after, of
gunicorn's master and workers (app) and of the PostgreSQL server's processes (db). Ratio to
bare: by requests per second / by CPU per request (bare app + db CPU ÷ the path's).

| target | per second | app CPU ms | db CPU ms | median ms | p95 ms | errors | ratio to bare |
|---|---|---|---|---|---|---|---|
{intake_row("bare Django: `POST` parse JSON, one `INSERT … RETURNING`", t["bare_insert"], "1")}
{intake_row("`POST /api/v1/feedback/` (full intake)", t["intake"], intake_ratio)}
{intake_row("bare Django: `GET` 10 rows as JSON", t["bare_list"], "1")}
{intake_row("`GET /api/v1/units/?page_size=10`", t["units_list"], units_ratio)}
{intake_row(middleware_only_label, t["middleware_only_insert"], middleware_ratio)}

Where the time goes, per request, in one process with the same settings on the same
PostgreSQL (bench/profile_intake.py: each stage timed by wrapping the function that does it;
middleware per layer, exclusive of the layers inside; statements from the driver call to the
answer):

{r.get("intake_profile", "")}

{r.get("units_list_profile", "")}

`intake_ratio_bare` **{r["intake_ratio_bare"]}** (by CPU {r["intake_ratio_bare_cpu"]}),
`units_list_ratio_bare` **{r["units_list_ratio_bare"]}** (by CPU {r["units_list_ratio_bare_cpu"]});
aim ≥ 0.5 for both. The last row is not a baseline: it runs inside the product's own middleware
stack, so it carries most of the product's per-request cost.

## Read paths at scale
Generated inside PostgreSQL (seconds: {r["generate_s"]}); roll-ups rebuilt from raw rows
(seconds: {r["rollup_rebuild_s"]}). Timed in-process through the Django test client
({REPEATS} runs after 2 warm-ups), signed in as a coordinator (county-wide) or staff (one unit).

| data | path | median ms | p95 ms |
|---|---|---|---|
{chr(10).join(rows)}

County dashboard: 10× data → **{r["dashboard_growth_10x"]}×** time (aim ≤ 1.5).
Inbox: {r["inbox_growth_10x"]}×.

The trail's read paths (`search` as a coordinator, `unit_outcomes` as anyone, `briefing_build`
for a county-wide body, {ITEMS_PER_ACTION} feedback items per closed action, each action linked
to up to {LINKS_PER_ACTION} items). Time for 10× the data, each step (aim ≤ 1.5; search under
300 ms at 10 M):

{growth_rows}

## The semantic second reading under a burst
{burst_summary(r)}

## Text analysis
{r["text_per_s"]} comments/s through the per-comment pipeline (the lexicon tier, which labels
every comment at intake); simplemma lemmatising alone {r["text_floor_per_s"]}/s; floor ratio
{r["text_floor_ratio"]} (floor_per_s ÷ text_per_s, one core, see osallisuus/analysis/speed.py).
Both tiers together (lexicon, then the semantic tier's sentence embeddings in one batch, as
`analyse_text` and the background second reading run them): {r.get("text_semantic_per_s", "–")}
comments/s of CPU time.

## Page weight: `/palaute/<code>/`
{r["form_bytes_compressed"]} bytes gzip-compressed ({r["form_bytes_uncompressed"]} uncompressed)
with every asset; **{r["external_requests"]}** requests to other hosts.

| file | bytes on the wire |
|---|---|
{files}

## Where the time goes: {r["slowest_path"]["path"]} at {r["slowest_path"]["size"]}
cProfile of 3 requests, cumulative time, top entries:

```
{profile_text}
```
"""


if __name__ == "__main__":
    sys.exit(main())
