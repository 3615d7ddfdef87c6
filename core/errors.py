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

from .storage import is_disk_full, storage_full_response

RETRY_AFTER_SECONDS = 60


# PostgreSQL's error classes of a server that cannot be reached or is going away: connection exceptions (08) and
# operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now). A statement timeout
# (57014) or a deadlock (40P01) is the query's own fault, not an outage.
UNREACHABLE_SQLSTATES = ("08", "57P")


def database_unreachable(error):
    """True for the errors of a database that cannot be reached, not for a query's own error."""
    if not isinstance(error, DatabaseError):
        return False
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    if sqlstate:
        return sqlstate.startswith(UNREACHABLE_SQLSTATES)
    # No SQLSTATE: the client could not talk to the server at all (refused, timed out, closed, file not openable).
    return isinstance(error, (OperationalError, InterfaceError)) or "connection" in str(error).lower()


@requires_csrf_token
def server_error(request):
    error = sys.exc_info()[1]
    if is_disk_full(error):  # a file write in a view, or a large upload spooled to a full temporary folder
        return storage_full_response()
    if database_unreachable(error):
        response = HttpResponseServerError(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
