"""Send the e-mails that are due: retries whose pause is over, and e-mails whose worker died while sending."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext, ngettext

from core import mail


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Send every queued e-mail that is due now (retries whose pause is over, and e-mails a stopped worker "
            "left behind). The task worker does this by itself; run this from the schedule as a safety net."
        )

    def handle(self, *args, **options):
        count = mail.send_due()
        self.stdout.write(ngettext("%(count)d e-mail tried.", "%(count)d e-mails tried.", count) % {"count": count})
