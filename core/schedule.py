"""What production runs by itself besides answering requests: the schedule, and the care of the task queue.

`manage.py run_schedule` (started by `make serve` beside the web server and the worker) runs the jobs of
settings.SCHEDULE, each a management command with how often it runs, so each can also be run by hand or from cron.
A job's turn is claimed with one conditional UPDATE of its `ScheduledJob` row: several app servers, each running
the schedule, still run every turn once. A failing job is logged as an error (ADMINS, Sentry) and runs again at its
next turn; the schedule itself waits out database outages.

`manage.py run_worker` is django-tasks' `db_worker` under a stable worker id: when the supervisor brings a dead
worker back, it first puts back in the queue the tasks it was running when it died, and a database restart makes it
wait and reconnect instead of exiting. Tasks left running by a worker that never comes back are put back by the
`recover_tasks` job once they have run longer than TASK_STUCK_MINUTES.
"""

import io
import logging
import os
import signal
import socket
import time
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from .models import ScheduledJob

logger = logging.getLogger(__name__)


# --- The schedule ----------------------------------------------------------------------------------------------


def claim(name, every, now):
    """True when this process takes the job's turn now; the next turn is then `every` seconds later (a changed
    interval takes effect after the turn already planned)."""
    ScheduledJob.objects.get_or_create(name=name, defaults={"next_run_at": now})
    return bool(
        ScheduledJob.objects.filter(name=name, next_run_at__lte=now).update(
            next_run_at=now + timedelta(seconds=every), last_started_at=now
        )
    )


def run_job(name, command):
    """Run one job's command; a failure is logged and kept on its row, never raised."""
    output = io.StringIO()
    error = ""
    try:
        call_command(*command, stdout=output, stderr=output)
    except Exception as exc:  # a job's bug or a dependency's outage must not stop the other jobs
        logger.exception("Scheduled job %s failed", name)
        error = f"{exc.__class__.__name__}: {exc}"
    else:
        logger.info("Scheduled job %s: %s", name, output.getvalue().strip() or "done")
    ScheduledJob.objects.filter(name=name).update(last_finished_at=timezone.now(), last_error=error)
    return not error


def run_due(now=None):
    """Run every job whose turn has come; returns their names."""
    ran = []
    for name, job in settings.SCHEDULE.items():
        if claim(name, job["every"], now or timezone.now()):  # the clock read again for each job
            run_job(name, job["command"])
            ran.append(name)
    return ran


def run_forever(tick=30):
    """Check the schedule every `tick` seconds until stopped; a database outage is waited out."""
    logger.info("Schedule started: %s", ", ".join(settings.SCHEDULE))
    while True:
        close_old_connections()
        try:
            run_due()
        except DatabaseError as error:
            logger.warning("Schedule: the database cannot be reached (%s); trying again in %d s", error, tick)
        close_old_connections()
        time.sleep(tick)


def schedule_state(now=None):
    """For /healthz/: "ok", "late (N s)" when a job's turn is overdue by more than HEALTH_MAX_QUEUE_SECONDS (the
    schedule is not running), or "not started" when it never ran on this database."""
    now = now or timezone.now()
    oldest = ScheduledJob.objects.filter(name__in=list(settings.SCHEDULE)).order_by("next_run_at").first()
    if oldest is None:
        return "not started"
    late = (now - oldest.next_run_at).total_seconds()
    return "ok" if late <= settings.HEALTH_MAX_QUEUE_SECONDS else f"late ({int(late)} s)"


# --- The task worker -------------------------------------------------------------------------------------------


def uses_database_tasks():
    return "DatabaseBackend" in settings.TASKS["default"]["BACKEND"]


def worker_id():
    """Stable across restarts of the same worker: the host's name and WORKER_NAME (one per worker on a host)."""
    return f"{socket.gethostname()}-{os.environ.get('WORKER_NAME', 'worker')}"[:64]


class TaskAbandoned(Exception):
    """A task whose worker died under it TASK_MAX_ATTEMPTS times: it is not run again (it may be what kills it)."""


def requeue(results):
    """Put task results back in the queue, to be run again from the start; those already started TASK_MAX_ATTEMPTS
    times are marked failed instead, so one file that crashes the worker cannot crash it for ever."""
    from django_tasks.base import TaskResultStatus

    requeued = 0
    for result in results:
        # Only while it is still running: a slow worker that finished it meanwhile keeps its result.
        still_running = type(result).objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING)
        if len(result.worker_ids) < settings.TASK_MAX_ATTEMPTS:
            requeued += still_running.update(status=TaskResultStatus.READY, started_at=None)
        elif still_running.update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path=f"{TaskAbandoned.__module__}.{TaskAbandoned.__qualname__}",
            traceback=f"Its worker stopped during each of {len(result.worker_ids)} attempts.",
        ):
            logger.error("Task %s (%s) abandoned: its worker stopped during each attempt", result.pk, result.task_path)
    return requeued


def recover_own_tasks(worker):
    """Tasks that this worker (same id) was running when it died: back in the queue."""
    from django_tasks_db.models import DBTaskResult

    mine = [
        result for result in DBTaskResult.objects.running() if result.worker_ids and result.worker_ids[-1] == worker
    ]
    return requeue(mine)


def recover_stuck_tasks(now=None):
    """Tasks running for longer than TASK_STUCK_MINUTES (their worker died and did not come back): back in the
    queue. Every task of the site may safely run twice (e-mails are claimed before sending, text extraction and
    indexing overwrite)."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    limit = now - timedelta(minutes=settings.TASK_STUCK_MINUTES)
    return requeue(DBTaskResult.objects.running().filter(started_at__lt=limit))


def run_worker(wait=5, max_wait=60):
    """Run the task worker until it is stopped; a database outage is waited out with growing pauses."""
    worker = worker_id()
    if not uses_database_tasks():
        logger.info(
            "Tasks run in the web process (TASKS_BACKEND=%s): this worker has nothing to do", settings.TASKS_BACKEND
        )
        signal.pause()
        return
    pause = wait
    while True:
        close_old_connections()
        try:
            recovered = recover_own_tasks(worker)
            if recovered:
                logger.warning(
                    "Worker %s: %d task(s) it was running when it stopped are queued again", worker, recovered
                )
            pause = wait
            call_command("db_worker", worker_id=worker, queue_name="*", reload=False)
            return  # stopped by a signal
        except DatabaseError as error:
            logger.warning("Worker %s: the database cannot be reached (%s); trying again in %d s", worker, error, pause)
            time.sleep(pause)
            pause = min(pause * 2, max_wait)
