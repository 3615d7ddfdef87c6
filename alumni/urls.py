"""The alumni section's public URLs, under the language prefix (none for Bahasa Indonesia, /en/ for English)."""

from django.urls import path, re_path

from .views import account, directory, introductions

app_name = "alumni"
urlpatterns = [
    # The directory
    path("", directory.directory, name="directory"),
    path("saran/", directory.autocomplete, name="autocomplete"),
    path("profil/<str:public_id>/", directory.profile, name="profile"),
    path("foto/<str:public_id>/", directory.photo, name="photo"),
    path("angkatan/", directory.cohort_list, name="cohorts"),
    path("angkatan/<slug:slug>/", directory.cohort_detail, name="cohort"),
    path("organisasi/", directory.organisation_list, name="organisations"),
    path("organisasi/<slug:slug>/", directory.organisation_detail, name="organisation"),
    path("cari-kolaborator/", directory.finder, name="finder"),
    # A member's own profile
    path("klaim/<str:token>/", account.claim, name="claim"),
    path("profil-saya/", account.my_profile, name="my_profile"),
    path("profil-saya/ubah/", account.my_profile_edit, name="my_profile_edit"),
    path("profil-saya/pratinjau/", account.my_profile_preview, name="my_profile_preview"),
    path("profil-saya/sembunyikan/", account.hide_me, name="hide_me"),
    path("profil-saya/tarik-persetujuan/", account.consent_withdraw, name="consent_withdraw"),
    # Introductions
    path("profil-saya/perkenalan/", introductions.inbox, name="introductions"),
    path("profil-saya/perkenalan/<int:pk>/jawab/", introductions.answer_on_site, name="introduction_answer_on_site"),
    path("perkenalan/terkirim/", introductions.introduction_sent, name="introduction_sent"),
    re_path(
        r"^perkenalan/jawab/(?P<token>[-\w]{20,64})/$", introductions.answer_introduction, name="introduction_answer"
    ),
    re_path(r"^perkenalan/(?P<public_id>[-\w]{1,32})/$", introductions.request_introduction, name="introduce"),
]
