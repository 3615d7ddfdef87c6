"""Deleting accounts in Wagtail's Users admin erases what the apps hold about them, as "delete my account" does."""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail import hooks

from . import personal_data


def _erase(user):
    for cleanup in personal_data.erase_held_data(user):
        transaction.on_commit(cleanup)


@hooks.register("before_delete_user")
def erase_the_deleted_users_data(request, user):
    if request.method == "POST":  # the hook runs for the confirmation page too
        _erase(user)


@hooks.register("before_bulk_action")
def erase_the_data_of_users_deleted_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "delete":
        for user in objects:
            if isinstance(user, get_user_model()):
                _erase(user)
