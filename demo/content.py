"""The texts of the demo site, in Bahasa Indonesia (the original) and English (the translation).

Plain data only; `manage.py load_demo_content` turns it into pages, snippets and settings. References to other
objects are strings that the command resolves per language:

* ``"@page:<key>"`` is the page with that key, in the same language as the page (or footer) that refers to it;
* ``"@image:<key>"`` is the demo image with that key.

Inside rich text, internal links are written ``<a linktype="page" id="@page:<key>">``.

Every person in the demo content is fictional and marked as such ("contoh", "tokoh fiktif", "fictional").
"""

from datetime import date

# --- StreamField block helpers (they only build plain dicts) ----------------------------------------------------


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def image(key, caption="", attribution=""):
    return {"type": "image", "value": {"image": f"@image:{key}", "caption": caption, "attribution": attribution}}


def call_to_action(title, body, label, page):
    return {
        "type": "call_to_action",
        "value": {"title": title, "body": body, "label": label, "page": f"@page:{page}", "external_url": ""},
    }


def accordion(title, items):
    return {
        "type": "accordion",
        "value": {"title": title, "items": [{"title": question, "body": answer} for question, answer in items]},
    }


# --- Images ------------------------------------------------------------------------------------------------------

# kind "illustration": 1600x900 JPEG (motif and background from demo.images);
# kind "portrait": 400x400 JPEG avatar; kind "wordmark": transparent PNG logo.
# The description is the alternative text; images are looked up by title on a re-run, so keep titles stable.
IMAGES = [
    {
        "key": "hero",
        "title": "Ilustrasi demo: jejaring alumni",
        "description": "Ilustrasi abstrak titik-titik yang saling terhubung, melambangkan jejaring alumni.",
        "kind": "illustration",
        "motif": "network",
        "background": "deep",
    },
    {
        "key": "about",
        "title": "Ilustrasi demo: duduk melingkar",
        "description": "Ilustrasi orang-orang duduk melingkar dalam sebuah diskusi.",
        "kind": "illustration",
        "motif": "circle",
        "background": "teal",
    },
    {
        "key": "sd-hybrid",
        "title": "Ilustrasi demo: kelas Sekolah Demokrasi Hybrid",
        "description": "Ilustrasi peserta yang duduk melingkar di sekitar meja bundar.",
        "kind": "illustration",
        "motif": "circle",
        "background": "deep",
    },
    {
        "key": "counter-narrative",
        "title": "Ilustrasi demo: kampanye kontra-narasi",
        "description": "Ilustrasi balon-balon percakapan yang saling bertumpuk.",
        "kind": "illustration",
        "motif": "speech",
        "background": "teal",
    },
    {
        "key": "quiet-period",
        "title": "Ilustrasi demo: percakapan di masa tenang",
        "description": "Ilustrasi balon percakapan dengan latar senja.",
        "kind": "illustration",
        "motif": "speech",
        "background": "dusk",
    },
    {
        "key": "cilegon",
        "title": "Ilustrasi demo: rumah ibadah berdampingan",
        "description": "Ilustrasi deretan bangunan beratap kubah, runcing, dan bertingkat yang berdiri berdampingan.",
        "kind": "illustration",
        "motif": "arches",
        "background": "dusk",
    },
    {
        "key": "early-detection",
        "title": "Ilustrasi demo: deteksi dini",
        "description": "Ilustrasi lingkaran-lingkaran konsentris seperti layar radar dengan beberapa titik sinyal.",
        "kind": "illustration",
        "motif": "radar",
        "background": "deep",
    },
    {
        "key": "dialogue",
        "title": "Ilustrasi demo: dialog warga",
        "description": "Ilustrasi warga duduk melingkar untuk bermusyawarah.",
        "kind": "illustration",
        "motif": "circle",
        "background": "dusk",
    },
    {
        "key": "rad-pe",
        "title": "Ilustrasi demo: dokumen rencana aksi",
        "description": "Ilustrasi sebuah dokumen bersegel di samping diagram batang yang meningkat.",
        "kind": "illustration",
        "motif": "bars",
        "background": "teal",
    },
    {
        "key": "serpong",
        "title": "Ilustrasi demo: lokakarya penyegaran",
        "description": "Ilustrasi pola geometris warna-warni seperti anyaman.",
        "kind": "illustration",
        "motif": "tiles",
        "background": "cream",
    },
    {
        "key": "workshop-session",
        "title": "Ilustrasi demo: sesi simulasi mediasi",
        "description": "Ilustrasi kelompok kecil yang duduk melingkar.",
        "kind": "illustration",
        "motif": "circle",
        "background": "teal",
    },
    {
        "key": "guests",
        "title": "Ilustrasi demo: pertukaran pengalaman",
        "description": "Ilustrasi titik-titik dari berbagai arah yang terhubung oleh garis.",
        "kind": "illustration",
        "motif": "network",
        "background": "dusk",
    },
    {
        "key": "perwal",
        "title": "Ilustrasi demo: usulan peraturan wali kota",
        "description": "Ilustrasi dokumen kebijakan dan diagram batang.",
        "kind": "illustration",
        "motif": "bars",
        "background": "deep",
    },
    {
        "key": "clean-up",
        "title": "Ilustrasi demo: kerja bakti kampung",
        "description": "Ilustrasi perbukitan berlapis dengan matahari.",
        "kind": "illustration",
        "motif": "hills",
        "background": "ochre",
    },
    {
        "key": "digital-literacy",
        "title": "Ilustrasi demo: literasi digital",
        "description": "Ilustrasi balon-balon percakapan di layar gelap.",
        "kind": "illustration",
        "motif": "speech",
        "background": "deep",
    },
    {
        "key": "follow-up",
        "title": "Ilustrasi demo: rencana tindak lanjut",
        "description": "Ilustrasi pola geometris dari banyak potongan warna.",
        "kind": "illustration",
        "motif": "tiles",
        "background": "ochre",
    },
    {
        "key": "three-years",
        "title": "Ilustrasi demo: tiga tahun jejaring",
        "description": "Ilustrasi lanskap perbukitan Banten dengan matahari.",
        "kind": "illustration",
        "motif": "hills",
        "background": "teal",
    },
    {
        "key": "portrait-siti",
        "title": "Avatar demo: Siti Rahmawati (contoh)",
        "description": "Avatar abstrak tanpa wajah untuk tokoh fiktif.",
        "kind": "portrait",
        "background": "teal",
        "shirt": "ochre",
    },
    {
        "key": "portrait-yohanes",
        "title": "Avatar demo: Yohanes Pranata (contoh)",
        "description": "Avatar abstrak tanpa wajah untuk tokoh fiktif.",
        "kind": "portrait",
        "background": "terracotta",
        "shirt": "teal",
    },
    {
        "key": "portrait-nur",
        "title": "Avatar demo: Nur Hidayah (contoh)",
        "description": "Avatar abstrak tanpa wajah untuk tokoh fiktif.",
        "kind": "portrait",
        "background": "ochre",
        "shirt": "terracotta",
    },
    {
        "key": "portrait-made",
        "title": "Avatar demo: Made Wirawan (contoh)",
        "description": "Avatar abstrak tanpa wajah untuk tokoh fiktif.",
        "kind": "portrait",
        "background": "teal_dark",
        "shirt": "cream",
    },
    {
        "key": "logo-p3m",
        "title": "Logo demo: P3M",
        "description": "P3M",
        "kind": "wordmark",
        "text": "P3M",
        "color": "teal",
    },
    {
        "key": "logo-infid",
        "title": "Logo demo: INFID",
        "description": "INFID",
        "kind": "wordmark",
        "text": "INFID",
        "color": "terracotta",
    },
]

# --- Authors -----------------------------------------------------------------------------------------------------

AUTHORS = [
    {
        "key": "siti",
        "name": "Siti Rahmawati (contoh)",
        "role": "Fasilitator Sekolah Demokrasi — tokoh fiktif (contoh / fictional example)",
        "image": "@image:portrait-siti",
    },
    {
        "key": "yohanes",
        "name": "Yohanes Pranata (contoh)",
        "role": "Pendamping Tim Tangguh — tokoh fiktif (contoh / fictional example)",
        "image": "@image:portrait-yohanes",
    },
    {
        "key": "nur",
        "name": "Nur Hidayah (contoh)",
        "role": "Peneliti kebijakan — tokoh fiktif (contoh / fictional example)",
        "image": "@image:portrait-nur",
    },
    {
        "key": "made",
        "name": "Made Wirawan (contoh)",
        "role": "Koordinator kampanye digital — tokoh fiktif (contoh / fictional example)",
        "image": "@image:portrait-made",
    },
]

# --- Pages -------------------------------------------------------------------------------------------------------

# Each page: key, model (in the website app), parent (key, None for the home page), shared (fields that are the
# same in both languages) and one dict per language ("id" is the original, "en" the translation).
# For news pages the shared dict also holds "authors" (author keys), "tags" (topic names, the same in both
# languages) and "related" (keys of related pages).

HOME = {
    "key": "home",
    "model": "HomePage",
    "parent": None,
    "shared": {"hero_image": "@image:hero", "hero_cta_page": "@page:about", "listing_image": "@image:hero"},
    "id": {
        "title": "Beranda",
        "slug": "beranda",
        "hero_title": "Bersama merawat demokrasi dan kerukunan di Banten",
        "intro": (
            "Jejaring alumni Sekolah Demokrasi Hybrid dan Tim Tangguh: aparatur pemerintah, anggota ormas, serta "
            "komunitas minoritas dan lintas iman yang bekerja mencegah intoleransi dan ekstremisme kekerasan — "
            "sebelum, selama, dan setelah pemilu."
        ),
        "hero_cta_label": "Kenali program kami",
        "search_description": (
            "Jejaring alumni Sekolah Demokrasi Hybrid (P3M dan INFID) dan Tim Tangguh di Banten: pelatihan, "
            "deteksi dini, dialog lintas iman, dan advokasi kebijakan."
        ),
        "body": [
            heading("Apa yang kami kerjakan"),
            paragraph(
                "<p>Alumni Sekolah Demokrasi datang dari Kota Serang, Cilegon, Tangerang, Tangerang Selatan, dan "
                "kabupaten-kabupaten di Banten. Setelah lulus, mereka tetap bekerja bersama:</p>"
                "<ul><li><b>Pelatihan</b> tentang demokrasi, toleransi, dan pencegahan ekstremisme kekerasan;</li>"
                "<li><b>kampanye kontra-narasi</b> di media sosial, terutama menjelang dan setelah pemilu;</li>"
                "<li><b>deteksi dini dan penanganan kasus lewat dialog</b> bersama Tim Tangguh;</li>"
                "<li><b>kegiatan kohesi sosial</b> yang mempertemukan warga berbeda keyakinan;</li>"
                "<li><b>advokasi kebijakan</b>, dari RAD PE Provinsi Banten hingga Perwal Tangerang Selatan.</li>"
                "</ul>"
            ),
            quote(
                "Kerukunan tidak datang dengan sendirinya. Ia dirawat lewat perjumpaan, percakapan, dan kerja "
                "bersama yang terus diulang.",
                "Alumni angkatan 2023 (tokoh fiktif)",
            ),
            call_to_action(
                "Berita dan cerita dari jejaring",
                "Kabar terbaru dari kelas, kampung, dan ruang kebijakan.",
                "Baca berita",
                "news",
            ),
            call_to_action(
                "Ingin berkolaborasi?",
                "Organisasi masyarakat sipil dan mitra yang mencari rekan kerja di Banten dapat menghubungi kami.",
                "Hubungi kami",
                "contact",
            ),
        ],
    },
    "en": {
        "title": "Home",
        "slug": "home",
        "hero_title": "Caring for democracy and harmony in Banten, together",
        "intro": (
            "The alumni network of the Hybrid Democracy School and the Tim Tangguh teams: local government staff, "
            "members of mass organisations, and minority and interfaith communities working to prevent intolerance "
            "and violent extremism — before, during and after elections."
        ),
        "hero_cta_label": "About the programme",
        "search_description": (
            "Alumni network of the Hybrid Democracy School (P3M and INFID) and the Tim Tangguh teams in Banten: "
            "training, early detection, interfaith dialogue and policy advocacy."
        ),
        "body": [
            heading("What we do"),
            paragraph(
                "<p>Democracy School alumni come from the cities of Serang, Cilegon, Tangerang and Tangerang Selatan "
                "and from the regencies of Banten. After graduating they keep working together on:</p>"
                "<ul><li><b>training</b> on democracy, tolerance and preventing violent extremism;</li>"
                "<li><b>counter-narrative campaigns</b> on social media, especially before and after elections;</li>"
                "<li><b>early detection and case handling through dialogue</b> with the Tim Tangguh teams;</li>"
                "<li><b>social cohesion activities</b> that bring together people of different faiths;</li>"
                "<li><b>policy advocacy</b>, from Banten's regional action plan (RAD PE) to a mayoral regulation "
                "for Tangerang Selatan.</li></ul>"
            ),
            quote(
                "Harmony does not happen by itself. It is cared for through meeting, talking and working together, "
                "again and again.",
                "Alumna of the 2023 cohort (fictional)",
            ),
            call_to_action(
                "News and stories from the network",
                "The latest from classrooms, neighbourhoods and policy rooms.",
                "Read the news",
                "news",
            ),
            call_to_action(
                "Looking for partners?",
                "Civil society organisations and partners looking for collaborators in Banten are welcome to "
                "get in touch.",
                "Contact us",
                "contact",
            ),
        ],
    },
}

