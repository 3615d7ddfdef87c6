"""URLs of the alumni directory; included by alumni/urls.py under the "alumni" namespace."""

urlpatterns = []
