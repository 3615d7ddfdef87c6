"""Durable erasure: what stays after a person's data is erased at their request is a keyed hash of their e-mail
address and of their roster id (`ErasedPerson`), so a later roster import reports their row as erased instead of
creating them again. The key is derived from SECRET_KEY: the hashes cannot be matched against a list of addresses
by anyone who only has the database."""

from django.utils.crypto import salted_hmac

from .models import ErasedPerson

KEY_SALT = "alumni.erasure.ErasedPerson"


def normalised_email(email):
    return (email or "").strip().casefold()


def normalised_external_id(external_id):
    return " ".join((external_id or "").split()).casefold()


def digest(kind, value):
    return salted_hmac(KEY_SALT, f"{kind}:{value}", algorithm="sha256").hexdigest()


def _digests(emails=(), external_ids=()):
    pairs = {(ErasedPerson.Kind.EMAIL, normalised_email(email)) for email in emails}
    pairs |= {(ErasedPerson.Kind.EXTERNAL_ID, normalised_external_id(value)) for value in external_ids}
    return {(kind, digest(kind, value)) for kind, value in pairs if value}


def remember(emails=(), external_ids=()):
    """Record that the person with these addresses and roster ids was erased at their request."""
    for kind, value in _digests(emails, external_ids):
        ErasedPerson.objects.get_or_create(kind=kind, digest=value)


def was_erased(email="", external_id=""):
    """Was a person with this e-mail address or roster id erased at their request?"""
    digests = _digests([email], [external_id])
    if not digests:
        return False
    return any(ErasedPerson.objects.filter(kind=kind, digest=value).exists() for kind, value in digests)
