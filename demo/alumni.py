"""Demo alumni: two cohorts of the Sekolah Demokrasi Hybrid, 62 fictional profiles, organisations, introductions.

Every person is fictional and marked "(contoh)". E-mail addresses are on example.org and example.com, phone numbers
in the unused +62 812-0000-xxxx range, links on example.org. The profiles cover every visibility combination: each
profile visibility (hidden, members, public) with each field (photo, e-mail, phone, social links) shown to each
audience (nobody, members, everyone). Visible profiles are claimed by a verified member account and have their
consent on record; hidden ones are unclaimed imports, people who chose to stay hidden, or withdrew their consent.

The cohorts, organisations, introductions and the word lists the profiles are made from (names, bios, topics,
languages, roles) are in demo/data/alumni.yaml; this module mixes them into profiles, deterministically.

`load(stats, modules)` creates what is missing and never changes what exists: a claimed profile belongs to its
owner, and a re-run must not undo their choices. Objects are found again by cohort and organisation slugs and by
profile external ids. `profile_specs()` is plain data, so tests can read the intended mix without a database.
"""

import hashlib
import random
import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from wagtail.search import index

from alumni.models import (
    Audience,
    Cohort,
    ConsentRecord,
    HelpOffer,
    HelpType,
    Introduction,
    Membership,
    Organisation,
    Profile,
    Sector,
    Visibility,
)
from core.models import Region
from demo.content import read
from demo.images import CREAM, TEAL, TEAL_DARK, TERRACOTTA

WIB = ZoneInfo("Asia/Jakarta")

DATA = read("alumni")
# The demo member login (its password is handled by load_demo_content, like the admin's).
MEMBER_PROFILE = DATA["member_login"]["profile"]
MEMBER_EMAIL = DATA["member_login"]["email"]
COHORTS = DATA["cohorts"]
# P3M and INFID run the programme (they organise the demo events); the ten others are fictional.
ORGANISATIONS = DATA["organisations"]
FICTIONAL_ORGANISATIONS = [spec["key"] for spec in ORGANISATIONS if spec["key"] not in ("p3m", "infid")]
# Per sector: the first sentence of the bio, and where such a person is likely to be a member.
SECTOR_BIOS = {Sector(sector): spec["bio"] for sector, spec in DATA["sectors"].items()}
SECTOR_ORGANISATIONS = {Sector(sector): spec["organisations"] for sector, spec in DATA["sectors"].items()}
SECTORS = list(Sector)
# Half of the people are public, so that visitors see a network; a quarter each show themselves to members only
# or stay hidden.
VISIBILITIES = [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PUBLIC, Visibility.HIDDEN]
AUDIENCES = [Audience.NOBODY, Audience.MEMBERS, Audience.PUBLIC]
AVATAR_COLOURS = [TEAL, TEAL_DARK, TERRACOTTA, (84, 56, 110)]


def profile_specs():
    """The 62 demo profiles as plain data, in cohort order: "demo-2023-01" ... "demo-2024-32"."""
    specs = []
    number = 0
    for cohort in COHORTS:
        for position in range(cohort["size"]):
            specs.append(_profile_spec(number, position, cohort))
            number += 1
    names = [spec["full_name"] for spec in specs]
    if len(names) != len(set(names)):
        # Names make the e-mail addresses, so two people of the same name would share an account.
        raise ValueError("Demo alumni names must not repeat: change the number of first or last names.")
    return specs


