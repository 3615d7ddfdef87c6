"""Demo alumni: two cohorts of the Sekolah Demokrasi Hybrid, 62 fictional profiles, organisations, introductions.

Every person is fictional and marked "(contoh)". E-mail addresses are on example.org and example.com, phone numbers
in the unused +62 812-0000-xxxx range, links on example.org. The profiles cover every visibility combination: each
profile visibility (hidden, members, public) with each field (photo, e-mail, phone, social links) shown to each
audience (nobody, members, everyone). Visible profiles are claimed by a verified member account and have their
consent on record; hidden ones are unclaimed imports, people who chose to stay hidden, or withdrew their consent.

`load(stats, modules)` creates what is missing and never changes what exists: a claimed profile belongs to its
owner, and a re-run must not undo their choices. Objects are found again by cohort and organisation slugs and by
profile external ids. `profile_specs()` is plain data, so tests can read the intended mix without a database.
"""

import hashlib
import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
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
from demo.images import CREAM, TEAL, TEAL_DARK, TERRACOTTA

WIB = ZoneInfo("Asia/Jakarta")

# The demo member login (its password is handled by load_demo_content, like the admin's).
MEMBER_PROFILE = "demo-2024-01"
MEMBER_EMAIL = "anggota.demo@example.org"

KOTA_SERANG, CILEGON, KOTA_TANGERANG, TANGSEL = (
    "Kota Serang",
    "Kota Cilegon",
    "Kota Tangerang",
    "Kota Tangerang Selatan",
)
PANDEGLANG, LEBAK, KAB_SERANG, KAB_TANGERANG = (
    "Kabupaten Pandeglang",
    "Kabupaten Lebak",
    "Kabupaten Serang",
    "Kabupaten Tangerang",
)

COHORTS = [
    {
        "name": "Sekolah Demokrasi Hybrid 2023",
        "slug": "sekolah-demokrasi-hybrid-2023",
        "year": 2023,
        "start_date": date(2023, 10, 14),
        "end_date": date(2024, 3, 16),
        "place": "Kota Serang (tatap muka) dan daring",
        "facilitators": "Siti Rahmawati (contoh)\nYohanes Pranata (contoh)\nDewi Kartika Sari (contoh)",
        "description": (
            "Angkatan pertama Sekolah Demokrasi Hybrid: 30 peserta dari Kota Serang, Kota Cilegon, Kota Tangerang, "
            "Kabupaten Pandeglang, dan Kota Tangerang Selatan. Enam modul dalam dua belas pertemuan, tatap muka dan "
            "daring. (Data contoh.)"
        ),
        "regions": [KOTA_SERANG, CILEGON, KOTA_TANGERANG, PANDEGLANG, TANGSEL],
        "size": 30,
    },
    {
        "name": "Sekolah Demokrasi Hybrid 2024",
        "slug": "sekolah-demokrasi-hybrid-2024",
        "year": 2024,
        "start_date": date(2024, 7, 13),
        "end_date": date(2024, 12, 14),
        "place": "Kota Tangerang Selatan (tatap muka) dan daring",
        "facilitators": "Siti Rahmawati (contoh)\nNur Hidayah (contoh)\nAndreas Wicaksono (contoh)",
        "description": (
            "Angkatan kedua: 32 peserta dari delapan kabupaten/kota di Banten, kini juga dari Kabupaten Lebak, "
            "Kabupaten Serang, dan Kabupaten Tangerang. (Data contoh.)"
        ),
        # The three regencies new in 2024 come twice, so that every kabupaten/kota has enough people to show.
        "regions": [
            LEBAK,
            KAB_SERANG,
            KAB_TANGERANG,
            KOTA_SERANG,
            LEBAK,
            KAB_SERANG,
            KAB_TANGERANG,
            CILEGON,
            KOTA_TANGERANG,
            PANDEGLANG,
            TANGSEL,
        ],
        "size": 32,
    },
]

