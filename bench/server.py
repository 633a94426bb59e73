"""Start the real stack for benchmarks: production settings, gunicorn workers, PostgreSQL.

DATABASE_URL must point at PostgreSQL (scripts/with-postgres.sh sets it for a throwaway cluster).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def server_env(**extra: str) -> dict[str, str]:
    """Production settings (DEBUG off) on loopback, with the intake throttle out of the way."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_MANIFEST": "true",
            "THROTTLE_FEEDBACK_INTAKE": "100000000/minute",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "LOG_LEVEL": "ERROR",
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(extra)
    return env


def use_in_this_process() -> None:
    """Configure Django in the calling process with the same settings as the servers."""
    os.environ.update(server_env())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def manage(*args: str, **env: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=server_env(**env), check=True
    )


def prepare_database() -> None:
    """Schema, cache table, static files and the demo county (units, question sets, users)."""
    manage("migrate", "--no-input", "-v", "0")
    manage("createcachetable")
    manage("collectstatic", "--no-input", "-v", "0")
    # The demo county is fictional data; its command runs only with DEBUG on.
    manage("seed_demo", DEBUG="true")


def start_gunicorn(port: int, workers: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "osallisuus.wsgi",
            "--config",
            str(ROOT / "bench" / "gunicorn_conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env(),
    )
    wait_ready(f"http://127.0.0.1:{port}/healthz", seconds=180)
    return process


def wait_ready(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def worker_pids(master: subprocess.Popen[bytes]) -> list[int]:
    """The gunicorn workers: children of the master process we started."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


# --- The bare Django project (bench/bare/): the baseline of every ratio -------------------------

BARE_DATABASE = "bench_bare"


def bare_database_url() -> str:
    """The product's PostgreSQL server, a database of the bare project's own."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{BARE_DATABASE}"))


def bare_env(*, conn_max_age: int | None, health_checks: bool) -> dict[str, str]:
    """Only what the bare project reads; none of the product's settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key in ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.bare.settings",
            "DATABASE_URL": bare_database_url(),
            "BARE_CONN_MAX_AGE": "none" if conn_max_age is None else str(conn_max_age),
            "BARE_CONN_HEALTH_CHECKS": "1" if health_checks else "0",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def prepare_bare_database(env: dict[str, str]) -> None:
    """(Re)create the bare project's database on the same server and its one table."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {BARE_DATABASE}")
        cursor.execute(f"CREATE DATABASE {BARE_DATABASE}")
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--run-syncdb", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def start_bare_gunicorn(port: int, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "bench.bare.wsgi",
            "--config",
            str(ROOT / "bench" / "bare" / "gunicorn_conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    wait_ready(f"http://127.0.0.1:{port}/rows/", seconds=60)
    return process


# --- CPU time from /proc ------------------------------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str]:
    """/proc/<pid>/stat after the command name (which may hold spaces): field 3 is at [0]."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(_stat_fields(int(entry.name))[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return found


def tree_cpu_seconds(pid: int) -> float:
    """utime + stime of a parent and its live children, plus the CPU of children it has already
    reaped (cutime + cstime): gunicorn's master and workers, or the postmaster and its server
    processes. A before/after difference is the CPU they spent in between, even when a child
    exits or starts in between."""
    fields = _stat_fields(pid)
    ticks = sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    for child in children_of(pid):
        try:
            ticks += sum(int(value) for value in _stat_fields(child)[11:13])
        except (OSError, ValueError, IndexError):
            continue
    return ticks / CLOCK_TICKS


def postmaster_pid() -> int:
    """The PostgreSQL server of this run: the parent of our own connection's server process."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    return int(_stat_fields(backend)[1])
