"""Demo content of the intranet: per instansi the home page, editorial groups and workflows, index pages in the
menu, a few policies with attachments, news, a guidance page and a socialisation campaign on performance
management that is required reading. Every step looks its objects up first, so running it again changes nothing."""

from datetime import timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents.models import Document

from portal import roles
from portal.demo import register_demo_step
from portal.models import Instansi

from . import editorial
from .collections import ensure_instansi_collection
from .models import (
    ContentIndexPage,
    ContentPage,
    HomeFooterLink,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PolicyAttachment,
    PolicyIndexPage,
    PolicyPage,
    SocialisationIndexPage,
    SocialisationPage,
)


def ensure_home_page(instansi):
    """The instansi's HomePage under the portal root, created once, with its editorial set-up."""
    return editorial.home_for_new_instansi(instansi)


@register_demo_step("home-pages", order=20)
def load_home_pages(stdout=None):
    for instansi in Instansi.objects.order_by("pk"):
        ensure_home_page(instansi)


def _pdf(title, lines):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(title)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, 770, title)
    pdf.setFont("Helvetica", 11)
    for i, line in enumerate(lines):
        pdf.drawString(72, 740 - 18 * i, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _document(title, lines, instansi):
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=ensure_instansi_collection(instansi))
    filename = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:80] + ".pdf"
    document.file.save(filename, ContentFile(_pdf(title, lines)), save=False)
    document.save()
    return document