def _profile_spec(number, position, cohort):
    rng = random.Random(f"demo-alumni-{number}")
    first_names, last_names = DATA["first_names"], DATA["last_names"]
    first, last = first_names[number % len(first_names)], last_names[number * 3 % len(last_names)]
    external_id = f"demo-{cohort['year']}-{position + 1:02d}"
    # The visibility cycles fastest; each field's audience cycles with the profile's rank among its visibility,
    # so every visibility meets every audience of every field.
    visibility, rank = VISIBILITIES[number % 4], number // 4
    region = cohort["regions"][position % len(cohort["regions"])]
    sector = SECTORS[(number + rank) % len(SECTORS)]  # every sector in every visibility
    topics = rng.sample(DATA["topics"], rng.randint(2, 3))
    visible = visibility != Visibility.HIDDEN
    # Hidden profiles: unclaimed imports, owners who chose to stay hidden, owners who withdrew consent.
    consent = "given" if visible else [None, "given", None, "withdrawn"][rank % 4]
    is_member_login = external_id == MEMBER_PROFILE
    email = f"{first}.{last}@example.{'org' if number % 2 else 'com'}".lower()
    candidates = SECTOR_ORGANISATIONS[sector]
    organisations = rng.sample(candidates, 1 if rng.random() < 0.7 else len(candidates))
    return {
        "external_id": external_id,
        "full_name": f"{first} {last} (contoh)",
        "cohort": cohort["year"],
        "regency": region,
        "sector": sector,
        "topics": topics,
        "help_types": rng.sample(list(HelpType), rng.randint(1, 3)),
        "languages": rng.choice(DATA["spoken_languages"]),
        "bio": DATA["bio"].format(
            sector_bio=SECTOR_BIOS[sector].format(region=region),
            year=cohort["year"],
            topic1=topics[0],
            topic2=topics[1],
            ending=rng.choice(DATA["bio_endings"]),
        ),
        "email": MEMBER_EMAIL if is_member_login else email,
        "phone": f"+62 812-0000-{number + 1:04d}",
        "social_links": f"https://example.org/@{first}{last}".lower(),
        "photo": rank % 4 != 3,
        "visibility": visibility,
        "photo_audience": AUDIENCES[rank % 3],
        "email_audience": AUDIENCES[(rank + 1) % 3],
        "phone_audience": AUDIENCES[(rank + 2) % 3],
        "social_audience": AUDIENCES[rank // 3 % 3],
        "claimed": consent is not None,
        "consent": consent,
        "consent_at": datetime.combine(cohort["end_date"] + timedelta(days=7 + position), time(10, 0), tzinfo=WIB),
        "open_to_collaborate": visible and (rank % 3 != 2 or is_member_login),
        "accepts_introductions": visible and (rank % 2 == 0 or is_member_login),
        "organisations": [(key, rng.choice(DATA["roles"])) for key in organisations],
    }


def avatar(name, colour):
    """A 256×256 JPEG of the name's initials on a coloured square (no face: the people are fictional)."""
    img = Image.new("RGB", (256, 256), colour)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    ImageDraw.Draw(img).text((128, 128), initials, font=ImageFont.load_default(size=104), fill=CREAM, anchor="mm")
    out = BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


@dataclass
class DemoAlumni:
    cohorts: dict  # by year
    organisations: dict  # by key
    profiles: dict  # by external id
    member: object  # the demo member's user account


def load(stats, modules=()):
    """Create the missing demo cohorts, organisations, profiles and introductions; `modules` are the curriculum's
    module pages, linked to both cohorts as the modules taught."""
    regions = {region.name: region for region in Region.objects.all()}
    cohorts = {spec["year"]: _ensure_cohort(spec, modules, stats) for spec in COHORTS}
    organisations = {spec["key"]: _ensure_organisation(spec, regions, stats) for spec in ORGANISATIONS}
    demo_profiles = Profile.objects.filter(external_id__startswith="demo-").select_related("user")
    existing = {profile.external_id: profile for profile in demo_profiles}
    profiles = {}
    for spec in profile_specs():
        profile = existing.get(spec["external_id"])
        if profile is None:
            profile = _create_profile(spec, cohorts, organisations, regions, stats)
        profiles[spec["external_id"]] = profile
    _ensure_introductions(profiles, stats)
    return DemoAlumni(cohorts, organisations, profiles, profiles[MEMBER_PROFILE].user)


def _ensure_cohort(spec, modules, stats):
    cohort = Cohort.objects.filter(slug=spec["slug"]).first()
    if cohort is None:
        fields = {name: spec[name] for name in ("name", "slug", "year", "start_date", "end_date", "place")}
        cohort = Cohort(**fields, facilitators=spec["facilitators"], description=spec["description"])
        cohort.modules = list(modules)
        cohort.save()
        stats["cohorts created"] += 1
    return cohort


def _ensure_organisation(spec, regions, stats):
    slug = spec["key"]
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=spec["name"],
            slug=slug,
            org_type=spec["type"],
            website=spec.get("website", f"https://example.org/{slug}" if spec["verified"] else ""),
            description=spec["description"],
            verified=spec["verified"],
            contact_email=f"{slug}@example.org",
        )
        organisation.topics.add(*spec["topics"])
        organisation.regions.set([regions[name] for name in spec["regions"]])
        index.insert_or_update_object(organisation)  # again, now with its topics
        stats["organisations created"] += 1
    return organisation


