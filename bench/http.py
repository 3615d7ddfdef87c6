"""Speed targets over HTTP, as visitors reach the site: `make bench-http`.

The site runs as in production: gunicorn with deploy/gunicorn.conf.py and the production settings, on PostgreSQL
and Redis, the demo content loaded (and the database created) when missing. wrk loads each page for BENCH_SECONDS at
8 and at 64 connections, with the whole-page cache off (cold: PAGE_CACHE_SECONDS=0, every request draws the page)
and on (warm: each page requested once beforehand, and its second answer must say `X-Cache: HIT`). Then each page is
served from the cache once more in this process, under the same settings, counting its SQL queries.

The run prints req/s, median and 99th-percentile latency, the count of answers that are not 2xx and of socket
errors, and the share of answers served from the page cache; it exits non-zero when a target is missed (MISSED on its
line). wrk runs on the same machine as gunicorn and takes CPU from it: the figures are a floor, and noisy when other
work runs beside them.

Settings not set here come from the environment like in production (DB_CONN_MAX_AGE, GUNICORN_THREADS...).
DATABASE_URL, REDIS_URL, WEB_CONCURRENCY and BENCH_SECONDS have the defaults below; PAGE_CACHE_SECONDS is the mode's.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This file's folder comes first on sys.path, where its name would hide the standard library's `http` package.
sys.path[0] = str(ROOT)

import http.client  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import dj_database_url  # noqa: E402
import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402

# The targets set when the whole-page cache was asked for. BASELINE_RPS: req/s at 8 connections before the page cache
# (as reported then; the machine they were measured on is not recorded here).
TARGETS = {
    "warm_rps": 2000,  # every page served from the page cache, at 8 connections
    "warm_p99_ms": 50,  # the same runs' 99th percentile
    "hit_queries": 0,  # SQL queries to serve a page from the page cache
    "cold_speedup": 3,  # page cache off, at 8 connections: this many times BASELINE_RPS
    "baseline_rps": {"/": 12.8, "/berita/": 14.6, "/search/?q=toleransi": 17.8},
}
PAGES = [
    ("home", "/"),
    ("news index", "/berita/"),
    ("site search", "/search/?q=toleransi"),
    ("library search", "/pustaka/?q=radikalisme"),
    ("directory", "/alumni/"),
    # The event page is looked up in the database (event_path).
]
CONNECTIONS = (8, 64)
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
# For a quick look at one thing: BENCH_MODES=warm, BENCH_PAGES=/alumni/ (a comma-separated choice of paths).
MODES = os.environ.get("BENCH_MODES", "cold,warm").split(",")
CHOSEN_PAGES = [path for path in os.environ.get("BENCH_PAGES", "").split(",") if path]
WARM_PAGE_CACHE_SECONDS = "600"
HEADERS = {"Accept-Encoding": "gzip", "User-Agent": "jejaring-bench"}
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
# What tells why a page was not kept, when it was not.
SHOWN_HEADERS = frozenset({"cache-control", "x-cache", "vary", "set-cookie", "etag", "content-encoding"})
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
# The access log is turned off (gunicorn.conf.py writes it to stdout, which would take CPU from the workers).
GUNICORN_CONFIG = """exec(compile(open({path!r}).read(), {path!r}, "exec"))
accesslog = None
"""
# wrk's own count of bad answers is of those over 399; this counts every answer that is not 2xx, and the hits.
COUNTING = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) answers, non2xx, hits = 0, 0, 0 end
function response(status, headers, body)
  answers = answers + 1
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if headers["X-Cache"] == "HIT" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local total = {answers = 0, non2xx = 0, hits = 0}
  for _, thread in ipairs(threads) do
    for name in pairs(total) do total[name] = total[name] + thread:get(name) end
  end
  io.write(string.format("answers %d non-2xx %d hits %d\\n", total.answers, total.non2xx, total.hits))
end
"""


def say(message):
    sys.stderr.write(f"{message}\n")
    sys.stderr.flush()


