"""URLs of the alumni accounts; included by alumni/urls.py under the "alumni" namespace."""

urlpatterns = []
