"""A member's own events, in the account area (under the language prefix): /akun/acara-saya/..."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("acara-saya/", views.my_events, name="my_events"),
    path("acara-saya/<int:pk>/batal/", views.my_event_cancel, name="my_event_cancel"),
]
