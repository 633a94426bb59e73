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
    subprocess.run(  # noqa: S603
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
    process = subprocess.Popen(  # noqa: S603
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
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
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
