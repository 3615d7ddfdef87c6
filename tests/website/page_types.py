"""One page of every page type and every main view, with realistic content, for the HTML checker
(tests/website/test_html_validity.py) and axe-core (tests/e2e/test_accessibility_e2e.py)."""

import datetime
import io

from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Locale

from alumni.factories import CohortFactory, OrganisationFactory, ProfileFactory
from alumni.models import Introduction, Visibility
from core.factories import region
from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from events.models import EventOrganiser, EventPage, EventSpeaker, Registration
from members.factories import UserFactory
from resources.factories import (
    CurriculumPageFactory,
    ModulePageFactory,
    ResourceDocumentFactory,
    ResourceLibraryPageFactory,
    ResourcePageFactory,
)
from resources.models import ModuleFile
from website.factories import AuthorFactory, NewsIndexPageFactory, NewsPageFactory, StandardPageFactory

MEMBER_EMAIL = "rina@example.org"
MEMBER_PASSWORD = "sandi-rahasia-123"  # UserFactory's


def image(title):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1200, 675), (11, 93, 91)).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


def paragraph(html):
    return {"type": "paragraph", "value": html}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def every_page_type(home):
    """Makes the content; returns [(name, path, as_member)], `as_member` for pages seen logged in."""
    photo = image("dialog-lintas-iman")
    handout = ResourceDocumentFactory(title="Panduan fasilitator deteksi dini", text="Langkah deteksi dini.")
    pandeglang = region("Kabupaten Pandeglang")

    news_index = NewsIndexPageFactory(parent=home, show_in_menus=True)
    article = NewsPageFactory(
        parent=news_index,
        title="Dialog lintas iman di Cilegon",
        intro="Warga dan tokoh agama berkumpul untuk dialog.",
        feature_image=photo,
        body=[
            paragraph("<p>Forum ini membahas <b>pencegahan konflik</b> dan kerukunan.</p>"),
            {"type": "heading", "value": {"text": "Hasil forum", "level": "h2"}},
            {"type": "quote", "value": {"text": "Kita bertetangga.", "attribution": "Peserta (contoh)"}},
            {"type": "image", "value": {"image": photo.pk, "caption": "Peserta forum", "attribution": "P3M"}},
        ],
    )
    article.authors.add(AuthorFactory(name="Dewi Lestari (contoh)"))
    article.tags.add("kohesi sosial")
    publish(article)
    NewsPageFactory(parent=news_index, title="Kabar jejaring dari Lebak")

    standard = StandardPageFactory(
        parent=home,
        title="Tentang jejaring",
        slug="tentang",
        show_in_menus=True,
        body=[
            paragraph("<p>Jejaring alumni Sekolah Demokrasi di Banten.</p><ul><li>Aparatur</li><li>Ormas</li></ul>"),
            {"type": "document", "value": {"document": handout.pk, "title": "Unduh panduan"}},
            {
                "type": "call_to_action",
                "value": {"title": "Bergabung", "body": "Daftarkan diri.", "label": "Daftar", "page": news_index.pk},
            },
            {
                "type": "accordion",
                "value": {
                    "title": "Tanya jawab",
                    "items": [{"title": "Siapa alumni?", "body": "<p>Peserta Sekolah Demokrasi.</p>"}],
                },
            },
        ],
    )
    publish(standard)

    library = ResourceLibraryPageFactory(parent=home, show_in_menus=True, intro="<p>Modul, SOP dan regulasi.</p>")
    resource = ResourcePageFactory(
        parent=library,
        title="Modul deteksi dini konflik sosial",
        summary="Panduan deteksi dini untuk Tim Tangguh.",
        publisher="P3M",
        published_date=datetime.date(2024, 3, 1),
        cover_image=photo,
        body=[paragraph("<p>Modul ini dipakai di Kota Tangerang Selatan.</p>")],
    )
    resource.files.create(document=handout)
    resource.tags.add("deteksi dini")
    resource.regions.add(pandeglang)
    publish(resource)
    ResourcePageFactory(parent=library, title="SOP penanganan kasus", summary="Langkah penanganan kasus.")

    curriculum = CurriculumPageFactory(parent=home, show_in_menus=True)
    module = ModulePageFactory(
        parent=curriculum,
        title="Deteksi dini",
        number=1,
        sessions=[
            {
                "type": "session",
                "value": {
                    "title": "Peta kerawanan",
                    "minutes": 90,
                    "method": "Diskusi kelompok",
                    "materials": "Kertas plano",
                    "facilitator_notes": "<p>Mulai dengan cerita warga.</p>",
                },
            }
        ],
        readings="<p>Bacaan pilihan.</p>",
    )
    ModuleFile.objects.create(page=module, document=handout)
    ModulePageFactory(parent=curriculum, title="Dialog antarumat", number=2)

    events = EventIndexPageFactory(parent=home, show_in_menus=True, intro="<p>Lokakarya dan sesi.</p>")
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    event = EventPageFactory(
        parent=events,
        title="Lokakarya penyegaran Tim Tangguh",
        start=now + datetime.timedelta(days=5),
        end=now + datetime.timedelta(days=5, hours=6),
        regency=region("Kota Tangerang Selatan"),
        venue_address="Jl. Raya Serpong",
        body=[paragraph("<p>Penyegaran untuk Tim Tangguh.</p>")],
    )
    forum = OrganisationFactory(name="Forum Kerukunan Pandeglang")
    EventOrganiser.objects.create(page=event, organisation=forum)
    EventSpeaker.objects.create(page=event, name="Ibu Narasumber (contoh)", role="Fasilitator")
    publish(event)

    cohort = CohortFactory(name="Sekolah Demokrasi Hybrid Angkatan 2024", slug="angkatan-2024")
    member = UserFactory(member=True, email=MEMBER_EMAIL, first_name="Rina")
    rina = ProfileFactory(
        user=member,
        full_name="Rina Fasilitator",
        email=MEMBER_EMAIL,
        visible=Visibility.PUBLIC,
        regency=pandeglang,
        topics=["deteksi dini", "kohesi sosial"],
        help_types=["facilitator"],
        organisations=[forum],
        accepts_introductions=True,
        open_to_collaborate=True,
    )
    budi = ProfileFactory(
        display_name="Budi Pemilu",
        visible=Visibility.PUBLIC,
        regency=pandeglang,
        topics=["pemilu damai"],
        accepts_introductions=True,
    )

    rina.cohorts.add(cohort)
    budi.cohorts.add(cohort)
    guest = RegistrationFactory(event=event, name="Tamu Undangan", status=Registration.Status.CONFIRMED)
    guest_token = guest.issue_token()
    cancelled = EventPageFactory(
        parent=events,
        title="Diskusi publik yang dibatalkan",
        start=now + datetime.timedelta(days=9),
        end=now + datetime.timedelta(days=9, hours=3),
        regency=pandeglang,
        status=EventPage.Status.CANCELLED,
        status_note="Narasumber berhalangan.",
    )
    publish(cancelled)
    english_home = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english_home.title = "Home"
    english_home.hero_title = "Sekolah Demokrasi Network"
    publish(english_home)
    seat = RegistrationFactory(
        event=event, user=member, name="Rina Fasilitator", email=MEMBER_EMAIL, status=Registration.Status.CONFIRMED
    )
    Introduction.objects.create(
        recipient=rina,
        sender_name="Pak Andi (contoh)",
        sender_email="andi@example.org",
        purpose="Kerja sama deteksi dini",
        message="Kami ingin belajar dari pengalaman Tim Tangguh.",
        token_hash="0" * 64,
    )

    return [
        ("home", home.url, False),
        ("news index", news_index.url, False),
        ("news article", article.url, False),
        ("standard page", standard.url, False),
        ("library", library.url, False),
        ("library search", library.url + "?q=deteksi", False),
        ("resource", resource.url, False),
        ("programme", curriculum.url, False),
        ("module", module.url, False),
        ("events", events.url, False),
        ("event", event.url, False),
        ("registration form", event.url + "daftar/", False),
        ("registration page", f"{event.url}konfirmasi/{guest_token}/", False),
        ("registration cancel page", f"{event.url}batal/{guest_token}/", False),
        ("cancelled event", cancelled.url, False),
        ("event seen by a member", event.url, True),
        ("English home", english_home.url, False),
        ("password reset", reverse("members:password_reset"), False),
        ("site search", reverse("search") + "?q=dialog", False),
        ("directory", reverse("alumni:directory"), False),
        ("profile", reverse("alumni:profile", args=[rina.public_id]), False),
        ("organisations", reverse("alumni:organisations"), False),
        ("organisation", reverse("alumni:organisation", args=[forum.slug]), False),
        ("cohorts", reverse("alumni:cohorts"), False),
        ("cohort", reverse("alumni:cohort", args=[cohort.slug]), False),
        ("finder", reverse("alumni:finder") + "?q=deteksi", False),
        ("login", reverse("members:login"), False),
        ("my profile", reverse("alumni:my_profile"), True),
        ("my profile edit", reverse("alumni:my_profile_edit"), True),
        ("introduction form", reverse("alumni:introduce", args=[budi.public_id]), True),
        ("introductions inbox", reverse("alumni:introductions"), True),
        ("hide me confirmation", reverse("alumni:hide_me"), True),
        ("my events", reverse("events:my_events"), True),
        ("my event cancel", reverse("events:my_event_cancel", args=[seat.pk]), True),
    ]