# P3M and INFID run the programme (they organise the demo events); the ten others are fictional.
ORGANISATIONS = [
    {
        "key": "p3m",
        "name": "P3M (Perhimpunan Pengembangan Pesantren dan Masyarakat)",
        "org_type": Organisation.Type.CSO,
        "topics": ["moderasi beragama", "pelatihan", "advokasi kebijakan"],
        "regions": [KOTA_SERANG, TANGSEL, PANDEGLANG, LEBAK],
        "verified": True,
        "description": "Penyelenggara Sekolah Demokrasi Hybrid bersama INFID. (Deskripsi contoh.)",
    },
    {
        "key": "infid",
        "name": "INFID (International NGO Forum on Indonesian Development)",
        "org_type": Organisation.Type.NETWORK,
        "topics": ["advokasi kebijakan", "kohesi sosial"],
        "regions": [KOTA_SERANG, TANGSEL],
        "verified": True,
        "website": "https://www.infid.org/",
        "description": "Mitra penyelenggara Sekolah Demokrasi Hybrid. (Deskripsi contoh.)",
    },
    {
        "key": "pemuda-lintas-iman",
        "name": "Forum Pemuda Lintas Iman Banten (contoh)",
        "org_type": Organisation.Type.NETWORK,
        "topics": ["dialog lintas iman", "kohesi sosial", "moderasi beragama"],
        "regions": [KOTA_SERANG, KAB_SERANG, CILEGON],
        "verified": True,
        "description": "Forum anak muda dari berbagai agama yang menggelar dialog dan kerja bakti bersama.",
    },
    {
        "key": "kajian-demokrasi",
        "name": "Lembaga Kajian Demokrasi Tangerang Raya (contoh)",
        "org_type": Organisation.Type.ACADEMIC,
        "topics": ["advokasi kebijakan", "pemilu 2024"],
        "regions": [KOTA_TANGERANG, TANGSEL, KAB_TANGERANG],
        "verified": True,
        "description": "Pusat kajian kampus yang meneliti kebijakan kerukunan dan kualitas pemilu di daerah.",
    },
    {
        "key": "warga-rukun",
        "name": "Perkumpulan Warga Rukun Cilegon (contoh)",
        "org_type": Organisation.Type.COMMUNITY,
        "topics": ["kohesi sosial", "deteksi dini"],
        "regions": [CILEGON],
        "verified": False,
        "description": "Perkumpulan warga kompleks industri yang menjaga hubungan baik antarpendatang dan warga asli.",
    },
    {
        "key": "penghayat",
        "name": "Komunitas Penghayat Kepercayaan Pandeglang (contoh)",
        "org_type": Organisation.Type.COMMUNITY,
        "topics": ["moderasi beragama", "dialog lintas iman"],
        "regions": [PANDEGLANG, LEBAK],
        "verified": True,
        "description": "Paguyuban penghayat kepercayaan yang memperjuangkan layanan setara bagi anggotanya.",
    },
    {
        "key": "ormas-cahaya",
        "name": "Pemuda Ormas Cahaya Banten (contoh)",
        "org_type": Organisation.Type.ORMAS,
        "topics": ["politisasi SARA", "kontra-narasi"],
        "regions": [KOTA_SERANG, KAB_SERANG, PANDEGLANG],
        "verified": True,
        "description": "Sayap pemuda sebuah ormas keagamaan yang melatih kadernya menangkal politisasi SARA.",
    },
    {
        "key": "kewaspadaan-lebak",
        "name": "Unit Kewaspadaan Dini Kabupaten Lebak (contoh)",
        "org_type": Organisation.Type.GOVERNMENT,
        "topics": ["deteksi dini", "advokasi kebijakan"],
        "regions": [LEBAK],
        "verified": True,
        "description": "Unit pemerintah daerah yang mengoordinasikan kewaspadaan dini dan forum kerukunan.",
    },
    {
        "key": "literasi-digital",
        "name": "Kolektif Literasi Digital Tangsel (contoh)",
        "org_type": Organisation.Type.MEDIA,
        "topics": ["literasi digital", "kontra-narasi"],
        "regions": [TANGSEL, KOTA_TANGERANG],
        "verified": False,
        "description": "Relawan muda yang membuat konten cek fakta dan melatih warga mengenali hoaks.",
    },
    {
        "key": "damai-lebak",
        "name": "Yayasan Damai Lebak (contoh)",
        "org_type": Organisation.Type.CSO,
        "topics": ["penanganan kasus", "kohesi sosial"],
        "regions": [LEBAK, PANDEGLANG],
        "verified": True,
        "description": "Yayasan yang mendampingi warga dalam penyelesaian sengketa antarkelompok lewat dialog.",
    },
    {
        "key": "radio-serang",
        "name": "Radio Komunitas Suara Serang (contoh)",
        "org_type": Organisation.Type.MEDIA,
        "topics": ["literasi digital", "pemilu 2024"],
        "regions": [KOTA_SERANG, KAB_SERANG],
        "verified": False,
        "description": "Radio komunitas yang menyiarkan dialog warga dan informasi pemilu yang damai.",
    },
    {
        "key": "tim-tangguh",
        "name": "Jaringan Tim Tangguh Tangerang Selatan (contoh)",
        "org_type": Organisation.Type.NETWORK,
        "topics": ["deteksi dini", "penanganan kasus"],
        "regions": [TANGSEL],
        "verified": True,
        "description": (
            "Jaringan tim deteksi dini di tingkat kelurahan: Benda Baru, Pondok Kacang Timur, Jombang, dan Muncul."
        ),
    },
]
FICTIONAL_ORGANISATIONS = [spec["key"] for spec in ORGANISATIONS if spec["key"] not in ("p3m", "infid")]