NEWS_INDEX = {
    "key": "news",
    "model": "NewsIndexPage",
    "parent": "home",
    "shared": {"show_in_menus": True},
    "id": {
        "title": "Berita",
        "slug": "berita",
        "intro": (
            "<p>Kabar terbaru dari alumni Sekolah Demokrasi Hybrid dan Tim Tangguh: pelatihan, kampanye, dialog "
            "lintas iman, dan advokasi kebijakan di Banten.</p>"
        ),
        "listing_summary": "Kabar terbaru dari jejaring alumni Sekolah Demokrasi dan Tim Tangguh.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": (
            "<p>The latest from Hybrid Democracy School alumni and the Tim Tangguh teams: training, campaigns, "
            "interfaith dialogue and policy advocacy in Banten.</p>"
        ),
        "listing_summary": "The latest from the Democracy School alumni network and the Tim Tangguh teams.",
    },
}

ABOUT = {
    "key": "about",
    "model": "StandardPage",
    "parent": "home",
    "shared": {"show_in_menus": True, "listing_image": "@image:about"},
    "id": {
        "title": "Tentang Kami",
        "slug": "tentang-kami",
        "intro": (
            "Jejaring Sekolah Demokrasi menghubungkan alumni Sekolah Demokrasi Hybrid di Banten dan Tim Tangguh di "
            "Kota Tangerang Selatan, yang bekerja bersama mencegah intoleransi dan ekstremisme kekerasan."
        ),
        "listing_summary": "Tentang Sekolah Demokrasi Hybrid, Tim Tangguh, dan jejaring alumninya di Banten.",
        "body": [
            heading("Sekolah Demokrasi Hybrid"),
            paragraph(
                "<p>Sekolah Demokrasi Hybrid adalah program pendidikan kewargaan yang diselenggarakan oleh "
                "<b>P3M</b> (Perhimpunan Pengembangan Pesantren dan Masyarakat) bersama <b>INFID</b> (International "
                "NGO Forum on Indonesian Development). Program ini memadukan pertemuan tatap muka dan sesi daring, "
                "sehingga peserta dari berbagai kota dan kabupaten di Banten dapat belajar bersama tanpa harus lama "
                "meninggalkan pekerjaan dan komunitasnya.</p>"
                "<p>Angkatan pertama diikuti 30 peserta dari Kota Serang, Kota Cilegon, Kota Tangerang, Kabupaten "
                "Pandeglang, dan Kota Tangerang Selatan. Latar mereka beragam: aparatur pemerintah daerah, anggota "
                "organisasi kemasyarakatan (ormas), serta komunitas minoritas dan lintas iman.</p>"
            ),
            image("about", "Ilustrasi: diskusi kelompok dalam Sekolah Demokrasi.", "Ilustrasi demo"),
            heading("Apa yang kami kerjakan"),
            paragraph(
                "<ul><li><b>Pelatihan:</b> demokrasi, hak asasi manusia, toleransi, dan pencegahan ekstremisme "
                "kekerasan.</li>"
                "<li><b>Kampanye media sosial:</b> kontra-narasi terhadap hoaks dan politisasi SARA, sebelum dan "
                "setelah pemilu.</li>"
                "<li><b>Deteksi dini dan penanganan kasus:</b> mengenali tanda-tanda awal intoleransi dan "
                "menyelesaikannya lewat dialog.</li>"
                "<li><b>Kohesi sosial:</b> kegiatan bersama warga berbeda keyakinan.</li>"
                "<li><b>Advokasi kebijakan:</b> mendorong kebijakan daerah yang melibatkan masyarakat sipil.</li>"
                "</ul>"
            ),
            heading("Tim Tangguh"),
            paragraph(
                "<p>Tim Tangguh adalah tim deteksi dini berbasis warga di empat kelurahan di Kota Tangerang "
                "Selatan: <b>Benda Baru</b>, <b>Pondok Kacang Timur</b>, <b>Jombang</b>, dan <b>Muncul</b>. "
                "Anggotanya — tokoh agama, pengurus RT/RW, kader perempuan, dan pemuda — dilatih mengenali "
                "tanda-tanda awal intoleransi dan menanganinya lewat dialog sebelum berkembang menjadi konflik.</p>"
            ),
            heading("Advokasi kebijakan"),
            paragraph(
                "<p>Di tingkat provinsi, jejaring ini ikut mengawal Keputusan Gubernur Banten tentang Rencana Aksi "
                "Daerah Pencegahan dan Penanggulangan Ekstremisme Berbasis Kekerasan (RAD PE) agar pelaksanaannya "
                "melibatkan masyarakat sipil. Di tingkat kota, alumni dan Tim Tangguh mendorong Peraturan Wali Kota "
                "(Perwal) Tangerang Selatan yang memberi payung bagi kerja deteksi dini di kelurahan.</p>"
            ),
            quote(
                "Di kelas ini, untuk pertama kalinya saya duduk satu meja dengan orang-orang yang selama ini hanya "
                "saya kenal dari berita. Ternyata kekhawatiran kami sama.",
                "Peserta angkatan 2023 dari Kota Serang (tokoh fiktif)",
            ),
            accordion(
                "Pertanyaan umum",
                [
                    (
                        "Siapa yang bisa bergabung dengan jejaring?",
                        "<p>Alumni Sekolah Demokrasi Hybrid dan anggota Tim Tangguh. Organisasi masyarakat sipil "
                        "dan mitra lain dapat menghubungi kami untuk berkolaborasi.</p>",
                    ),
                    (
                        "Apakah data pribadi alumni ditampilkan untuk umum?",
                        "<p>Tidak. Profil alumni tersembunyi secara bawaan; setiap orang memilih sendiri apa yang "
                        'boleh dilihat dan oleh siapa. Baca <a linktype="page" id="@page:privacy">Kebijakan '
                        "Privasi</a> kami.</p>",
                    ),
                    (
                        "Bagaimana cara menghubungi seorang alumni?",
                        "<p>Melalui fitur perkenalan di situs ini. Pesan Anda kami teruskan tanpa membuka alamat "
                        "e-mail atau nomor telepon orang yang Anda hubungi, dan ia memutuskan sendiri apakah akan "
                        "membalas.</p>",
                    ),
                    (
                        "Apakah orang-orang di situs ini nyata?",
                        "<p>Situs ini berisi <b>konten contoh</b>. Semua nama orang, kutipan, dan kasus di dalamnya "
                        "fiktif atau disamarkan.</p>",
                    ),
                ],
            ),
            call_to_action(
                "Ingin berkolaborasi?",
                "Organisasi masyarakat sipil, pemerintah daerah, dan mitra lain dapat menghubungi sekretariat.",
                "Hubungi kami",
                "contact",
            ),
        ],
    },
    "en": {
        "title": "About us",
        "slug": "about-us",
        "intro": (
            "The Democracy School Network connects alumni of the Hybrid Democracy School in Banten and the Tim "
            "Tangguh teams in Tangerang Selatan, who work together to prevent intolerance and violent extremism."
        ),
        "listing_summary": "About the Hybrid Democracy School, the Tim Tangguh teams and the alumni network in Banten.",
        "body": [
            heading("The Hybrid Democracy School"),
            paragraph(
                "<p>The Hybrid Democracy School (<i>Sekolah Demokrasi Hybrid</i>) is a civic education programme run "
                "by <b>P3M</b> (Association for Pesantren and Community Development) with <b>INFID</b> "
                "(International NGO Forum on Indonesian Development). It combines face-to-face meetings with online "
                "sessions, so participants from cities and regencies across Banten can learn together without "
                "leaving their work and communities for long.</p>"
                "<p>The first cohort brought together 30 participants from the cities of Serang, Cilegon, Tangerang "
                "and Tangerang Selatan and the regency of Pandeglang. They came from different backgrounds: local "
                "government staff, members of mass organisations (<i>ormas</i>), and minority and interfaith "
                "communities.</p>"
            ),
            image("about", "Illustration: a group discussion at the Democracy School.", "Demo illustration"),
            heading("What we do"),
            paragraph(
                "<ul><li><b>Training:</b> democracy, human rights, tolerance and preventing violent extremism.</li>"
                "<li><b>Social media campaigns:</b> counter-narratives against hoaxes and the politicisation of "
                "ethnicity and religion (<i>SARA</i>), before and after elections.</li>"
                "<li><b>Early detection and case handling:</b> recognising early signs of intolerance and resolving "
                "them through dialogue.</li>"
                "<li><b>Social cohesion:</b> shared activities for neighbours of different faiths.</li>"
                "<li><b>Policy advocacy:</b> pushing for local policies that involve civil society.</li></ul>"
            ),
            heading("Tim Tangguh"),
            paragraph(
                "<p>Tim Tangguh (“resilient teams”) are community early-detection teams in four urban villages "
                "(<i>kelurahan</i>) of Tangerang Selatan: <b>Benda Baru</b>, <b>Pondok Kacang Timur</b>, "
                "<b>Jombang</b> and <b>Muncul</b>. Their members — religious leaders, neighbourhood heads, women "
                "volunteers and young people — are trained to recognise early signs of intolerance and to handle "
                "them through dialogue before they turn into conflict.</p>"
            ),
            heading("Policy advocacy"),
            paragraph(
                "<p>At provincial level, the network follows up the Banten governor's decree on the Regional Action "
                "Plan for Preventing and Countering Violent Extremism (RAD PE), so that civil society has a role in "
                "carrying it out. At city level, alumni and the Tim Tangguh teams are pushing for a mayoral "
                "regulation (<i>Perwal</i>) in Tangerang Selatan that gives early-detection work in the urban "
                "villages a legal footing.</p>"
            ),
            quote(
                "In this class, for the first time, I sat at the same table as people I had only known from the "
                "news. It turned out we had the same worries.",
                "Participant of the 2023 cohort from Serang (fictional)",
            ),
            accordion(
                "Frequently asked questions",
                [
                    (
                        "Who can join the network?",
                        "<p>Alumni of the Hybrid Democracy School and members of the Tim Tangguh teams. Civil "
                        "society organisations and other partners are welcome to contact us to collaborate.</p>",
                    ),
                    (
                        "Are alumni's personal details public?",
                        "<p>No. Alumni profiles are hidden by default; each person decides what can be seen and by "
                        'whom. Read our <a linktype="page" id="@page:privacy">privacy notice</a>.</p>',
                    ),
                    (
                        "How can I contact an alumnus?",
                        "<p>Through the introduction feature of this site. We pass your message on without revealing "
                        "the e-mail address or phone number of the person you contact, and they decide whether to "
                        "reply.</p>",
                    ),
                    (
                        "Are the people on this site real?",
                        "<p>This site contains <b>example content</b>. All names of people, quotes and cases in it "
                        "are fictional or disguised.</p>",
                    ),
                ],
            ),
            call_to_action(
                "Looking for partners?",
                "Civil society organisations, local governments and other partners can contact the secretariat.",
                "Contact us",
                "contact",
            ),
        ],
    },
}

