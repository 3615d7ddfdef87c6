"""URLs of the alumni accounts; included by alumni/urls.py under the "alumni" namespace."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import accounts, photos
from .forms_accounts import LoginForm, PasswordResetForm, SetPasswordForm

EMAIL = "alumni/email/account_password_reset"

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            template_name="alumni/account/login.html", authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "lupa-sandi/",
        auth_views.PasswordResetView.as_view(
            template_name="alumni/account/password_reset.html",
            form_class=PasswordResetForm,
            email_template_name=f"{EMAIL}.txt",
            html_email_template_name=f"{EMAIL}.html",
            subject_template_name=f"{EMAIL}_subject.txt",
            success_url=reverse_lazy("alumni:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(template_name="alumni/account/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "atur-sandi/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="alumni/account/password_reset_confirm.html",
            form_class=SetPasswordForm,
            success_url=reverse_lazy("alumni:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "atur-sandi/selesai/",
        auth_views.PasswordResetCompleteView.as_view(template_name="alumni/account/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("klaim/<str:token>/", accounts.claim, name="claim"),
    path("profil-saya/", accounts.my_profile, name="my_profile"),
    path("profil-saya/ubah/", accounts.my_profile_edit, name="my_profile_edit"),
    path("profil-saya/pratinjau/", accounts.my_profile_preview, name="my_profile_preview"),
    path("profil-saya/sembunyikan/", accounts.hide_me, name="hide_me"),
    path("profil-saya/tarik-persetujuan/", accounts.consent_withdraw, name="consent_withdraw"),
    path("profil-saya/ganti-email/", accounts.email_change, name="email_change"),
    path("profil-saya/ganti-email/<str:token>/", accounts.email_confirm, name="email_confirm"),
    path("profil-saya/unduh-data/", accounts.data_export, name="data_export"),
    path("profil-saya/hapus-akun/", accounts.account_delete, name="account_delete"),
    path("foto/<str:public_id>/", photos.photo, name="photo"),
]
