"""/healthz/ against the machine's real services: the database, Redis at a port where nothing listens, a task queue
nobody works off."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from core import mail


def health(client):
    response = client.get("/healthz/")
    return response.status_code, response.json()


@pytest.mark.django_db
def test_a_healthy_site_says_so(client):
    assert health(client) == (
        200,
        {"status": "ok", "database": "ok", "cache": "ok", "worker": "not used", "schedule": "not started"},
    )


@pytest.mark.django_db
def test_with_the_cache_down_the_site_still_serves_and_says_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6399/0",  # nothing listens there
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6399/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    status, checks = health(client)
    assert (status, checks["cache"], checks["database"]) == (200, "down", "ok")


@pytest.mark.django_db
def test_a_worker_that_does_not_keep_up_is_reported_late(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=10)):
        mail.send("a@example.org", "members/email/email_changed", {"name": "A", "when": timezone.now()})
    status, checks = health(client)
    assert status == 200 and checks["worker"].startswith("late (")
    settings.HEALTH_MAX_QUEUE_SECONDS = 3600
    assert health(client)[1]["worker"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_with_the_database_unreachable_the_answer_is_503_with_retry_after(client):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database server to lose: the test's SQLite database lives in memory")
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="1")  # nothing listens there
    try:
        response = client.get("/healthz/")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response.json() == {
        "status": "failing",
        "database": "down",
        "cache": "ok",
        "worker": "unknown",
        "schedule": "unknown",
    }
