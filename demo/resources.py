"""Demo data of the resource library and the Sekolah Demokrasi curriculum, in the format of `demo.content`.

`PAGES` holds the library, the curriculum, its modules and the resources (in tree order), `DOCUMENTS` the files that
`manage.py load_demo_content` generates for them (PDF with `make_pdf`, Word with `make_docx`), and `SYNONYMS` the
search synonyms. Page specs may hold these extra keys besides those of `content`:

* ``"resource_type"``: the slug of a ResourceType (rows made by the resources.0002 migration);
* ``"regions"``: Region names ("Banten", "Kabupaten Lebak", "Kota Tangerang Selatan"...);
* ``"files"``: document keys, attached in this order (ResourceFile or ModuleFile);
* ``"related_resources"``: resource page keys; in English the translation is used when there is one;
* ``"members_only"`` (top level of a spec): the page gets a login restriction and its documents go to the
  members-only collection.

Resources are found again by their ``external_id`` ("demo-001"...), documents by their title.

Search tests rely on a few facts of this data:

* "musyawarah" and "kearifan lokal" appear only inside generated PDFs, never in a page's own fields;
* the PDF of ``res-019`` says "pencegahan", while its title and summary say neither "pencegahan" nor "mencegah",
  so that only the Indonesian stemmer (PostgreSQL) finds it for the query "mencegah".

Every person named here is fictional and marked "(contoh)".
"""

from datetime import date

from django.utils.text import slugify

MEMBERS_COLLECTION = "Khusus anggota"

SYNONYMS = [
    {"terms": "P/CVE\npencegahan ekstremisme kekerasan", "note": "Istilah internasional dan padanannya (demo)."},
    {
        "terms": "RADPE\nRAD PE\nrencana aksi daerah pencegahan ekstremisme",
        "note": "Keputusan Gubernur Banten tentang RAD PE (demo).",
    },
    {"terms": "FKUB\nforum kerukunan umat beragama", "note": "Singkatan dan kepanjangannya (demo)."},
]

DEMO_NOTE = (
    "Catatan: dokumen ini dibuat untuk situs demo Jejaring Sekolah Demokrasi. Isi, nomor, dan tanggalnya adalah "
    "contoh, bukan salinan resmi, dan semua nama orang di dalamnya fiktif."
)
DEMO_NOTE_EN = (
    "Note: this document was made for the Jejaring Sekolah Demokrasi demo site. Its contents, numbers and dates are "
    "examples, not an official copy, and every person named in it is fictional."
)

# Filled by the helpers below, in the order the documents are declared.
DOCUMENTS = []


def slug_for(title, limit=70):
    """A URL slug from a title, cut at a word boundary."""
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


def document(key, title, paragraphs, *, kind="pdf", table_rows=None, members_only=False, english=False):
    """Declare a generated document and return its key; the demo note is appended as the last paragraph."""
    DOCUMENTS.append(
        {
            "key": key,
            "title": title,
            "kind": kind,
            "paragraphs": [*paragraphs, DEMO_NOTE_EN if english else DEMO_NOTE],
            "table_rows": table_rows,
            "members_only": members_only,
        }
    )
    return key


def resource(
    number,
    resource_type,
    title,
    summary,
    *,
    publisher,
    year=None,
    published=None,
    regions=("Banten",),
    tags=(),
    language="id",
    pdf=None,
    docx=None,
    table_rows=None,
    url="",
    cover=None,
    members_only=False,
    en=None,
):
    """The page spec of one library resource; its PDF or Word file (if any) is declared as a document."""
    key = f"res-{number:03d}"
    files = []
    if pdf:
        files.append(document(key, title, pdf, members_only=members_only, english=language == "en"))
    if docx:
        files.append(
            document(
                f"{key}-docx",
                title,
                docx,
                kind="docx",
                table_rows=table_rows,
                members_only=members_only,
                english=language == "en",
            )
        )
    shared = {
        "external_id": f"demo-{number:03d}",
        "resource_type": resource_type,
        "tags": list(tags),
        "regions": list(regions),
        "language": language,
        "published_year": published.year if published else year,
        "published_date": published,
        "publisher": publisher,
        "external_url": url,
        "files": files,
    }
    if cover:
        shared["cover_image"] = f"@image:{cover}"
    spec = {
        "key": key,
        "model": "resources.ResourcePage",
        "parent": "library",
        "members_only": members_only,
        "shared": shared,
        "id": {"title": title, "slug": slug_for(title), "summary": summary},
    }
    if en:
        en_title, en_summary = en
        spec["en"] = {"title": en_title, "slug": slug_for(en_title), "summary": en_summary}
    return spec


def session(title, minutes, method, materials, notes):
    return {
        "type": "session",
        "value": {
            "title": title,
            "minutes": minutes,
            "method": method,
            "materials": materials,
            "facilitator_notes": notes,
        },
    }


def page_link(key, text):
    """A rich text link to a demo page, resolved per language by the command."""
    return f'<a linktype="page" id="@page:{key}">{text}</a>'


# --- Library and curriculum --------------------------------------------------------------------------------------

LIBRARY = {
    "key": "library",
    "model": "resources.ResourceLibraryPage",
    "parent": "home",
    "shared": {"show_in_menus": True},
    "id": {
        "title": "Pustaka Sumber Daya",
        "slug": "pustaka",
        "intro": (
            "<p>Modul pelatihan, SOP, regulasi, policy brief, laporan riset, materi kampanye, toolkit, video, dan "
            "infografis dari jejaring Sekolah Demokrasi dan Tim Tangguh. Cari berdasarkan kata kunci — termasuk "
            "isi dokumen PDF dan Word — lalu saring menurut jenis, topik, daerah, tahun, dan bahasa.</p>"
        ),
        "listing_summary": "Modul, SOP, regulasi, laporan, dan materi kampanye dari jejaring, dapat dicari isinya.",
    },
    "en": {
        "title": "Resource library",
        "slug": "library",
        "intro": (
            "<p>Training modules, SOPs, regulations, policy briefs, research reports, campaign material, toolkits, "
            "videos and infographics from the Sekolah Demokrasi network and the Tim Tangguh teams. Search by "
            "keyword — including the text inside PDF and Word files — and filter by type, topic, region, year "
            "and language. Most resources are in Bahasa Indonesia.</p>"
        ),
        "listing_summary": "Modules, SOPs, regulations, reports and campaign material from the network, full-text.",
    },
}

CURRICULUM = {
    "key": "curriculum",
    "model": "resources.CurriculumPage",
    "parent": "home",
    "shared": {"show_in_menus": True, "listing_image": "@image:sd-hybrid"},
    "id": {
        "title": "Kurikulum Sekolah Demokrasi",
        "slug": "kurikulum",
        "intro": (
            "Sekolah Demokrasi Hybrid adalah program pendidikan kewargaan P3M bersama INFID untuk Banten. Enam "
            "modulnya membekali peserta untuk merawat demokrasi, menangkal politisasi SARA, dan menyelesaikan "
            "ketegangan di tingkat warga lewat dialog."
        ),
        "listing_summary": "Enam modul Sekolah Demokrasi Hybrid: tujuan, peserta, format, dan rencana sesi.",
        "goals": (
            "<ul>"
            "<li>Memperkuat pemahaman tentang demokrasi, hak asasi manusia, dan pemilu yang jujur dan damai;</li>"
            "<li>membekali peserta untuk mengenali dan menjawab politisasi SARA, hoaks, dan ujaran kebencian;</li>"
            "<li>membangun kemampuan deteksi dini dan penanganan kasus intoleransi melalui dialog;</li>"
            "<li>menghubungkan aparatur pemerintah dan masyarakat sipil dalam advokasi kebijakan daerah, seperti "
            "RAD PE Provinsi Banten dan Perwal Tangerang Selatan.</li>"
            "</ul>"
        ),
        "audience": (
            "<p>Sekolah Demokrasi sengaja mempertemukan orang-orang yang jarang duduk satu meja:</p>"
            "<ul>"
            "<li><b>aparatur pemerintah daerah</b> — staf kesbangpol, kecamatan, dan kelurahan;</li>"
            "<li><b>anggota organisasi kemasyarakatan (ormas)</b>, termasuk ormas keagamaan dan kepemudaan;</li>"
            "<li><b>komunitas minoritas dan lintas iman</b>, termasuk penghayat kepercayaan;</li>"
            "</ul>"
            "<p>dari kabupaten dan kota di seluruh Banten: Kabupaten Pandeglang, Lebak, Tangerang, dan Serang, "
            "serta Kota Tangerang, Cilegon, Serang, dan Tangerang Selatan.</p>"
        ),
        "format": (
            "<p><b>Hybrid:</b> pertemuan tatap muka untuk simulasi, kerja kelompok, dan kunjungan lapangan, "
            "diselingi sesi daring untuk materi dan diskusi lanjutan. Peserta dari daerah yang berjauhan tetap "
            "dapat mengikuti seluruh materi tanpa lama meninggalkan pekerjaan.</p>"
            "<ul><li>Setiap modul punya rencana sesi, lembar bacaan, dan lembar kerja yang dapat diunduh.</li>"
            "<li>Rekaman sesi daring dan materi dibagikan kepada peserta sesudahnya.</li>"
            "<li>Setiap peserta menyusun rencana tindak lanjut untuk daerahnya.</li></ul>"
        ),
        "duration": "6 bulan: 6 modul dalam 12 pertemuan (tatap muka dan daring)",
        "cohorts": (
            "<ul>"
            "<li><b>Angkatan 2023:</b> 30 peserta dari Kota Serang, Kota Cilegon, Kota Tangerang, Kabupaten "
            "Pandeglang, dan Kota Tangerang Selatan.</li>"
            "<li><b>Angkatan 2024:</b> 32 peserta, kini juga dari Kabupaten Lebak, Kabupaten Serang, dan "
            "Kabupaten Tangerang.</li>"
            "</ul>"
        ),
    },
    "en": {
        "title": "Sekolah Demokrasi curriculum",
        "slug": "curriculum",
        "intro": (
            "The Hybrid Democracy School (Sekolah Demokrasi Hybrid) is a civic education programme run by P3M with "
            "INFID in Banten. Its six modules prepare participants to care for democracy, counter the politicisation "
            "of ethnicity and religion, and resolve tensions between neighbours through dialogue."
        ),
        "listing_summary": "The six modules of the Hybrid Democracy School: goals, participants, format, sessions.",
        "goals": (
            "<ul>"
            "<li>Strengthen understanding of democracy, human rights and free, fair and peaceful elections;</li>"
            "<li>equip participants to recognise and answer the politicisation of ethnicity and religion (SARA), "
            "hoaxes and hate speech;</li>"
            "<li>build skills for early detection and for handling cases of intolerance through dialogue;</li>"
            "<li>connect local government staff and civil society in regional policy advocacy, such as Banten's "
            "RAD PE and a mayoral regulation for Tangerang Selatan.</li>"
            "</ul>"
        ),
        "audience": (
            "<p>The Democracy School deliberately brings together people who rarely sit at the same table:</p>"
            "<ul>"
            "<li><b>local government staff</b> — from the national unity and politics offices, districts and "
            "urban villages;</li>"
            "<li><b>members of mass organisations (ormas)</b>, including religious and youth organisations;</li>"
            "<li><b>minority and interfaith communities</b>, including followers of indigenous faiths;</li>"
            "</ul>"
            "<p>from the regencies and cities across Banten: the regencies of Pandeglang, Lebak, Tangerang and "
            "Serang, and the cities of Tangerang, Cilegon, Serang and Tangerang Selatan.</p>"
        ),
        "format": (
            "<p><b>Hybrid:</b> in-person meetings for simulations, group work and field visits, alternating with "
            "online sessions for input and follow-up discussion. Participants from distant areas can follow the "
            "whole programme without being away from work for long.</p>"
            "<ul><li>Every module has a session plan, a reading handout and worksheets to download.</li>"
            "<li>Recordings of online sessions and all materials are shared with participants afterwards.</li>"
            "<li>Every participant drafts a follow-up plan for their own area.</li></ul>"
        ),
        "duration": "6 months: 6 modules in 12 meetings (in person and online)",
        "cohorts": (
            "<ul>"
            "<li><b>2023 cohort:</b> 30 participants from the cities of Serang, Cilegon, Tangerang and Tangerang "
            "Selatan and the regency of Pandeglang.</li>"
            "<li><b>2024 cohort:</b> 32 participants, now also from the regencies of Lebak, Serang and "
            "Tangerang.</li>"
            "</ul>"
        ),
    },
}