# Where a person of each sector is likely to be a member.
SECTOR_ORGANISATIONS = {
    Sector.LOCAL_GOVERNMENT: ["kewaspadaan-lebak", "tim-tangguh"],
    Sector.ORMAS: ["ormas-cahaya", "pemuda-lintas-iman"],
    Sector.MINORITY: ["penghayat", "pemuda-lintas-iman"],
    Sector.INTERFAITH: ["pemuda-lintas-iman", "warga-rukun"],
    Sector.CSO: ["damai-lebak", "kajian-demokrasi"],
    Sector.ACADEMIC: ["kajian-demokrasi"],
    Sector.MEDIA: ["literasi-digital", "radio-serang"],
    Sector.RELIGIOUS_LEADER: ["pemuda-lintas-iman", "warga-rukun"],
    Sector.OTHER: ["tim-tangguh", "warga-rukun"],
}
SECTOR_BIOS = {
    Sector.LOCAL_GOVERNMENT: "Staf kesbangpol di {region} yang menangani kewaspadaan dini.",
    Sector.ORMAS: "Pengurus organisasi kemasyarakatan kepemudaan di {region}.",
    Sector.MINORITY: "Pegiat komunitas penghayat kepercayaan di {region}.",
    Sector.INTERFAITH: "Anggota forum pemuda lintas iman di {region}.",
    Sector.CSO: "Pendamping program sebuah lembaga swadaya masyarakat di {region}.",
    Sector.ACADEMIC: "Dosen dan peneliti kebijakan publik di sebuah kampus di {region}.",
    Sector.MEDIA: "Jurnalis dan pegiat media komunitas di {region}.",
    Sector.RELIGIOUS_LEADER: "Tokoh agama yang aktif dalam forum kerukunan di {region}.",
    Sector.OTHER: "Ketua RT dan relawan Tim Tangguh di {region}.",
}
BIO_ENDINGS = [
    "Senang berbagi pengalaman memfasilitasi dialog warga.",
    "Pernah mendampingi penyelesaian penolakan kegiatan ibadah lewat dialog.",
    "Aktif membuat konten kontra-narasi menjelang pilkada.",
    "Ikut menyusun usulan kebijakan kerukunan di daerahnya.",
    "Menggerakkan kerja bakti lintas agama di kampungnya.",
    "Melatih pemuda mengenali hoaks dan ujaran kebencian di media sosial.",
]
TOPICS = [
    "deteksi dini",
    "kohesi sosial",
    "politisasi SARA",
    "moderasi beragama",
    "literasi digital",
    "advokasi kebijakan",
    "dialog lintas iman",
    "kontra-narasi",
    "penanganan kasus",
]
LANGUAGES = [
    "Bahasa Indonesia, Sunda",
    "Bahasa Indonesia, Jawa Serang",
    "Bahasa Indonesia, Inggris",
    "Bahasa Indonesia, Arab",
    "Bahasa Indonesia, Sunda, Inggris",
    "Bahasa Indonesia, Mandarin",
]
ROLES = ["Anggota", "Koordinator program", "Sekretaris", "Relawan", "Ketua divisi", "Fasilitator"]
# 31 first and 29 last names: the pairs _profile_spec makes from them never repeat.
# fmt: off
FIRST_NAMES = [
    "Ahmad", "Dewi", "Rizky", "Nurul", "Yohana", "Ketut", "Lina", "Fajar", "Maria", "Hendra", "Salma", "Agus",
    "Ratna", "Benny", "Intan", "Dimas", "Wulan", "Samuel", "Aisyah", "Bayu", "Teguh", "Fitri", "Stefanus",
    "Ayu", "Irfan", "Mega", "Yusuf", "Lestari", "Gregorius", "Nadia", "Wahyu"
]
LAST_NAMES = [
    "Hidayat", "Saputra", "Wijaya", "Simanjuntak", "Gunawan", "Permana", "Kurniawan", "Nugroho", "Rahman",
    "Setiawan", "Halim", "Situmorang", "Maulana", "Pratiwi", "Suryadi", "Sembiring", "Fauzi", "Wibowo", "Hakim",
    "Purnama", "Sitompul", "Mulyadi", "Anggraini", "Basri", "Susanto", "Ramadhan", "Hutapea", "Marpaung",
    "Daulay"
]
# fmt: on
SECTORS = list(Sector)
# Half of the people are public, so that visitors see a network; a quarter each show themselves to members only
# or stay hidden.
VISIBILITIES = [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PUBLIC, Visibility.HIDDEN]
AUDIENCES = [Audience.NOBODY, Audience.MEMBERS, Audience.PUBLIC]
AVATAR_COLOURS = [TEAL, TEAL_DARK, TERRACOTTA, (84, 56, 110)]

