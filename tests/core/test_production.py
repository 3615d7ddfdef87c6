"""Production running itself: the schedule (each turn once, failures logged, never stopping), tasks orphaned by a
dead worker run again (a real worker process, a real supervisord), and the database's outage answered with 503."""

import contextlib
import datetime
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Collection

from core import mail, schedule
from core.log import OncePerInterval
from core.models import ScheduledJob
from resources.extraction import ExtractionStatus
from resources.factories import ResourceDocumentFactory
from resources.models import ResourceDocument

PROJECT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a database server, to share with other processes and to lose (the SQLite one is in memory)",
)


# --- The schedule ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_turn_of_a_job_runs_once_however_many_servers_run_the_schedule(settings):
    settings.SCHEDULE = {"recover": {"command": ["recover_tasks"], "every": 300}}
    now = timezone.now()
    assert schedule.run_due(now) == ["recover"]
    assert schedule.run_due(now) == []  # a second server, the same minute
    assert schedule.run_due(now + datetime.timedelta(seconds=299)) == []
    assert schedule.run_due(now + datetime.timedelta(seconds=300)) == ["recover"]
    job = ScheduledJob.objects.get(name="recover")
    assert job.last_finished_at and job.last_error == ""
    settings.SCHEDULE["recover"]["every"] = 60  # a shorter interval takes effect after the turn already planned
    assert schedule.run_due(now + datetime.timedelta(seconds=301)) == []
    assert schedule.run_due(now + datetime.timedelta(seconds=600)) == ["recover"]
    assert schedule.run_due(now + datetime.timedelta(seconds=660)) == ["recover"]


@pytest.mark.django_db
def test_a_failing_job_is_logged_kept_on_its_row_and_the_others_still_run(settings, caplog):
    settings.SCHEDULE = {
        "broken": {"command": ["no_such_command"], "every": 60},
        "prune": {"command": ["prune_records"], "every": 60},
    }
    with caplog.at_level(logging.ERROR, logger="core.schedule"):
        assert schedule.run_due() == ["broken", "prune"]
    assert "Scheduled job broken failed" in caplog.text
    assert "no_such_command" in ScheduledJob.objects.get(name="broken").last_error
    assert ScheduledJob.objects.get(name="prune").last_error == ""


@pytest.mark.django_db
def test_the_schedule_of_the_site_runs_every_job_it_lists(settings):
    settings.TASKS = DATABASE_TASKS
    assert schedule.run_due() == list(django_settings.SCHEDULE)
    assert not ScheduledJob.objects.exclude(last_error="").exists()


@pytest.mark.django_db
def test_health_says_when_the_schedule_stopped(client):
    schedule.run_due()
    assert client.get("/healthz/").json()["schedule"] == "ok"
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, hours=1)):
        assert client.get("/healthz/").json()["schedule"].startswith("late (")


@pytest.mark.django_db
def test_prune_forgets_delivered_emails_and_spent_counters_after_their_time(settings):
    settings.TASKS = DATABASE_TASKS
    with time_machine.travel(timezone.now() - datetime.timedelta(days=settings.EMAIL_LOG_DAYS + 1)):
        old = mail.send("old@example.org", "members/email/email_changed", {"name": "A", "when": timezone.now()})
        failed = mail.send("failed@example.org", "members/email/email_changed", {"name": "B", "when": timezone.now()})
    recent = mail.send("new@example.org", "members/email/email_changed", {"name": "C", "when": timezone.now()})
    type(old).objects.filter(pk__in=[old.pk, recent.pk]).update(status=mail.Status.SENT)
    type(old).objects.filter(pk=failed.pk).update(status=mail.Status.FAILED)
    assert mail.prune_log() == 1
    assert set(type(old).objects.values_list("to", flat=True)) == {"failed@example.org", "new@example.org"}


# --- Tasks orphaned by a dead worker ---------------------------------------------------------------------------


def _document_waiting_in_the_queue(settings):
    settings.TASKS = DATABASE_TASKS
    if not Collection.get_first_root_node():  # a transactional test before this one emptied the tables
        Collection.add_root(name="Root")
    document = ResourceDocumentFactory(text="mitigasi konflik berbasis komunitas")
    assert ResourceDocument.objects.get(pk=document.pk).extraction_status == ExtractionStatus.PENDING
    return document, DBTaskResult.objects.get(task_path="resources.tasks.extract_document_text")


@pytest.mark.django_db
def test_a_task_left_running_by_a_worker_that_never_came_back_is_queued_again(settings):
    document, result = _document_waiting_in_the_queue(settings)
    result.claim("another-host-worker")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=settings.TASK_STUCK_MINUTES - 1)):
        assert schedule.recover_stuck_tasks() == 0  # it may still be working
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=settings.TASK_STUCK_MINUTES + 1)):
        assert schedule.recover_stuck_tasks() == 1
    result.refresh_from_db()
    assert result.status == TaskResultStatus.READY and result.started_at is None