def _child(parent, model, slug, **fields):
    """The child page with this slug, or a new one, published."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _paragraph(html):
    return ("paragraph", html)


POLICIES = [
    # slug, title, type, number, (y, m, d) issued, subjects, summary
    (
        "disiplin-pns",
        "Peraturan Gubernur tentang Disiplin dan Jam Kerja Pegawai",
        "perkada",
        "12 Tahun 2024",
        (2024, 3, 4),
        ["disiplin", "jam kerja"],
        "Mengatur jam kerja, presensi elektronik, dan sanksi disiplin bagi pegawai di lingkungan pemerintah daerah, "
        "sebagai pelaksanaan PP 94 Tahun 2021 tentang Disiplin PNS.",
    ),
    (
        "pengembangan-kompetensi",
        "Kebijakan Pengembangan Kompetensi ASN 20 JP per Tahun",
        "se",
        "800/BKD/215/2025",
        (2025, 1, 15),
        ["pengembangan kompetensi", "pelatihan"],
        "Setiap ASN wajib mengikuti pengembangan kompetensi paling sedikit 20 jam pelajaran per tahun. Pegawai dilatih "
        "melalui pelatihan klasikal dan nonklasikal; hasilnya dicatat dalam sistem informasi kepegawaian.",
    ),
    (
        "sop-cuti",
        "SOP Pengajuan Cuti Pegawai",
        "sop",
        "SOP-BKD-07",
        (2023, 8, 1),
        ["cuti", "layanan kepegawaian"],
        "Langkah pengajuan cuti tahunan, cuti sakit, dan cuti alasan penting melalui atasan langsung dan BKD.",
    ),
    (
        "sop-cuti-2021",
        "SOP Pengajuan Cuti Pegawai (2021)",
        "sop",
        "SOP-BKD-03",
        (2021, 2, 1),
        ["cuti", "layanan kepegawaian"],
        "SOP lama tentang cuti; telah diganti oleh SOP-BKD-07.",
    ),
]


def _policies(index, instansi):
    pages = {}
    for slug, title, kind, number, ymd, subjects, summary in POLICIES:
        existing = PolicyPage.objects.child_of(index).filter(slug=slug).first()
        if existing is not None:
            pages[slug] = existing
            continue
        from datetime import date

        page = PolicyPage(
            slug=slug,
            title=title,
            regulation_type=kind,
            number=number,
            date_issued=date(*ymd),
            date_effective=date(*ymd),
            summary=summary,
            body=[
                ("heading", {"text": _("Pokok pengaturan"), "level": "h2"}),
                _paragraph(f"<p>{summary}</p>"),
                (
                    "callout",
                    {
                        "kind": "info",
                        "title": _("Untuk diperhatikan"),
                        "text": "<p>Pertanyaan tentang kebijakan ini dapat disampaikan ke BKD melalui tombol "
                        "<b>Laporkan masalah</b> di bawah halaman.</p>",
                    },
                ),
            ],
            review_by=timezone.localdate() + timedelta(days=365),
        )
        page.subjects.add(*subjects)
        document = _document(
            f"{title} — {instansi.slug}",
            [f"{instansi.name}", f"Nomor {number}", summary[:90], summary[90:180]],
            instansi,
        )
        page.attachments = [PolicyAttachment(document=document, label=_("Salinan resmi (PDF)"))]
        index.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = page
    old = pages["sop-cuti-2021"]
    if old.status != PolicyPage.Status.DIGANTI:
        old.status = PolicyPage.Status.DIGANTI
        old.replaced_by = pages["sop-cuti"]
        old.save_revision().publish()
    return pages


NEWS = [
    ("apel-pagi", "Apel pagi gabungan Senin depan", "pengumuman", 0, True),
    ("pelatihan-digital", "Pelatihan literasi digital untuk pegawai pelaksana dibuka", "berita", 3, False),
    ("hut-korpri", "Peringatan HUT KORPRI: rangkaian kegiatan dan lomba", "agenda", 10, False),
]


def _news(index):
    today = timezone.localdate()
    for slug, title, category, days_ago, pinned in NEWS:
        _child(
            index,
            NewsPage,
            slug,
            title=title,
            category=category,
            date=today - timedelta(days=days_ago),
            pinned_until=today + timedelta(days=7) if pinned else None,
            intro=title + ".",
            body=[_paragraph(f"<p>{title}. Informasi lengkap disampaikan oleh bagian umum dan BKD.</p>")],
        )


def _konten_user(instansi):
    pegawai = instansi.pegawai.filter(user__groups__name=roles.ADMIN_KONTEN).select_related("user").first()
    return pegawai.user if pegawai else None


def _guidance(index, instansi):
    _child(
        index,
        ContentPage,
        "panduan-presensi",
        title="Panduan presensi elektronik",
        intro="Cara melakukan presensi masuk dan pulang melalui aplikasi, serta apa yang dilakukan bila gagal.",
        body=[
            ("heading", {"text": "Langkah presensi", "level": "h2"}),
            _paragraph("<ol><li>Buka aplikasi presensi.</li><li>Pilih lokasi kantor.</li><li>Ambil swafoto.</li></ol>"),
            (
                "table",
                {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [
                        ["Hari", "Masuk", "Pulang"],
                        ["Senin–Kamis", "07.30", "16.00"],
                        ["Jumat", "07.30", "16.30"],
                    ],
                },
            ),
            (
                "faq",
                {
                    "title": "Tanya jawab",
                    "items": [
                        {
                            "question": "Bagaimana bila aplikasi gagal?",
                            "answer": "<p>Lapor ke atasan langsung hari itu juga.</p>",
                        },
                        {"question": "Apakah dinas luar perlu presensi?", "answer": "<p>Ya, dengan surat tugas.</p>"},
                    ],
                },
            ),
        ],
        review_by=timezone.localdate() - timedelta(days=5),
        content_owner=_konten_user(instansi),
    )


QUIZ = [
    {
        "question": "Berapa kali dialog kinerja antara atasan dan pegawai dilakukan minimal?",
        "options": ["Sekali setahun", "Secara berkala setiap triwulan", "Tidak diwajibkan"],
        "correct": 2,
    },
    {
        "question": "Apa dasar hukum manajemen kinerja ASN yang berlaku?",
        "options": ["PermenPANRB Nomor 6 Tahun 2022", "PP Nomor 46 Tahun 2011", "UU Nomor 5 Tahun 2014 saja"],
        "correct": 1,
    },
]


def _socialisation(index, instansi):
    today = timezone.localdate()
    slug = "sosialisasi-manajemen-kinerja"
    if SocialisationPage.objects.child_of(index).filter(slug=slug).exists():
        return
    guide = _document(
        f"Materi Sosialisasi Manajemen Kinerja ASN — {instansi.slug}",
        ["PermenPANRB Nomor 6 Tahun 2022", "Perencanaan, pelaksanaan, pemantauan, penilaian kinerja", "Dialog kinerja"],
        instansi,
    )
    _child(
        index,
        SocialisationPage,
        slug,
        title="Sosialisasi Manajemen Kinerja ASN (PermenPANRB 6/2022)",
        intro="Apa yang berubah dalam SKP, dialog kinerja, dan penilaian perilaku kerja BerAKHLAK.",
        period_start=today - timedelta(days=7),
        period_end=today + timedelta(days=30),
        materials=[
            ("heading", {"text": "Ringkasan", "level": "h2"}),
            _paragraph(
                "<p>Manajemen kinerja ASN meliputi perencanaan, pelaksanaan, pemantauan, penilaian, dan tindak lanjut. "
                "Atasan dan pegawai melakukan dialog kinerja secara berkala, dan penilaian memadukan hasil kerja "
                "dengan perilaku kerja BerAKHLAK.</p>"
            ),
            # the required-reading box of the page says what to do and disappears once confirmed: no callout here
            ("document", {"document": guide, "label": "Bahan paparan (PDF)"}),
        ],
        quiz=[("question", q) for q in QUIZ],
        quiz_pass_mark=50,
        is_required_reading=True,
        reading_deadline=today + timedelta(days=14),
    )


def _footer(home):
    if home.footer_links.exists():
        return
    HomeFooterLink.objects.create(page=home, label="SIASN BKN", url="https://siasn.bkn.go.id/", sort_order=0)
    HomeFooterLink.objects.create(page=home, label="JDIH", url="https://jdih.go.id/", sort_order=1)
    home.contact_email = f"bkd@{home.instansi.slug}.go.id"
    home.contact_phone = "(0435) 000000"
    home.save_revision().publish()


@register_demo_step("home-content", order=25)
def load_home_content(stdout=None):
    for home in HomePage.objects.select_related("instansi").order_by("pk"):
        with transaction.atomic():
            editorial.ensure_instansi_editorial(home)
            menu = {"show_in_menus": True}
            policies = _child(home, PolicyIndexPage, "kebijakan", title="Kebijakan & Regulasi", **menu)
            editorial.assign_policy_workflow(policies)
            news = _child(home, NewsIndexPage, "berita", title="Berita & Pengumuman", **menu)
            guidance = _child(home, ContentIndexPage, "panduan", title="Panduan", **menu)
            campaigns = _child(home, SocialisationIndexPage, "sosialisasi", title="Materi Sosialisasi", **menu)
            pages = _policies(policies, home.instansi)
            _news(news)
            _guidance(guidance, home.instansi)
            _socialisation(campaigns, home.instansi)
            _footer(home)
            promotion_query = Query.get("cuti")
            SearchPromotion.objects.get_or_create(
                query=promotion_query, page=pages["sop-cuti"], defaults={"sort_order": 0}
            )