def environment():
    """The environment every command of the run gets: the benchmark's database and Redis, production's security
    settings less the HTTPS redirect (no proxy in front), a fresh secret key."""
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/jejaring_bench")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
    env.setdefault("WEB_CONCURRENCY", "2")
    env.setdefault("MEDIA_ROOT", str(ROOT / ".bench-media"))
    env.setdefault("DEMO_ADMIN_PASSWORD", "bench-only")
    env.setdefault("DEMO_MEMBER_PASSWORD", "bench-only")
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env["SECURE_SSL_REDIRECT"] = "false"
    env["DJANGO_SETTINGS_MODULE"] = "website.settings.production"
    env.pop("PAGE_CACHE_SECONDS", None)
    return env


def create_database(url):
    database = dj_database_url.parse(url)
    if database["ENGINE"] != "django.db.backends.postgresql":
        sys.exit(f"bench/http.py needs PostgreSQL, not {database['ENGINE']} (DATABASE_URL={url}).")
    server = {
        "host": database["HOST"] or None,
        "port": database["PORT"] or None,
        "user": database["USER"] or None,
        "password": database["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]).fetchone() is None:
            say(f"Creating the database {database['NAME']}.")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"])))


def manage(env, *arguments, settings="website.settings.production"):
    """A management command, its report on stderr (stdout is for the results); no statement timeout, as `make serve`
    migrates."""
    env = {**env, "DJANGO_SETTINGS_MODULE": settings, "DB_STATEMENT_TIMEOUT": "0"}
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, stdout=sys.stderr, check=True)  # noqa: S603


def prepare(env):
    create_database(env["DATABASE_URL"])
    say("Migrating, loading the demo content when the database has none, collecting static files.")
    # The demo app (and its command) is installed by the dev settings only.
    manage(env, "migrate", "--noinput", "-v0", settings="website.settings.dev")
    manage(env, "load_demo_content", "--if-empty", "-v0", settings="website.settings.dev")
    manage(env, "collectstatic", "--noinput", "-v0")


def setup_django(env):
    """Django in this process, with the settings of the warm server."""
    os.environ.update(env)
    os.environ["PAGE_CACHE_SECONDS"] = WARM_PAGE_CACHE_SECONDS
    import django

    django.setup()


def event_path():
    """A live event page of the default language: the next to come, else the latest."""
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Locale

    from events.models import EventPage

    events = EventPage.objects.live().public().filter(locale=Locale.get_default())
    event = events.filter(start__gte=timezone.now()).order_by("start").first() or events.order_by("-start").first()
    connection.close()
    if event is None:
        sys.exit("The demo content has no live event page.")
    return event.get_url()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn as production runs it, on a free local port, stopped on leaving the `with` block whatever happens."""

    def __init__(self, env, page_cache_seconds, folder):
        self.port = free_port()
        self.env = {**env, "HOST": "127.0.0.1", "PORT": str(self.port), "PAGE_CACHE_SECONDS": page_cache_seconds}
        self.config = Path(folder) / "gunicorn.conf.py"
        self.config.write_text(GUNICORN_CONFIG.format(path=str(ROOT / "deploy" / "gunicorn.conf.py")))
        self.log = Path(folder) / f"gunicorn-{page_cache_seconds}.log"
        self.process = None

    def __enter__(self):
        command = [GUNICORN, "website.wsgi:application", "--config", str(self.config)]
        with open(self.log, "wb") as log:
            # A session of its own: Ctrl-C reaches this script only, which then stops gunicorn in order.
            self.process = subprocess.Popen(  # noqa: S603
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                if self.get("/healthz/").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"gunicorn did not answer /healthz/ within 60 s:\n{self.log.read_text()[-3000:]}")

    def __exit__(self, *exc_info):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their requests
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def settle(self):
        """Wait until the requests a run left queued are answered (a slow page at 64 connections leaves many), so
        that the next run does not measure them: /healthz/ answers at once three times in a row."""
        deadline, quick = time.monotonic() + 120, 0
        while quick < 3 and time.monotonic() < deadline:
            start = time.monotonic()
            self.get("/healthz/")
            quick = quick + 1 if time.monotonic() - start < 0.25 else 0
            time.sleep(0.1)
        if quick < 3:
            say("  gunicorn is still busy after 120 s; going on.")

    def workers_started(self):
        return self.log.read_text(errors="replace").count("Booting worker")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path):
        """One GET as a new anonymous visitor sends it (no cookie), redirects not followed."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=HEADERS)
            response = connection.getresponse()
            response.read()
            return response
        finally:
            connection.close()


def latency_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    return float(match[1]) * UNITS[match[2]]


def parse_wrk(output):
    """req/s, p50 and p99 in ms and the counts from wrk --latency's report and COUNTING's line."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    counts = re.search(r"^answers (\d+) non-2xx (\d+) hits (\d+)$", output, re.MULTILINE)
    if rps is None or p50 is None or p99 is None or counts is None:
        raise RuntimeError(f"Unexpected wrk output:\n{output}")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    answers = int(counts[1])
    return {
        "rps": float(rps[1]),
        "p50": latency_ms(p50[1]),
        "p99": latency_ms(p99[1]),
        "answers": answers,
        "non_2xx": int(counts[2]),
        "hits": int(counts[3]) / answers if answers else 0.0,
        "errors": sum(int(count) for count in errors.groups()) if errors else 0,
        "timeouts": int(errors[4]) if errors else 0,
    }


def wrk(server, path, connections, script):
    # A timeout well above any latency expected: a slow answer is measured, not dropped from the percentiles.
    command = ["wrk", "-t2", f"-c{connections}", f"-d{SECONDS}s", "--timeout", "30s", "--latency", "-s", script]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run([*command, server.url(path)], capture_output=True, text=True, check=True)  # noqa: S603
    return parse_wrk(result.stdout)


def check_pages(server, pages, mode):
    """Every page answers 200 to a visitor; warm, its second answer comes from the page cache. Problems, as text."""
    problems = []
    for name, path in pages:
        started = time.monotonic()
        first = server.get(path)
        # Cold start: the first answer of a page after gunicorn started (its workers warm up before they take one).
        say(f"  {mode:<4} {path}: first answer after the start in {(time.monotonic() - started) * 1000:.0f} ms")
        second = server.get(path)
        headers = {key: value for key, value in second.getheaders() if key.lower() in SHOWN_HEADERS}
        say(
            f"  {mode:<4} {path}: {first.status} X-Cache {first.getheader('X-Cache')}, then {second.status} "
            f"X-Cache {second.getheader('X-Cache')}"
        )
        if second.status != 200:
            problems.append(f"{name} ({path}) answered {second.status}: {headers}")
        elif mode == "warm" and second.getheader("X-Cache") != "HIT":
            problems.append(f"{name} ({path}) was not a cache hit on the second request: {headers}")
    return problems


def measure(env, pages, mode, folder):
    """Each page at each number of connections: one row per run."""
    rows = []
    script = Path(folder) / "counting.lua"
    script.write_text(COUNTING)
    page_cache_seconds = "0" if mode == "cold" else WARM_PAGE_CACHE_SECONDS
    with Server(env, page_cache_seconds, folder) as server:
        say(f"{mode}: gunicorn on port {server.port}, PAGE_CACHE_SECONDS={page_cache_seconds}")
        problems = check_pages(server, pages, mode)
        for name, path in pages:
            for connections in CONNECTIONS:
                server.settle()
                say(f"  wrk {mode} {path} -c{connections}")
                rows.append(
                    {
                        "name": name,
                        "path": path,
                        "mode": mode,
                        "connections": connections,
                        **wrk(server, path, connections, str(script)),
                    }
                )
        restarts = server.workers_started() - int(env["WEB_CONCURRENCY"])
    return rows, problems, restarts


def verdict(row):
    """What the row misses, or an empty string. A run with no answer, an error page or a timeout misses whatever
    its target: it did not measure the page."""
    missed = []
    if not row["answers"]:
        missed.append("no answer")
    if row["non_2xx"]:
        missed.append("non-2xx answers")
    if row["timeouts"]:
        missed.append("timeouts")
    if row["connections"] == 8 and row["mode"] == "warm":
        if row["rps"] < TARGETS["warm_rps"]:
            missed.append(f"req/s < {TARGETS['warm_rps']}")
        if row["p99"] >= TARGETS["warm_p99_ms"]:
            missed.append(f"p99 >= {TARGETS['warm_p99_ms']} ms")
    baseline = TARGETS["baseline_rps"].get(row["path"])
    if row["connections"] == 8 and row["mode"] == "cold" and baseline:
        wanted = baseline * TARGETS["cold_speedup"]
        if row["rps"] < wanted:
            missed.append(f"req/s < {wanted:g} ({TARGETS['cold_speedup']}x {baseline:g})")
    return ", ".join(missed)


def queries_on_hit(pages):
    """SQL queries to serve each page from the page cache, in this process (a fresh visitor for each request)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, path in pages:
        Client().get(path, HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
        with CaptureQueriesContext(connection) as captured:
            response = Client().get(path, HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
        counts[name, path] = (len(captured), response.get("X-Cache"), response.status_code)
    return counts


def report(env, rows, counts, problems, restarts):
    failures = len(problems)
    out = sys.stdout.write
    out(f"\nwrk -t2, {SECONDS} s a run, Accept-Encoding: gzip; gunicorn {env['WEB_CONCURRENCY']} workers\n")
    out(
        f"{'page':<50} {'mode':<5} {'conns':>5} {'req/s':>9} {'p50':>9} {'p99':>9} {'non-2xx':>8} {'errors':>7} "
        f"{'hits':>5}\n"
    )
    for row in rows:
        missed = verdict(row)
        failures += bool(missed)
        flag = f"  MISSED ({missed})" if missed else ""
        label = f"{row['name']} {row['path']}"[:50]
        out(
            f"{label:<50} {row['mode']:<5} {row['connections']:>5} {row['rps']:>9.1f} {row['p50']:>7.2f}ms "
            f"{row['p99']:>7.2f}ms {row['non_2xx']:>8} {row['errors']:>7} {row['hits']:>5.0%}{flag}\n"
        )
    out(
        "Workers replaced by gunicorn (max_requests in deploy/gunicorn.conf.py): "
        + ", ".join(f"{mode} {count}" for mode, count in restarts.items())
        + "\n"
    )
    out(f"\nSQL queries on a hit (target {TARGETS['hit_queries']})\n")
    for (name, path), (queries, cache, status) in counts.items():
        missed = queries > TARGETS["hit_queries"] or cache != "HIT" or status != 200
        failures += missed
        flag = "  MISSED" if missed else ""
        if cache != "HIT":
            flag += " (not served from the cache: these are the queries of drawing the page)"
        out(f"{f'{name} {path}'[:50]:<50} {queries:>3} queries, status {status}, X-Cache {cache}{flag}\n")
    for problem in problems:
        out(f"MISSED: {problem}\n")
    out(f"\n{failures} target(s) missed\n" if failures else "\nAll targets met\n")
    return 1 if failures else 0


def stop_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)  # so that the servers are stopped on the way out


def main():
    if shutil.which("wrk") is None:
        sys.exit("bench/http.py needs wrk (Debian and Ubuntu: apt-get install wrk; macOS: brew install wrk).")
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    env = environment()
    prepare(env)
    setup_django(env)
    pages = [*PAGES, ("event", event_path())]
    pages = [(name, path) for name, path in pages if not CHOSEN_PAGES or path in CHOSEN_PAGES]
    rows, problems, restarts = [], [], {}
    with tempfile.TemporaryDirectory(prefix="bench-http-") as folder:
        for mode in MODES:
            mode_rows, mode_problems, restarts[mode] = measure(env, pages, mode, folder)
            rows += mode_rows
            problems += mode_problems
    counts = queries_on_hit(pages)
    return report(env, rows, counts, problems, restarts)


if __name__ == "__main__":
    sys.exit(main())
