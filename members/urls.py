"""Account URLs, under the language prefix (none for Bahasa Indonesia, /en/ for English): /akun/..."""

from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("masuk/", views.login, name="login"),
    path("keluar/", views.logout_view, name="logout"),
    path("lupa-sandi/", views.password_reset, name="password_reset"),
    path("lupa-sandi/terkirim/", views.password_reset_done, name="password_reset_done"),
    path("atur-sandi/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("atur-sandi/selesai/", views.password_reset_complete, name="password_reset_complete"),
    path("ganti-email/", views.email_change, name="email_change"),
    path("ganti-email/<str:token>/", views.email_confirm, name="email_confirm"),
    path("unduh-data/", views.data_export, name="data_export"),
    path("hapus-akun/", views.account_delete, name="account_delete"),
    path("verifikasi/", views.second_factor_verify, name="second_factor"),
    path("verifikasi/atur/", views.second_factor_setup, name="second_factor_setup"),
    path("verifikasi/kode-cadangan/", views.recovery_codes, name="recovery_codes"),
]
