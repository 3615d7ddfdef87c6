"""URLs of the alumni introductions; included by alumni/urls.py under the "alumni" namespace."""

from django.urls import path, re_path

from .introductions import answer_introduction, introduction_sent, request_introduction

urlpatterns = [
    path("perkenalan/terkirim/", introduction_sent, name="introduction_sent"),
    re_path(r"^perkenalan/jawab/(?P<token>[-\w]{20,64})/$", answer_introduction, name="introduction_answer"),
    re_path(r"^perkenalan/(?P<public_id>[-\w]{1,32})/$", request_introduction, name="introduce"),
]
