"""The site's answer when something fails on the server.

When the database cannot be reached (stopped, restarting, hung past its connect timeout), the visitor gets 503 with
Retry-After and a bilingual page that says so, not 500: the fault is passing, the load balancer and crawlers know to
come back, and the site recovers by itself once the database answers. Both pages are static: they render with no
database, no cache and no session.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 60


def database_unreachable(error):
    """True for the errors of a database that cannot be reached, not for a query's own error."""
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    # psycopg wraps a dropped connection in a plain DatabaseError on some paths.
    return isinstance(error, DatabaseError) and "connection" in str(error).lower()


@requires_csrf_token
def server_error(request):
    error = sys.exc_info()[1]
    if database_unreachable(error):
        response = HttpResponseServerError(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
