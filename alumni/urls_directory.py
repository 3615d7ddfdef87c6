"""URLs of the alumni directory; included by alumni/urls.py under the "alumni" namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.directory, name="directory"),
    path("saran/", views.autocomplete, name="autocomplete"),
    path("profil/<str:public_id>/", views.profile, name="profile"),
    path("angkatan/", views.cohort_list, name="cohorts"),
    path("angkatan/<slug:slug>/", views.cohort_detail, name="cohort"),
    path("organisasi/", views.organisation_list, name="organisations"),
    path("organisasi/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("cari-kolaborator/", views.finder, name="finder"),
]