def _create_profile(spec, cohorts, organisations, regions, stats):
    consented = spec["consent"] == "given"
    profile = Profile(
        external_id=spec["external_id"],
        full_name=spec["full_name"],
        regency=regions[spec["regency"]],
        sector=spec["sector"],
        languages=spec["languages"],
        bio=spec["bio"],
        open_to_collaborate=spec["open_to_collaborate"],
        accepts_introductions=spec["accepts_introductions"],
        user=_ensure_user(spec) if spec["claimed"] else None,
        consent_given_at=spec["consent_at"] if consented else None,
        consent_version=settings.ALUMNI_CONSENT_NOTICE_VERSION if consented else "",
        **{name: spec[name] for name in ("email", "phone", "social_links", "visibility")},
        **{f"{name}_audience": spec[f"{name}_audience"] for name in ("photo", "email", "phone", "social")},
    )
    profile.cohorts = [cohorts[spec["cohort"]]]
    profile.memberships = [
        Membership(organisation=organisations[key], role=role) for key, role in spec["organisations"]
    ]
    profile.help_offers = [HelpOffer(help_type=help_type) for help_type in spec["help_types"]]
    profile.topics.add(*spec["topics"])
    if spec["photo"]:
        colour = AVATAR_COLOURS[len(spec["full_name"]) % len(AVATAR_COLOURS)]
        profile.photo = ContentFile(avatar(spec["full_name"], colour), name="avatar.jpg")
    profile.save()
    # Indexed on post_save, before modelcluster wrote the memberships and topics: index again with them.
    index.insert_or_update_object(profile)
    stats["alumni profiles created"] += 1
    _record_consent(profile, spec)
    return profile


def _ensure_user(spec):
    """The member account of a claimed profile; its password is unusable (only the demo member login has one)."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=spec["email"]).first()
    if user is None:
        first, _, last = spec["full_name"].removesuffix(" (contoh)").partition(" ")
        user = user_model(email=spec["email"], first_name=first, last_name=last)
        user.set_unusable_password()
        user.save()
        user.make_member()
    return user


def _record_consent(profile, spec):
    if spec["consent"] is None:
        return
    choices = {
        "visibility": spec["visibility"],
        **{name: spec[f"{name}_audience"] for name in ("photo", "email", "phone", "social")},
    }
    if spec["consent"] == "withdrawn":
        choices["visibility"] = Visibility.PUBLIC  # what they had chosen before withdrawing
    version = settings.ALUMNI_CONSENT_NOTICE_VERSION
    records = [
        ConsentRecord(
            profile=profile,
            action=ConsentRecord.Action.GIVEN,
            notice_version=version,
            choices=choices,
            created_at=spec["consent_at"],
        )
    ]
    if spec["consent"] == "withdrawn":
        records.append(
            ConsentRecord(
                profile=profile,
                action=ConsentRecord.Action.WITHDRAWN,
                notice_version=version,
                choices={"visibility": Visibility.HIDDEN},
                created_at=spec["consent_at"] + timedelta(days=60),
            )
        )
    ConsentRecord.objects.bulk_create(records)


def _ensure_introductions(profiles, stats):
    """Requests to the demo member and to other alumni who accept introductions, found again by sender e-mail."""
    recipients = [profiles[MEMBER_PROFILE]] + [
        profile
        for key, profile in profiles.items()
        if key != MEMBER_PROFILE and profile.accepts_introductions and profile.visibility != Visibility.HIDDEN
    ]
    now = timezone.now()
    introductions = DATA["introductions"]
    for number, spec in enumerate(introductions):
        # The member gets the first request and the accepted one; the others go to other alumni.
        recipient = recipients[0] if number in (0, len(introductions) - 1) else recipients[number]
        if Introduction.objects.filter(recipient=recipient, sender_email=spec["sender_email"]).exists():
            continue
        created_at = now - timedelta(days=spec["days_ago"])
        Introduction.objects.create(
            recipient=recipient,
            token_hash=hashlib.sha256(secrets.token_bytes(32)).hexdigest(),
            created_at=created_at,
            answered_at=created_at + timedelta(days=1) if spec["status"] != Introduction.Status.PENDING else None,
            **{name: spec[name] for name in ("sender_name", "sender_email", "sender_organisation", "purpose")},
            message=spec["message"],
            status=spec["status"],
        )
        stats["introductions created"] += 1