# --- Resources ---------------------------------------------------------------------------------------------------

RESOURCES = [
    resource(
        1,
        "modul",
        "Modul Pelatihan Sekolah Demokrasi Hybrid: Panduan Fasilitator",
        (
            "Panduan lengkap bagi fasilitator Sekolah Demokrasi Hybrid: alur enam modul, cara memandu kelas tatap "
            "muka dan daring sekaligus, serta tips menjaga ruang diskusi tetap aman bagi peserta yang beragam."
        ),
        publisher="P3M dan INFID",
        published=date(2023, 11, 20),
        tags=["pelatihan", "kohesi sosial", "dialog lintas iman"],
        cover="sd-hybrid",
        pdf=[
            "Panduan ini disusun untuk fasilitator yang memandu Sekolah Demokrasi Hybrid di Banten. Kelas "
            "mempertemukan aparatur pemerintah daerah, anggota ormas, serta komunitas minoritas dan lintas iman. "
            "Karena itu, tugas pertama fasilitator adalah membangun rasa aman: setiap peserta boleh berbeda "
            "pendapat tanpa takut dipermalukan.",
            "Setiap pertemuan dibuka dengan kesepakatan kelas. Peserta yang hadir langsung dan yang bergabung "
            "secara daring diperlakukan setara: pertanyaan dari ruang obrolan dibacakan, dan kelompok diskusi "
            "dibentuk campuran. Fasilitator pendamping (co-host) bertugas memantau peserta daring.",
            "Metode yang dipakai mengutamakan pengalaman peserta: studi kasus dari daerah sendiri, bermain peran, "
            "dan simulasi mediasi. Cara mengambil keputusan melalui musyawarah dipraktikkan langsung di kelas, "
            "bukan hanya dibahas. Materi ceramah dibatasi paling lama dua puluh menit per sesi.",
            "Di akhir program setiap peserta menyusun rencana tindak lanjut untuk daerahnya. Fasilitator "
            "mendampingi penyusunan rencana ini dan menghubungkan peserta dengan jejaring alumni.",
        ],
        en=(
            "Hybrid Democracy School training module: facilitator's guide",
            "A complete guide for facilitators of the Hybrid Democracy School: the flow of the six modules, how to "
            "run in-person and online participants at once, and tips for keeping the discussion safe for a diverse "
            "group.",
        ),
    ),
    resource(
        2,
        "modul",
        "Modul Literasi Digital untuk Komunitas Lintas Iman",
        (
            "Modul empat sesi untuk komunitas lintas iman: memeriksa kebenaran informasi, mengenali manipulasi "
            "emosi dalam konten bernuansa agama, dan menjaga percakapan di grup warga tetap sehat."
        ),
        publisher="P3M",
        year=2024,
        regions=["Kota Tangerang", "Kota Tangerang Selatan"],
        tags=["literasi digital", "kontra-narasi", "dialog lintas iman"],
        cover="digital-literacy",
        pdf=[
            "Grup percakapan warga adalah ruang tempat kabar paling cepat beredar, termasuk kabar bohong yang "
            "menyinggung keyakinan orang lain. Modul ini membantu pengurus rumah ibadah, pemuda, dan kader "
            "perempuan memeriksa informasi sebelum membagikannya.",
            "Sesi pertama membahas ciri konten yang memancing amarah: judul berhuruf kapital, ajakan untuk segera "
            "menyebarkan, dan sumber yang tidak jelas. Sesi kedua melatih cara sederhana memeriksa gambar dan "
            "video lama yang diunggah ulang dengan keterangan baru.",
            "Sesi ketiga dan keempat berfokus pada cara menanggapi. Peserta berlatih menulis tanggapan yang "
            "meluruskan tanpa mempermalukan pengirim, dan menyepakati aturan grup bersama anggota lain.",
        ],
    ),
    resource(
        3,
        "modul",
        "Modul Deteksi Dini Konflik Sosial Berbasis Kelurahan",
        (
            "Bahan pelatihan anggota Tim Tangguh: mengenali tanda-tanda awal intoleransi di lingkungan, mencatat "
            "kejadian dengan cermat, dan memilih langkah yang tepat sebelum ketegangan membesar."
        ),
        publisher="Tim Tangguh Kota Tangerang Selatan",
        year=2024,
        regions=["Kota Tangerang Selatan"],
        tags=["deteksi dini", "penanganan kasus", "pelatihan"],
        cover="early-detection",
        pdf=[
            "Deteksi dini berarti memperhatikan perubahan kecil sebelum menjadi masalah besar: spanduk bernada "
            "permusuhan, penolakan kegiatan warga tertentu, atau pesan berantai yang menyudutkan satu kelompok. "
            "Anggota Tim Tangguh adalah warga biasa yang dipercaya lingkungannya.",
            "Modul ini memperkenalkan tiga tingkat kewaspadaan: perhatikan, bicarakan, dan rujuk. Sebagian besar "
            "kejadian cukup ditangani dengan percakapan antartetangga dan musyawarah di tingkat RT atau RW. "
            "Kejadian yang mengandung ancaman kekerasan segera dirujuk kepada pihak berwenang.",
            "Peserta juga berlatih mencatat kejadian: apa yang terjadi, kapan, siapa yang terlibat, dan langkah apa "
            "yang sudah diambil. Catatan disimpan dengan menjaga kerahasiaan data pribadi warga yang melapor.",
        ],
        en=(
            "Neighbourhood-based early detection of social conflict: training module",
            "Training material for Tim Tangguh members: recognising the first signs of intolerance in the "
            "neighbourhood, recording incidents carefully, and choosing the right step before tensions grow.",
        ),
    ),
    resource(
        4,
        "modul",
        "Modul Pengawasan Partisipatif Pemilu untuk Pemilih Pemula",
        (
            "Modul dua pertemuan bagi pelajar dan mahasiswa yang baru pertama kali memilih: tahapan pemilu, hak "
            "pemilih, dan cara melaporkan pelanggaran kampanye yang memanfaatkan isu SARA."
        ),
        publisher="P3M",
        year=2023,
        regions=["Kota Serang", "Kabupaten Serang"],
        tags=["pemilu 2024", "pelatihan", "politisasi SARA"],
        pdf=[
            "Pemilih pemula adalah kelompok yang paling banyak menerima pesan kampanye lewat media sosial. Modul "
            "ini mengajak mereka memahami tahapan Pemilu 2024, dari pendaftaran pemilih hingga penghitungan suara.",
            "Peserta mempelajari hak-hak pemilih, termasuk hak untuk memilih secara bebas tanpa tekanan dari "
            "kelompok mana pun. Diskusi kelompok membahas contoh kampanye yang menjual identitas agama atau suku "
            "dan mengapa praktik itu merugikan semua pihak.",
            "Pertemuan kedua berupa simulasi pemungutan suara di TPS dan latihan menyusun laporan dugaan "
            "pelanggaran kepada pengawas pemilu.",
        ],
    ),
    resource(
        5,
        "modul",
        "Training Module: Gender-Responsive Approaches to Preventing Violent Extremism",
        (
            "An English-language module for trainers on why women's participation matters in preventing violent "
            "extremism, with exercises on listening sessions and safe referral."
        ),
        publisher="INFID",
        year=2022,
        language="en",
        tags=["pelatihan", "kohesi sosial"],
        pdf=[
            "Women are often the first to notice changes in a family or a neighbourhood, yet they are rarely invited "
            "to the forums where local security is discussed. This module helps trainers design sessions that make "
            "room for their experience.",
            "Participants practise listening sessions in small groups, map the places where women meet in their "
            "community, and discuss how to refer a worrying case without exposing the person who raised it.",
            "The module draws on community experience in Banten, where customary forms of deliberation and local "
            "wisdom are used to bring neighbours together before disputes escalate.",
        ],
    ),
    resource(
        6,
        "sop-pedoman",
        "SOP Penanganan Kasus Intoleransi melalui Dialog",
        (
            "Langkah demi langkah bagi Tim Tangguh ketika menerima laporan kasus intoleransi: menilai situasi, "
            "mempertemukan para pihak, memandu dialog, dan memantau kesepakatan."
        ),
        publisher="Tim Tangguh Kota Tangerang Selatan",
        published=date(2025, 2, 10),
        regions=["Kota Tangerang Selatan"],
        tags=["penanganan kasus", "dialog lintas iman", "deteksi dini"],
        cover="dialogue",
        pdf=[
            "Langkah 1 — Menerima laporan. Anggota tim mencatat laporan tanpa menghakimi dan memastikan pelapor "
            "merasa aman. Identitas pelapor tidak disebarkan kepada pihak lain.",
            "Langkah 2 — Menilai situasi. Tim menilai apakah ada ancaman kekerasan. Jika ada, kasus segera "
            "dirujuk kepada kelurahan dan aparat keamanan. Jika tidak, tim menyiapkan dialog.",
            "Langkah 3 — Dialog. Para pihak ditemui terpisah lebih dahulu, lalu dipertemukan di tempat yang "
            "netral. Fasilitator menjaga giliran bicara dan mencari kepentingan bersama, bukan pihak yang kalah. "
            "Hasilnya dicapai melalui musyawarah dan dituliskan sebagai kesepakatan sederhana.",
            "Langkah 4 — Memantau. Dua minggu dan dua bulan setelah dialog, tim menanyakan kembali apakah "
            "kesepakatan dijalankan, dan mencatat pelajaran untuk kasus berikutnya.",
        ],
        en=(
            "SOP for handling cases of intolerance through dialogue",
            "Step by step for the Tim Tangguh teams when a case of intolerance is reported: assessing the "
            "situation, bringing the parties together, guiding the dialogue and monitoring the agreement.",
        ),
    ),
    resource(
        7,
        "sop-pedoman",
        "Pedoman Pelaporan dan Rujukan Kasus untuk Tim Tangguh",
        (
            "Format laporan kejadian dan alur rujukan ke kelurahan, kecamatan, dan aparat, lengkap dengan tabel "
            "siapa menghubungi siapa dan dalam berapa lama."
        ),
        publisher="Tim Tangguh Kota Tangerang Selatan",
        year=2024,
        regions=["Kota Tangerang Selatan"],
        tags=["penanganan kasus", "deteksi dini"],
        docx=[
            "Pedoman ini menjelaskan cara melaporkan kejadian dan kapan sebuah kasus perlu dirujuk. Laporan "
            "ditulis singkat, faktual, dan tanpa menyebut nama warga yang melapor.",
            "Kasus dengan ancaman kekerasan dirujuk pada hari yang sama. Kasus lain dibahas dalam rapat tim "
            "mingguan sebelum diputuskan langkah berikutnya.",
        ],
        table_rows=[
            ["Tingkat", "Contoh kejadian", "Dirujuk kepada", "Batas waktu"],
            ["Perhatikan", "Pesan berantai yang menyudutkan kelompok tertentu", "Rapat tim", "1 minggu"],
            ["Bicarakan", "Penolakan kegiatan warga", "Lurah dan tokoh masyarakat", "3 hari"],
            ["Rujuk", "Ancaman kekerasan", "Kelurahan dan aparat keamanan", "Hari yang sama"],
        ],
    ),
    resource(
        8,
        "sop-pedoman",
        "Pedoman Penyelenggaraan Dialog Lintas Iman di Tingkat Kecamatan",
        (
            "Panduan praktis menyelenggarakan dialog lintas iman: memilih tema, mengundang peserta yang beragam, "
            "menyusun aturan main, dan menindaklanjuti hasil pertemuan."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        year=2023,
        regions=["Kota Cilegon", "Kota Serang"],
        tags=["dialog lintas iman", "kohesi sosial"],
        cover="cilegon",
        pdf=[
            "Dialog lintas iman paling berhasil ketika tidak dimulai dari perdebatan ajaran, melainkan dari "
            "persoalan bersama warga: kebersihan lingkungan, keamanan kampung, atau kegiatan pemuda. Tema yang "
            "dekat dengan kehidupan sehari-hari membuat peserta lebih mudah saling mendengar.",
            "Undangan disampaikan melalui tokoh yang dipercaya masing-masing komunitas. Pastikan perempuan, pemuda, "
            "dan kelompok kecil ikut hadir. Tempat pertemuan sebaiknya netral, misalnya balai warga atau aula "
            "kecamatan.",
            "Aturan main disepakati di awal: berbicara bergiliran, tidak memotong, dan tidak merekam tanpa izin. "
            "Kearifan lokal seperti tradisi makan bersama dapat dipakai untuk mencairkan suasana. Keputusan "
            "diambil melalui musyawarah.",
        ],
    ),
    resource(
        9,
        "sop-pedoman",
        "Pedoman Moderasi Konten Grup Percakapan Warga",
        (
            "Aturan sederhana bagi admin grup percakapan RT, RW, dan komunitas: menyikapi hoaks, ujaran kebencian, "
            "dan perdebatan yang memanas tanpa membungkam warga."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        year=2026,
        regions=["Kota Tangerang"],
        tags=["literasi digital", "kontra-narasi"],
        pdf=[
            "Admin grup percakapan warga memegang peran penting: mereka yang pertama melihat kabar bohong beredar. "
            "Pedoman ini menawarkan aturan grup yang dapat disepakati bersama anggota.",
            "Bila ada pesan yang diragukan kebenarannya, admin menandainya dan mengajak anggota memeriksa sumbernya. "
            "Pesan yang berisi ujaran kebencian dihapus, dan pengirimnya dihubungi secara pribadi dengan sopan.",
            "Perdebatan yang memanas dihentikan sejenak dengan ajakan untuk melanjutkan pembicaraan secara "
            "langsung. Admin tidak mengeluarkan anggota kecuali aturan grup berulang kali dilanggar.",
        ],
    ),
    resource(
        10,
        "sop-pedoman",
        "Catatan internal: Notulen Rapat Koordinasi Tim Tangguh, Januari 2025",
        (
            "Notulen rapat koordinasi empat Tim Tangguh kelurahan: perkembangan kasus, jadwal pelatihan "
            "penyegaran, dan pembagian tugas. Hanya untuk anggota jejaring."
        ),
        publisher="Tim Tangguh Kota Tangerang Selatan",
        published=date(2025, 1, 17),
        regions=["Kota Tangerang Selatan"],
        tags=["deteksi dini", "penanganan kasus"],
        members_only=True,
        pdf=[
            "Rapat dihadiri perwakilan Tim Tangguh dari Benda Baru, Pondok Kacang Timur, Jombang, dan Muncul. "
            "Rapat dipandu oleh Yohanes Pranata (contoh) dan dicatat oleh Dewi Lestari (contoh).",
            "Perkembangan kasus: dua kasus dari triwulan lalu telah selesai melalui dialog dan musyawarah warga; "
            "satu kasus masih dipantau. Tidak ada kasus baru yang memerlukan rujukan kepada aparat.",
            "Keputusan rapat: pelatihan penyegaran diadakan pada bulan Maret, setiap tim menunjuk satu anggota "
            "baru dari kalangan pemuda, dan format laporan bulanan diseragamkan.",
        ],
    ),
    resource(
        11,
        "regulasi",
        (
            "Keputusan Gubernur Banten tentang Rencana Aksi Daerah Pencegahan dan Penanggulangan Ekstremisme "
            "Berbasis Kekerasan yang Mengarah pada Terorisme (RAD PE)"
        ),
        (
            "Keputusan Gubernur yang menetapkan RAD PE Provinsi Banten: pilar kegiatan, perangkat daerah yang "
            "bertanggung jawab, dan ruang keterlibatan masyarakat sipil."
        ),
        publisher="Pemerintah Provinsi Banten",
        published=date(2023, 8, 14),
        tags=["advokasi kebijakan", "deteksi dini"],
        cover="rad-pe",
        pdf=[
            "KEPUTUSAN GUBERNUR BANTEN Nomor 000/Kep.000-Huk/2023 (contoh) tentang Rencana Aksi Daerah Pencegahan "
            "dan Penanggulangan Ekstremisme Berbasis Kekerasan yang Mengarah pada Terorisme.",
            "Menimbang bahwa pencegahan ekstremisme berbasis kekerasan memerlukan pendekatan yang menyeluruh, "
            "terkoordinasi, dan melibatkan masyarakat, serta bahwa Rencana Aksi Nasional perlu dijabarkan di "
            "tingkat daerah, maka perlu ditetapkan Rencana Aksi Daerah.",
            "Rencana aksi daerah memuat tiga pilar: pencegahan (kesiapsiagaan, kontra-radikalisasi, dan "
            "deradikalisasi); penegakan hukum, pelindungan saksi dan korban, serta penguatan kerangka legislasi; "
            "dan kemitraan serta kerja sama. Setiap kegiatan mencantumkan perangkat daerah penanggung jawab, "
            "indikator, dan target tahunan.",
            "Pelaksanaan rencana aksi melibatkan organisasi masyarakat sipil, tokoh agama, dan forum kerukunan "
            "umat beragama. Pemantauan dan evaluasi dilakukan setiap tahun oleh sekretariat bersama.",
        ],
        en=(
            "Banten Governor's Decree on the Regional Action Plan for Preventing and Countering Violent Extremism "
            "Conducive to Terrorism (RAD PE)",
            "The governor's decree adopting Banten's RAD PE: its pillars of activity, the provincial agencies "
            "responsible, and the room it gives civil society.",
        ),
    ),
    resource(
        12,
        "regulasi",
        "Rancangan Peraturan Wali Kota Tangerang Selatan tentang Pencegahan Ekstremisme Berbasis Kekerasan (draf)",
        (
            "Naskah usulan Perwal yang memberi payung hukum bagi tim deteksi dini berbasis warga di kelurahan, "
            "mekanisme rujukan, dukungan anggaran, dan pelindungan data pelapor."
        ),
        publisher="Tim Tangguh Kota Tangerang Selatan",
        published=date(2025, 3, 6),
        regions=["Kota Tangerang Selatan"],
        tags=["advokasi kebijakan", "deteksi dini"],
        cover="perwal",
        docx=[
            "RANCANGAN PERATURAN WALI KOTA TANGERANG SELATAN tentang Pencegahan Ekstremisme Berbasis Kekerasan "
            "yang Mengarah pada Terorisme di Tingkat Kelurahan. Draf untuk diskusi kelompok terfokus.",
            "Pasal 1. Tim deteksi dini berbasis warga adalah kelompok warga di tingkat kelurahan yang ditetapkan "
            "oleh lurah untuk mengenali dan menangani secara dini potensi intoleransi dan kekerasan.",
            "Pasal 2. Tim deteksi dini beranggotakan tokoh agama, pengurus RT dan RW, kader perempuan, dan pemuda, "
            "dengan memperhatikan keragaman warga kelurahan.",
            "Pasal 3. Kasus yang mengandung ancaman kekerasan dirujuk kepada perangkat daerah dan aparat penegak "
            "hukum sesuai alur rujukan dalam Lampiran. Data pribadi warga yang melapor wajib dilindungi.",
            "Pasal 4. Pemerintah kota mendukung pelatihan dan pertemuan rutin tim melalui anggaran kelurahan "
            "dan perangkat daerah terkait.",
        ],
        table_rows=[
            ["Pasal", "Pokok pengaturan", "Catatan jejaring"],
            ["1", "Definisi tim deteksi dini", "Selaras dengan RAD PE Provinsi Banten"],
            ["2", "Keanggotaan", "Wajib melibatkan perempuan dan pemuda"],
            ["3", "Rujukan dan pelindungan data", "Perlu lampiran alur rujukan"],
            ["4", "Pendanaan", "Melalui anggaran kelurahan"],
        ],
        en=(
            "Draft mayoral regulation of Tangerang Selatan on preventing violent extremism",
            "The proposed mayoral regulation (Perwal) giving community early-detection teams in the urban villages "
            "a legal footing, a referral mechanism, budget support and protection for the data of people who "
            "report.",
        ),
    ),
    resource(
        13,
        "regulasi",
        "Ringkasan Perpres Nomor 7 Tahun 2021 tentang RAN PE",
        (
            "Ringkasan untuk warga tentang Rencana Aksi Nasional Pencegahan dan Penanggulangan Ekstremisme "
            "Berbasis Kekerasan: isi pokok, pembagian peran, dan kaitannya dengan rencana aksi daerah."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        year=2021,
        tags=["advokasi kebijakan"],
        pdf=[
            "Peraturan Presiden Nomor 7 Tahun 2021 menetapkan Rencana Aksi Nasional Pencegahan dan Penanggulangan "
            "Ekstremisme Berbasis Kekerasan yang Mengarah pada Terorisme (RAN PE). Ringkasan ini menjelaskan "
            "isinya dengan bahasa sehari-hari.",
            "RAN PE mengakui bahwa masyarakat sipil punya peran penting, terutama dalam pencegahan di tingkat "
            "komunitas. Kementerian, lembaga, dan pemerintah daerah diminta menjabarkan rencana aksi sesuai "
            "kewenangannya.",
            "Bagi jejaring alumni, RAN PE membuka pintu untuk terlibat dalam penyusunan dan pemantauan rencana "
            "aksi daerah, seperti RAD PE Provinsi Banten.",
        ],
    ),
    resource(
        14,
        "regulasi",
        "Ringkasan Peraturan Bersama Menteri tentang FKUB dan Pendirian Rumah Ibadat",
        (
            "Penjelasan singkat tentang tugas Forum Kerukunan Umat Beragama (FKUB), syarat pendirian rumah ibadat, "
            "dan cara menyelesaikan perselisihan menurut peraturan bersama menteri tahun 2006."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        year=2019,
        regions=["Kota Cilegon"],
        tags=["dialog lintas iman", "kohesi sosial"],
        pdf=[
            "Peraturan Bersama Menteri Agama dan Menteri Dalam Negeri Nomor 9 dan 8 Tahun 2006 mengatur tugas "
            "kepala daerah dalam memelihara kerukunan, pembentukan FKUB, dan pendirian rumah ibadat.",
            "FKUB dibentuk di tingkat provinsi dan kabupaten/kota. Tugasnya antara lain berdialog dengan pemuka "
            "agama dan tokoh masyarakat, menampung aspirasi, serta memberikan rekomendasi tertulis atas "
            "permohonan pendirian rumah ibadat.",
            "Perselisihan akibat pendirian rumah ibadat diselesaikan lebih dahulu secara musyawarah oleh "
            "masyarakat setempat. Jika tidak tercapai, penyelesaian dilakukan oleh kepala daerah dengan "
            "pertimbangan FKUB.",
        ],
    ),
    resource(
        15,
        "policy-brief",
        "Policy Brief: Memperkuat Peran Masyarakat Sipil dalam RAD PE Banten",
        (
            "Rekomendasi jejaring alumni agar RAD PE Provinsi Banten dijalankan bersama masyarakat sipil: indikator "
            "yang terukur, forum koordinasi yang inklusif, dan dukungan bagi deteksi dini berbasis warga."
        ),
        publisher="P3M dan INFID",
        published=date(2024, 9, 12),
        tags=["advokasi kebijakan", "deteksi dini"],
        cover="rad-pe",
        pdf=[
            "Rencana aksi daerah baru bermakna jika kegiatannya dianggarkan dan dijalankan. Setahun setelah RAD PE "
            "Provinsi Banten ditetapkan, sebagian besar kegiatan masih berupa sosialisasi satu arah.",
            "Rekomendasi 1: tetapkan indikator yang dapat diukur, misalnya jumlah kasus yang diselesaikan melalui "
            "dialog dan jumlah kelurahan yang memiliki tim deteksi dini. Rekomendasi 2: libatkan kelompok minoritas "
            "dan perempuan dalam forum koordinasi. Rekomendasi 3: dukung inisiatif warga yang sudah berjalan "
            "alih-alih membentuk struktur baru.",
            "Pengalaman Tim Tangguh di Kota Tangerang Selatan menunjukkan bahwa pencegahan yang berakar pada "
            "kearifan lokal dan kepercayaan antarwarga lebih tahan lama daripada kegiatan yang bergantung pada "
            "proyek.",
        ],
        en=(
            "Policy brief: strengthening the role of civil society in Banten's RAD PE",
            "The alumni network's recommendations for implementing Banten's regional action plan with civil "
            "society: measurable indicators, inclusive coordination forums and support for community-based early "
            "detection.",
        ),
    ),
    resource(
        16,
        "policy-brief",
        "Catatan internal: Masukan Jejaring untuk Revisi Draf Perwal Tangerang Selatan",
        (
            "Catatan kerja jejaring tentang pasal-pasal draf Perwal yang masih perlu diperbaiki, sebelum "
            "disampaikan kepada pemerintah kota. Hanya untuk anggota jejaring."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        published=date(2025, 4, 22),
        regions=["Kota Tangerang Selatan"],
        tags=["advokasi kebijakan"],
        members_only=True,
        pdf=[
            "Catatan ini merangkum diskusi internal jejaring pada April 2025 yang dipandu oleh Nur Hidayah (contoh). "
            "Beberapa pasal draf Perwal dinilai belum cukup jelas.",
            "Pasal tentang keanggotaan perlu menyebut keterwakilan perempuan secara tegas. Pasal tentang rujukan "
            "perlu lampiran alur yang disepakati bersama kelurahan. Pasal tentang pendanaan perlu menyebut "
            "sumber anggaran yang konkret.",
            "Strategi berikutnya: mengajak dua anggota DPRD kota dan bagian hukum pemerintah kota dalam "
            "diskusi kelompok terfokus, serta menyiapkan kajian singkat pengalaman empat kelurahan.",
        ],
    ),
    resource(
        17,
        "policy-brief",
        "Policy Brief: Protecting Minority Voters from Identity-Based Campaigning",
        (
            "Recommendations for election bodies, parties and local governments on preventing campaigns that "
            "exploit religious and ethnic identity, based on monitoring in Banten before the 2024 elections."
        ),
        publisher="INFID",
        published=date(2024, 1, 15),
        language="en",
        tags=["pemilu 2024", "politisasi SARA"],
        pdf=[
            "Identity-based campaigning does not only divide voters; it leaves minority communities exposed long "
            "after election day. Monitoring by alumni of the Democracy School in Banten recorded messages that "
            "targeted voters by religion in several regencies.",
            "We recommend that election supervisors publish clear guidance on what counts as SARA-based "
            "campaigning, that parties sign and publicise a code of conduct, and that local governments support "
            "interfaith forums during the quiet period.",
            "Community-level deliberation, in the tradition of musyawarah, proved effective in calming tensions "
            "where they appeared.",
        ],
    ),
    resource(
        18,
        "policy-brief",
        "Policy Brief: Pelibatan Perempuan dalam Forum Kerukunan",
        (
            "Mengapa forum kerukunan di kabupaten perlu lebih banyak perempuan, dan langkah konkret yang dapat "
            "diambil pemerintah daerah dan organisasi keagamaan."
        ),
        publisher="P3M",
        year=2022,
        regions=["Kabupaten Pandeglang", "Kabupaten Lebak"],
        tags=["kohesi sosial", "dialog lintas iman"],
        pdf=[
            "Di banyak forum kerukunan, perempuan hanya hadir sebagai tamu atau pengisi konsumsi. Padahal kader "
            "perempuan di desa sering menjadi orang pertama yang mendengar keluhan warga.",
            "Kami merekomendasikan kuota keterwakilan perempuan dalam keanggotaan forum, jadwal pertemuan yang "
            "mempertimbangkan beban kerja perawatan, dan pelatihan fasilitasi bagi kader perempuan.",
        ],
    ),
    resource(
        # The stemming case: "pencegahan" only in the PDF, not in the title or the summary.
        19,
        "laporan-riset",
        "Laporan Survei Persepsi Warga tentang Kerukunan di Kabupaten Lebak",
        (
            "Hasil survei terhadap 400 warga di enam kecamatan: rasa saling percaya antarkelompok, pengalaman "
            "diskriminasi, dan harapan warga terhadap pemerintah desa."
        ),
        publisher="P3M",
        year=2022,
        regions=["Kabupaten Lebak"],
        tags=["kohesi sosial", "deteksi dini"],
        pdf=[
            "Survei dilakukan pada Agustus 2022 terhadap 400 responden di enam kecamatan di Kabupaten Lebak, "
            "dengan wawancara tatap muka. Sebanyak 78 persen responden menyatakan percaya kepada tetangga yang "
            "berbeda agama.",
            "Responden menilai kearifan lokal, seperti gotong royong dan musyawarah kampung, sebagai perekat utama "
            "kerukunan. Namun, 21 persen pernah menerima pesan berantai yang menjelekkan kelompok lain selama "
            "setahun terakhir.",
            "Temuan ini menunjukkan pentingnya pencegahan sejak dini di tingkat desa: forum warga yang rutin, "
            "pelibatan pemuda, dan saluran pengaduan yang dipercaya. Pemerintah desa diharapkan memfasilitasi, "
            "bukan mengambil alih, inisiatif warga.",
        ],
    ),
    resource(
        20,
        "laporan-riset",
        "Pemetaan Ujaran Kebencian di Media Sosial Menjelang Pemilu 2024 di Banten",
        (
            "Analisis konten media sosial selama enam bulan sebelum pemungutan suara: tema ujaran kebencian, "
            "kelompok yang paling sering menjadi sasaran, dan pola penyebarannya."
        ),
        publisher="INFID",
        published=date(2024, 3, 28),
        tags=["politisasi SARA", "pemilu 2024", "literasi digital"],
        cover="counter-narrative",
        pdf=[
            "Tim pemantau mengumpulkan 12.000 unggahan publik yang menyebut daerah-daerah di Banten antara Agustus "
            "2023 dan Februari 2024. Sekitar tujuh persen mengandung ujaran kebencian berbasis agama atau suku.",
            "Puncak ujaran kebencian terjadi menjelang debat calon dan pada masa tenang. Sasaran yang paling "
            "sering adalah kelompok minoritas agama dan pendatang. Sebagian besar unggahan berasal dari akun "
            "anonim yang baru dibuat.",
            "Laporan ini merekomendasikan kerja sama antara pengawas pemilu, komunitas, dan platform untuk "
            "mempercepat penanganan, serta kampanye kontra-narasi yang dimulai jauh sebelum masa kampanye.",
        ],
        en=(
            "Mapping hate speech on social media ahead of the 2024 elections in Banten",
            "An analysis of six months of social media content before polling day: the themes of hate speech, the "
            "groups most often targeted and how it spread.",
        ),
    ),
    resource(
        21,
        "laporan-riset",
        "Baseline Study: Social Cohesion in Four Urban Villages of Tangerang Selatan",
        (
            "A baseline study for the Tim Tangguh programme in Benda Baru, Pondok Kacang Timur, Jombang and "
            "Muncul: trust between neighbours, existing forums and sources of tension."
        ),
        publisher="INFID",
        year=2023,
        language="en",
        regions=["Kota Tangerang Selatan"],
        tags=["kohesi sosial", "deteksi dini"],
        pdf=[
            "The study combined a household survey of 240 residents with focus group discussions in each of the "
            "four urban villages. Most residents described their neighbourhood as peaceful but reported little "
            "contact with people of other faiths outside work.",
            "Existing forums, such as neighbourhood associations and religious study groups, rarely included "
            "newcomers. Residents named rumours on messaging groups as the most common source of tension.",
            "The study recommends building on local wisdom and existing forums rather than creating new "
            "structures, and training volunteers to notice and discuss tensions early.",
        ],
        en=(
            "Baseline Study: Social Cohesion in Four Urban Villages of Tangerang Selatan",
            "A baseline study for the Tim Tangguh programme in Benda Baru, Pondok Kacang Timur, Jombang and "
            "Muncul: trust between neighbours, existing forums and sources of tension.",
        ),
    ),
    resource(
        22,
        "laporan-riset",
        "Catatan internal: Evaluasi Sekolah Demokrasi Angkatan 2023",
        (
            "Hasil evaluasi peserta dan fasilitator angkatan 2023, termasuk kritik terhadap format hybrid dan "
            "usulan perbaikan untuk angkatan berikutnya. Hanya untuk anggota jejaring."
        ),
        publisher="P3M",
        published=date(2024, 2, 5),
        tags=["pelatihan"],
        members_only=True,
        pdf=[
            "Evaluasi dilakukan melalui kuesioner kepada 30 peserta dan wawancara dengan empat fasilitator, "
            "termasuk Siti Rahmawati (contoh). Sebanyak 27 peserta menilai program bermanfaat bagi pekerjaannya.",
            "Kritik utama: koneksi internet peserta daring dari Kabupaten Pandeglang sering terputus, dan sesi "
            "simulasi terlalu singkat. Peserta meminta lebih banyak waktu untuk berbagi pengalaman antardaerah.",
            "Usulan perbaikan: menyediakan paket data bagi peserta daring, menambah satu pertemuan tatap muka, dan "
            "melibatkan alumni sebagai fasilitator pendamping.",
        ],
    ),
    resource(
        23,
        "laporan-riset",
        "Studi Kasus: Penyelesaian Sengketa Pemakaman Warga melalui Dialog",
        (
            "Bagaimana warga sebuah kelurahan menyelesaikan penolakan pemakaman seorang warga yang berbeda "
            "keyakinan, tanpa kekerasan dan tanpa proses hukum."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        year=2017,
        regions=["Kota Cilegon"],
        tags=["penanganan kasus", "dialog lintas iman"],
        pdf=[
            "Kasus bermula ketika sekelompok warga menolak pemakaman seorang warga yang berbeda keyakinan di "
            "pemakaman umum kelurahan. Kabar penolakan cepat menyebar di grup percakapan.",
            "Tokoh agama dari kedua komunitas, bersama lurah, menemui keluarga dan warga yang menolak secara "
            "terpisah. Malam itu juga diadakan musyawarah di balai warga yang menghasilkan kesepakatan: pemakaman "
            "dilakukan keesokan harinya dengan didampingi pengurus RW.",
            "Pelajaran dari kasus ini: kecepatan bertindak, kehadiran tokoh yang dipercaya kedua pihak, dan "
            "kesediaan mendengar alasan warga yang menolak sebelum mencari jalan keluar.",
        ],
    ),
    resource(
        24,
        "materi-kampanye",
        "Kartu Saku: Cek Dulu Sebelum Sebar",
        (
            "Kartu saku bergambar berisi lima pertanyaan sebelum membagikan kabar di media sosial, untuk dibagikan "
            "di pengajian, sekolah minggu, karang taruna, dan posyandu."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        year=2023,
        regions=["Kota Serang"],
        tags=["literasi digital", "kontra-narasi"],
        pdf=[
            "Cek dulu sebelum sebar! Sebelum meneruskan sebuah kabar, tanyakan lima hal: Siapa sumbernya? Kapan "
            "kejadiannya? Apakah media lain memberitakannya? Apakah judulnya memancing marah? Apa akibatnya bagi "
            "tetangga kita jika kabar ini keliru?",
            "Jika ragu, jangan sebarkan. Tanyakan kepada pengurus lingkungan atau periksa di situs cek fakta. "
            "Satu pesan yang kita tahan bisa mencegah satu pertengkaran.",
        ],
    ),
    resource(
        25,
        "materi-kampanye",
        "Seri Poster Pemilu Damai: Beda Pilihan, Tetap Bertetangga",
        (
            "Enam poster siap cetak untuk kampanye pemilu damai di kampung dan media sosial, dengan pesan yang "
            "menolak politisasi SARA."
        ),
        publisher="P3M dan INFID",
        published=date(2024, 1, 8),
        tags=["pemilu 2024", "politisasi SARA", "kontra-narasi"],
        cover="quiet-period",
        pdf=[
            "Poster 1: Beda pilihan, tetap bertetangga. Poster 2: Pilih programnya, bukan agamanya. Poster 3: "
            "Hoaks memecah, cek fakta menyatukan. Poster 4: Masa tenang, hati juga tenang.",
            "Poster 5: Suaramu rahasia, persaudaraan kita terbuka. Poster 6: Setelah pemilu, kita tetap satu "
            "kampung. Setiap poster tersedia dalam ukuran A3 dan format persegi untuk media sosial.",
        ],
    ),
    resource(
        26,
        "materi-kampanye",
        "Naskah Renungan Lintas Iman untuk Masa Tenang Pemilu",
        (
            "Kumpulan naskah renungan singkat dari tokoh berbagai agama tentang menjaga persaudaraan selama masa "
            "tenang dan setelah pengumuman hasil pemilu."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        published=date(2024, 2, 9),
        regions=["Kota Tangerang", "Kabupaten Tangerang"],
        tags=["dialog lintas iman", "pemilu 2024"],
        docx=[
            "Naskah-naskah ini boleh dibacakan dalam khotbah, pengajian, kebaktian, atau pertemuan warga selama "
            "masa tenang. Panjang setiap naskah sekitar tiga menit.",
            "Renungan pertama mengajak umat menghormati pilihan tetangga. Renungan kedua mengingatkan bahwa "
            "menyebarkan fitnah bertentangan dengan ajaran semua agama. Renungan ketiga mengajak bersyukur atas "
            "pemilu yang damai, siapa pun pemenangnya.",
        ],
    ),
    resource(
        27,
        "materi-kampanye",
        "Social Media Content Calendar: Peaceful Elections 2024",
        (
            "A twelve-week content calendar with post ideas, hashtags and visuals for community accounts promoting "
            "a peaceful 2024 election."
        ),
        publisher="INFID",
        year=2023,
        language="en",
        tags=["kontra-narasi", "pemilu 2024"],
        pdf=[
            "Weeks 1 to 4 introduce the candidates' programmes in a neutral way and explain the election "
            "timetable. Weeks 5 to 8 focus on spotting hoaxes and identity-based attacks.",
            "Weeks 9 to 12 cover the quiet period, polling day and the days after the results, with messages "
            "that celebrate neighbourliness whatever the outcome.",
        ],
    ),
    resource(
        28,
        "materi-kampanye",
        "Counter-Narrative Content Guide for Young People",
        (
            "A short guide for young content creators: how to answer intolerant narratives with stories, humour "
            "and facts instead of counter-attacks."
        ),
        publisher="INFID",
        year=2019,
        language="en",
        regions=["Kabupaten Serang"],
        tags=["kontra-narasi", "literasi digital"],
        pdf=[
            "Counter-narratives work best when they tell a better story rather than simply saying the other story "
            "is wrong. Start from real experiences of living together in your neighbourhood.",
            "Keep it short, use humour carefully, check every fact, and never attack people personally. Invite "
            "your audience to talk, not just to like.",
        ],
    ),
    resource(
        29,
        "toolkit",
        "Toolkit Pemetaan Pemangku Kepentingan untuk Advokasi Daerah",
        (
            "Alat bantu memetakan siapa yang berpengaruh dan siapa yang berkepentingan dalam sebuah kebijakan "
            "daerah, dengan matriks pengaruh dan kepentingan yang dapat langsung diisi."
        ),
        publisher="P3M",
        year=2024,
        tags=["advokasi kebijakan", "pelatihan"],
        docx=[
            "Advokasi kebijakan dimulai dengan mengenal para pemangku kepentingan: siapa yang memutuskan, siapa "
            "yang memengaruhi keputusan, dan siapa yang terdampak.",
            "Isilah matriks di bawah ini bersama tim. Untuk setiap pemangku kepentingan, nilai pengaruhnya "
            "(rendah, sedang, tinggi) dan sikapnya terhadap usulan kebijakan, lalu tentukan strategi pendekatan.",
        ],
        table_rows=[
            ["Pemangku kepentingan", "Pengaruh", "Sikap", "Strategi"],
            ["Bagian hukum pemerintah kota", "Tinggi", "Netral", "Audiensi dan naskah akademik"],
            ["Kesbangpol", "Tinggi", "Mendukung", "Libatkan sebagai mitra utama"],
            ["DPRD kota", "Tinggi", "Belum diketahui", "Diskusi kelompok terfokus"],
            ["Forum kerukunan umat beragama", "Sedang", "Mendukung", "Dukungan tertulis"],
            ["Tim deteksi dini kelurahan", "Rendah", "Mendukung", "Kumpulkan cerita dan data"],
        ],
        en=(
            "Stakeholder mapping toolkit for local advocacy",
            "A tool for mapping who has influence over a local policy and who has a stake in it, with an "
            "influence-interest matrix ready to fill in.",
        ),
    ),
    resource(
        30,
        "toolkit",
        "Toolkit Fasilitasi Dialog Warga Berbeda Keyakinan",
        (
            "Kumpulan permainan, pertanyaan pemantik, dan format pertemuan untuk fasilitator yang memandu dialog "
            "warga berbeda keyakinan di desa dan kelurahan."
        ),
        publisher="P3M",
        year=2020,
        regions=["Kabupaten Pandeglang"],
        tags=["dialog lintas iman", "penanganan kasus"],
        pdf=[
            "Toolkit ini berisi dua belas kegiatan yang telah diuji di desa-desa di Kabupaten Pandeglang, mulai "
            "dari permainan perkenalan hingga format pertemuan untuk membahas persoalan yang sensitif.",
            "Kegiatan 'Peta Kampung Kita' mengajak warga menggambar tempat-tempat yang mereka pakai bersama. "
            "Kegiatan 'Kursi Kosong' membantu peserta membayangkan sudut pandang pihak lain.",
            "Fasilitator dianjurkan memakai kearifan lokal setempat — pantun, makan bersama, atau tradisi "
            "musyawarah desa — agar dialog terasa akrab dan bukan acara resmi.",
        ],
    ),
    resource(
        31,
        "toolkit",
        "Early Warning Indicators Toolkit for Community Volunteers",
        (
            "A checklist of early warning signs of intolerance and violent extremism for community volunteers, "
            "with guidance on what to do about each."
        ),
        publisher="INFID",
        year=2018,
        language="en",
        tags=["deteksi dini"],
        pdf=[
            "Early warning is not surveillance. Volunteers look at changes in the neighbourhood, not at the "
            "private beliefs of individuals.",
            "Indicators include: posters or messages that dehumanise a group, refusals of other groups' "
            "activities, sudden isolation of a young person from friends and family, and threats on social "
            "media. For each indicator the toolkit suggests a proportionate response, from a conversation to a "
            "referral.",
        ],
    ),
    resource(
        32,
        "toolkit",
        "Catatan internal: Daftar Kontak Rujukan Penanganan Kasus",
        (
            "Daftar kontak lembaga rujukan — layanan konseling, bantuan hukum, dan pendamping korban — untuk "
            "dipakai Tim Tangguh. Hanya untuk anggota jejaring."
        ),
        publisher="Tim Tangguh Kota Tangerang Selatan",
        year=2025,
        regions=["Kota Tangerang Selatan"],
        tags=["penanganan kasus"],
        members_only=True,
        docx=[
            "Daftar ini hanya untuk anggota jejaring dan tidak boleh disebarluaskan. Semua nama dan nomor di bawah "
            "ini adalah contoh.",
            "Hubungi lembaga rujukan setelah berkonsultasi dengan koordinator tim.",
        ],
        table_rows=[
            ["Layanan", "Narahubung", "Telepon"],
            ["Konseling keluarga", "Rina Anggraini (contoh)", "0800-0000-001 (contoh)"],
            ["Bantuan hukum", "Andi Saputra (contoh)", "0800-0000-002 (contoh)"],
            ["Pendampingan korban", "Maria Simanjuntak (contoh)", "0800-0000-003 (contoh)"],
        ],
    ),
    resource(
        33,
        "video",
        "Video: Cerita dari Kelas Sekolah Demokrasi Hybrid",
        (
            "Video pendek tentang suasana kelas Sekolah Demokrasi Hybrid: peserta tatap muka dan daring belajar "
            "bersama tentang demokrasi dan toleransi."
        ),
        publisher="P3M",
        year=2024,
        regions=["Kota Serang", "Kota Cilegon", "Kota Tangerang"],
        tags=["pelatihan", "kohesi sosial"],
        url="https://www.youtube.com/@example",
        en=(
            "Video: stories from the Hybrid Democracy School classroom",
            "A short video of a Hybrid Democracy School class: participants in the room and online learning "
            "together about democracy and tolerance.",
        ),
    ),
    resource(
        34,
        "video",
        "Video Animasi: Mengenali Hoaks Bernuansa SARA",
        "Animasi tiga menit tentang cara kerja hoaks yang memanfaatkan isu suku, agama, ras, dan antargolongan.",
        publisher="INFID",
        year=2023,
        tags=["literasi digital", "politisasi SARA"],
        url="https://www.youtube.com/@example/videos",
    ),
    resource(
        35,
        "video",
        "Video: Tim Tangguh at Work (English subtitles)",
        (
            "A documentary short following Tim Tangguh volunteers in Tangerang Selatan as they prepare a "
            "neighbourhood dialogue, with English subtitles."
        ),
        publisher="Tim Tangguh Kota Tangerang Selatan",
        published=date(2026, 2, 18),
        language="en",
        regions=["Kota Tangerang Selatan"],
        tags=["deteksi dini", "dialog lintas iman"],
        url="https://www.youtube.com/@example/featured",
    ),
    resource(
        36,
        "video",
        "Rekaman Webinar: Peran Ormas dalam Menjaga Pemilu Damai",
        (
            "Rekaman diskusi daring bersama pengurus ormas keagamaan dan kepemudaan tentang peran mereka sebelum, "
            "selama, dan sesudah Pemilu 2024, beserta ringkasannya."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        published=date(2023, 12, 2),
        tags=["pemilu 2024", "kohesi sosial"],
        url="https://www.youtube.com/@example/streams",
        pdf=[
            "Ringkasan webinar. Diskusi dipandu oleh Made Wirawan (contoh) dan menghadirkan pengurus ormas "
            "keagamaan serta organisasi kepemudaan dari Kota Tangerang dan Kabupaten Serang.",
            "Para narasumber sepakat bahwa ormas punya jaringan yang menjangkau hingga tingkat kampung dan dapat "
            "dipakai untuk menyebarkan pesan damai. Tantangannya adalah menjaga jarak dari kepentingan calon.",
            "Rekomendasi: ormas menandatangani komitmen pemilu damai, melatih kader sebagai pemantau hoaks, dan "
            "membuka posko pengaduan bersama pada masa tenang.",
        ],
    ),
    resource(
        37,
        "infografis",
        "Infografis: Alur Penanganan Kasus oleh Tim Tangguh",
        "Satu halaman bergambar yang merangkum empat langkah penanganan kasus: terima, nilai, dialog, pantau.",
        publisher="Tim Tangguh Kota Tangerang Selatan",
        year=2025,
        regions=["Kota Tangerang Selatan"],
        tags=["penanganan kasus", "deteksi dini"],
        cover="workshop-session",
        pdf=[
            "TERIMA: dengarkan laporan, catat, lindungi identitas pelapor. NILAI: ada ancaman kekerasan? Ya — "
            "rujuk hari itu juga. Tidak — siapkan dialog.",
            "DIALOG: temui para pihak terpisah, lalu pertemukan di tempat netral; capai kesepakatan melalui "
            "musyawarah. PANTAU: tanyakan kembali setelah dua minggu dan dua bulan.",
        ],
    ),
    resource(
        38,
        "infografis",
        "Infografis: Sebaran Peserta Sekolah Demokrasi per Kabupaten/Kota",
        "Peta dan angka peserta angkatan 2023 dan 2024 menurut kabupaten/kota dan latar belakang lembaga.",
        publisher="P3M",
        year=2024,
        regions=[
            "Kota Serang",
            "Kota Cilegon",
            "Kota Tangerang",
            "Kabupaten Pandeglang",
            "Kota Tangerang Selatan",
            "Kabupaten Lebak",
            "Kabupaten Serang",
            "Kabupaten Tangerang",
        ],
        tags=["pelatihan"],
        pdf=[
            "Angkatan 2023: 30 peserta dari Kota Serang, Kota Cilegon, Kota Tangerang, Kabupaten Pandeglang, dan "
            "Kota Tangerang Selatan. Angkatan 2024: 32 peserta dari delapan kabupaten/kota.",
            "Menurut latar belakang: 38 persen aparatur pemerintah daerah, 34 persen anggota ormas, dan 28 persen "
            "dari komunitas minoritas dan lintas iman.",
        ],
    ),
    resource(
        39,
        "infografis",
        "Infographic: Five Signs of Online Radicalisation",
        (
            "An infographic for parents and teachers on five warning signs that a young person may be drawn into "
            "extremist groups online, and where to get help."
        ),
        publisher="INFID",
        year=2016,
        language="en",
        tags=["literasi digital", "deteksi dini"],
        pdf=[
            "1. Sudden withdrawal from friends and family. 2. Talking about 'us and them' in absolute terms. "
            "3. Secretive use of new messaging apps. 4. Sharing content that glorifies violence. 5. Rejecting "
            "every source of information except one.",
            "What to do: keep talking, listen without judging, and ask a counsellor or religious leader you trust "
            "for advice.",
        ],
    ),
    resource(
        40,
        "infografis",
        "Infografis: Tahapan Pemilu 2024 dan Titik Rawan Politisasi SARA",
        (
            "Garis waktu tahapan Pemilu 2024 yang menandai saat-saat politisasi SARA paling sering muncul, dengan "
            "saran kegiatan bagi komunitas di setiap tahap."
        ),
        publisher="Jejaring Alumni Sekolah Demokrasi",
        published=date(2023, 10, 30),
        tags=["pemilu 2024", "politisasi SARA"],
        pdf=[
            "Pendaftaran calon: waspadai kabar tentang latar agama atau suku calon. Masa kampanye: pantau "
            "kampanye di rumah ibadah dan grup percakapan. Masa tenang: perbanyak pesan damai.",
            "Pemungutan dan penghitungan suara: kawal TPS bersama. Setelah pengumuman hasil: rajut kembali "
            "hubungan antarwarga yang sempat renggang.",
        ],
    ),
]

# --- Curriculum modules ------------------------------------------------------------------------------------------

MODULES = [
    {
        "key": "module-1",
        "shared": {
            "number": 1,
            "tags": ["pemilu 2024", "pelatihan"],
            "files": [
                document(
                    "module-1-handout",
                    "Modul 1 — Lembar bacaan: Demokrasi dan pemilu",
                    [
                        "Demokrasi bukan hanya soal memilih setiap lima tahun. Demokrasi adalah cara hidup bersama "
                        "yang menjamin setiap warga — termasuk kelompok kecil — didengar dan dilindungi haknya.",
                        "Pemilu yang jujur dan adil memerlukan penyelenggara yang mandiri, peserta yang taat aturan, "
                        "dan pemilih yang mendapat informasi benar. Warga dapat ikut mengawasi setiap tahapan, dari "
                        "pemutakhiran daftar pemilih hingga rekapitulasi suara.",
                        "Tantangan di Banten antara lain politik uang, kampanye yang menjual identitas, dan hoaks. "
                        "Modul berikutnya membahas politisasi SARA secara lebih mendalam.",
                    ],
                ),
                document(
                    "module-1-worksheet",
                    "Modul 1 — Lembar kerja: Peta tahapan pemilu di daerah saya",
                    [
                        "Isilah tabel berikut bersama kelompok daerah Anda. Tuliskan risiko yang pernah terjadi atau "
                        "mungkin terjadi pada setiap tahapan, dan siapa yang dapat diajak bekerja sama.",
                    ],
                    kind="docx",
                    table_rows=[
                        ["Tahapan", "Risiko di daerah kami", "Mitra", "Yang dapat kami lakukan"],
                        ["Pemutakhiran daftar pemilih", "", "", ""],
                        ["Masa kampanye", "", "", ""],
                        ["Masa tenang", "", "", ""],
                        ["Pemungutan dan penghitungan suara", "", "", ""],
                    ],
                ),
            ],
            "related_resources": ["res-004", "res-040", "res-017"],
        },
        "id": {
            "title": "Demokrasi dan pemilu",
            "slug": "demokrasi-dan-pemilu",
            "summary": (
                "Memahami demokrasi sebagai cara hidup bersama, tahapan pemilu, hak pemilih, dan peran warga dalam "
                "mengawasi pemilu yang jujur, adil, dan damai."
            ),
            "objectives": (
                "<ul>"
                "<li>Menjelaskan prinsip-prinsip dasar demokrasi dan hak asasi manusia;</li>"
                "<li>menguraikan tahapan Pemilu 2024 dan titik-titik rawannya di daerah masing-masing;</li>"
                "<li>mempraktikkan pengawasan partisipatif di TPS;</li>"
                "<li>menyusun satu langkah tindak lanjut bersama kelompok daerah.</li>"
                "</ul>"
            ),
            "duration": "2 pertemuan (6 jam)",
            "sessions": [
                session(
                    "Demokrasi sehari-hari: apa yang kita pahami?",
                    90,
                    "Curah pendapat dan diskusi pleno",
                    "Kertas plano, spidol, kartu metaplan",
                    "<p>Mulailah dari pengalaman peserta: kapan terakhir kali mereka ikut mengambil keputusan "
                    "bersama? Hindari ceramah panjang tentang teori.</p>",
                ),
                session(
                    "Tahapan pemilu dan hak pemilih",
                    90,
                    "Presentasi interaktif dan kuis",
                    "Infografis tahapan pemilu, lembar bacaan Modul 1",
                    "<ul><li>Gunakan kuis singkat di awal untuk mengukur pengetahuan peserta.</li>"
                    "<li>Pastikan peserta daring dapat menjawab lewat ruang obrolan.</li></ul>",
                ),
                session(
                    "Simulasi pengawasan partisipatif di TPS",
                    120,
                    "Simulasi dan bermain peran",
                    "Kotak suara tiruan, surat suara contoh, formulir laporan",
                    "<p>Bagi peran: petugas KPPS, saksi, pemantau, dan pemilih. Sisipkan satu pelanggaran yang "
                    "harus ditemukan peserta. Peserta daring berperan sebagai tim pemantau yang menerima laporan.</p>",
                ),
                session(
                    "Refleksi dan rencana tindak lanjut",
                    60,
                    "Kerja kelompok per daerah",
                    "Lembar kerja peta tahapan pemilu",
                    "<p>Minta setiap kelompok memilih <b>satu</b> langkah yang realistis untuk tiga bulan ke "
                    "depan.</p>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-004', 'Modul Pengawasan Partisipatif Pemilu untuk Pemilih Pemula')}</li>"
                f"<li>{page_link('res-040', 'Infografis: Tahapan Pemilu 2024 dan Titik Rawan Politisasi SARA')}</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Democracy and elections",
            "slug": "democracy-and-elections",
            "summary": (
                "Democracy as a way of living together, the stages of an election, voters' rights, and the part "
                "citizens play in overseeing free, fair and peaceful elections."
            ),
            "objectives": (
                "<ul>"
                "<li>Explain the basic principles of democracy and human rights;</li>"
                "<li>describe the stages of the 2024 elections and their risks in participants' own areas;</li>"
                "<li>practise participatory monitoring at a polling station;</li>"
                "<li>agree on one follow-up step with their regional group.</li>"
                "</ul>"
            ),
            "duration": "2 meetings (6 hours)",
            "sessions": [
                session(
                    "Everyday democracy: what do we understand by it?",
                    90,
                    "Brainstorm and plenary discussion",
                    "Flip chart paper, markers, cards",
                    "<p>Start from participants' experience: when did they last take part in a shared decision? "
                    "Avoid long lectures on theory.</p>",
                ),
                session(
                    "Election stages and voters' rights",
                    90,
                    "Interactive presentation and quiz",
                    "Election timeline infographic, Module 1 reading handout",
                    "<ul><li>Open with a short quiz to gauge what participants know.</li>"
                    "<li>Make sure online participants can answer in the chat.</li></ul>",
                ),
                session(
                    "Simulation: participatory monitoring at the polling station",
                    120,
                    "Simulation and role play",
                    "Mock ballot box, sample ballots, report forms",
                    "<p>Assign roles: polling staff, party witnesses, monitors and voters. Slip in one violation "
                    "for participants to find. Online participants act as the monitoring team receiving "
                    "reports.</p>",
                ),
                session(
                    "Reflection and follow-up plan",
                    60,
                    "Group work by area",
                    "Election stages worksheet",
                    "<p>Ask each group to choose <b>one</b> realistic step for the next three months.</p>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-004', 'Participatory election monitoring for first-time voters (Indonesian)')}"
                "</li>"
                f"<li>{page_link('res-040', 'Infographic: 2024 election stages and SARA risk points (Indonesian)')}"
                "</li>"
                "</ul>"
            ),
        },
    },
    {
        "key": "module-2",
        "shared": {
            "number": 2,
            "tags": ["politisasi SARA", "pemilu 2024", "kohesi sosial"],
            "files": [
                document(
                    "module-2-handout",
                    "Modul 2 — Lembar bacaan: Politisasi SARA",
                    [
                        "Politisasi SARA adalah pemanfaatan isu suku, agama, ras, dan antargolongan untuk meraih "
                        "dukungan politik, biasanya dengan menakut-nakuti atau merendahkan kelompok lain.",
                        "Politisasi SARA tidak berhenti setelah pemilu. Luka yang ditimbulkannya dapat bertahan "
                        "bertahun-tahun, memengaruhi hubungan antartetangga, pelayanan publik, hingga izin kegiatan "
                        "keagamaan.",
                        "Peserta diajak mengenali polanya: membingkai lawan sebagai ancaman bagi agama, menyebarkan "
                        "kabar tentang latar keluarga calon, dan memakai rumah ibadah untuk kampanye.",
                    ],
                ),
            ],
            "related_resources": ["res-020", "res-025", "res-034"],
        },
        "id": {
            "title": "Politisasi SARA",
            "slug": "politisasi-sara",
            "summary": (
                "Mengenali bagaimana isu suku, agama, ras, dan antargolongan dipakai untuk meraih dukungan politik, "
                "dampaknya bagi kerukunan, dan cara komunitas menanggapinya."
            ),
            "objectives": (
                "<ul>"
                "<li>Mengenali pola politisasi SARA dalam kampanye dan media sosial;</li>"
                "<li>menganalisis dampaknya bagi kelompok minoritas dan hubungan antarwarga;</li>"
                "<li>merumuskan tanggapan komunitas yang tidak memperkeruh suasana.</li>"
                "</ul>"
            ),
            "duration": "1 pertemuan (4,5 jam)",
            "sessions": [
                session(
                    "Cerita dari daerah: pengalaman politisasi SARA",
                    75,
                    "Berbagi cerita dalam kelompok kecil",
                    "Kartu cerita, lembar bacaan Modul 2",
                    "<p>Ingatkan kesepakatan kelas sebelum mulai: cerita yang dibagikan tidak dibawa keluar "
                    "ruangan. Campurkan peserta dari latar yang berbeda dalam satu kelompok.</p>",
                ),
                session(
                    "Membedah pola: dari spanduk sampai pesan berantai",
                    90,
                    "Analisis contoh kampanye",
                    "Contoh spanduk dan tangkapan layar yang sudah disamarkan",
                    "<p>Gunakan hanya contoh yang identitas pengirim dan sasarannya sudah disamarkan.</p>",
                ),
                session(
                    "Apa yang bisa dilakukan komunitas?",
                    105,
                    "Diskusi kelompok dan presentasi",
                    "Kertas plano, poster Pemilu Damai",
                    "<ul><li>Arahkan diskusi pada tindakan yang berada dalam kendali peserta.</li>"
                    "<li>Catat usulan yang dapat dibawa ke Modul 3 (kontra-narasi).</li></ul>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-020', 'Pemetaan Ujaran Kebencian di Media Sosial Menjelang Pemilu 2024')}</li>"
                f"<li>{page_link('res-025', 'Seri Poster Pemilu Damai: Beda Pilihan, Tetap Bertetangga')}</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "The politicisation of ethnicity and religion (SARA)",
            "slug": "politicisation-of-sara",
            "summary": (
                "How ethnicity, religion, race and inter-group relations (SARA) are used to win political support, "
                "what it does to harmony between neighbours, and how communities can respond."
            ),
            "objectives": (
                "<ul>"
                "<li>Recognise patterns of SARA politicisation in campaigns and on social media;</li>"
                "<li>analyse its effects on minority groups and on relations between residents;</li>"
                "<li>formulate community responses that calm rather than inflame.</li>"
                "</ul>"
            ),
            "duration": "1 meeting (4.5 hours)",
            "sessions": [
                session(
                    "Stories from our areas: experiences of SARA politicisation",
                    75,
                    "Story sharing in small groups",
                    "Story cards, Module 2 reading handout",
                    "<p>Restate the group agreement first: stories shared here stay in the room. Mix participants "
                    "of different backgrounds in each group.</p>",
                ),
                session(
                    "Taking the patterns apart: from banners to chain messages",
                    90,
                    "Analysis of campaign examples",
                    "Anonymised banners and screenshots",
                    "<p>Only use examples in which senders and targets have been anonymised.</p>",
                ),
                session(
                    "What can communities do?",
                    105,
                    "Group discussion and presentations",
                    "Flip chart paper, Peaceful Elections posters",
                    "<ul><li>Steer the discussion towards actions within participants' control.</li>"
                    "<li>Note ideas to take into Module 3 (counter-narratives).</li></ul>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-020', 'Mapping hate speech on social media ahead of the 2024 elections')}</li>"
                f"<li>{page_link('res-025', 'Peaceful Elections poster series (Indonesian)')}</li>"
                "</ul>"
            ),
        },
    },
    {
        "key": "module-3",
        "shared": {
            "number": 3,
            "tags": ["literasi digital", "kontra-narasi"],
            "files": [
                document(
                    "module-3-handout",
                    "Modul 3 — Lembar bacaan: Literasi media sosial dan kontra-narasi",
                    [
                        "Algoritma media sosial cenderung menampilkan konten yang memancing emosi. Karena itu, kabar "
                        "yang menyulut amarah terhadap kelompok lain menyebar lebih cepat daripada klarifikasinya.",
                        "Kontra-narasi bukan sekadar membantah. Kontra-narasi yang baik menawarkan cerita yang lebih "
                        "kuat: pengalaman nyata hidup berdampingan, tokoh yang dihormati, dan ajakan yang positif.",
                        "Sebelum membuat konten, kenali audiens Anda, pilih satu pesan utama, periksa semua fakta, "
                        "dan siapkan cara menanggapi komentar yang menyerang.",
                    ],
                ),
                document(
                    "module-3-worksheet",
                    "Modul 3 — Lembar kerja: Merancang konten kontra-narasi",
                    [
                        "Rancanglah satu konten kontra-narasi bersama kelompok Anda. Isilah tabel berikut sebelum "
                        "mulai membuat gambar atau video.",
                    ],
                    kind="docx",
                    table_rows=[
                        ["Pertanyaan", "Jawaban kelompok"],
                        ["Narasi apa yang ingin kita tanggapi?", ""],
                        ["Siapa audiens kita?", ""],
                        ["Apa pesan utama kita (satu kalimat)?", ""],
                        ["Cerita atau tokoh apa yang kita pakai?", ""],
                        ["Di kanal mana dan kapan kita mengunggahnya?", ""],
                    ],
                ),
            ],
            "related_resources": ["res-002", "res-024", "res-028"],
        },
        "id": {
            "title": "Literasi media sosial dan kontra-narasi",
            "slug": "literasi-media-sosial-dan-kontra-narasi",
            "summary": (
                "Memeriksa kebenaran informasi, memahami cara kerja algoritma, dan merancang konten kontra-narasi "
                "yang menawarkan cerita tandingan terhadap hoaks dan ujaran kebencian."
            ),
            "objectives": (
                "<ul>"
                "<li>Memeriksa kebenaran teks, gambar, dan video dengan alat sederhana;</li>"
                "<li>menjelaskan mengapa konten yang memancing emosi menyebar lebih cepat;</li>"
                "<li>merancang dan menguji satu konten kontra-narasi bersama kelompok.</li>"
                "</ul>"
            ),
            "duration": "2 pertemuan (6 jam, salah satunya daring)",
            "sessions": [
                session(
                    "Cek fakta: teks, gambar, dan video",
                    90,
                    "Praktik dengan gawai peserta",
                    "Gawai, koneksi internet, contoh hoaks yang sudah diklarifikasi",
                    "<p>Sesi ini cocok diadakan daring. Bagikan layar dan minta peserta mencoba langsung.</p>",
                ),
                session(
                    "Algoritma dan emosi",
                    60,
                    "Presentasi singkat dan diskusi",
                    "Lembar bacaan Modul 3",
                    "<p>Ajak peserta memeriksa beranda media sosial masing-masing: konten apa yang paling sering "
                    "muncul?</p>",
                ),
                session(
                    "Merancang konten kontra-narasi",
                    120,
                    "Kerja kelompok",
                    "Lembar kerja Modul 3, templat desain",
                    "<ul><li>Setiap kelompok memilih satu narasi intoleran yang nyata di daerahnya.</li>"
                    "<li>Ingatkan: jangan menyerang pribadi, jangan membalas dengan hoaks.</li></ul>",
                ),
                session(
                    "Uji konten dan umpan balik",
                    90,
                    "Galeri dan umpan balik sejawat",
                    "Hasil kerja kelompok",
                    "<p>Peserta daring memberi umpan balik lewat formulir bersama.</p>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-002', 'Modul Literasi Digital untuk Komunitas Lintas Iman')}</li>"
                f"<li>{page_link('res-024', 'Kartu Saku: Cek Dulu Sebelum Sebar')}</li>"
                f"<li>{page_link('res-028', 'Counter-Narrative Content Guide for Young People')}</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Social media literacy and counter-narratives",
            "slug": "social-media-literacy-and-counter-narratives",
            "summary": (
                "Checking information, understanding how algorithms work, and designing counter-narrative content "
                "that offers a better story than hoaxes and hate speech."
            ),
            "objectives": (
                "<ul>"
                "<li>Verify text, images and videos with simple tools;</li>"
                "<li>explain why emotionally charged content spreads faster;</li>"
                "<li>design and test one piece of counter-narrative content as a group.</li>"
                "</ul>"
            ),
            "duration": "2 meetings (6 hours, one of them online)",
            "sessions": [
                session(
                    "Fact-checking text, images and video",
                    90,
                    "Hands-on practice on participants' phones",
                    "Phones, internet connection, debunked hoax examples",
                    "<p>This session works well online. Share your screen and have participants try it themselves.</p>",
                ),
                session(
                    "Algorithms and emotions",
                    60,
                    "Short presentation and discussion",
                    "Module 3 reading handout",
                    "<p>Ask participants to look at their own social media feeds: what appears most often?</p>",
                ),
                session(
                    "Designing counter-narrative content",
                    120,
                    "Group work",
                    "Module 3 worksheet, design templates",
                    "<ul><li>Each group picks one real intolerant narrative from its area.</li>"
                    "<li>Remind them: no personal attacks, no answering hoaxes with hoaxes.</li></ul>",
                ),
                session(
                    "Testing content and feedback",
                    90,
                    "Gallery walk and peer feedback",
                    "Group outputs",
                    "<p>Online participants give feedback through a shared form.</p>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-002', 'Digital literacy module for interfaith communities (Indonesian)')}</li>"
                f"<li>{page_link('res-024', 'Pocket card: check before you share (Indonesian)')}</li>"
                f"<li>{page_link('res-028', 'Counter-Narrative Content Guide for Young People')}</li>"
                "</ul>"
            ),
        },
    },
    {
        "key": "module-4",
        "shared": {
            "number": 4,
            "tags": ["deteksi dini", "penanganan kasus", "dialog lintas iman"],
            "files": [
                document(
                    "module-4-handout",
                    "Modul 4 — Lembar bacaan: Deteksi dini dan penanganan kasus melalui dialog",
                    [
                        "Sebagian besar ketegangan antarwarga berawal dari hal kecil: salah paham, kabar burung, "
                        "atau perasaan tidak dihargai. Bila ditangani sejak awal, ketegangan itu jarang berkembang "
                        "menjadi konflik terbuka.",
                        "Tim deteksi dini bekerja dengan tiga tingkat: perhatikan, bicarakan, dan rujuk. Dialog "
                        "dipandu oleh orang yang dipercaya kedua pihak, di tempat yang netral, dengan aturan yang "
                        "disepakati bersama.",
                        "Setiap kasus dicatat dengan menjaga kerahasiaan, dan hasilnya dipantau kembali setelah "
                        "beberapa minggu.",
                    ],
                ),
                document(
                    "module-4-worksheet",
                    "Modul 4 — Lembar kerja: Formulir catatan kejadian",
                    [
                        "Gunakan formulir ini untuk mencatat kejadian dalam simulasi. Jangan menuliskan nama asli "
                        "warga; gunakan inisial atau kode.",
                    ],
                    kind="docx",
                    table_rows=[
                        ["Kolom", "Isian"],
                        ["Tanggal dan tempat kejadian", ""],
                        ["Apa yang terjadi", ""],
                        ["Pihak yang terlibat (kode)", ""],
                        ["Tingkat: perhatikan / bicarakan / rujuk", ""],
                        ["Langkah yang sudah diambil", ""],
                        ["Jadwal pemantauan", ""],
                    ],
                ),
            ],
            "related_resources": ["res-006", "res-003", "res-037"],
        },
        "id": {
            "title": "Deteksi dini dan penanganan kasus melalui dialog",
            "slug": "deteksi-dini-dan-penanganan-kasus",
            "summary": (
                "Mengenali tanda-tanda awal intoleransi di lingkungan, menilai tingkat risikonya, dan menangani "
                "kasus melalui dialog yang difasilitasi, berdasarkan pengalaman Tim Tangguh."
            ),
            "objectives": (
                "<ul>"
                "<li>Mengenali tanda-tanda awal intoleransi dan ekstremisme kekerasan di lingkungan;</li>"
                "<li>membedakan kasus yang cukup dibicarakan dan kasus yang harus dirujuk;</li>"
                "<li>memandu dialog antara pihak-pihak yang bersengketa;</li>"
                "<li>mencatat kasus dengan menjaga kerahasiaan data pribadi.</li>"
                "</ul>"
            ),
            "duration": "2 pertemuan (7 jam)",
            "sessions": [
                session(
                    "Tanda-tanda awal: apa yang kita perhatikan?",
                    75,
                    "Diskusi kelompok dengan kartu kasus",
                    "Kartu kasus, lembar bacaan Modul 4",
                    "<p>Tekankan bahwa deteksi dini bukan memata-matai keyakinan orang, melainkan memperhatikan "
                    "perubahan di lingkungan.</p>",
                ),
                session(
                    "Menilai risiko: perhatikan, bicarakan, rujuk",
                    75,
                    "Latihan pemilahan kasus",
                    "SOP penanganan kasus, tabel rujukan",
                    "<p>Gunakan kasus-kasus yang bertingkat dari ringan sampai berat.</p>",
                ),
                session(
                    "Simulasi mediasi",
                    150,
                    "Bermain peran dalam kelompok bertiga",
                    "Skenario kasus, lembar peran",
                    "<ul><li>Setiap peserta bergiliran menjadi fasilitator, pihak pertama, dan pihak kedua.</li>"
                    "<li>Sediakan waktu untuk keluar dari peran setelah simulasi.</li></ul>",
                ),
                session(
                    "Mencatat dan memantau kasus",
                    60,
                    "Praktik mengisi formulir",
                    "Formulir catatan kejadian",
                    "<p>Bahas bagaimana menyimpan catatan dengan aman dan siapa saja yang boleh membacanya.</p>",
                ),
                session(
                    "Belajar dari Tim Tangguh",
                    60,
                    "Tanya jawab dengan anggota Tim Tangguh (daring)",
                    "Video Tim Tangguh",
                    "<p>Narasumber: anggota Tim Tangguh, misalnya Yohanes Pranata (contoh).</p>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-006', 'SOP Penanganan Kasus Intoleransi melalui Dialog')}</li>"
                f"<li>{page_link('res-003', 'Modul Deteksi Dini Konflik Sosial Berbasis Kelurahan')}</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Early detection and handling cases through dialogue",
            "slug": "early-detection-and-case-handling",
            "summary": (
                "Recognising the first signs of intolerance in the neighbourhood, assessing the risk, and handling "
                "cases through facilitated dialogue, drawing on the experience of the Tim Tangguh teams."
            ),
            "objectives": (
                "<ul>"
                "<li>Recognise early signs of intolerance and violent extremism in the neighbourhood;</li>"
                "<li>tell cases that can be talked through from cases that must be referred;</li>"
                "<li>facilitate a dialogue between parties in dispute;</li>"
                "<li>record cases while keeping personal data confidential.</li>"
                "</ul>"
            ),
            "duration": "2 meetings (7 hours)",
            "sessions": [
                session(
                    "Early signs: what do we look for?",
                    75,
                    "Group discussion with case cards",
                    "Case cards, Module 4 reading handout",
                    "<p>Stress that early detection is not spying on people's beliefs but noticing changes in the "
                    "neighbourhood.</p>",
                ),
                session(
                    "Assessing risk: notice, talk, refer",
                    75,
                    "Case sorting exercise",
                    "Case handling SOP, referral table",
                    "<p>Use cases graded from minor to serious.</p>",
                ),
                session(
                    "Mediation simulation",
                    150,
                    "Role play in groups of three",
                    "Case scenarios, role sheets",
                    "<ul><li>Each participant takes turns as facilitator, first party and second party.</li>"
                    "<li>Leave time to step out of role after the simulation.</li></ul>",
                ),
                session(
                    "Recording and monitoring cases",
                    60,
                    "Practice filling in the form",
                    "Incident record form",
                    "<p>Discuss how to store records safely and who may read them.</p>",
                ),
                session(
                    "Learning from the Tim Tangguh teams",
                    60,
                    "Questions and answers with Tim Tangguh members (online)",
                    "Tim Tangguh video",
                    "<p>Resource person: a Tim Tangguh member, for example Yohanes Pranata (contoh).</p>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-006', 'SOP for handling cases of intolerance through dialogue')}</li>"
                f"<li>{page_link('res-003', 'Neighbourhood-based early detection of social conflict')}</li>"
                "</ul>"
            ),
        },
    },
    {
        "key": "module-5",
        "shared": {
            "number": 5,
            "tags": ["advokasi kebijakan", "kohesi sosial"],
            "files": [
                document(
                    "module-5-worksheet",
                    "Modul 5 — Lembar kerja: Matriks pemangku kepentingan",
                    [
                        "Tuliskan semua pihak yang terkait dengan isu yang dipilih kelompok Anda, lalu nilai pengaruh "
                        "dan kepentingannya. Pihak dengan pengaruh tinggi dan kepentingan tinggi adalah mitra utama.",
                    ],
                    kind="docx",
                    table_rows=[
                        ["Pihak", "Pengaruh (1-5)", "Kepentingan (1-5)", "Hubungan saat ini", "Langkah pendekatan"],
                        ["", "", "", "", ""],
                        ["", "", "", "", ""],
                        ["", "", "", "", ""],
                    ],
                ),
                document(
                    "module-5-handout",
                    "Modul 5 — Lembar bacaan: Pemetaan pemangku kepentingan dan kemitraan",
                    [
                        "Tidak ada satu lembaga pun yang dapat menjaga kerukunan sendirian. Pemerintah daerah, ormas, "
                        "tokoh agama, sekolah, dan kelompok pemuda memegang bagian yang berbeda.",
                        "Pemetaan pemangku kepentingan membantu menjawab tiga pertanyaan: siapa yang perlu dilibatkan, "
                        "siapa yang dapat memengaruhi mereka, dan apa kepentingan masing-masing.",
                        "Kemitraan yang baik dibangun dari kepentingan bersama, pembagian peran yang jelas, dan "
                        "komunikasi rutin — bukan hanya dari nota kesepahaman.",
                    ],
                ),
            ],
            "related_resources": ["res-029", "res-008"],
        },
        "id": {
            "title": "Pemetaan pemangku kepentingan dan kemitraan",
            "slug": "pemetaan-pemangku-kepentingan-dan-kemitraan",
            "summary": (
                "Memetakan siapa yang berpengaruh dan berkepentingan dalam isu kerukunan di daerah, lalu membangun "
                "kemitraan antara pemerintah daerah, ormas, dan komunitas."
            ),
            "objectives": (
                "<ul>"
                "<li>Mengidentifikasi pemangku kepentingan dalam isu kerukunan di daerah masing-masing;</li>"
                "<li>menilai pengaruh dan kepentingan setiap pihak dengan matriks sederhana;</li>"
                "<li>merancang langkah membangun kemitraan lintas sektor.</li>"
                "</ul>"
            ),
            "duration": "1 pertemuan (4 jam)",
            "sessions": [
                session(
                    "Siapa saja yang terlibat?",
                    60,
                    "Curah pendapat dengan kartu",
                    "Kartu metaplan, kertas plano",
                    "<p>Dorong peserta menyebut pihak yang sering terlupa, seperti sekolah, pengusaha lokal, dan "
                    "kelompok perempuan.</p>",
                ),
                session(
                    "Matriks pengaruh dan kepentingan",
                    90,
                    "Kerja kelompok per daerah",
                    "Lembar kerja matriks pemangku kepentingan",
                    "<p>Kelompok campuran pemerintah dan masyarakat sipil menghasilkan peta yang lebih lengkap.</p>",
                ),
                session(
                    "Membangun kemitraan",
                    90,
                    "Studi kasus dan diskusi",
                    "Lembar bacaan Modul 5, studi kasus kemitraan di Kota Cilegon",
                    "<ul><li>Bahas apa yang membuat kemitraan bertahan setelah program selesai.</li>"
                    "<li>Minta setiap kelompok menyusun tiga langkah pendekatan.</li></ul>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-029', 'Toolkit Pemetaan Pemangku Kepentingan untuk Advokasi Daerah')}</li>"
                f"<li>{page_link('res-008', 'Pedoman Penyelenggaraan Dialog Lintas Iman di Tingkat Kecamatan')}</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Stakeholder mapping and partnerships",
            "slug": "stakeholder-mapping-and-partnerships",
            "summary": (
                "Mapping who has influence over and a stake in interfaith harmony in an area, then building "
                "partnerships between local government, mass organisations and communities."
            ),
            "objectives": (
                "<ul>"
                "<li>Identify the stakeholders of interfaith harmony in participants' own areas;</li>"
                "<li>assess each party's influence and interest with a simple matrix;</li>"
                "<li>plan steps towards cross-sector partnerships.</li>"
                "</ul>"
            ),
            "duration": "1 meeting (4 hours)",
            "sessions": [
                session(
                    "Who is involved?",
                    60,
                    "Brainstorm with cards",
                    "Cards, flip chart paper",
                    "<p>Encourage participants to name parties that are often forgotten, such as schools, local "
                    "businesses and women's groups.</p>",
                ),
                session(
                    "The influence-interest matrix",
                    90,
                    "Group work by area",
                    "Stakeholder matrix worksheet",
                    "<p>Groups that mix government and civil society produce more complete maps.</p>",
                ),
                session(
                    "Building partnerships",
                    90,
                    "Case study and discussion",
                    "Module 5 reading handout, partnership case study from Cilegon",
                    "<ul><li>Discuss what makes partnerships last after a programme ends.</li>"
                    "<li>Ask each group to draft three outreach steps.</li></ul>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-029', 'Stakeholder mapping toolkit for local advocacy')}</li>"
                f"<li>{page_link('res-008', 'Guidelines for interfaith dialogue at district level (Indonesian)')}</li>"
                "</ul>"
            ),
        },
    },
    {
        "key": "module-6",
        "shared": {
            "number": 6,
            "tags": ["advokasi kebijakan", "deteksi dini"],
            "files": [
                document(
                    "module-6-handout",
                    "Modul 6 — Lembar bacaan: Advokasi kebijakan (RAD PE dan Perwal)",
                    [
                        "Advokasi kebijakan adalah upaya terencana untuk memengaruhi keputusan pemerintah. Di Banten, "
                        "dua kebijakan menjadi contoh: Keputusan Gubernur tentang RAD PE di tingkat provinsi dan "
                        "usulan Peraturan Wali Kota di Tangerang Selatan.",
                        "Langkah advokasi: memilih isu, mengumpulkan data dan cerita, memetakan pemangku kepentingan, "
                        "menyusun usulan tertulis, membangun dukungan, dan mengawal pelaksanaannya.",
                        "Usulan yang kuat menjawab pertanyaan pengambil keputusan: apa masalahnya, apa buktinya, apa "
                        "yang diusulkan, berapa biayanya, dan siapa yang menjalankan.",
                    ],
                ),
            ],
            "related_resources": ["res-011", "res-012", "res-015"],
        },
        "id": {
            "title": "Advokasi kebijakan: RAD PE dan Perwal",
            "slug": "advokasi-kebijakan",
            "summary": (
                "Belajar dari RAD PE Provinsi Banten dan usulan Perwal Tangerang Selatan: memilih isu, menyusun "
                "usulan kebijakan, membangun dukungan, dan mengawal pelaksanaannya."
            ),
            "objectives": (
                "<ul>"
                "<li>Memahami isi dan ruang keterlibatan masyarakat sipil dalam RAD PE Provinsi Banten;</li>"
                "<li>menganalisis usulan Perwal Tangerang Selatan sebagai contoh advokasi di tingkat kota;</li>"
                "<li>menyusun ringkasan usulan kebijakan (policy brief) satu halaman;</li>"
                "<li>merencanakan strategi advokasi untuk daerah masing-masing.</li>"
                "</ul>"
            ),
            "duration": "2 pertemuan (6,5 jam)",
            "sessions": [
                session(
                    "Membaca RAD PE Provinsi Banten",
                    90,
                    "Membaca bersama dan diskusi",
                    "Keputusan Gubernur tentang RAD PE, lembar bacaan Modul 6",
                    "<p>Minta peserta menandai kegiatan yang dapat melibatkan masyarakat sipil dan indikator yang "
                    "belum jelas.</p>",
                ),
                session(
                    "Belajar dari usulan Perwal Tangerang Selatan",
                    75,
                    "Studi kasus",
                    "Draf Perwal, policy brief jejaring",
                    "<p>Undang anggota tim penyusun sebagai narasumber, misalnya Nur Hidayah (contoh).</p>",
                ),
                session(
                    "Menulis policy brief satu halaman",
                    120,
                    "Kerja kelompok dengan templat",
                    "Templat policy brief, data dari daerah peserta",
                    "<ul><li>Satu halaman saja: masalah, bukti, usulan, biaya, pelaksana.</li>"
                    "<li>Peserta daring menulis di dokumen bersama.</li></ul>",
                ),
                session(
                    "Simulasi audiensi",
                    105,
                    "Bermain peran",
                    "Policy brief hasil kelompok",
                    "<p>Fasilitator berperan sebagai pejabat daerah yang sibuk dan skeptis; kelompok punya lima "
                    "menit untuk meyakinkannya.</p>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-011', 'Keputusan Gubernur Banten tentang RAD PE')}</li>"
                f"<li>{page_link('res-012', 'Rancangan Perwal Tangerang Selatan (draf)')}</li>"
                f"<li>{page_link('res-015', 'Policy Brief: Memperkuat Peran Masyarakat Sipil dalam RAD PE Banten')}"
                "</li>"
                "</ul>"
            ),
        },
        "en": {
            "title": "Policy advocacy: the RAD PE and a mayoral regulation",
            "slug": "policy-advocacy",
            "summary": (
                "Learning from Banten's regional action plan (RAD PE) and the proposed mayoral regulation for "
                "Tangerang Selatan: choosing an issue, drafting a policy proposal, building support and following "
                "up implementation."
            ),
            "objectives": (
                "<ul>"
                "<li>Understand the RAD PE of Banten province and the room it gives civil society;</li>"
                "<li>analyse the proposed Tangerang Selatan regulation as an example of city-level advocacy;</li>"
                "<li>write a one-page policy brief;</li>"
                "<li>plan an advocacy strategy for participants' own areas.</li>"
                "</ul>"
            ),
            "duration": "2 meetings (6.5 hours)",
            "sessions": [
                session(
                    "Reading Banten's RAD PE",
                    90,
                    "Reading together and discussion",
                    "Governor's decree on the RAD PE, Module 6 reading handout",
                    "<p>Ask participants to mark activities that could involve civil society and indicators that "
                    "are still vague.</p>",
                ),
                session(
                    "Learning from the proposed Tangerang Selatan regulation",
                    75,
                    "Case study",
                    "Draft regulation, the network's policy brief",
                    "<p>Invite a member of the drafting team as a resource person, for example Nur Hidayah "
                    "(contoh).</p>",
                ),
                session(
                    "Writing a one-page policy brief",
                    120,
                    "Group work with a template",
                    "Policy brief template, data from participants' areas",
                    "<ul><li>One page only: problem, evidence, proposal, cost, who carries it out.</li>"
                    "<li>Online participants write in a shared document.</li></ul>",
                ),
                session(
                    "Simulated hearing",
                    105,
                    "Role play",
                    "Groups' policy briefs",
                    "<p>The facilitator plays a busy, sceptical official; each group has five minutes to convince "
                    "them.</p>",
                ),
            ],
            "readings": (
                "<ul>"
                f"<li>{page_link('res-011', 'Banten Governor Decree on the RAD PE')}</li>"
                f"<li>{page_link('res-012', 'Draft mayoral regulation of Tangerang Selatan')}</li>"
                f"<li>{page_link('res-015', 'Policy brief: strengthening civil society in the RAD PE')}</li>"
                "</ul>"
            ),
        },
    },
]

for _module in MODULES:
    _module["model"] = "resources.ModulePage"
    _module["parent"] = "curriculum"

# In tree order: a page's parent always comes before it.
PAGES = [LIBRARY, *RESOURCES, CURRICULUM, *MODULES]


def _check():
    """Catch mistakes in the data early: duplicate document titles would make the look-up by title ambiguous."""
    titles = [spec["title"] for spec in DOCUMENTS]
    duplicates = {title for title in titles if titles.count(title) > 1}
    if duplicates:
        raise ValueError(f"Demo document titles must be unique: {sorted(duplicates)}")
    keys = [spec["key"] for spec in PAGES]
    if len(keys) != len(set(keys)):
        raise ValueError("Demo page keys must be unique.")


_check()
