from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from members import second_factor
from members.models import normalise_email


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Remove the second factor (authenticator and recovery codes) of the account with this e-mail address, "
            "for someone who lost their phone: they set up a new one at their next login."
        )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            user = get_user_model().objects.get(email__iexact=normalise_email(email))
        except get_user_model().DoesNotExist:
            raise CommandError(gettext("No account has the e-mail address %(email)s.") % {"email": email}) from None
        count = second_factor.reset(user)
        self.stdout.write(
            gettext("Removed %(count)d second-factor device(s) of %(email)s.") % {"count": count, "email": user.email}
        )
