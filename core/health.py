"""`/healthz/` for load balancers and monitoring: is the database reachable, does the cache answer, is the task worker
keeping up (how long the oldest due task has waited), is the schedule running (no job's turn long overdue)?

It answers 503 only when the database is down: then this app server cannot serve anyone. A cache outage or a late
worker or schedule is reported with 200 (the pages still work; e-mails wait), for monitoring to alert on.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

from .schedule import schedule_state, uses_database_tasks


@require_GET
@never_cache
def healthz(request):
    checks = {"database": database_state()}
    checks["cache"] = cache_state()
    checks["worker"] = worker_state() if checks["database"] == "ok" else "unknown"
    checks["schedule"] = schedule_state() if checks["database"] == "ok" else "unknown"
    status = 200 if checks["database"] == "ok" else 503
    response = JsonResponse({"status": "ok" if status == 200 else "failing", **checks}, status=status)
    if status == 503:
        response["Retry-After"] = "30"
    return response


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "down"
    return "ok"


def cache_state():
    key = "healthz:probe"
    try:
        value = str(time.monotonic())
        cache.set(key, value, 30)
        return "ok" if cache.get(key) == value else "down"
    except Exception:  # any client error of any cache backend means: not answering
        return "down"


def worker_state():
    """ "ok", "late (N s)" when the oldest due task has waited longer than HEALTH_MAX_QUEUE_SECONDS, or "not used"."""
    if not uses_database_tasks():
        return "not used"
    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    if oldest is None:
        return "ok"
    enqueued_at, run_after = oldest
    due_since = enqueued_at if run_after is None or run_after.year == 9999 else max(enqueued_at, run_after)
    waited = (timezone.now() - due_since).total_seconds()
    return "ok" if waited <= settings.HEALTH_MAX_QUEUE_SECONDS else f"late ({int(waited)} s)"
