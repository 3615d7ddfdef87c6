"""Secret links: a random token goes into the e-mailed URL, only its SHA-256 hash into the database, so a leaked
database gives no working link."""

import hashlib
import secrets


def new_token():
    return secrets.token_urlsafe(32)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()
