"""Who may see what: who is a member, and which pages and document collections a viewer may open.

The one policy for pages and documents, used by listings, search, feeds, sitemaps and downloads alike.
"Members only" (Wagtail's login restriction) means verified members: staff, and accounts staff verified (put in the
group "Anggota terverifikasi", which holds the permission below), not any account that can log in. People in the
directory have a policy of their own (`alumni.policy`), built on `is_member`.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from .content_version import remember

# Declared by the accounts app's user model (members.User); named here by string, so the kernel imports no app.
MEMBER_PERMISSION = "members.verified_member"
MEMBERS_GROUP = "Anggota terverifikasi"


def is_member(user):
    """A logged-in alumnus or partner account verified by staff (or staff themselves)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.is_superuser or MEMBER_PERMISSION in permissions(user)


def permissions(user):
    """`user`'s permissions ("app.codename", their own and their groups'), kept under the content version (giving or
    taking a permission or a group is a write): every page asks whether its viewer is a member and whether they owe a
    second factor, which would otherwise cost two queries a page."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    return remember(f"permissions:{user.pk}", lambda: frozenset(user.get_all_permissions()))


def is_staff(user):
    return user is not None and user.is_authenticated and user.is_active and user.is_staff


def _accepts(restriction, user):
    if restriction.restriction_type == restriction.LOGIN:
        return is_member(user)
    if restriction.restriction_type == restriction.GROUPS:
        return user.is_authenticated and bool(_group_ids(user) & {group.pk for group in restriction.groups.all()})
    return False  # password-protected pages are never listed


def page_restrictions():
    """Every page view restriction, with its page and groups. A page and its listings ask several times each; the
    restrictions change only by a write, so they are kept under the content version."""
    return remember(
        "page-view-restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
    )


def restrictions_of(page):
    """The view restrictions on `page` and its ancestors, as Wagtail's `Page.get_view_restrictions` finds them, or
    None when `page` or an ancestor is an alias: an alias follows its source's restrictions, which the path does not
    show."""
    aliases = remember(
        "alias-page-paths", lambda: list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    )
    if any(page.path.startswith(path) for path in aliases):
        return None
    return [restriction for restriction in page_restrictions() if page.path.startswith(restriction.page.path)]


def _group_ids(user):
    # Asked only when a restriction names groups, and kept on the user object for the request, as Django keeps
    # permissions.
    if not hasattr(user, "_access_group_ids"):
        user._access_group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    return user._access_group_ids


def public_pages(queryset):
    """`queryset.public()`, without reading the restrictions from the database each time."""
    return queryset.exclude(_sections_q(page_restrictions()))


def _sections_q(restrictions):
    # A restricted page's section is itself and its descendants, as Wagtail's `private_q` has it.
    paths = {restriction.page.path for restriction in restrictions}
    return Q(pk__in=[]) if not paths else Q.create([("path__startswith", path) for path in paths], connector=Q.OR)


def viewable_pages(queryset, user):
    """Narrow a page queryset to what `user` may open: public pages, plus members-only pages for members."""
    if user is None or not user.is_authenticated or not user.is_active:
        return public_pages(queryset)
    if user.is_superuser:
        return queryset
    refused = [restriction for restriction in page_restrictions() if not _accepts(restriction, user)]
    return queryset.exclude(_sections_q(refused)) if refused else queryset


def _collection_restrictions():
    """[(restriction, ids of the collection and its descendants)], kept under the content version."""

    def compute():
        restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups")
        return [
            (
                restriction,
                set(
                    Collection.objects.filter(path__startswith=restriction.collection.path).values_list("pk", flat=True)
                ),
            )
            for restriction in restrictions
        ]

    return remember("collection-view-restrictions", compute)


def hidden_collection_ids(user):
    """Ids of document collections `user` may not download from."""
    user = user or AnonymousUser()
    if user.is_superuser:
        return set()
    hidden = set()
    for restriction, collection_ids in _collection_restrictions():
        if not _accepts(restriction, user):
            hidden.update(collection_ids)
    return hidden


def _refuses(restrictions, user):
    if not user.is_authenticated or user.is_superuser:
        return False
    restrictions = [r for r in restrictions if r.restriction_type in {r.LOGIN, r.GROUPS}]
    if not restrictions:  # most pages: no query for the user's groups
        return False
    return any(not _accepts(restriction, user) for restriction in restrictions)


def page_restriction_refuses(page, user):
    """True when a logged-in `user` may not open `page`: a login restriction and no member, or a groups restriction
    and none of its groups. Wagtail sends such a person to the login page, which, seeing them logged in, would send
    them straight back: they get a "no access" answer (403) instead. Anonymous visitors go to the login as usual."""
    return _refuses(page.get_view_restrictions(), user)


def collection_restriction_refuses(collection, user):
    """The same for a document in a restricted collection."""
    return _refuses(collection.get_view_restrictions(), user)


# Models whose rows name people (named by string, as above): seeing, changing or exporting any of them takes a
# second factor. Wagtail's admin lists a model to anyone holding one of its add/change/delete/view permissions.
PERSONAL_DATA_MODELS = (
    "alumni.profile",
    "alumni.introduction",
    "alumni.claiminvitation",
    "alumni.consentrecord",
    "alumni.auditlog",
    "events.registration",
    "members.user",
)
PERSONAL_DATA_PERMISSIONS = frozenset(
    f"{model.split('.')[0]}.{action}_{model.split('.')[1]}"
    for model in PERSONAL_DATA_MODELS
    for action in ("add", "change", "delete", "view")
) | {"events.export_registration"}


def needs_second_factor(user):
    """Whether `user` must confirm a login with a second factor: everyone who can see or export personal data
    (superusers, staff, and holders of a permission on a model above). Verified members are not asked: the
    directory shows them only what people chose to show members."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return not PERSONAL_DATA_PERMISSIONS.isdisjoint(permissions(user))
