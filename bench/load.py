"""Load generator, run as its own process: POST a bounded number of JSON bodies (or send as
many GETs, with --method GET) with threads.

    python bench/load.py --url http://127.0.0.1:8765/api/v1/feedback/ --requests 2000 \
        --concurrency 16 --unit KST
    python bench/load.py --method GET --url http://127.0.0.1:8765/api/v1/units/ --requests 2000

Prints one JSON line: requests, ok, errors, seconds, per_s, latency percentiles. Each thread
keeps one HTTP/1.1 connection open, as a kiosk or a proxy would.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import threading
import time
import uuid
from urllib.parse import urlsplit

TEXTS = [
    "Sain ajan nopeasti ja hoitaja oli ystävällinen.",
    "Jonotin puhelimessa yli tunnin, eikä kukaan vastannut takaisinsoittopyyntöön.",
    "Lääkäri kuunteli ja selitti hoidon hyvin. Kiitos!",
    "Odotusaula oli täynnä ja ilmanvaihto huono.",
    "Personalen var vänlig men väntetiden var lång.",
    "The nurse was kind but the waiting time was too long.",
    "Parkkipaikkoja on liian vähän, jouduin kiertämään pitkään.",
    "Ajanvaraus netissä ei toiminut, sivu kaatui kahdesti.",
]


def body(unit: str, n: int) -> bytes:
    return json.dumps(
        {
            "unit_code": unit,
            "channel": "kiosk",
            "language": "fi",
            "answers": [{"question": "encounter", "value": 1 + n % 5}],
            "text": TEXTS[n % len(TEXTS)] if n % 3 else "",
            "idempotency_key": uuid.uuid4().hex,
        }
    ).encode()


def run(
    url: str, requests: int, concurrency: int, unit: str, method: str = "POST"
) -> dict[str, float]:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    counter = iter(range(requests))
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []

    def worker() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            started = time.perf_counter()
            try:
                if method == "GET":
                    connection.request("GET", target, headers={"Accept": "application/json"})
                else:
                    connection.request(
                        "POST", target, body(unit, n), {"Content-Type": "application/json"}
                    )
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                with lock:
                    errors.append(type(error).__name__)
                continue
            elapsed = time.perf_counter() - started
            with lock:
                if status in (200, 201):
                    latencies.append(elapsed)
                else:
                    errors.append(str(status))
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": requests,
        "ok": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
        "seconds": round(seconds, 3),
        "per_s": round(len(latencies) / seconds, 1),
        "latency_median_ms": round(statistics.median(ordered) * 1000, 1),
        "latency_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--unit", default="KST")
    parser.add_argument("--method", choices=["POST", "GET"], default="POST")
    args = parser.parse_args()
    print(json.dumps(run(args.url, args.requests, args.concurrency, args.unit, args.method)))


if __name__ == "__main__":
    main()
