"""URLs of the alumni introductions; included by alumni/urls.py under the "alumni" namespace."""

urlpatterns = []