@pytest.mark.django_db
def test_a_document_whose_task_was_lost_is_read_again_by_the_schedule(settings):
    document, result = _document_waiting_in_the_queue(settings)
    result.delete()  # the queue was cleared
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from resources.tasks import resume_pending_extraction

    assert resume_pending_extraction() == 1
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.OK and "mitigasi" in document.extracted_text
    assert resume_pending_extraction() == 0


@pytest.mark.django_db
def test_a_document_that_stops_the_worker_every_time_is_given_up_and_marked_failed(settings):
    document, result = _document_waiting_in_the_queue(settings)
    for attempt in range(settings.TASK_MAX_ATTEMPTS):
        result.refresh_from_db()
        result.claim(f"host-reader-{attempt}")  # the worker dies reading it, comes back, tries again
        if attempt < settings.TASK_MAX_ATTEMPTS - 1:
            assert schedule.recover_own_tasks(f"host-reader-{attempt}") == 1
    assert schedule.recover_own_tasks(f"host-reader-{settings.TASK_MAX_ATTEMPTS - 1}") == 0
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED and result.exception_class_path.endswith("TaskAbandoned")
    from resources.tasks import resume_pending_extraction

    assert resume_pending_extraction() == 0  # not queued again
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED and "Pembaca berhenti" in document.extraction_note


def _process_env(**extra):
    """The environment of a process of the site working on this test's database and media."""
    database = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
        f"/{database['NAME']}",
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def _wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_worker_brought_back_after_dying_mid_extraction_reads_the_document(settings):
    document, result = _document_waiting_in_the_queue(settings)
    result.claim(f"{socket.gethostname()}-reader")  # this worker died while reading the file
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker"],
        cwd=PROJECT,
        env=_process_env(WORKER_NAME="reader"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        read = _wait_for(lambda: ResourceDocument.objects.get(pk=document.pk).extraction_status == ExtractionStatus.OK)
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=30)[0]
    assert read, output
    assert "queued again" in output
    result.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DatabaseLine:
    """A TCP relay between the worker and PostgreSQL that the test can cut and restore, as when the database server
    restarts: `cut()` drops every connection and hangs up on new ones at once, `restore()` relays again. The port
    stays bound throughout, so no other process can take it meanwhile."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.down = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if self.down:
                client.close()  # the server is restarting: the connection ends before any answer
                continue
            server = socket.create_connection(self.target)
            self.connections += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self):
        self.down = True
        for end in self.connections:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
        self.connections = []

    def restore(self):
        self.down = False

    def close(self):
        self.cut()
        self.listener.close()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_worker_waits_out_a_database_restart_and_works_on_after_it(settings):
    database = connection.settings_dict
    line = DatabaseLine((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    env = _process_env(WORKER_NAME="patient")
    env["DATABASE_URL"] = env["DATABASE_URL"].replace(f":{database['PORT'] or 5432}/", f":{line.port}/")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        first, _result = _document_waiting_in_the_queue(settings)
        assert _wait_for(lambda: ResourceDocument.objects.get(pk=first.pk).extraction_status == ExtractionStatus.OK)
        line.cut()  # the database restarts
        time.sleep(3)
        assert worker.poll() is None  # still there, waiting
        line.restore()
        second = ResourceDocumentFactory(text="dokumen setelah gangguan")
        assert _wait_for(lambda: ResourceDocument.objects.get(pk=second.pk).extraction_status == ExtractionStatus.OK)
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=30)[0]
        line.close()
    assert "the database cannot be reached" in output, output


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_make_serve_supervises_web_worker_and_schedule_and_brings_a_killed_worker_back(tmp_path, settings):
    """deploy/supervisord.conf as shipped, with only its control socket moved into the test's folder."""
    config = (PROJECT / "deploy" / "supervisord.conf").read_text()
    config = config.replace("%(here)s/../.run", str(tmp_path)).replace("%(here)s/..", str(PROJECT))
    (tmp_path / "supervisord.conf").write_text(config)
    port = _free_port()
    env = _process_env(PORT=str(port), WEB_CONCURRENCY="1", PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    supervisor = subprocess.Popen(
        [Path(sys.executable).parent / "supervisord", "-c", tmp_path / "supervisord.conf"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )

    def status():
        out = subprocess.run(
            [Path(sys.executable).parent / "supervisorctl", "-c", tmp_path / "supervisord.conf", "status"],
            capture_output=True,
            text=True,
            env=env,
        ).stdout
        return {line.split()[0]: line for line in out.splitlines() if line.strip()}

    def web_answers():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as http:
                http.sendall(b"GET /healthz/ HTTP/1.0\r\nHost: localhost\r\n\r\n")
                return b" 200 " in http.recv(200)
        except OSError:
            return False

    try:
        assert _wait_for(lambda: all("RUNNING" in line for line in status().values()) and len(status()) == 3)
        assert _wait_for(web_answers)
        worker_pid = int(status()["worker"].split("pid ")[1].split(",")[0])
        os.kill(worker_pid, signal.SIGKILL)
        assert _wait_for(
            lambda: "RUNNING" in status().get("worker", "") and f"pid {worker_pid}," not in status()["worker"]
        )
        # The new worker works: a document uploaded now is read.
        document, _result = _document_waiting_in_the_queue(settings)
        assert _wait_for(lambda: ResourceDocument.objects.get(pk=document.pk).extraction_status == ExtractionStatus.OK)
        assert ScheduledJob.objects.count() == len(django_settings.SCHEDULE)  # the schedule ran its jobs
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.communicate(timeout=60)


# --- The database down: 503 -----------------------------------------------------------------------------------


def _get_with_database_at(host, port, path, **options):
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST=host, PORT=str(port))
    connection.settings_dict["OPTIONS"] = {**saved.get("OPTIONS", {}), **options}
    try:
        started = time.monotonic()
        response = Client(raise_request_exception=False).get(path)
        return response, time.monotonic() - started
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_with_the_database_stopped_pages_answer_503_with_retry_after_in_both_languages(home):
    response, _seconds = _get_with_database_at("127.0.0.1", 1, "/")  # nothing listens there
    assert response.status_code == 503 and response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Basis data kami sedang tidak dapat dihubungi" in page and 'lang="en"' in page
    assert Client().get("/").status_code in (200, 302)  # and back by itself


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_hung_database_fails_the_request_in_seconds_instead_of_freezing_the_site(home):
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(8)  # accepts connections and never says a word, like a frozen server
    try:
        response, seconds = _get_with_database_at("127.0.0.1", hung.getsockname()[1], "/", connect_timeout=2)
    finally:
        hung.close()
    assert response.status_code == 503
    assert seconds < 10


def test_the_production_settings_time_out_a_database_that_does_not_answer():
    options = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; import django; django.setup(); "
            "print(settings.DATABASES['default']['OPTIONS'])",
        ],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/any",
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'connect_timeout': 5" in options and "statement_timeout=30000" in options


