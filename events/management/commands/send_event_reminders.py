"""E-mail confirmed registrants of the events that start tomorrow; run it from cron, as often as you like."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from events.registration import due_reminders, send_reminders


class Command(BaseCommand):
    @property
    def help(self):
        # A property, so the text is translated when asked for: argparse cannot handle a lazy translation.
        return gettext(
            "Send a reminder e-mail to every confirmed registrant of the events that start tomorrow (Asia/Jakarta "
            "dates). Each person gets it once, however often the command runs, even two runs at the same time."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext("List who would get a reminder; send nothing.")
        )

    def handle(self, *args, **options):
        now = timezone.now()
        if options["dry_run"]:
            due = list(due_reminders(now))
            for registration in due:
                self.stdout.write(f"{registration.event.title}: {registration.name} <{registration.email}>")
            self.stdout.write(
                ngettext(
                    "Dry run: %(count)d reminder would be sent.",
                    "Dry run: %(count)d reminders would be sent.",
                    len(due),
                )
                % {"count": len(due)}
            )
            return
        sent = send_reminders(now)
        self.stdout.write(
            ngettext("%(count)d reminder sent.", "%(count)d reminders sent.", len(sent)) % {"count": len(sent)}
        )