INTRODUCTIONS = [
    {
        "sender_name": "Rina Marlina (contoh)",
        "sender_email": "rina.program@example.com",
        "sender_organisation": "Yayasan Pelita Warga (contoh)",
        "purpose": "Narasumber diskusi publik",
        "message": "Kami ingin mengundang Anda sebagai narasumber diskusi tentang deteksi dini konflik di tingkat RT.",
        "days_ago": 2,
        "status": Introduction.Status.PENDING,
    },
    {
        "sender_name": "Hadi Kusuma (contoh)",
        "sender_email": "hadi.kusuma@example.com",
        "sender_organisation": "Forum Kampus Damai (contoh)",
        "purpose": "Kolaborasi pelatihan literasi digital",
        "message": "Kami sedang menyiapkan pelatihan literasi digital untuk mahasiswa dan mencari fasilitator.",
        "days_ago": 5,
        "status": Introduction.Status.PENDING,
    },
    {
        "sender_name": "Mei Ling Tan (contoh)",
        "sender_email": "meiling@example.org",
        "sender_organisation": "Jaringan Perempuan Damai (contoh)",
        "purpose": "Berbagi pengalaman penanganan kasus",
        "message": "Kami ingin belajar dari pengalaman Anda menangani penolakan kegiatan ibadah lewat dialog.",
        "days_ago": 9,
        "status": Introduction.Status.PENDING,
    },
    {
        "sender_name": "Budi Santoso (contoh)",
        "sender_email": "budi.santoso@example.com",
        "sender_organisation": "Lembaga Riset Kebijakan (contoh)",
        "purpose": "Wawancara penelitian",
        "message": "Kami meneliti peran forum warga dalam menjaga kerukunan dan ingin mewawancarai Anda.",
        "days_ago": 21,
        "status": Introduction.Status.ACCEPTED,
    },
]


def profile_specs():
    """The 62 demo profiles as plain data, in cohort order: "demo-2023-01" ... "demo-2024-32"."""
    specs = []
    number = 0
    for cohort in COHORTS:
        for position in range(cohort["size"]):
            specs.append(_profile_spec(number, position, cohort))
            number += 1
    return specs


def _profile_spec(number, position, cohort):
    rng = random.Random(f"demo-alumni-{number}")
    first, last = FIRST_NAMES[number % 31], LAST_NAMES[number * 3 % 29]
    external_id = f"demo-{cohort['year']}-{position + 1:02d}"
    # The visibility cycles fastest; each field's audience cycles with the profile's rank among its visibility,
    # so every visibility meets every audience of every field.
    visibility, rank = VISIBILITIES[number % 4], number // 4
    region = cohort["regions"][position % len(cohort["regions"])]
    sector = SECTORS[(number + rank) % len(SECTORS)]  # every sector in every visibility
    topics = rng.sample(TOPICS, rng.randint(2, 3))
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
        "languages": rng.choice(LANGUAGES),
        "bio": (
            f"{SECTOR_BIOS[sector].format(region=region)} Alumni Sekolah Demokrasi Hybrid {cohort['year']}, "
            f"menekuni {' dan '.join(topics[:2])}. {rng.choice(BIO_ENDINGS)} (Profil contoh: tokoh fiktif.)"
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
        "organisations": [(key, rng.choice(ROLES)) for key in organisations],
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
            org_type=spec["org_type"],
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
    for number, spec in enumerate(INTRODUCTIONS):
        # The member gets the first request and the accepted one; the others go to other alumni.
        recipient = recipients[0] if number in (0, len(INTRODUCTIONS) - 1) else recipients[number]
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
