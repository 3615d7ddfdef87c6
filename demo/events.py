"""Demo events: the events index, three events from the programme's history and upcoming events.

`pages(now, alumni)` returns page specs in the format of `demo.content` for load_demo_content. The upcoming
events are dated from the day `now` falls on in WIB (Asia/Jakarta), so whenever the demo is loaded the upcoming list
is not empty; a later re-run moves them along. Besides the keys of `content`, a spec may hold ``"children"`` (in
"shared" or per language): inline rows by relation name (organisers, speakers, materials, photos, follow-up plan),
written with the same "@page:"/"@image:" references, alumni objects as they are.

`ensure_registrations(pages, alumni, now, stats)` adds a few registrations to the upcoming events.

Every person named here is fictional and marked "(contoh)"; the venues other than Hotel Amaris Serpong are examples.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import formats, timezone, translation

from core.models import Region
from demo.content import heading, paragraph, quote
from events.models import EventPage, FollowUpItem, Registration

WIB = ZoneInfo("Asia/Jakarta")
Type, Format, Status = EventPage.Type, EventPage.Format, EventPage.Status


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=WIB)


def long_date(day, language):
    with translation.override(language):
        return formats.date_format(day, "j F Y")


INDEX = {
    "key": "events",
    "model": "events.EventIndexPage",
    "parent": "home",
    "shared": {"show_in_menus": True},
    "id": {
        "title": "Kegiatan",
        "slug": "kegiatan",
        "intro": (
            "<p>Sesi Sekolah Demokrasi, lokakarya, pelatihan, webinar, dialog warga, dan kunjungan belajar jejaring "
            "alumni di Banten. Daftar secara daring, tambahkan ke kalender, dan ikuti rencana tindak lanjutnya.</p>"
        ),
        "listing_summary": "Kegiatan jejaring: lokakarya, pelatihan, webinar, dialog warga, dan kunjungan belajar.",
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "intro": (
            "<p>Democracy School sessions, workshops, training, webinars, community dialogues and study visits of the "
            "alumni network in Banten. Register online, add events to your calendar and follow up on their plans.</p>"
        ),
        "listing_summary": "Network events: workshops, training, webinars, community dialogues and study visits.",
    },
}

# The follow-up plan (rencana tindak lanjut) of the Tim Tangguh refresher workshop: owner, due date, status,
# progress, then per language (action, indicator, target, progress notes).
REFRESHER_PLAN = [
    (
        ("organisation", "tim-tangguh"),
        (2024, 12, 20),
        FollowUpItem.Status.DONE,
        100,
        {
            "id": (
                "Menyusun daftar periksa pertemuan pertama dengan pihak yang berselisih",
                "Daftar periksa disepakati dan dipakai oleh setiap tim",
                "4 tim",
                "Disepakati dalam rapat koordinasi Desember 2024 dan dicetak sebagai kartu saku.",
            ),
            "en": (
                "Draw up a checklist for the first meeting with the parties to a dispute",
                "Checklist agreed and used by every team",
                "4 teams",
                "Agreed at the coordination meeting in December 2024 and printed as a pocket card.",
            ),
        },
    ),
    (
        ("organisation", "p3m"),
        (2025, 3, 31),
        FollowUpItem.Status.DONE,
        100,
        {
            "id": (
                "Pelatihan awal untuk anggota baru Tim Tangguh",
                "Anggota baru yang mengikuti pelatihan awal",
                "12 orang",
                "14 anggota baru dilatih pada Februari 2025.",
            ),
            "en": (
                "Initial training for new Tim Tangguh members",
                "New members who completed the initial training",
                "12 people",
                "14 new members were trained in February 2025.",
            ),
        },
    ),
    (
        ("name", {"id": "Empat Tim Tangguh kelurahan", "en": "The four urban-village Tim Tangguh teams"}),
        (2026, 12, 31),
        FollowUpItem.Status.IN_PROGRESS,
        75,
        {
            "id": (
                "Rapat koordinasi bulanan dengan pihak kelurahan",
                "Rapat koordinasi yang tercatat dalam notulen",
                "24 rapat (6 per tim)",
                "18 dari 24 rapat terlaksana; tim Muncul tertinggal karena pergantian lurah.",
            ),
            "en": (
                "Monthly coordination meetings with the urban-village office",
                "Coordination meetings recorded in minutes",
                "24 meetings (6 per team)",
                "18 of 24 meetings held; the Muncul team fell behind when the village head changed.",
            ),
        },
    ),
    (
        ("profile", "demo-2023-03"),
        (2026, 12, 31),
        FollowUpItem.Status.IN_PROGRESS,
        60,
        {
            "id": (
                "Mencatat setiap kasus yang ditangani lewat dialog dengan format pelaporan bersama",
                "Kasus yang tercatat dengan format bersama",
                "100% kasus",
                "Format dipakai sejak Januari 2025; tiga dari empat tim sudah mencatat seluruh kasusnya.",
            ),
            "en": (
                "Record every case handled through dialogue in the shared reporting format",
                "Cases recorded in the shared format",
                "100% of cases",
                "The format has been in use since January 2025; three of the four teams record all their cases.",
            ),
        },
    ),
    (
        ("organisation", "kajian-demokrasi"),
        (2027, 3, 31),
        FollowUpItem.Status.IN_PROGRESS,
        40,
        {
            "id": (
                "Menyampaikan masukan tertulis untuk draf Perwal Tangerang Selatan",
                "Masukan tertulis diterima bagian hukum pemerintah kota",
                "1 dokumen masukan",
                "Draf masukan dibahas dalam dua diskusi terfokus; menunggu jadwal audiensi.",
            ),
            "en": (
                "Submit written input on the draft mayoral regulation of Tangerang Selatan",
                "Written input received by the city's legal department",
                "1 input paper",
                "The draft input was discussed in two focus groups; waiting for a hearing date.",
            ),
        },
    ),
    (
        ("organisation", "infid"),
        (2027, 5, 31),
        FollowUpItem.Status.PLANNED,
        0,
        {
            "id": (
                "Lokakarya penyegaran kedua dengan evaluasi rencana tindak lanjut",
                "Lokakarya terlaksana dengan laporan evaluasi",
                "1 lokakarya, 25 peserta",
                "",
            ),
            "en": (
                "Second refresher workshop with a review of the follow-up plan",
                "Workshop held, with an evaluation report",
                "1 workshop, 25 participants",
                "",
            ),
        },
    ),
]


def follow_up_rows(plan, alumni, language):
    rows = []
    for (kind, owner), due, status, progress, texts in plan:
        action, indicator, target, notes = texts[language]
        rows.append(
            {
                "action": action,
                "owner_organisation": alumni.organisations[owner] if kind == "organisation" else None,
                "owner_profile": alumni.profiles[owner] if kind == "profile" else None,
                "owner_name": owner[language] if kind == "name" else "",
                "due_date": date(*due),
                "indicator": indicator,
                "target": target,
                "status": status,
                "progress": progress,
                "progress_notes": notes,
            }
        )
    return rows


def organisers(alumni, *keys):
    return [{"organisation": alumni.organisations[key]} for key in keys]


def materials(*keys):
    return [{"material": f"@page:{key}"} for key in keys]


def speaker(profile=None, name="", role=""):
    return {"profile": profile, "name": name, "role": role}


def photos(*items):
    return [{"image": f"@image:{key}", "caption": caption} for key, caption in items]


def pages(now, alumni):
    """The events index and its events, with upcoming events dated from the day of `now` in WIB."""
    regions = {region.name: region for region in Region.objects.all()}
    events = [*history(alumni, regions), *upcoming(timezone.localtime(now, WIB).date(), alumni, regions)]
    for event in events:
        event["model"], event["parent"] = "events.EventPage", "events"
    return [INDEX, *events]


def history(alumni, regions):
    facilitator = alumni.profiles["demo-2023-01"]
    return [
        {
            "key": "event-sd-session-2023",
            "shared": {
                "event_type": Type.SESSION,
                "event_format": Format.HYBRID,
                "start": at(date(2023, 12, 13), 9),
                "end": at(date(2023, 12, 13), 15, 30),
                "venue_name": "Ruang kelas Sekolah Demokrasi (tempat contoh)",
                "venue_address": "Kota Serang, Banten",
                "regency": regions["Kota Serang"],
                "cohort": alumni.cohorts[2023],
                "attendance": 30,
                "listing_image": "@image:sd-hybrid",
                "children": {
                    "organisers": organisers(alumni, "p3m", "infid"),
                    "materials": materials("module-1", "module-2", "res-001"),
                },
            },
            "id": {
                "title": "Sesi Sekolah Demokrasi Hybrid: demokrasi, pemilu, dan politisasi SARA",
                "slug": "sesi-sekolah-demokrasi-hybrid-13-desember-2023",
                "summary": (
                    "Sesi hybrid angkatan 2023: 30 peserta dari lima daerah di Banten belajar tentang demokrasi, "
                    "pemilu, dan cara menjawab politisasi SARA — sebagian di kelas, sebagian daring."
                ),
                "body": [
                    paragraph(
                        "<p>Sesi ini mempertemukan aparatur pemerintah daerah, anggota ormas, serta komunitas "
                        "minoritas dan lintas iman dari Kota Serang, Kota Cilegon, Kota Tangerang, Kabupaten "
                        "Pandeglang, dan Kota Tangerang Selatan. Peserta yang jauh mengikuti secara daring.</p>"
                    )
                ],
                "report": [
                    heading("Laporan singkat"),
                    paragraph(
                        "<p>Hadir 30 peserta: 18 di ruang kelas dan 12 secara daring. Peserta membedah kasus dari "
                        "daerah masing-masing, dari penolakan kegiatan ibadah hingga ujaran kebencian di grup "
                        "percakapan warga, lalu mencari titik di mana dialog masih mungkin dilakukan.</p>"
                    ),
                    quote(
                        "Di sini kami bertemu sebelum ada masalah, dan itu mengubah cara kami saling bicara.",
                        "Peserta dari Kota Cilegon (tokoh fiktif)",
                    ),
                ],
                "children": {
                    "speakers": [
                        speaker(facilitator, role="Fasilitator"),
                        speaker(name="Siti Rahmawati (contoh)", role="Fasilitator utama"),
                    ],
                    "photos": photos(
                        ("sd-hybrid", "Peserta berdiskusi dalam kelompok (ilustrasi demo)."),
                        ("about", "Diskusi melingkar di akhir sesi (ilustrasi demo)."),
                    ),
                },
            },
            "en": {
                "title": "Hybrid Democracy School session: democracy, elections and identity politics",
                "slug": "hybrid-democracy-school-session-13-december-2023",
                "summary": (
                    "A hybrid session of the 2023 cohort: 30 participants from five areas of Banten learned about "
                    "democracy, elections and answering the politicisation of identity — in class and online."
                ),
                "body": [
                    paragraph(
                        "<p>The session brought together local government staff, members of mass organisations and "
                        "minority and interfaith communities from Serang, Cilegon, Tangerang, Pandeglang and "
                        "Tangerang Selatan. Participants from far away joined online.</p>"
                    )
                ],
                "report": [
                    heading("Short report"),
                    paragraph(
                        "<p>30 participants attended: 18 in the classroom and 12 online. They analysed cases from "
                        "their own areas, from objections to worship gatherings to hate speech in neighbourhood "
                        "chat groups, and looked for the points where dialogue was still possible.</p>"
                    ),
                    quote(
                        "Here we met before there was a problem, and that changed the way we talk to each other.",
                        "Participant from Cilegon (fictional)",
                    ),
                ],
                "children": {
                    "speakers": [
                        speaker(facilitator, role="Facilitator"),
                        speaker(name="Siti Rahmawati (contoh)", role="Lead facilitator"),
                    ],
                    "photos": photos(
                        ("sd-hybrid", "Participants discussing in groups (demo illustration)."),
                        ("about", "A circle discussion at the end of the session (demo illustration)."),
                    ),
                },
            },
        },
        {
            "key": "event-tim-tangguh-refresher-2024",
            "shared": {
                "event_type": Type.WORKSHOP,
                "event_format": Format.IN_PERSON,
                "start": at(date(2024, 11, 4), 9),
                "end": at(date(2024, 11, 5), 16),
                "venue_name": "Hotel Amaris Serpong",
                "venue_address": "Serpong, Kota Tangerang Selatan, Banten",
                "regency": regions["Kota Tangerang Selatan"],
                "map_url": "https://www.openstreetmap.org/search?query=Hotel%20Amaris%20Serpong",
                "attendance": 26,
                "listing_image": "@image:serpong",
                "children": {
                    "organisers": organisers(alumni, "p3m", "infid"),
                    "materials": materials("module-4", "res-006", "res-007", "res-031"),
                },
            },
            "id": {
                "title": "Lokakarya penyegaran Tim Tangguh",
                "slug": "lokakarya-penyegaran-tim-tangguh-2024",
                "summary": (
                    "Dua hari bagi Tim Tangguh Benda Baru, Pondok Kacang Timur, Jombang, dan Muncul untuk mengasah "
                    "deteksi dini dan penanganan kasus, ditutup dengan rencana tindak lanjut yang terukur."
                ),
                "body": [
                    paragraph(
                        "<p>Setahun setelah tim terbentuk, lokakarya ini mengulas kasus yang sudah ditangani, melatih "
                        "anggota baru, dan menyusun rencana kerja enam bulan ke depan.</p>"
                    )
                ],
                "report": [
                    heading("Hari pertama: belajar dari kasus sendiri"),
                    paragraph(
                        "<p>Setiap tim memaparkan satu kasus beserta langkah yang diambil. Dari sesi ini lahir daftar "
                        "periksa untuk pertemuan pertama dengan pihak-pihak yang berselisih.</p>"
                    ),
                    heading("Hari kedua: simulasi dan rencana tindak lanjut"),
                    paragraph(
                        "<p>Peserta berlatih dalam simulasi mediasi lalu menyepakati enam tindak lanjut dengan "
                        "indikator dan target, yang kemajuannya dicatat di halaman ini.</p>"
                    ),
                ],
                "children": {
                    "speakers": [
                        speaker(alumni.profiles["demo-2023-03"], role="Fasilitator simulasi mediasi"),
                        speaker(name="Yohanes Pranata (contoh)", role="Pendamping Tim Tangguh"),
                    ],
                    "photos": photos(
                        ("serpong", "Suasana lokakarya (ilustrasi demo)."),
                        ("workshop-session", "Simulasi mediasi dalam kelompok kecil (ilustrasi demo)."),
                        ("follow-up", "Menyusun rencana tindak lanjut (ilustrasi demo)."),
                    ),
                    "follow_up_items": follow_up_rows(REFRESHER_PLAN, alumni, "id"),
                },
            },
            "en": {
                "title": "Tim Tangguh refresher workshop",
                "slug": "tim-tangguh-refresher-workshop-2024",
                "summary": (
                    "Two days for the Tim Tangguh teams of Benda Baru, Pondok Kacang Timur, Jombang and Muncul to "
                    "sharpen early detection and case handling, closing with a measurable follow-up plan."
                ),
                "body": [
                    paragraph(
                        "<p>A year after the teams were set up, this workshop reviewed the cases handled so far, "
                        "trained new members and drew up a work plan for the next six months.</p>"
                    )
                ],
                "report": [
                    heading("Day one: learning from our own cases"),
                    paragraph(
                        "<p>Each team presented one case and the steps it took. The session produced a checklist "
                        "for the first meeting with the parties to a dispute.</p>"
                    ),
                    heading("Day two: role-play and the follow-up plan"),
                    paragraph(
                        "<p>Participants practised mediation in role-plays, then agreed on six follow-up actions "
                        "with indicators and targets, whose progress is tracked on this page.</p>"
                    ),
                ],
                "children": {
                    "speakers": [
                        speaker(alumni.profiles["demo-2023-03"], role="Mediation role-play facilitator"),
                        speaker(name="Yohanes Pranata (contoh)", role="Tim Tangguh mentor"),
                    ],
                    "photos": photos(
                        ("serpong", "The workshop (demo illustration)."),
                        ("workshop-session", "A mediation role-play in a small group (demo illustration)."),
                        ("follow-up", "Drafting the follow-up plan (demo illustration)."),
                    ),
                    "follow_up_items": follow_up_rows(REFRESHER_PLAN, alumni, "en"),
                },
            },
        },
        {
            "key": "event-study-visit-2024",
            "shared": {
                "event_type": Type.VISIT,
                "event_format": Format.IN_PERSON,
                "start": at(date(2024, 12, 10), 10),
                "end": at(date(2024, 12, 10), 15),
                "venue_name": "Balai warga Kelurahan Benda Baru (tempat contoh)",
                "venue_address": "Pamulang, Kota Tangerang Selatan, Banten",
                "regency": regions["Kota Tangerang Selatan"],
                "attendance": 22,
                "listing_image": "@image:guests",
                "children": {"organisers": organisers(alumni, "p3m", "infid", "tim-tangguh")},
            },
            "id": {
                "title": "Kunjungan tamu dari Iran dan Amerika Serikat ke Tim Tangguh",
                "slug": "kunjungan-tamu-iran-amerika-serikat-2024",
                "summary": (
                    "Tamu dari Iran dan Amerika Serikat belajar langsung dari Tim Tangguh tentang cara warga "
                    "mengelola keragaman dan meredam konflik di tingkat kelurahan."
                ),
                "report": [
                    paragraph(
                        "<p>Para tamu bertemu anggota Tim Tangguh, mendengar cerita penanganan kasus, dan bertanya "
                        "mengapa ketua RT dan tokoh dari agama yang berbeda mau bekerja dalam satu tim. Jawabannya: "
                        "hubungan sosial yang sudah lama terjalin.</p>"
                    ),
                    quote(
                        "Kami datang untuk mempelajari sebuah sistem, tetapi yang kami temukan adalah tetangga yang "
                        "saling menjaga.",
                        "Salah seorang tamu (kutipan contoh)",
                    ),
                ],
                "children": {
                    "photos": photos(("guests", "Pertukaran pengalaman dengan para tamu (ilustrasi demo).")),
                },
            },
            "en": {
                "title": "Visit by guests from Iran and the United States to Tim Tangguh",
                "slug": "visit-guests-iran-united-states-2024",
                "summary": (
                    "Guests from Iran and the United States learned first-hand from Tim Tangguh how residents manage "
                    "diversity and defuse conflict at urban-village level."
                ),
                "report": [
                    paragraph(
                        "<p>The guests met Tim Tangguh members, heard how cases had been handled and asked why "
                        "neighbourhood heads and leaders of different religions work in one team. The answer: social "
                        "ties built up over many years.</p>"
                    ),
                    quote(
                        "We came to study a system, but what we found were neighbours looking out for each other.",
                        "One of the guests (example quote)",
                    ),
                ],
                "children": {"photos": photos(("guests", "Sharing experience with the guests (demo illustration)."))},
            },
        },
    ]


def upcoming(today, alumni, regions):
    postponed_from, postponed_to = today + timedelta(days=31), today + timedelta(days=52)
    return [
        {
            "key": "event-counter-narrative-workshop",
            "shared": {
                "event_type": Type.WORKSHOP,
                "event_format": Format.IN_PERSON,
                "start": at(today + timedelta(days=10), 9),
                "end": at(today + timedelta(days=10), 16),
                "venue_name": "Studio Radio Komunitas Suara Serang (tempat contoh)",
                "venue_address": "Kota Serang, Banten",
                "regency": regions["Kota Serang"],
                "capacity": 5,
                "registration_opens": at(today - timedelta(days=14), 8),
                "registration_closes": at(today + timedelta(days=8), 17),
                "listing_image": "@image:counter-narrative",
                "children": {
                    "organisers": organisers(alumni, "radio-serang", "literasi-digital"),
                    "materials": materials("module-3", "res-028", "res-024"),
                    "speakers": [speaker(alumni.profiles["demo-2024-07"])],
                },
            },
            "id": {
                "title": "Lokakarya menulis kontra-narasi untuk media sosial",
                "slug": "lokakarya-menulis-kontra-narasi",
                "summary": (
                    "Kelas kecil, lima kursi: menulis dan menguji konten kontra-narasi yang menjawab hoaks "
                    "bernuansa SARA, dengan umpan balik langsung dari jurnalis radio komunitas."
                ),
                "body": [
                    paragraph(
                        "<p>Bawa contoh unggahan dari grup percakapan di daerah Anda. Kita akan membedahnya bersama "
                        "dan menulis jawaban yang tenang, benar, dan mudah dibagikan.</p>"
                    )
                ],
            },
            "en": {
                "title": "Workshop: writing counter-narratives for social media",
                "slug": "counter-narrative-writing-workshop",
                "summary": (
                    "A small class of five: write and test counter-narrative content that answers identity-based "
                    "hoaxes, with direct feedback from community radio journalists."
                ),
                "body": [
                    paragraph(
                        "<p>Bring examples of posts from chat groups in your area. We will take them apart together "
                        "and write answers that are calm, accurate and easy to share.</p>"
                    )
                ],
            },
        },
        {
            "key": "event-digital-literacy-webinar",
            "shared": {
                "event_type": Type.WEBINAR,
                "event_format": Format.ONLINE,
                "start": at(today + timedelta(days=17), 19, 30),
                "end": at(today + timedelta(days=17), 21),
                "online_url": "https://meet.example.org/jejaring-webinar-literasi-digital",
                "capacity": 100,
                "registration_opens": at(today - timedelta(days=7), 8),
                "registration_closes": at(today + timedelta(days=17), 17),
                "listing_image": "@image:digital-literacy",
                "children": {
                    "organisers": organisers(alumni, "infid", "literasi-digital"),
                    "materials": materials("module-3", "res-034"),
                },
            },
            "id": {
                "title": "Webinar: mengenali hoaks bernuansa SARA",
                "slug": "webinar-mengenali-hoaks-bernuansa-sara",
                "summary": (
                    "Webinar terbuka tentang cara mengenali dan menjawab hoaks bernuansa SARA di grup percakapan "
                    "warga. Tautan rapat dikirim kepada peserta yang sudah terkonfirmasi."
                ),
            },
            "en": {
                "title": "Webinar: recognising identity-based hoaxes",
                "slug": "webinar-recognising-identity-based-hoaxes",
                "summary": (
                    "An open webinar on recognising and answering identity-based hoaxes in neighbourhood chat "
                    "groups. The meeting link goes to confirmed participants."
                ),
            },
        },
        {
            "key": "event-lebak-dialogue",
            "shared": {
                "event_type": Type.DIALOGUE,
                "event_format": Format.IN_PERSON,
                "start": at(today + timedelta(days=24), 13),
                "end": at(today + timedelta(days=24), 16),
                "venue_name": "Balai warga Rangkasbitung (tempat contoh)",
                "venue_address": "Rangkasbitung, Kabupaten Lebak, Banten",
                "regency": regions["Kabupaten Lebak"],
                "capacity": 8,
                "registration_opens": at(today - timedelta(days=10), 8),
                "registration_closes": at(today + timedelta(days=22), 17),
                "listing_image": "@image:dialogue",
                "children": {
                    "organisers": organisers(alumni, "damai-lebak", "kewaspadaan-lebak"),
                    "materials": materials("res-019", "res-030"),
                },
            },
            "id": {
                "title": "Dialog warga: merawat kerukunan di Rangkasbitung",
                "slug": "dialog-warga-rangkasbitung",
                "summary": (
                    "Dialog terbatas untuk tokoh masyarakat dan tokoh agama di Kabupaten Lebak, membahas hasil "
                    "survei persepsi warga tentang kerukunan."
                ),
            },
            "en": {
                "title": "Community dialogue: caring for harmony in Rangkasbitung",
                "slug": "community-dialogue-rangkasbitung",
                "summary": (
                    "A small dialogue for community and religious leaders in Lebak regency, discussing the results "
                    "of a survey of residents' views on harmony."
                ),
            },
        },
        {
            "key": "event-early-detection-training",
            "shared": {
                "event_type": Type.TRAINING,
                "event_format": Format.IN_PERSON,
                "status": Status.POSTPONED,
                "start": at(postponed_to, 9),
                "end": at(postponed_to, 16),
                "venue_name": "Aula kecamatan (tempat contoh)",
                "venue_address": "Pondok Aren, Kota Tangerang Selatan, Banten",
                "regency": regions["Kota Tangerang Selatan"],
                "capacity": 25,
                "registration_opens": at(today - timedelta(days=3), 8),
                "registration_closes": at(postponed_to - timedelta(days=2), 17),
                "listing_image": "@image:early-detection",
                "children": {
                    "organisers": organisers(alumni, "p3m", "tim-tangguh"),
                    "materials": materials("module-4", "res-031"),
                },
            },
            "id": {
                "title": "Pelatihan deteksi dini untuk anggota baru Tim Tangguh",
                "slug": "pelatihan-deteksi-dini-anggota-baru",
                "summary": "Pelatihan sehari tentang deteksi dini dan rujukan kasus bagi anggota baru Tim Tangguh.",
                "status_note": (
                    f"Diundur dari {long_date(postponed_from, 'id')} ke {long_date(postponed_to, 'id')} karena "
                    "bentrok dengan jadwal kegiatan kelurahan. Pendaftaran tetap berlaku."
                ),
            },
            "en": {
                "title": "Early detection training for new Tim Tangguh members",
                "slug": "early-detection-training-new-members",
                "summary": "A one-day training on early detection and case referral for new Tim Tangguh members.",
                "status_note": (
                    f"Postponed from {long_date(postponed_from, 'en')} to {long_date(postponed_to, 'en')} because "
                    "of a clash with urban-village activities. Registrations remain valid."
                ),
            },
        },
        {
            "key": "event-cilegon-visit",
            "shared": {
                "event_type": Type.VISIT,
                "event_format": Format.IN_PERSON,
                "status": Status.CANCELLED,
                "start": at(today + timedelta(days=38), 9),
                "end": at(today + timedelta(days=38), 13),
                "venue_name": "Sekretariat Perkumpulan Warga Rukun (tempat contoh)",
                "venue_address": "Kota Cilegon, Banten",
                "regency": regions["Kota Cilegon"],
                "listing_image": "@image:cilegon",
                "children": {"organisers": organisers(alumni, "warga-rukun")},
            },
            "id": {
                "title": "Kunjungan belajar ke forum warga Kota Cilegon",
                "slug": "kunjungan-belajar-cilegon",
                "summary": "Kunjungan belajar alumni angkatan 2024 ke forum warga lintas iman di Kota Cilegon.",
                "status_note": "Dibatalkan karena tuan rumah berhalangan; kunjungan akan dijadwalkan ulang.",
            },
            "en": {
                "title": "Study visit to a residents' forum in Cilegon",
                "slug": "study-visit-cilegon",
                "summary": "A study visit by 2024 cohort alumni to an interfaith residents' forum in Cilegon.",
                "status_note": "Cancelled because the hosts are unavailable; the visit will be rescheduled.",
            },
        },
    ]


# Registrations by event key: the workshop has one seat left, the dialogue is full with a waiting list.
REGISTRATIONS = {
    "event-counter-narrative-workshop": [
        *[("confirmed", name) for name in ("Rudi Hartono", "Sri Wahyuni", "Andi Pratama", "Yuliana Siregar")],
        ("pending", "Taufik Hidayat"),
    ],
    "event-digital-literacy-webinar": [
        ("member", None),
        *[("confirmed", name) for name in ("Novi Andriani", "Joko Susilo")],
    ],
    "event-lebak-dialogue": [
        *[
            ("confirmed", name)
            for name in (
                "Ujang Suherman",
                "Eneng Nurjanah",
                "Asep Saepudin",
                "Iis Rohayati",
                "Dadang Kurnia",
                "Yohanes Bayu",
                "Nyai Komariah",
                "Endang Suparman",
            )
        ],
        *[("waitlisted", name) for name in ("Cecep Supriadi", "Lilis Suryani")],
    ],
}


def ensure_registrations(pages, alumni, now, stats):
    """Registrations on the Indonesian pages of the upcoming events, found again by e-mail address."""
    today = timezone.localtime(now, WIB).date()
    for key, people in REGISTRATIONS.items():
        event = pages[(key, "id")]
        existing = set(event.registrations.values_list("email", flat=True))
        for index, (status, name) in enumerate(people):
            if status == "member":
                profile = alumni.member.alumni_profile
                status, name, email = "confirmed", profile.display_name, profile.email
            else:
                email = f"{name.lower().replace(' ', '.')}@example.com"
                name = f"{name} (contoh)"
            if email in existing:
                continue
            created_at = at(today - timedelta(days=len(people) - index), 10)
            Registration.objects.create(
                event=event,
                name=name,
                email=email,
                organisation="Jejaring Sekolah Demokrasi (contoh)",
                regency=event.regency,
                consent=True,
                status=status,
                created_at=created_at,
                confirmed_at=created_at + timedelta(minutes=5) if status == "confirmed" else None,
                waitlisted_at=created_at + timedelta(minutes=5) if status == "waitlisted" else None,
            )
            stats["event registrations created"] += 1
