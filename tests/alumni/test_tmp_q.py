import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.alumni.test_directory import _make_profiles
from tests.factories.alumni import CohortFactory, OrganisationFactory

@pytest.mark.django_db
def test_q(client, member, home):
    _make_profiles(3, CohortFactory(), OrganisationFactory())
    client.force_login(member)
    client.get("/alumni/")
    with CaptureQueriesContext(connection) as q:
        client.get("/alumni/", {"q": "contoh", "topic": "deteksi-dini"})
    for x in q.captured_queries: print(x["sql"][:230])
