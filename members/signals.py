from django.dispatch import Signal

# Sent inside the transaction that changes an account's e-mail address (arguments: user, old_email), so that apps
# keeping the address elsewhere (an alumni profile) follow.
email_changed = Signal()
