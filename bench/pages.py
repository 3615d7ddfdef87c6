"""Speed targets for the pages people use most, measured on the demo content: `make bench`.

Each page is requested REPEAT times through Django's test client (no network, no server: what is measured is the
application and its database). The run prints median and 95th-percentile time and the SQL query count per page,
and exits non-zero when a page misses its target. Run on the machine and database you care about
(`DATABASE_URL=postgres://... make bench`); the demo content is loaded when the database has none.
"""

import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
# (path, median target in ms): generous enough for a small VPS, tight enough to catch an N+1 or a missing index.
PAGES = [
    ("/", 250),
    ("/alumni/", 250),
    ("/alumni/?q=dialog", 250),
    ("/alumni/cari-kolaborator/?q=fasilitator+deteksi+dini&region=kabupaten-pandeglang&help=facilitator", 300),
    ("/alumni/organisasi/", 200),
    ("/kegiatan/", 200),
    ("/kegiatan/?view=calendar", 200),
    ("/kegiatan/?type=workshop&region=kota-serang", 200),
    ("/kegiatan/ics/", 200),
    ("/pustaka/?q=radikalisme", 300),
    ("/search/?q=toleransi", 300),
    ("/sitemap.xml", 300),
]


def measure(client, path):
    client.get(path)  # warm caches and template loading
    timings, queries, status = [], 0, None
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        queries, status = len(captured), response.status_code
    timings.sort()
    return status, statistics.median(timings), timings[int(len(timings) * 0.95) - 1], queries


def main():
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", if_empty=True, verbosity=0)
    client = Client()
    failures = 0
    sys.stdout.write(f"{'page':<60} {'status':>6} {'median':>9} {'p95':>9} {'queries':>8} {'target':>8}\n")
    for path, target in PAGES:
        status, median, p95, queries = measure(client, path)
        missed = status != 200 or median > target
        failures += missed
        flag = "  MISSED" if missed else ""
        timing = f"{median:>7.1f}ms {p95:>7.1f}ms"
        sys.stdout.write(f"{path[:60]:<60} {status:>6} {timing} {queries:>8} {target:>6}ms{flag}\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