CONTACT = {
    "key": "contact",
    "model": "StandardPage",
    "parent": "home",
    "shared": {"show_in_menus": True},
    "id": {
        "title": "Kontak",
        "slug": "kontak",
        "intro": "Pertanyaan tentang program, tawaran kerja sama, atau permintaan wawancara? Tulis kepada kami.",
        "listing_summary": "Cara menghubungi sekretariat Jejaring Sekolah Demokrasi.",
        "body": [
            heading("Sekretariat"),
            paragraph(
                '<p>E-mail: <a href="mailto:info@example.org">info@example.org</a><br/>'
                "Telepon: +62 21 0000 0000 (nomor contoh)<br/>"
                "Alamat: Jl. Contoh Raya No. 1, Jakarta Selatan (alamat contoh)</p>"
                "<p>Kami membalas pada hari kerja, biasanya dalam tiga hari.</p>"
            ),
            heading("Menghubungi alumni"),
            paragraph(
                "<p>Kami tidak membagikan nomor telepon atau alamat e-mail alumni. Jika Anda ingin berkenalan dengan "
                "alumni atau anggota Tim Tangguh, gunakan fitur perkenalan: pesan Anda kami teruskan, dan yang "
                "bersangkutan memutuskan sendiri apakah akan membalas.</p>"
            ),
            heading("Melaporkan kejadian"),
            paragraph(
                "<p>Situs ini bukan saluran pengaduan darurat. Jika ada ancaman kekerasan, segera hubungi polisi di "
                "nomor <b>110</b>. Untuk potensi konflik di lingkungan Anda, hubungi Tim Tangguh di kelurahan Anda "
                "atau Forum Kerukunan Umat Beragama (FKUB) setempat.</p>"
            ),
            call_to_action(
                "Bagaimana kami menjaga data Anda",
                "Data yang Anda kirim melalui situs ini dilindungi sesuai UU Pelindungan Data Pribadi.",
                "Kebijakan privasi",
                "privacy",
            ),
        ],
    },
    "en": {
        "title": "Contact",
        "slug": "contact",
        "intro": "Questions about the programme, an offer to work together, or an interview request? Write to us.",
        "listing_summary": "How to reach the secretariat of the Democracy School Network.",
        "body": [
            heading("Secretariat"),
            paragraph(
                '<p>E-mail: <a href="mailto:info@example.org">info@example.org</a><br/>'
                "Phone: +62 21 0000 0000 (example number)<br/>"
                "Address: Jl. Contoh Raya No. 1, South Jakarta (example address)</p>"
                "<p>We reply on working days, usually within three days. We read English and Bahasa Indonesia.</p>"
            ),
            heading("Contacting alumni"),
            paragraph(
                "<p>We do not share alumni's phone numbers or e-mail addresses. If you would like to meet an alumnus "
                "or a member of a Tim Tangguh team, use the introduction feature: we pass your message on, and they "
                "decide whether to reply.</p>"
            ),
            heading("Reporting an incident"),
            paragraph(
                "<p>This site is not an emergency channel. If there is a threat of violence, call the police on "
                "<b>110</b>. For a possible conflict in your neighbourhood, contact the Tim Tangguh team of your "
                "urban village or the local Interfaith Harmony Forum (FKUB).</p>"
            ),
            call_to_action(
                "How we protect your data",
                "What you send through this site is protected under Indonesia's Personal Data Protection Law.",
                "Privacy notice",
                "privacy",
            ),
        ],
    },
}

PRIVACY = {
    "key": "privacy",
    "model": "StandardPage",
    "parent": "home",
    "shared": {"show_in_menus": False},
    "id": {
        "title": "Kebijakan Privasi",
        "slug": "kebijakan-privasi",
        "intro": (
            "Ringkasan tentang data pribadi yang kami kelola dan hak Anda menurut Undang-Undang Nomor 27 Tahun 2022 "
            "tentang Pelindungan Data Pribadi (UU PDP)."
        ),
        "listing_summary": "Data pribadi apa yang kami kelola dan bagaimana Anda menjalankan hak Anda menurut UU PDP.",
        "body": [
            heading("Data yang kami kelola"),
            paragraph(
                "<p>Nama, kontak, asal daerah, organisasi, dan topik keahlian yang Anda isi sendiri di profil alumni, "
                "serta pesan yang Anda kirim melalui formulir di situs ini. Kami tidak menjual data dan tidak "
                "memakainya untuk iklan.</p>"
            ),
            heading("Siapa yang dapat melihat profil Anda"),
            paragraph(
                "<p>Profil Anda tersembunyi sampai Anda memberikan persetujuan dan memilih sendiri tingkat "
                "visibilitasnya: hanya pengelola, sesama alumni, atau publik. Kontak pribadi tidak pernah "
                "ditampilkan; orang lain menghubungi Anda melalui fitur perkenalan.</p>"
            ),
            heading("Hak Anda menurut UU PDP No. 27/2022"),
            paragraph(
                "<ul><li>Mengakses dan memperoleh salinan data pribadi Anda;</li>"
                "<li>memperbaiki data yang keliru atau tidak lengkap;</li>"
                "<li>meminta penghapusan data pribadi Anda;</li>"
                "<li>menarik kembali persetujuan kapan saja.</li></ul>"
                "<p>Sebagian besar hak ini dapat Anda jalankan sendiri dari halaman profil. Untuk permintaan lain, "
                'tulis ke <a href="mailto:info@example.org">info@example.org</a>.</p>'
            ),
            call_to_action(
                "Ada pertanyaan tentang data Anda?",
                "Hubungi sekretariat; kami menjawab dalam tiga hari kerja.",
                "Kontak",
                "contact",
            ),
        ],
    },
    "en": {
        "title": "Privacy notice",
        "slug": "privacy-notice",
        "intro": (
            "A summary of the personal data we handle and your rights under Indonesia's Law No. 27 of 2022 on "
            "Personal Data Protection (UU PDP)."
        ),
        "listing_summary": "Which personal data we handle and how to exercise your rights under the UU PDP.",
        "body": [
            heading("The data we handle"),
            paragraph(
                "<p>The name, contact details, home region, organisation and areas of expertise you enter yourself in "
                "your alumni profile, and the messages you send through the forms on this site. We do not sell data "
                "and do not use it for advertising.</p>"
            ),
            heading("Who can see your profile"),
            paragraph(
                "<p>Your profile stays hidden until you give your consent and choose its visibility yourself: "
                "administrators only, fellow alumni, or the public. Personal contact details are never shown; "
                "others reach you through the introduction feature.</p>"
            ),
            heading("Your rights under UU PDP No. 27/2022"),
            paragraph(
                "<ul><li>To access your personal data and get a copy of it;</li>"
                "<li>to correct data that is wrong or incomplete;</li>"
                "<li>to have your personal data deleted;</li>"
                "<li>to withdraw your consent at any time.</li></ul>"
                "<p>You can exercise most of these rights yourself from your profile page. For anything else, "
                'write to <a href="mailto:info@example.org">info@example.org</a>.</p>'
            ),
            call_to_action(
                "Questions about your data?",
                "Contact the secretariat; we reply within three working days.",
                "Contact",
                "contact",
            ),
        ],
    },
}

# --- News articles -----------------------------------------------------------------------------------------------

