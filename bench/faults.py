"""`make faults`: kiosk-style submissions keep coming while a worker dies and PostgreSQL restarts.

Kiosks send each submission with an idempotency key and retry (same key) on any connection
error, timeout or 5xx until they get 200/201, as the kiosk client does. Halfway through, one
gunicorn worker is killed with SIGKILL; a moment later PostgreSQL is restarted (pg_ctl restart).
Afterwards every acknowledged submission must be stored exactly once with the reply code the
kiosk was given. Then the backup/restore check runs (scripts/backup-restore-check.sh).
Exit status 0 only if nothing was lost or duplicated. Runs inside scripts/with-postgres.sh.
"""

from __future__ import annotations

import glob
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import server

PORT = int(os.environ.get("FAULTS_PORT", "8766"))
WORKERS = 3
SUBMISSIONS = int(os.environ.get("FAULTS_SUBMISSIONS", "600"))
KIOSKS = int(os.environ.get("FAULTS_KIOSKS", "8"))
GIVE_UP_SECONDS = 90


def log(message: str) -> None:
    print(f"[faults {time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


class Kiosks:
    """Threads that each act as a kiosk: submit, retry with the same key until acknowledged."""

    def __init__(self, unit_code: str) -> None:
        self.unit_code = unit_code
        self.lock = threading.Lock()
        self.next = iter(range(SUBMISSIONS))
        self.acknowledged: dict[str, str] = {}  # idempotency key → reply code
        self.given_up: list[str] = []
        self.retries = 0
        self.failures: dict[str, int] = {}
        self.done = 0

    def submit(self, key: str, n: int) -> None:
        body = json.dumps(
            {
                "unit_code": self.unit_code,
                "channel": "kiosk",
                "answers": [{"question": "encounter", "value": 1 + n % 5}],
                "text": f"Kioskipalaute {n}: odotin vuoroa." if n % 2 else "",
                "idempotency_key": key,
            }
        ).encode()
        deadline = time.monotonic() + GIVE_UP_SECONDS
        attempt = 0
        while time.monotonic() < deadline:
            attempt += 1
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
            try:
                connection.request(
                    "POST", "/api/v1/feedback/", body, {"Content-Type": "application/json"}
                )
                response = connection.getresponse()
                payload = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                kind = type(error).__name__
            else:
                if status in (200, 201):
                    with self.lock:
                        self.acknowledged[key] = json.loads(payload)["reply_code"]
                        self.retries += attempt - 1
                    return
                kind = f"HTTP {status}"
            finally:
                connection.close()
            with self.lock:
                self.failures[kind] = self.failures.get(kind, 0) + 1
            time.sleep(min(2.0, 0.05 * 2**attempt) * random.uniform(0.5, 1.0))
        with self.lock:
            self.given_up.append(key)

    def run(self) -> None:
        while True:
            with self.lock:
                n = next(self.next, None)
            if n is None:
                return
            self.submit(uuid.uuid4().hex, n)
            with self.lock:
                self.done += 1


def postgres() -> tuple[str, str]:
    """(pg_ctl, data directory) of the cluster DATABASE_URL points at."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        data = cursor.fetchone()[0]
    connection.close()
    bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    return f"{bindir}/pg_ctl", data


def restart_postgres() -> float:
    pg_ctl, data = postgres()
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    started = time.monotonic()
    subprocess.run(
        [
            *as_pg,
            pg_ctl,
            "-D",
            data,
            "-l",
            str(Path(data).parent / "log"),
            "-m",
            "fast",
            "-w",
            "restart",
        ],
        check=True,
        capture_output=True,
    )
    return time.monotonic() - started


def check_storage(acknowledged: dict[str, str]) -> dict[str, Any]:
    from django.db import connection
    from django.db.models import Count

    from osallisuus.feedback.models import Feedback

    connection.close()  # the old connection died with the restart
    stored = dict(
        Feedback.objects.filter(idempotency_key__in=list(acknowledged)).values_list(
            "idempotency_key", "reply_code"
        )
    )
    lost = [key for key in acknowledged if key not in stored]
    wrong_code = [key for key, code in acknowledged.items() if stored.get(key, code) != code]
    duplicates = (
        Feedback.objects.filter(idempotency_key__isnull=False)
        .values("idempotency_key")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    return {
        "stored": len(stored),
        "lost": len(lost),
        "wrong_reply_code": len(wrong_code),
        "duplicates": duplicates,
    }


def main() -> int:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Run through scripts/with-postgres.sh (make faults): PostgreSQL is needed.")
        return 2
    log("preparing the database")
    server.prepare_database()
    server.use_in_this_process()
    from osallisuus.organisation.models import Unit

    unit = Unit.objects.filter(active=True).order_by("pk").first()
    assert unit is not None
    log(f"gunicorn with {WORKERS} workers; {KIOSKS} kiosks send {SUBMISSIONS} submissions")
    gunicorn = server.start_gunicorn(PORT, WORKERS)
    kiosks = Kiosks(unit.code)
    threads = [threading.Thread(target=kiosks.run) for _ in range(KIOSKS)]
    started = time.monotonic()
    figures: dict[str, Any] = {}
    try:
        for thread in threads:
            thread.start()
        while kiosks.done < SUBMISSIONS // 3:
            time.sleep(0.05)
        victim = server.worker_pids(gunicorn)[0]
        os.kill(victim, signal.SIGKILL)
        log(f"killed worker {victim} with SIGKILL after {kiosks.done} submissions")
        while kiosks.done < SUBMISSIONS // 2:
            time.sleep(0.05)
        log(f"restarting PostgreSQL after {kiosks.done} submissions")
        figures["postgres_restart_s"] = round(restart_postgres(), 2)
        log(f"PostgreSQL back in {figures['postgres_restart_s']} s")
        for thread in threads:
            thread.join()
    finally:
        server.stop(gunicorn)
    figures.update(
        {
            "submissions": SUBMISSIONS,
            "acknowledged": len(kiosks.acknowledged),
            "given_up": len(kiosks.given_up),
            "retries": kiosks.retries,
            "failed_attempts": kiosks.failures,
            "seconds": round(time.monotonic() - started, 1),
        }
    )
    figures.update(check_storage(kiosks.acknowledged))
    log("backup and restore check")
    backup = subprocess.run(
        [str(server.ROOT / "scripts" / "backup-restore-check.sh")],
        env=dict(os.environ),
        capture_output=True,
        text=True,
    )
    print(backup.stdout.strip())
    if backup.returncode:
        print(backup.stderr.strip())
    figures["backup_restore_ok"] = backup.returncode == 0
    print(json.dumps(figures, indent=2))
    ok = (
        figures["lost"] == 0
        and figures["duplicates"] == 0
        and figures["wrong_reply_code"] == 0
        and figures["given_up"] == 0
        and figures["backup_restore_ok"]
    )
    print(
        f"{figures['acknowledged']}/{SUBMISSIONS} acknowledged, {figures['stored']} stored, "
        f"{figures['lost']} lost, {figures['duplicates']} duplicated, "
        f"{figures['retries']} retries; worker SIGKILL and PostgreSQL restart survived: "
        + ("YES" if ok else "NO")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