# --- Errors reach people, once -------------------------------------------------------------------------------


def test_admins_hear_of_each_kind_of_error_once_every_ten_minutes():
    now = [1000.0]
    throttle = OncePerInterval(seconds=600, clock=lambda: now[0])

    def record(message, error=None):
        exc_info = (type(error), error, None) if error else None
        return logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, ("/x",), exc_info)

    down = ConnectionError("refused")
    assert throttle.filter(record("%s", down))
    assert not throttle.filter(record("%s", down))  # the same outage, the next request
    assert throttle.filter(record("%s", ValueError("other")))  # another kind of error
    now[0] += 11 * 60
    assert throttle.filter(record("%s", down))


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_slow_upload_outlasting_the_worker_timeout_is_received_whole(home):
    """deploy/gunicorn.conf.py, with a 2-second worker timeout: an upload trickling in over 5 seconds (a phone on a
    slow line) still gets its answer, where gunicorn's default sync workers would be killed mid-request."""
    port = _free_port()
    server = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "website.wsgi:application", "--config", "deploy/gunicorn.conf.py"],
        cwd=PROJECT,
        env=_process_env(PORT=str(port), HOST="127.0.0.1", WEB_CONCURRENCY="1", GUNICORN_TIMEOUT="2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:

        def listening():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return True
            except OSError:
                return False

        assert _wait_for(listening)
        # A form that Django reads to its end (the CSRF token comes last), padded to 250 KB.
        token = "a" * 32
        body = b"next=/&language=en&pad=" + b"x" * 250_000 + f"&csrfmiddlewaretoken={token}".encode()
        with socket.create_connection(("127.0.0.1", port), timeout=30) as upload:
            upload.sendall(
                b"POST /i18n/setlang/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + f"Cookie: csrftoken={token}\r\nContent-Type: application/x-www-form-urlencoded\r\n".encode()
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
            )
            started = time.monotonic()
            for start in range(0, len(body), 25_000):  # eleven pieces, half a second apart
                upload.sendall(body[start : start + 25_000])
                time.sleep(0.5)
            answer = upload.recv(100)
        assert time.monotonic() - started > 4
        assert answer.startswith(b"HTTP/1.1 302 "), answer  # the language was set: the whole form arrived
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)


def test_error_reports_to_admins_name_the_form_fields_and_hide_what_was_typed(rf, settings):
    settings.ADMINS = [("Tim Teknis", "teknis@example.org")]
    request = rf.post("/daftar/", {"name": "Dewi Anggraini", "phone": "0812-555", "password": "rahasia"})
    try:
        raise ValueError("a bug")
    except ValueError:
        from django.views.debug import ExceptionReporter

        report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert "phone" in report and "password" in report
    assert "Dewi Anggraini" not in report and "0812-555" not in report and "rahasia" not in report
