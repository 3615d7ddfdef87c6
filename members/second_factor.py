"""The second factor of those who need one (`core.access.needs_second_factor`): an authenticator app (TOTP) and
single-use recovery codes, both django-otp devices of the account."""

import re
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.ratelimit import RateLimit

AUTHENTICATOR = "authenticator"
RECOVERY_CODES = "recovery codes"

# Tries per account in a quarter of an hour (right ones too: the one that is right ends the tries).
tries = RateLimit("second-factor", settings.SECOND_FACTOR_TRIES, period=15 * 60)


def has_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


PENDING_SESSION_KEY = "second_factor_pending"


def pending_authenticator(user, session, create=True):
    """The authenticator being set up in this session: the same key on every visit to the set-up page from this
    session until it is confirmed. A new one (`create`) throws away the keys shown in any other session (someone
    else who knows the password, say), so a copied key never becomes the account's authenticator."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, pk=session.get(PENDING_SESSION_KEY)).first()
    if device is None and create:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)
        session[PENDING_SESSION_KEY] = device.pk
    return device


def secret(device):
    """The key as authenticator apps take it when typed in: base32, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_svg(device, title):
    return segno.make(device.config_url, micro=False, error="m").svg_inline(scale=4, title=title)


@transaction.atomic
def confirm_authenticator(device):
    """Make `device` the account's only authenticator."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


@transaction.atomic
def new_recovery_codes(user):
    """Replace the account's recovery codes with SECOND_FACTOR_RECOVERY_CODES new ones, each usable once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_CODES, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.SECOND_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def check(user, code):
    """The device `code` belongs to, or None: six digits are tried on the authenticator, anything else as a
    recovery code (which is then used up). Each device counts its wrong codes and makes the next try wait longer."""
    model = TOTPDevice if re.fullmatch(r"[0-9]{6}", code) else StaticDevice
    for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
        if device.verify_token(code):
            return device
    return None


@transaction.atomic
def reset(user):
    """Remove every second-factor device of `user`: they set up a new authenticator at their next login."""
    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    return count
