"""gunicorn's settings for production (`make serve`, the Procfile and the systemd unit all use this file).

Threaded workers (gthread): a request that takes long, such as an upload at the size limit on a slow phone
connection, holds one thread, not the whole worker, and is not cut at the worker timeout, which only catches a
worker that stopped answering its master. Put a buffering proxy (deploy/nginx.conf) in front all the same: it
receives slow uploads in full before they reach the app.
"""

import os

# Only the proxy on this machine reaches gunicorn (it trusts X-Forwarded-* headers, which anyone else could forge);
# HOST=0.0.0.0 where the proxy or load balancer is on another host (firewall the port to it) or on a platform.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# Memory a worker may have leaked is given back now and then (jitter: the workers do not all restart at once). Pages
# served from the page cache are cheap (a worker serves 2,000 a second), and a new worker warms up for a second or two
# before it answers: the count is high, so that a worker lives minutes, not seconds, under load.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "500000"))
max_requests_jitter = max_requests // 10


def post_worker_init(worker):
    """Each worker warms up (core.warmup) before it takes a request, so its first visitor, also after a restart or a
    reload (HUP loads new code), waits no longer than its thousandth."""
    from core.warmup import warm_up

    warm_up(worker.wsgi)


# gunicorn 27's control socket (in the home folder) is not used: supervisord or systemd controls the server.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