NEWS = [
    {
        "key": "news-sd-hybrid",
        "shared": {
            "date": date(2023, 12, 13),
            "feature_image": "@image:sd-hybrid",
            "authors": ["siti"],
            "tags": ["pelatihan", "kohesi sosial", "dialog lintas iman"],
        },
        "id": {
            "title": "Sekolah Demokrasi Hybrid mempertemukan 30 peserta dari lima daerah di Banten",
            "slug": "sekolah-demokrasi-hybrid-angkatan-pertama",
            "intro": (
                "Aparatur pemerintah daerah, anggota ormas, serta komunitas minoritas dan lintas iman belajar "
                "bersama tentang demokrasi, toleransi, dan pencegahan ekstremisme kekerasan — sebagian di ruang "
                "kelas, sebagian lewat layar."
            ),
            "body": [
                paragraph(
                    "<p>Sesi Sekolah Demokrasi Hybrid pada Rabu, 13 Desember 2023, diikuti 30 peserta dari Kota "
                    "Serang, Kota Cilegon, Kota Tangerang, Kabupaten Pandeglang, dan Kota Tangerang Selatan. Sebagian "
                    "hadir langsung di ruang kelas, sebagian lainnya bergabung secara daring. Program ini "
                    "diselenggarakan oleh P3M bersama INFID.</p>"
                ),
                heading("Satu kelas, latar yang beragam"),
                paragraph(
                    "<p>Dalam satu kelompok diskusi, staf kesbangpol duduk bersama pengurus ormas keagamaan dan "
                    "pegiat komunitas penghayat kepercayaan. Keragaman ini disengaja: pencegahan intoleransi tidak "
                    "bisa dikerjakan satu pihak saja. Peserta membedah kasus dari daerah masing-masing — mulai dari "
                    "penolakan kegiatan ibadah hingga ujaran kebencian di grup percakapan warga — lalu mencari titik "
                    "di mana dialog masih mungkin dilakukan.</p>"
                ),
                quote(
                    "Biasanya kami baru bertemu di meja perundingan ketika masalah sudah memanas. Di sini kami "
                    "bertemu sebelum ada masalah, dan itu mengubah cara kami saling bicara.",
                    "Peserta dari Kota Cilegon (tokoh fiktif)",
                ),
                heading("Format hybrid untuk daerah yang berjauhan"),
                paragraph(
                    "<p>Perjalanan dari Pandeglang ke Tangerang Selatan bisa memakan waktu tiga jam. Dengan format "
                    "hybrid, peserta tetap dapat mengikuti seluruh materi tanpa lama meninggalkan pekerjaan. Materi, "
                    "rekaman, dan lembar kerja dibagikan setelah sesi agar bisa dipelajari ulang dan diteruskan "
                    "kepada rekan di komunitas.</p>"
                ),
                call_to_action(
                    "Tentang program ini",
                    "Pelajari latar belakang Sekolah Demokrasi Hybrid dan jejaring alumninya.",
                    "Tentang kami",
                    "about",
                ),
            ],
        },
        "en": {
            "title": "Hybrid Democracy School brings together 30 participants from five areas of Banten",
            "slug": "hybrid-democracy-school-first-cohort",
            "intro": (
                "Local government staff, members of mass organisations, and minority and interfaith communities "
                "learned together about democracy, tolerance and preventing violent extremism — some in the "
                "classroom, some on screen."
            ),
            "body": [
                paragraph(
                    "<p>The Hybrid Democracy School session on Wednesday 13 December 2023 brought together 30 "
                    "participants from the cities of Serang, Cilegon, Tangerang and Tangerang Selatan and the "
                    "regency of Pandeglang. Some attended in the classroom, others joined online. The programme is "
                    "run by P3M with INFID.</p>"
                ),
                heading("One class, many backgrounds"),
                paragraph(
                    "<p>In one discussion group, a staff member of the local office for national unity and politics "
                    "(<i>kesbangpol</i>) sat with leaders of a religious mass organisation and members of an "
                    "indigenous faith community. The mix is deliberate: no single actor can prevent intolerance "
                    "alone. Participants analysed cases from their own areas — from objections to worship "
                    "gatherings to hate speech in neighbourhood chat groups — and looked for the points where "
                    "dialogue was still possible.</p>"
                ),
                quote(
                    "We usually only meet at the negotiating table when a problem has already boiled over. Here we "
                    "met before there was a problem, and that changed the way we talk to each other.",
                    "Participant from Cilegon (fictional)",
                ),
                heading("A hybrid format for a spread-out province"),
                paragraph(
                    "<p>The trip from Pandeglang to Tangerang Selatan can take three hours. The hybrid format lets "
                    "participants follow the whole course without being away from work for long. Materials, "
                    "recordings and worksheets are shared after each session so they can be revisited and passed on "
                    "to colleagues in the community.</p>"
                ),
                call_to_action(
                    "About the programme",
                    "Learn about the background of the Hybrid Democracy School and its alumni network.",
                    "About us",
                    "about",
                ),
            ],
        },
    },
    {
        "key": "news-counter-narrative",
        "shared": {
            "date": date(2024, 1, 18),
            "feature_image": "@image:counter-narrative",
            "authors": ["made", "siti"],
            "tags": ["kontra-narasi", "pemilu 2024", "politisasi SARA", "literasi digital"],
            "related": ["news-quiet-period"],
        },
        "id": {
            "title": "Alumni menggelar kampanye kontra-narasi di media sosial menjelang Pemilu 2024",
            "slug": "kampanye-kontra-narasi-jelang-pemilu-2024",
            "intro": (
                "Menjelang hari pemungutan suara 14 Februari 2024, alumni Sekolah Demokrasi memproduksi konten pendek "
                "yang menjawab hoaks dan ujaran kebencian bernuansa SARA dengan cerita kerukunan dari Banten."
            ),
            "body": [
                paragraph(
                    "<p>Pengalaman pemilu-pemilu sebelumnya menunjukkan bahwa isu suku, agama, ras, dan antargolongan "
                    "(SARA) mudah dipakai untuk meraup suara sekaligus memecah belah warga. Karena itu, sejak awal "
                    "Januari 2024 alumni membentuk tim kecil yang memantau percakapan di media sosial dan grup "
                    "percakapan, lalu menanggapinya dengan konten tandingan.</p>"
                ),
                heading("Bukan sekadar membantah, tetapi menawarkan cerita lain"),
                paragraph(
                    "<p>Kontra-narasi tidak berhenti pada membantah hoaks. Tim memilih cerita nyata yang menunjukkan "
                    "hal sebaliknya: warga berbeda agama yang bergotong royong memperbaiki jalan kampung, pemuda yang "
                    "ikut menjaga keamanan perayaan hari besar agama tetangganya, atau ibu-ibu majelis taklim dan "
                    "jemaat gereja yang bersama-sama membuka dapur umum saat banjir.</p>"
                    "<ul><li>Video pendek 30–60 detik untuk Instagram, TikTok, dan status WhatsApp;</li>"
                    "<li>kartu informasi tentang cara memeriksa kebenaran sebuah kabar;</li>"
                    "<li>pesan berantai tandingan yang mudah diteruskan ke grup keluarga.</li></ul>"
                ),
                quote(
                    "Orang tidak berubah pikiran karena dimarahi di kolom komentar. Mereka berubah ketika melihat "
                    "tetangganya sendiri dalam cerita yang kita bagikan.",
                    "Relawan kampanye dari Kota Tangerang (tokoh fiktif)",
                ),
                heading("Etika kampanye"),
                paragraph(
                    "<p>Seluruh konten mengikuti pedoman yang disepakati bersama: tidak mendukung atau menyerang "
                    "calon mana pun, tidak menyebarkan identitas korban, dan selalu menyertakan sumber. Konten yang "
                    "berisiko memperkeruh suasana ditahan dulu untuk dibahas di grup koordinasi.</p>"
                ),
            ],
        },
        "en": {
            "title": "Alumni run a social-media counter-narrative campaign ahead of the 2024 elections",
            "slug": "counter-narrative-campaign-before-2024-elections",
            "intro": (
                "Ahead of polling day on 14 February 2024, Democracy School alumni produced short content that "
                "answers hoaxes and hate speech about ethnicity and religion with stories of harmony from Banten."
            ),
            "body": [
                paragraph(
                    "<p>Past elections showed how easily ethnicity, religion, race and group identity (<i>SARA</i>) "
                    "can be used to win votes and divide communities at the same time. So from early January 2024, "
                    "alumni formed a small team that follows conversations on social media and in chat groups and "
                    "responds with content of its own.</p>"
                ),
                heading("Not just rebutting, but telling another story"),
                paragraph(
                    "<p>A counter-narrative is more than a rebuttal. The team picks real stories that show the "
                    "opposite: neighbours of different faiths repairing a village road together, young people "
                    "helping to keep their neighbours' religious festivities safe, or Muslim women's study groups "
                    "and church congregations running a communal kitchen together during a flood.</p>"
                    "<ul><li>Short 30–60 second videos for Instagram, TikTok and WhatsApp status;</li>"
                    "<li>info cards on how to check whether a story is true;</li>"
                    "<li>counter-messages that are easy to forward to family groups.</li></ul>"
                ),
                quote(
                    "People don't change their minds because someone scolds them in the comments. They change when "
                    "they see their own neighbours in the stories we share.",
                    "Campaign volunteer from Tangerang (fictional)",
                ),
                heading("Campaign ethics"),
                paragraph(
                    "<p>All content follows jointly agreed guidelines: no support for or attacks on any candidate, "
                    "no disclosure of victims' identities, and sources always cited. Content that could inflame "
                    "tensions is held back and discussed in the coordination group first.</p>"
                ),
            ],
        },
    },
    {
        "key": "news-quiet-period",
        "shared": {
            "date": date(2024, 2, 9),
            "feature_image": "@image:quiet-period",
            "authors": ["yohanes"],
            "tags": ["pemilu 2024", "politisasi SARA", "deteksi dini"],
            "related": ["news-counter-narrative", "news-cilegon"],
        },
        "id": {
            "title": "Masa tenang pemilu: alumni memantau politisasi SARA di grup percakapan warga",
            "slug": "memantau-politisasi-sara-di-masa-tenang",
            "intro": (
                "Di masa tenang menjelang pemungutan suara, pesan berantai bernuansa SARA justru sering meningkat. "
                "Alumni dan Tim Tangguh menyiapkan cara sederhana untuk mencatat, memeriksa, dan meredam kabar yang "
                "memanas."
            ),
            "body": [
                paragraph(
                    "<p>Masa tenang Pemilu 2024 berlangsung pada 11–13 Februari. Kampanye terbuka berhenti, tetapi "
                    "percakapan di grup WhatsApp warga tidak. Pengalaman alumni menunjukkan bahwa pada hari-hari "
                    "inilah tuduhan dan kabar bohong tentang kelompok agama atau etnis tertentu paling mudah menyebar, "
                    "karena hampir tidak ada waktu untuk meluruskannya.</p>"
                ),
                heading("Tiga langkah: catat, periksa, redam"),
                paragraph(
                    "<ol><li><b>Catat.</b> Anggota jejaring menyimpan tangkapan layar dan mencatat di grup mana pesan "
                    "itu beredar, tanpa ikut menyebarkannya.</li>"
                    "<li><b>Periksa.</b> Tim kecil memeriksa kebenaran pesan melalui sumber resmi dan kanal cek "
                    "fakta.</li>"
                    "<li><b>Redam.</b> Bila pesan berpotensi memicu ketegangan, tokoh yang dipercaya di grup tersebut "
                    "diminta menyampaikan klarifikasi dengan bahasa yang menenangkan.</li></ol>"
                ),
                quote(
                    "Klarifikasi paling ampuh datang dari orang yang dihormati di grup itu sendiri, bukan dari akun "
                    "yang tidak dikenal.",
                    "Anggota Tim Tangguh Pondok Kacang Timur (tokoh fiktif)",
                ),
                paragraph(
                    "<p>Temuan yang berulang dirangkum dan disampaikan kepada penyelenggara pemilu serta Forum "
                    "Kerukunan Umat Beragama (FKUB) setempat. Catatan ini kemudian menjadi bahan evaluasi "
                    "pascapemilu.</p>"
                ),
            ],
        },
        "en": {
            "title": "Election quiet period: alumni monitor religious and ethnic baiting in neighbourhood chat groups",
            "slug": "monitoring-identity-politics-during-the-quiet-period",
            "intro": (
                "In the quiet period before polling day, chain messages playing on religion and ethnicity often "
                "increase. Alumni and the Tim Tangguh teams set up a simple way to log, check and calm heated "
                "rumours."
            ),
            "body": [
                paragraph(
                    "<p>The quiet period of the 2024 elections ran from 11 to 13 February. Open campaigning stopped, "
                    "but conversations in neighbourhood WhatsApp groups did not. Alumni know from experience that "
                    "these are the days when accusations and false stories about a religious or ethnic group spread "
                    "most easily, because there is hardly any time left to set the record straight.</p>"
                ),
                heading("Three steps: log, check, calm"),
                paragraph(
                    "<ol><li><b>Log.</b> Network members save a screenshot and note which group the message is "
                    "circulating in, without forwarding it any further.</li>"
                    "<li><b>Check.</b> A small team verifies the message against official sources and fact-checking "
                    "services.</li>"
                    "<li><b>Calm.</b> If a message could spark tensions, a trusted person in that group is asked to "
                    "post a clarification in calming words.</li></ol>"
                ),
                quote(
                    "The most effective clarification comes from someone respected in the group itself, not from an "
                    "account nobody knows.",
                    "Member of Tim Tangguh Pondok Kacang Timur (fictional)",
                ),
                paragraph(
                    "<p>Recurring findings were summarised and shared with the election organisers and the local "
                    "Interfaith Harmony Forum (FKUB). These notes later fed into the post-election evaluation.</p>"
                ),
            ],
        },
    },
    {
        "key": "news-cilegon",
        "shared": {
            "date": date(2024, 3, 21),
            "feature_image": "@image:cilegon",
            "authors": ["siti", "nur"],
            "tags": ["dialog lintas iman", "kohesi sosial", "pemilu 2024"],
        },
        "id": {
            "title": "Dialog lintas iman di Cilegon: merajut kembali kepercayaan setelah pemilu",
            "slug": "dialog-lintas-iman-di-cilegon",
            "intro": (
                "Sebulan setelah pemungutan suara, alumni di Kota Cilegon mempertemukan tokoh agama, pengurus ormas, "
                "dan pemuda untuk membicarakan luka-luka kecil yang ditinggalkan masa kampanye."
            ),
            "body": [
                paragraph(
                    "<p>Pemilu sudah usai, tetapi gesekan selama kampanye tidak otomatis hilang. Di beberapa "
                    "lingkungan, warga yang berbeda pilihan — dan kadang berbeda agama — masih saling menghindar. "
                    "Alumni Sekolah Demokrasi dari Cilegon lalu menggagas dialog lintas iman di sebuah aula "
                    "kelurahan, dengan suasana yang sengaja dibuat santai: duduk melingkar, tanpa podium.</p>"
                ),
                heading("Mendengar lebih dulu"),
                paragraph(
                    "<p>Fasilitator membuka dengan satu pertanyaan: <i>apa yang paling Anda khawatirkan tentang "
                    "lingkungan Anda setelah pemilu?</i> Jawaban peserta beragam, dari kabar bohong yang belum "
                    "diluruskan hingga rasa waswas saat menyelenggarakan kegiatan keagamaan. Peserta sepakat bahwa "
                    "sebagian besar kekhawatiran itu lahir dari kurangnya perjumpaan, bukan dari permusuhan.</p>"
                ),
                quote(
                    "Kami sepakat untuk tidak saling menilai dari unggahan media sosial, tetapi dari apa yang kami "
                    "kerjakan bersama di kampung.",
                    "Tokoh pemuda Cilegon (tokoh fiktif)",
                ),
                heading("Kesepakatan kecil, langkah nyata"),
                paragraph(
                    "<p>Dialog ditutup dengan tiga kesepakatan: saling mengundang dalam kegiatan sosial, membentuk "
                    "grup percakapan lintas iman untuk meluruskan kabar, dan bertemu lagi tiga bulan kemudian untuk "
                    "menilai apa yang sudah berjalan.</p>"
                ),
            ],
        },
        "en": {
            "title": "Interfaith dialogue in Cilegon: rebuilding trust after the elections",
            "slug": "interfaith-dialogue-in-cilegon",
            "intro": (
                "A month after polling day, alumni in Cilegon brought together religious leaders, mass-organisation "
                "officials and young people to talk about the small wounds the campaign had left behind."
            ),
            "body": [
                paragraph(
                    "<p>The elections were over, but the friction of the campaign did not simply disappear. In some "
                    "neighbourhoods, residents who had voted differently — and sometimes worshipped differently — "
                    "were still avoiding one another. Democracy School alumni from Cilegon organised an interfaith "
                    "dialogue in an urban-village hall, deliberately informal: chairs in a circle, no podium.</p>"
                ),
                heading("Listening first"),
                paragraph(
                    "<p>The facilitator opened with a single question: <i>what worries you most about your "
                    "neighbourhood since the elections?</i> The answers ranged from false stories that had never been "
                    "corrected to unease about holding religious activities. Participants agreed that most of these "
                    "worries came from a lack of contact, not from hostility.</p>"
                ),
                quote(
                    "We agreed not to judge each other by our social media posts, but by what we do together in the "
                    "neighbourhood.",
                    "Youth leader from Cilegon (fictional)",
                ),
                heading("Small agreements, real steps"),
                paragraph(
                    "<p>The dialogue ended with three agreements: to invite each other to social activities, to set "
                    "up an interfaith chat group for correcting rumours, and to meet again three months later to "
                    "review what had worked.</p>"
                ),
            ],
        },
    },
    {
        "key": "news-early-detection",
        "shared": {
            "date": date(2024, 5, 16),
            "feature_image": "@image:early-detection",
            "authors": ["yohanes"],
            "tags": ["deteksi dini", "kohesi sosial"],
            "related": ["news-dialogue-case", "news-serpong"],
        },
        "id": {
            "title": "Deteksi dini berbasis warga: cara Tim Tangguh membaca tanda-tanda awal intoleransi",
            "slug": "deteksi-dini-berbasis-warga",
            "intro": (
                "Di empat kelurahan di Kota Tangerang Selatan, Tim Tangguh belajar mengenali gejala-gejala kecil "
                "sebelum berkembang menjadi konflik terbuka."
            ),
            "body": [
                paragraph(
                    "<p>Tim Tangguh dibentuk di Kelurahan Benda Baru, Pondok Kacang Timur, Jombang, dan Muncul. "
                    "Anggotanya warga biasa: pengurus RT dan RW, tokoh agama, kader PKK, guru mengaji, dan pemuda "
                    "karang taruna. Mereka tidak bertugas sebagai aparat, melainkan sebagai tetangga yang peka dan "
                    "dipercaya.</p>"
                ),
                heading("Gejala yang perlu diperhatikan"),
                paragraph(
                    "<ul><li>Selebaran atau pesan berantai yang menyudutkan kelompok tertentu;</li>"
                    "<li>penolakan terhadap kegiatan ibadah atau kegiatan sosial kelompok lain;</li>"
                    "<li>seseorang yang mulai menyebarkan ajakan kebencian atau kekerasan di lingkungannya;</li>"
                    "<li>ketegangan berulang antara warga lama dan pendatang.</li></ul>"
                    "<p>Gejala ini tidak selalu berarti ada bahaya. Karena itu, tim tidak langsung melapor ke aparat, "
                    "tetapi lebih dulu memeriksa, berdiskusi, dan mengajak bicara pihak-pihak yang terkait.</p>"
                ),
                accordion(
                    "Pertanyaan yang sering diajukan",
                    [
                        (
                            "Apakah Tim Tangguh sama dengan aparat keamanan?",
                            "<p>Tidak. Tim Tangguh adalah inisiatif warga. Bila ada ancaman kekerasan, tim "
                            "meneruskannya kepada pihak berwenang.</p>",
                        ),
                        (
                            "Bagaimana kerahasiaan warga yang melapor dijaga?",
                            "<p>Identitas pelapor hanya diketahui koordinator tim dan tidak dicatat dalam laporan "
                            "yang dibagikan.</p>",
                        ),
                        (
                            "Siapa yang melatih anggota tim?",
                            "<p>Fasilitator P3M dan alumni Sekolah Demokrasi, dengan modul deteksi dini dan "
                            "penanganan kasus.</p>",
                        ),
                    ],
                ),
                quote(
                    "Deteksi dini itu sebenarnya soal kepedulian: tahu kabar tetangga, dan berani menyapa ketika ada "
                    "yang berubah.",
                    "Koordinator Tim Tangguh Muncul (tokoh fiktif)",
                ),
            ],
        },
        "en": {
            "title": "Community-based early detection: how Tim Tangguh reads the first signs of intolerance",
            "slug": "community-based-early-detection",
            "intro": (
                "In four urban villages of Tangerang Selatan, the Tim Tangguh teams learn to recognise small warning "
                "signs before they grow into open conflict."
            ),
            "body": [
                paragraph(
                    "<p>Tim Tangguh teams were set up in the urban villages of Benda Baru, Pondok Kacang Timur, "
                    "Jombang and Muncul. Their members are ordinary residents: neighbourhood and community heads, "
                    "religious leaders, family-welfare volunteers, Qur'an teachers and youth groups. They do not act "
                    "as officials but as neighbours who are attentive and trusted.</p>"
                ),
                heading("Signs to watch for"),
                paragraph(
                    "<ul><li>Leaflets or chain messages that target a particular group;</li>"
                    "<li>objections to another group's worship or social activities;</li>"
                    "<li>someone starting to spread calls for hatred or violence in the neighbourhood;</li>"
                    "<li>recurring tension between long-time residents and newcomers.</li></ul>"
                    "<p>These signs do not always mean danger. That is why the team does not go straight to the "
                    "authorities, but first checks, discusses and talks with the people involved.</p>"
                ),
                accordion(
                    "Frequently asked questions",
                    [
                        (
                            "Is Tim Tangguh a security force?",
                            "<p>No. Tim Tangguh is a residents' initiative. If there is a threat of violence, the "
                            "team passes it on to the authorities.</p>",
                        ),
                        (
                            "How is the confidentiality of people who report kept?",
                            "<p>Only the team coordinator knows who reported something, and names are left out of "
                            "any report that is shared.</p>",
                        ),
                        (
                            "Who trains the team members?",
                            "<p>P3M facilitators and Democracy School alumni, using the early-detection and "
                            "case-handling modules.</p>",
                        ),
                    ],
                ),
                quote(
                    "Early detection is really about caring: knowing how your neighbours are doing, and daring to say "
                    "hello when something changes.",
                    "Coordinator of Tim Tangguh Muncul (fictional)",
                ),
            ],
        },
    },
    {
        "key": "news-dialogue-case",
        "shared": {
            "date": date(2024, 7, 25),
            "feature_image": "@image:dialogue",
            "authors": ["yohanes", "nur"],
            "tags": ["penanganan kasus", "dialog lintas iman", "deteksi dini"],
            "related": ["news-early-detection"],
        },
        "id": {
            "title": "Menyelesaikan lewat dialog: pelajaran dari penanganan sebuah kasus di tingkat kelurahan",
            "slug": "menangani-kasus-lewat-dialog",
            "intro": (
                "Ketika sebagian warga keberatan atas kegiatan ibadah di rumah seorang tetangga, Tim Tangguh memilih "
                "duduk bersama semua pihak daripada membiarkan masalah membesar di media sosial."
            ),
            "body": [
                paragraph(
                    "<p><i>Kasus dalam tulisan ini disamarkan; nama tempat dan detailnya diubah untuk melindungi "
                    "orang-orang yang terlibat.</i></p>"
                    "<p>Awalnya hanya keluhan soal parkir dan suara. Setiap Minggu pagi, belasan orang datang ke rumah "
                    "seorang warga untuk beribadah bersama. Dalam beberapa pekan, keluhan itu berubah menjadi pesan "
                    "berantai yang menuduh adanya “gereja liar”. Seorang anggota Tim Tangguh yang tergabung dalam "
                    "grup percakapan warga segera memberi tahu koordinator timnya.</p>"
                ),
                heading("Langkah demi langkah"),
                paragraph(
                    "<ol><li>Tim menemui pemilik rumah dan beberapa warga yang keberatan secara terpisah untuk "
                    "mendengar duduk perkaranya.</li>"
                    "<li>Ketua RT, tokoh agama setempat, dan pengurus FKUB diajak ke pertemuan bersama.</li>"
                    "<li>Para pihak menyepakati pengaturan parkir, jam kegiatan, dan saluran komunikasi bila muncul "
                    "keluhan baru.</li>"
                    "<li>Tim memantau situasi selama tiga bulan setelah kesepakatan.</li></ol>"
                ),
                quote(
                    "Yang paling menentukan adalah kecepatan. Kami datang sebelum kabar itu menjadi berita.",
                    "Anggota Tim Tangguh (tokoh fiktif)",
                ),
                heading("Yang bisa dipelajari"),
                paragraph(
                    "<p>Keberatan warga sering berawal dari hal praktis yang bisa diselesaikan. Bila dibiarkan, "
                    "keberatan itu mudah dibingkai ulang sebagai persoalan agama. Dialog yang difasilitasi pihak yang "
                    "dipercaya kedua belah pihak mampu memisahkan keduanya.</p>"
                ),
            ],
        },
        "en": {
            "title": "Resolving it through dialogue: lessons from handling a case at urban-village level",
            "slug": "handling-cases-through-dialogue",
            "intro": (
                "When some residents objected to worship gatherings in a neighbour's house, the Tim Tangguh team "
                "chose to sit down with everyone involved rather than let the problem grow on social media."
            ),
            "body": [
                paragraph(
                    "<p><i>The case in this article is disguised; place names and details have been changed to "
                    "protect the people involved.</i></p>"
                    "<p>It started as a complaint about parking and noise. Every Sunday morning, a dozen or so people "
                    "came to a resident's house to worship together. Within a few weeks, the complaint had turned "
                    "into chain messages accusing the household of running an “illegal church”. A Tim Tangguh member "
                    "in the neighbourhood chat group alerted the team coordinator straight away.</p>"
                ),
                heading("Step by step"),
                paragraph(
                    "<ol><li>The team met the house owner and several of the objecting neighbours separately, to "
                    "hear each side.</li>"
                    "<li>The neighbourhood head, local religious leaders and the FKUB were invited to a joint "
                    "meeting.</li>"
                    "<li>Everyone agreed on parking arrangements, times for the gatherings, and a channel for any new "
                    "complaints.</li>"
                    "<li>The team kept an eye on the situation for three months after the agreement.</li></ol>"
                ),
                quote(
                    "Speed made the difference. We got there before the rumour became news.",
                    "Tim Tangguh member (fictional)",
                ),
                heading("What we learned"),
                paragraph(
                    "<p>Residents' objections often start with practical matters that can be solved. Left alone, "
                    "they are easily reframed as a religious issue. Dialogue facilitated by people both sides trust "
                    "can keep the two apart.</p>"
                ),
            ],
        },
    },
    {
        "key": "news-rad-pe",
        "shared": {
            "date": date(2024, 9, 12),
            "feature_image": "@image:rad-pe",
            "authors": ["nur"],
            "tags": ["advokasi kebijakan", "deteksi dini"],
            "related": ["news-perwal"],
        },
        "id": {
            "title": "Mengawal RAD PE Banten: alumni menyusun masukan untuk rencana aksi daerah",
            "slug": "mengawal-rad-pe-banten",
            "intro": (
                "Keputusan Gubernur Banten tentang Rencana Aksi Daerah Pencegahan dan Penanggulangan Ekstremisme "
                "Berbasis Kekerasan (RAD PE) membuka ruang bagi masyarakat sipil. Alumni memastikan ruang itu "
                "benar-benar dipakai."
            ),
            "body": [
                paragraph(
                    "<p>Di tingkat nasional, pencegahan ekstremisme berbasis kekerasan dituangkan dalam Rencana Aksi "
                    "Nasional (RAN PE). Provinsi menerjemahkannya ke dalam rencana aksi daerah. Di Banten, rencana "
                    "itu ditetapkan melalui keputusan gubernur yang melibatkan berbagai organisasi perangkat "
                    "daerah.</p>"
                ),
                heading("Dari dokumen ke kegiatan"),
                paragraph(
                    "<p>Dokumen rencana aksi baru bermakna jika kegiatannya dianggarkan dan dijalankan. Alumni dari "
                    "unsur pemerintah daerah dan masyarakat sipil menyusun catatan bersama yang berisi:</p>"
                    "<ul><li>kegiatan deteksi dini berbasis warga yang sudah berjalan dan layak didukung;</li>"
                    "<li>usulan indikator yang dapat diukur, misalnya jumlah kasus yang diselesaikan lewat "
                    "dialog;</li>"
                    "<li>pelibatan kelompok minoritas dan perempuan dalam forum koordinasi.</li></ul>"
                ),
                quote(
                    "Kami tidak ingin rencana aksi ini hanya menjadi laporan tahunan. Kami ingin melihatnya bekerja "
                    "di kelurahan.",
                    "Alumni dari unsur pemerintah daerah (tokoh fiktif)",
                ),
                paragraph(
                    "<p>Catatan tersebut disampaikan dalam forum konsultasi dengan pemerintah provinsi dan akan terus "
                    "dikawal dalam penyusunan anggaran tahun berikutnya.</p>"
                ),
                call_to_action(
                    "Advokasi di tingkat kota",
                    "Baca juga upaya mendorong Peraturan Wali Kota Tangerang Selatan.",
                    "Baca selengkapnya",
                    "news-perwal",
                ),
            ],
        },
        "en": {
            "title": "Following up Banten's RAD PE: alumni draft input for the regional action plan",
            "slug": "following-up-bantens-regional-action-plan",
            "intro": (
                "The Banten governor's decree on the Regional Action Plan for Preventing and Countering Violent "
                "Extremism (RAD PE) opens a door for civil society. Alumni are making sure it is actually used."
            ),
            "body": [
                paragraph(
                    "<p>Nationally, the prevention of violent extremism is set out in a National Action Plan (RAN PE). "
                    "Provinces translate it into regional action plans. In Banten, the plan was adopted by a "
                    "governor's decree that involves a range of provincial agencies.</p>"
                ),
                heading("From document to activity"),
                paragraph(
                    "<p>An action plan only means something if its activities are budgeted and carried out. Alumni "
                    "from local government and civil society drew up joint notes covering:</p>"
                    "<ul><li>community-based early-detection work that already exists and deserves support;</li>"
                    "<li>measurable indicators, such as the number of cases resolved through dialogue;</li>"
                    "<li>the inclusion of minority groups and women in the coordination forum.</li></ul>"
                ),
                quote(
                    "We don't want this action plan to end up as just another annual report. We want to see it "
                    "working in the urban villages.",
                    "Alumnus from local government (fictional)",
                ),
                paragraph(
                    "<p>The notes were presented at a consultation with the provincial government and will be "
                    "followed up as next year's budget is drawn up.</p>"
                ),
                call_to_action(
                    "Advocacy at city level",
                    "Read also about the push for a mayoral regulation in Tangerang Selatan.",
                    "Read more",
                    "news-perwal",
                ),
            ],
        },
    },
    {
        "key": "news-serpong",
        "shared": {
            "date": date(2024, 11, 6),
            "feature_image": "@image:serpong",
            "authors": ["yohanes", "siti"],
            "tags": ["deteksi dini", "penanganan kasus", "pelatihan"],
            "related": ["news-early-detection"],
        },
        "id": {
            "title": "Penyegaran Tim Tangguh di Serpong: dua hari mengasah deteksi dini dan penanganan kasus",
            "slug": "penyegaran-tim-tangguh-di-serpong",
            "intro": (
                "Anggota Tim Tangguh dari Benda Baru, Pondok Kacang Timur, Jombang, dan Muncul berkumpul di Hotel "
                "Amaris Serpong pada 4–5 November 2024 untuk berbagi pengalaman dan memperbarui keterampilan."
            ),
            "body": [
                paragraph(
                    "<p>Setahun setelah tim terbentuk, banyak hal sudah terjadi: kasus yang berhasil diredam, kasus "
                    "yang masih menggantung, dan anggota baru yang belum sempat mengikuti pelatihan awal. Lokakarya "
                    "penyegaran ini dirancang untuk menjawab kebutuhan tersebut.</p>"
                ),
                heading("Hari pertama: belajar dari kasus sendiri"),
                paragraph(
                    "<p>Setiap tim memaparkan satu kasus yang pernah mereka tangani, lengkap dengan langkah yang "
                    "diambil dan hal yang menurut mereka semestinya dilakukan secara berbeda. Peserta lain memberi "
                    "masukan. Dari sesi ini lahir daftar periksa sederhana untuk pertemuan pertama dengan pihak-pihak "
                    "yang berselisih.</p>"
                ),
                image("workshop-session", "Ilustrasi: simulasi mediasi dalam kelompok kecil.", "Ilustrasi demo"),
                heading("Hari kedua: simulasi dan rencana kerja"),
                paragraph(
                    "<p>Peserta berlatih dalam simulasi mediasi, bergantian berperan sebagai warga yang keberatan, "
                    "tokoh agama, dan fasilitator. Lokakarya ditutup dengan rencana kerja setiap tim untuk enam bulan "
                    "ke depan, termasuk jadwal pertemuan rutin dengan pihak kelurahan.</p>"
                ),
                quote(
                    "Simulasi membuat kami sadar betapa sulitnya tetap netral ketika yang berselisih adalah tetangga "
                    "sendiri.",
                    "Anggota Tim Tangguh Jombang (tokoh fiktif)",
                ),
            ],
        },
        "en": {
            "title": "Tim Tangguh refresher in Serpong: two days of sharpening early detection and case handling",
            "slug": "tim-tangguh-refresher-workshop-serpong",
            "intro": (
                "Tim Tangguh members from Benda Baru, Pondok Kacang Timur, Jombang and Muncul met at Hotel Amaris "
                "Serpong on 4–5 November 2024 to share experience and refresh their skills."
            ),
            "body": [
                paragraph(
                    "<p>A year after the teams were set up, a lot had happened: cases that were calmed down, cases "
                    "still unresolved, and new members who had missed the initial training. This refresher workshop "
                    "was designed around those needs.</p>"
                ),
                heading("Day one: learning from our own cases"),
                paragraph(
                    "<p>Each team presented one case it had handled, with the steps it took and what it would now do "
                    "differently. The other participants gave feedback. The session produced a simple checklist for "
                    "the first meeting with the parties to a dispute.</p>"
                ),
                image("workshop-session", "Illustration: a mediation role-play in a small group.", "Demo illustration"),
                heading("Day two: role-play and work plans"),
                paragraph(
                    "<p>Participants practised in mediation role-plays, taking turns as an objecting resident, a "
                    "religious leader and the facilitator. The workshop closed with each team's work plan for the "
                    "next six months, including regular meetings with the urban-village office.</p>"
                ),
                quote(
                    "The role-play showed us how hard it is to stay neutral when the people in the dispute are your "
                    "own neighbours.",
                    "Member of Tim Tangguh Jombang (fictional)",
                ),
            ],
        },
    },
    {
        "key": "news-guests",
        "shared": {
            "date": date(2024, 12, 12),
            "feature_image": "@image:guests",
            "authors": ["siti"],
            "tags": ["kohesi sosial", "deteksi dini", "dialog lintas iman"],
            "related": ["news-early-detection"],
        },
        "id": {
            "title": "Tamu dari Iran dan Amerika Serikat belajar dari Tim Tangguh",
            "slug": "tamu-dari-iran-dan-amerika-serikat",
            "intro": (
                "Pada Desember 2024, tamu dari Iran dan Amerika Serikat berkunjung ke Kota Tangerang Selatan untuk "
                "melihat langsung bagaimana warga mengelola keragaman dan meredam konflik di tingkat kelurahan."
            ),
            "body": [
                paragraph(
                    "<p>Kunjungan ini merupakan bagian dari pertukaran pengalaman antarorganisasi masyarakat sipil "
                    "dari berbagai negara. Para tamu bertemu anggota Tim Tangguh, mendengarkan cerita tentang "
                    "penanganan kasus, dan berdiskusi tentang peran warga dalam menjaga kerukunan.</p>"
                ),
                heading("Pertanyaan dari jauh, jawaban dari kampung"),
                paragraph(
                    "<p>Para tamu banyak bertanya tentang hal-hal yang bagi anggota Tim Tangguh terasa biasa: mengapa "
                    "ketua RT mau terlibat, bagaimana tokoh dari agama yang berbeda bisa duduk dalam satu tim, dan "
                    "bagaimana tim menjaga kepercayaan warga. Jawaban-jawaban itu menunjukkan bahwa modal utama "
                    "deteksi dini adalah hubungan sosial yang sudah lama terjalin.</p>"
                ),
                quote(
                    "Kami datang untuk mempelajari sebuah sistem, tetapi yang kami temukan adalah tetangga yang "
                    "saling menjaga.",
                    "Salah seorang tamu (kutipan contoh)",
                ),
                paragraph(
                    "<p>Bagi anggota Tim Tangguh, kunjungan ini juga menjadi cermin. Menjelaskan pekerjaan sehari-hari "
                    "kepada orang luar membantu mereka melihat apa yang sudah berjalan baik dan apa yang perlu "
                    "diperkuat.</p>"
                ),
            ],
        },
        "en": {
            "title": "Guests from Iran and the United States learn from Tim Tangguh",
            "slug": "guests-from-iran-and-the-united-states",
            "intro": (
                "In December 2024, guests from Iran and the United States visited Tangerang Selatan to see for "
                "themselves how residents manage diversity and defuse conflict at urban-village level."
            ),
            "body": [
                paragraph(
                    "<p>The visit was part of an exchange between civil society organisations from several countries. "
                    "The guests met Tim Tangguh members, heard how cases had been handled, and discussed the role of "
                    "ordinary residents in keeping the peace.</p>"
                ),
                heading("Questions from afar, answers from the neighbourhood"),
                paragraph(
                    "<p>The guests asked many questions about things Tim Tangguh members take for granted: why "
                    "neighbourhood heads agree to take part, how leaders of different religions can sit on one team, "
                    "and how the team keeps residents' trust. The answers showed that the main asset of early "
                    "detection is social ties built up over many years.</p>"
                ),
                quote(
                    "We came to study a system, but what we found were neighbours looking out for each other.",
                    "One of the guests (example quote)",
                ),
                paragraph(
                    "<p>For the Tim Tangguh members, the visit was also a mirror. Explaining their everyday work to "
                    "outsiders helped them see what is working well and what needs strengthening.</p>"
                ),
            ],
        },
    },
    {
        # The Indonesian text of this article says "pencegahan" but never "mencegah": search tests use it to check
        # that the Indonesian stemmer finds it for the query "mencegah" (both stem to "cegah").
        "key": "news-perwal",
        "shared": {
            "date": date(2025, 3, 6),
            "feature_image": "@image:perwal",
            "authors": ["nur", "yohanes"],
            "tags": ["advokasi kebijakan", "deteksi dini"],
            "related": ["news-rad-pe", "news-serpong"],
        },
        "id": {
            "title": "Menuju Perwal Tangerang Selatan tentang pencegahan ekstremisme berbasis kekerasan",
            "slug": "menuju-perwal-tangerang-selatan",
            "intro": (
                "Tim Tangguh dan alumni Sekolah Demokrasi mengusulkan Peraturan Wali Kota agar kerja deteksi dini di "
                "kelurahan memiliki payung hukum dan dukungan anggaran."
            ),
            "body": [
                paragraph(
                    "<p>Selama ini Tim Tangguh bekerja atas dasar kesukarelaan dan dukungan program. Ketika program "
                    "berakhir, keberlanjutannya bergantung pada kemauan baik kelurahan. Karena itu, jejaring alumni "
                    "mendorong lahirnya Peraturan Wali Kota (Perwal) Tangerang Selatan tentang pencegahan ekstremisme "
                    "berbasis kekerasan, yang menjabarkan RAD PE Provinsi Banten di tingkat kota.</p>"
                ),
                heading("Apa yang diusulkan"),
                paragraph(
                    "<ul><li>Pengakuan terhadap tim deteksi dini berbasis warga di tingkat kelurahan;</li>"
                    "<li>mekanisme rujukan yang jelas bila sebuah kasus memerlukan penanganan aparat;</li>"
                    "<li>dukungan anggaran untuk pelatihan dan pertemuan rutin;</li>"
                    "<li>jaminan pelindungan data pribadi warga yang melapor.</li></ul>"
                ),
                quote(
                    "Perwal ini bukan untuk menambah birokrasi, melainkan untuk memastikan kerja warga tidak berhenti "
                    "ketika program selesai.",
                    "Peneliti kebijakan jejaring alumni (tokoh fiktif)",
                ),
                heading("Langkah berikutnya"),
                paragraph(
                    "<p>Naskah usulan telah dibahas dalam diskusi kelompok terfokus bersama perangkat daerah terkait "
                    "dan akan dilengkapi dengan kajian singkat tentang pengalaman keempat kelurahan.</p>"
                ),
            ],
        },
        "en": {
            "title": "Towards a mayoral regulation on preventing violent extremism in Tangerang Selatan",
            "slug": "towards-a-mayoral-regulation-for-tangerang-selatan",
            "intro": (
                "The Tim Tangguh teams and Democracy School alumni are proposing a mayoral regulation so that "
                "early-detection work in the urban villages has a legal footing and a budget."
            ),
            "body": [
                paragraph(
                    "<p>So far the Tim Tangguh teams have run on volunteer time and programme support. When a "
                    "programme ends, whether they carry on depends on the goodwill of the urban-village office. That "
                    "is why the alumni network is pushing for a mayoral regulation (<i>Perwal</i>) in Tangerang "
                    "Selatan on preventing violent extremism, which would put Banten's regional action plan (RAD PE) "
                    "into practice at city level.</p>"
                ),
                heading("What is proposed"),
                paragraph(
                    "<ul><li>Recognition of community early-detection teams at urban-village level;</li>"
                    "<li>a clear referral mechanism for cases that need the authorities;</li>"
                    "<li>a budget for training and regular meetings;</li>"
                    "<li>protection of the personal data of residents who report concerns.</li></ul>"
                ),
                quote(
                    "This regulation is not about adding bureaucracy. It is about making sure residents' work does "
                    "not stop when a programme ends.",
                    "Policy researcher of the alumni network (fictional)",
                ),
                heading("Next steps"),
                paragraph(
                    "<p>The draft has been discussed in a focus group with the relevant city agencies and will be "
                    "supplemented by a short study of the four urban villages' experience.</p>"
                ),
            ],
        },
    },
    {
        "key": "news-clean-up",
        "shared": {
            "date": date(2025, 6, 19),
            "feature_image": "@image:clean-up",
            "authors": ["made"],
            "tags": ["kohesi sosial", "dialog lintas iman"],
        },
        "id": {
            "title": "Kohesi sosial dari gang-gang kampung: kerja bakti lintas iman di Jombang dan Muncul",
            "slug": "kerja-bakti-lintas-iman-di-jombang-dan-muncul",
            "intro": (
                "Membersihkan saluran air, mengecat pos ronda, memasak bersama: kegiatan sederhana yang "
                "mempertemukan warga berbeda keyakinan."
            ),
            "body": [
                paragraph(
                    "<p>Kohesi sosial tidak dibangun di ruang seminar. Ia tumbuh dari kegiatan bersama yang dilakukan "
                    "berulang-ulang. Tim Tangguh di Kelurahan Jombang dan Muncul mengajak pengurus rumah ibadah dari "
                    "berbagai agama dan pemuda setempat untuk kerja bakti bersama pada akhir pekan.</p>"
                ),
                heading("Mengapa kerja bakti?"),
                paragraph(
                    "<p>Kerja bakti adalah tradisi yang dikenal semua warga dan tidak menuntut kesepakatan soal "
                    "keyakinan. Sambil membersihkan saluran air atau memasak di dapur umum, warga berbincang tentang "
                    "hal sehari-hari — dan dari situlah rasa saling percaya tumbuh.</p>"
                ),
                quote("Anak-anak kami sekarang saling kenal. Itu yang paling penting.", "Warga Muncul (tokoh fiktif)"),
                paragraph(
                    "<p>Kegiatan ini akan menjadi agenda rutin tiga bulanan, bergiliran di lingkungan rumah ibadah "
                    "yang berbeda.</p>"
                ),
            ],
        },
        "en": {
            "title": "Social cohesion from the alleyways: an interfaith clean-up in Jombang and Muncul",
            "slug": "interfaith-clean-up-in-jombang-and-muncul",
            "intro": (
                "Clearing drains, painting the neighbourhood watch post, cooking together: simple activities that "
                "bring together neighbours of different faiths."
            ),
            "body": [
                paragraph(
                    "<p>Social cohesion is not built in a seminar room. It grows out of shared activities done again "
                    "and again. The Tim Tangguh teams in Jombang and Muncul invited the committees of houses of "
                    "worship of different religions, and local young people, to a weekend community clean-up "
                    "(<i>kerja bakti</i>).</p>"
                ),
                heading("Why a clean-up?"),
                paragraph(
                    "<p><i>Kerja bakti</i> is a tradition everyone knows, and it requires no agreement about belief. "
                    "While clearing drains or cooking in the communal kitchen, people chat about everyday things — and "
                    "that is where trust grows.</p>"
                ),
                quote("Our children know each other now. That is what matters most.", "Resident of Muncul (fictional)"),
                paragraph(
                    "<p>The activity will become a regular event every three months, hosted in turn around different "
                    "houses of worship.</p>"
                ),
            ],
        },
    },
    {
        "key": "news-digital-literacy",
        "shared": {
            "date": date(2025, 10, 2),
            "feature_image": "@image:digital-literacy",
            "authors": ["made", "siti"],
            "tags": ["literasi digital", "kontra-narasi"],
            "related": ["news-counter-narrative"],
        },
        "id": {
            "title": "Literasi digital untuk pemuda: mengenali narasi ekstrem sebelum ikut membagikannya",
            "slug": "literasi-digital-untuk-pemuda",
            "intro": (
                "Alumni menggelar lokakarya bagi pelajar dan mahasiswa di Kota Serang tentang cara kerja algoritma, "
                "propaganda, dan kabar bohong di media sosial."
            ),
            "body": [
                paragraph(
                    "<p>Narasi ekstrem jarang datang dengan wajah yang menakutkan. Ia sering hadir sebagai meme lucu, "
                    "potongan ceramah yang dicabut dari konteksnya, atau ajakan untuk “membela” kelompok sendiri. "
                    "Lokakarya ini mengajak 40 pelajar dan mahasiswa di Kota Serang untuk mengenali pola-pola "
                    "tersebut.</p>"
                ),
                heading("Belajar lewat praktik"),
                paragraph(
                    "<p>Peserta dibagi ke dalam kelompok dan diberi sekumpulan unggahan — sebagian asli, sebagian "
                    "rekayasa. Tugas mereka: menilai mana yang bisa dipercaya, mana yang memancing emosi, dan mana "
                    "yang sengaja memecah belah. Setelah itu, setiap kelompok membuat satu konten tandingan.</p>"
                ),
                accordion(
                    "Tips singkat sebelum membagikan",
                    [
                        (
                            "Berhenti sejenak",
                            "<p>Jika sebuah unggahan membuat Anda sangat marah atau takut, tahan dulu sebelum "
                            "membagikannya.</p>",
                        ),
                        (
                            "Periksa sumbernya",
                            "<p>Cari tahu siapa yang pertama kali menyebarkannya dan apakah media tepercaya "
                            "memberitakannya.</p>",
                        ),
                        (
                            "Tanyakan siapa yang diuntungkan",
                            "<p>Narasi yang memecah belah biasanya menguntungkan pihak tertentu.</p>",
                        ),
                    ],
                ),
                quote(
                    "Ternyata yang paling cepat menyebar justru yang paling bikin marah.",
                    "Peserta lokakarya (tokoh fiktif)",
                ),
            ],
        },
        "en": {
            "title": "Digital literacy for young people: spotting extremist narratives before sharing them",
            "slug": "digital-literacy-for-young-people",
            "intro": (
                "Alumni ran a workshop for school and university students in Serang on how algorithms, propaganda "
                "and false news work on social media."
            ),
            "body": [
                paragraph(
                    "<p>Extremist narratives rarely look frightening. They often come as a funny meme, a clip of a "
                    "sermon taken out of context, or a call to “stand up for” one's own group. The workshop helped "
                    "40 school and university students in Serang recognise these patterns.</p>"
                ),
                heading("Learning by doing"),
                paragraph(
                    "<p>Participants worked in groups on a set of posts — some genuine, some fabricated. Their task: "
                    "decide which could be trusted, which played on emotions, and which were meant to divide. Each "
                    "group then produced a piece of counter-content.</p>"
                ),
                accordion(
                    "Quick tips before you share",
                    [
                        (
                            "Pause",
                            "<p>If a post makes you very angry or afraid, hold on before you share it.</p>",
                        ),
                        (
                            "Check the source",
                            "<p>Find out who first spread it and whether trusted media have reported it.</p>",
                        ),
                        (
                            "Ask who benefits",
                            "<p>Divisive narratives usually benefit someone.</p>",
                        ),
                    ],
                ),
                quote(
                    "It turns out that what spreads fastest is whatever makes people angriest.",
                    "Workshop participant (fictional)",
                ),
            ],
        },
    },
    {
        "key": "news-follow-up",
        "shared": {
            "date": date(2026, 2, 26),
            "feature_image": "@image:follow-up",
            "authors": ["nur", "siti"],
            "tags": ["advokasi kebijakan", "pelatihan", "kohesi sosial"],
        },
        "id": {
            "title": "Rencana tindak lanjut 2026: alumni menyepakati indikator bersama",
            "slug": "rencana-tindak-lanjut-2026",
            "intro": (
                "Dalam pertemuan tahunan jejaring, alumni dari delapan kabupaten/kota di Banten menyusun rencana "
                "tindak lanjut dengan indikator yang dapat diukur."
            ),
            "body": [
                paragraph(
                    "<p>Setiap alumni Sekolah Demokrasi pulang dengan rencana tindak lanjut (RTL). Tahun ini jejaring "
                    "mencoba hal baru: menyepakati indikator bersama, sehingga kemajuan di berbagai daerah dapat "
                    "dibandingkan dan dipelajari.</p>"
                ),
                heading("Indikator yang disepakati"),
                paragraph(
                    "<ul><li>Jumlah kasus intoleransi yang ditangani lewat dialog dan berakhir dengan "
                    "kesepakatan;</li>"
                    "<li>jumlah kegiatan kohesi sosial yang melibatkan sedikitnya dua kelompok agama;</li>"
                    "<li>jumlah konten kontra-narasi yang diproduksi dan dibagikan;</li>"
                    "<li>kebijakan daerah yang dibahas atau ditetapkan dengan masukan jejaring.</li></ul>"
                ),
                quote(
                    "Dengan indikator yang sama, kami bisa saling belajar, bukan saling membandingkan.",
                    "Alumni dari Kabupaten Lebak (tokoh fiktif)",
                ),
                paragraph(
                    "<p>Capaian akan dicatat setiap triwulan melalui situs jejaring ini dan dibahas dalam pertemuan "
                    "tahunan berikutnya.</p>"
                ),
                call_to_action(
                    "Ingin ikut terlibat?",
                    "Mitra yang ingin mendukung rencana tindak lanjut alumni dapat menghubungi sekretariat.",
                    "Hubungi kami",
                    "contact",
                ),
            ],
        },
        "en": {
            "title": "Follow-up plans for 2026: alumni agree on shared indicators",
            "slug": "follow-up-plans-for-2026",
            "intro": (
                "At the network's annual meeting, alumni from Banten's eight regencies and cities drew up follow-up "
                "plans with measurable indicators."
            ),
            "body": [
                paragraph(
                    "<p>Every Democracy School graduate leaves with a follow-up plan (<i>rencana tindak lanjut</i>). "
                    "This year the network tried something new: agreeing on shared indicators, so that progress in "
                    "different areas can be compared and learned from.</p>"
                ),
                heading("The agreed indicators"),
                paragraph(
                    "<ul><li>The number of intolerance cases handled through dialogue that ended in an "
                    "agreement;</li>"
                    "<li>the number of social cohesion activities involving at least two religious groups;</li>"
                    "<li>the number of counter-narrative pieces produced and shared;</li>"
                    "<li>local policies discussed or adopted with input from the network.</li></ul>"
                ),
                quote(
                    "With the same indicators, we can learn from each other instead of competing with each other.",
                    "Alumnus from Lebak regency (fictional)",
                ),
                paragraph(
                    "<p>Results will be recorded every quarter on this network site and discussed at the next annual "
                    "meeting.</p>"
                ),
                call_to_action(
                    "Want to get involved?",
                    "Partners who would like to support the alumni's follow-up plans can contact the secretariat.",
                    "Contact us",
                    "contact",
                ),
            ],
        },
    },
    {
        "key": "news-three-years",
        "shared": {
            "date": date(2026, 10, 15),
            "feature_image": "@image:three-years",
            "authors": ["siti", "made"],
            "tags": ["kohesi sosial", "advokasi kebijakan", "deteksi dini"],
            "related": ["news-sd-hybrid", "news-follow-up"],
        },
        "id": {
            "title": "Tiga tahun setelah Sekolah Demokrasi Hybrid: apa yang berubah?",
            "slug": "tiga-tahun-setelah-sekolah-demokrasi-hybrid",
            "intro": (
                "Catatan refleksi jejaring alumni: dari satu kelas hybrid pada Desember 2023 menjadi jaringan kerja "
                "yang menjangkau kelurahan, kantor pemerintah, dan ruang digital."
            ),
            "body": [
                paragraph(
                    "<p>Ketika 30 peserta pertama bertemu pada Desember 2023, belum ada yang tahu apakah hubungan yang "
                    "terjalin di kelas akan bertahan. Tiga tahun kemudian, para alumni masih saling menghubungi — "
                    "untuk meminta saran, mengundang ke kegiatan, atau sekadar memeriksa kabar yang beredar.</p>"
                ),
                heading("Apa yang berjalan"),
                paragraph(
                    "<p>Tim Tangguh di empat kelurahan tetap aktif, kampanye kontra-narasi sebelum dan sesudah Pemilu "
                    "2024 menjangkau ribuan warganet, dan usulan kebijakan di tingkat provinsi maupun kota mendapat "
                    "tempat dalam pembahasan resmi.</p>"
                ),
                heading("Pekerjaan rumah yang tersisa"),
                paragraph(
                    "<p>Keberlanjutan pendanaan, regenerasi anggota, dan perlindungan bagi aktivis minoritas yang "
                    "menjadi sasaran perundungan daring masih menjadi tantangan. Jejaring ini juga perlu menjangkau "
                    "daerah yang belum banyak terwakili, seperti Kabupaten Lebak dan Kabupaten Serang.</p>"
                ),
                quote(
                    "Jejaring ini bertahan bukan karena programnya, melainkan karena orang-orangnya saling percaya.",
                    "Alumni angkatan 2023 (tokoh fiktif)",
                ),
                call_to_action(
                    "Arsip berita",
                    "Ikuti perjalanan jejaring sejak kelas pertama pada Desember 2023.",
                    "Semua berita",
                    "news",
                ),
            ],
        },
        "en": {
            "title": "Three years after the Hybrid Democracy School: what has changed?",
            "slug": "three-years-after-the-hybrid-democracy-school",
            "intro": (
                "Reflections from the alumni network: from a single hybrid class in December 2023 to a working "
                "network that reaches urban villages, government offices and online spaces."
            ),
            "body": [
                paragraph(
                    "<p>When the first 30 participants met in December 2023, nobody knew whether the ties formed in "
                    "class would last. Three years on, alumni still get in touch with each other — to ask for advice, "
                    "invite each other to activities, or simply check a rumour that is going round.</p>"
                ),
                heading("What is working"),
                paragraph(
                    "<p>The Tim Tangguh teams in four urban villages are still active, the counter-narrative campaigns "
                    "before and after the 2024 elections reached thousands of social media users, and policy "
                    "proposals at provincial and city level have found their way into official discussions.</p>"
                ),
                heading("Unfinished business"),
                paragraph(
                    "<p>Sustainable funding, bringing in new members, and protecting minority activists who are "
                    "targeted by online harassment remain challenges. The network also needs to reach areas that are "
                    "still under-represented, such as the regencies of Lebak and Serang.</p>"
                ),
                quote(
                    "This network has lasted not because of the programme, but because its people trust each other.",
                    "Alumna of the 2023 cohort (fictional)",
                ),
                call_to_action(
                    "News archive",
                    "Follow the network's journey since the first class in December 2023.",
                    "All news",
                    "news",
                ),
            ],
        },
    },
]

