"""The account of everyone who logs in: alumni, partners, editors and staff. The login is the e-mail address."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager, Group, Permission
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.access import MEMBER_PERMISSION, MEMBERS_GROUP


def normalise_email(address):
    """E-mail addresses are compared without regard to case: stored lower-cased, without surrounding spaces."""
    return (address or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        # Django's login looks accounts up through this: "Ani@Example.org" is ani@example.org.
        return self.get(email__iexact=normalise_email(email))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An account needs an e-mail address.")
        user = self.model(email=normalise_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not (extra_fields["is_staff"] and extra_fields["is_superuser"]):
            raise ValueError("A superuser must be staff and superuser.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account. People log in with their e-mail address, which no two accounts share, whatever its case."""

    username = None
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails this person receives."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        permissions = [("verified_member", _("Verified member: sees members-only profiles and resources"))]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="one_account_per_email",
                violation_error_message=_("An account with this e-mail address already exists."),
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def make_member(self):
        """Verify the account: put it in the members group, which is created with its permission on first use."""
        group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
        app_label, codename = MEMBER_PERMISSION.split(".")
        group.permissions.add(Permission.objects.get(codename=codename, content_type__app_label=app_label))
        self.groups.add(group)
        for cache in ("_perm_cache", "_group_perm_cache", "_user_perm_cache"):
            self.__dict__.pop(cache, None)
