"""The personal data each app holds about an account, for the rights UU PDP No. 27/2022 gives: a copy of everything
("download my data") and erasure ("delete my account").

Apps register what they hold from their AppConfig.ready(), so accounts never import the apps:

    personal_data.register("profile", export=export_profile, erase=erase_profile)

`export(user)` returns JSON-ready data (or None when the app holds nothing about the user); `erase(user)` removes
it and runs inside the transaction that deletes the account, before the account itself goes. `erase` may return a
function to call once that transaction is committed, for what a rollback cannot undo (deleting files).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.access import is_member

from . import lockout


@dataclass(frozen=True)
class Holder:
    key: str
    export: Callable
    erase: Callable | None = None


_holders: dict[str, Holder] = {}


def register(key, *, export, erase=None):
    _holders[key] = Holder(key, export, erase)


def holders():
    return list(_holders.values())


def iso(value):
    return value.isoformat() if value else None


def export_data(user):
    """Everything held about `user` as a JSON-ready dict, and nothing about anyone else. No password hash."""
    data = {
        "generated_at": iso(timezone.now()),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
            "verified_member": is_member(user),
            "groups": list(user.groups.values_list("name", flat=True)),
        },
    }
    for holder in _holders.values():
        data[holder.key] = holder.export(user)
    return data


def erase_held_data(user):
    """Erase what every app holds about `user` (not the account itself), in the caller's transaction. Returns what
    must wait until that transaction has committed (removing files), to call then."""
    cleanups = []
    for holder in _holders.values():
        if holder.erase is not None and (cleanup := holder.erase(user)) is not None:
            cleanups.append(cleanup)
    lockout.forget(user.email)
    return cleanups


def delete_account(user):
    """Erase what every app holds about `user`, then the account: all of it, or (on an error) nothing."""
    with transaction.atomic():
        cleanups = erase_held_data(user)
        get_user_model().objects.filter(pk=user.pk).delete()
    for cleanup in cleanups:
        cleanup()