for _article in NEWS:
    _article["model"] = "NewsPage"
    _article["parent"] = "news"

# In tree order: a page's parent always comes before it.
PAGES = [HOME, NEWS_INDEX, ABOUT, CONTACT, PRIVACY, *NEWS]

# --- Snippets and settings ---------------------------------------------------------------------------------------

FOOTER = {
    "id": {
        "text": (
            "<p>Jejaring alumni Sekolah Demokrasi Hybrid — P3M bersama INFID, Banten. "
            "<i>Situs demo: semua nama orang di dalamnya fiktif.</i></p>"
        ),
        "links": [
            {"page": "@page:about", "external_url": "", "label": ""},
            {"page": "@page:contact", "external_url": "", "label": ""},
            {"page": "@page:privacy", "external_url": "", "label": ""},
        ],
    },
    "en": {
        "text": (
            "<p>Alumni network of the Hybrid Democracy School — P3M with INFID, Banten. "
            "<i>Demo site: all names of people on it are fictional.</i></p>"
        ),
        "links": [
            {"page": "@page:about", "external_url": "", "label": ""},
            {"page": "@page:contact", "external_url": "", "label": ""},
            {"page": "@page:privacy", "external_url": "", "label": ""},
        ],
    },
}

SITE_NAME = "Jejaring Sekolah Demokrasi"

SITE_SETTINGS = {
    "contact_email": "info@example.org",
    "contact_phone": "+62 21 0000 0000 (contoh)",
    "address": (
        "Sekretariat Jejaring Sekolah Demokrasi (alamat contoh)\n"
        "Jl. Contoh Raya No. 1, Jakarta Selatan\n"
        "Perwakilan Banten: Jl. Contoh No. 2, Kota Serang"
    ),
    "social_links": [
        {"network": "instagram", "url": "https://example.org/instagram"},
        {"network": "facebook", "url": "https://example.org/facebook"},
        {"network": "youtube", "url": "https://example.org/youtube"},
        {"network": "whatsapp", "url": "https://example.org/whatsapp"},
    ],
    "partner_logos": [
        {"name": "P3M", "logo": "@image:logo-p3m", "url": ""},
        {"name": "INFID", "logo": "@image:logo-infid", "url": "https://www.infid.org/"},
    ],
}
