"""The certificate PDF: what it says, where its QR code points, the instansi's logo and signatory, and long names
and titles that wrap inside the page. The text is read back from the PDF's content stream, written uncompressed
for the test (reportlab's own switch), so no PDF library is needed."""

import re
from datetime import UTC, date, datetime

import pytest
import segno
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from reportlab import rl_config
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models import HomePage
from kompetensi import certificates, rules, services
from kompetensi.models import Certificate, TrainingSession

from ..pdf_helpers import pdf_text
from .conftest import make_course, running_session

# 120 characters, as long as the catalogue's longest real titles, with an ampersand the PDF must not eat
LONG_TITLE = (
    "Pelatihan Teknis Penyusunan SKP, Manajemen Talenta & Penilaian Perilaku Kerja ASN untuk Pejabat "
    "Administrator & Pengawas"
)
SIGNATORY = {
    "certificate_place": "Gorontalo",
    "signatory_position": "Kepala Badan Kepegawaian Daerah Provinsi Gorontalo",
    "signatory_name": "Dr. Hj. Rahmawati Mooduto, S.E., M.Si.",
    "signatory_nip": "197204151998032004",
}


def images_drawn(content):
    return len(re.findall(rb"/FormXob\.\w+ Do", content))


@pytest.fixture
def uncompressed(monkeypatch):
    monkeypatch.setattr(rl_config, "pageCompression", 0)


@pytest.fixture
def qr_data(monkeypatch):
    """What the PDF asked segno to encode."""
    seen, make = [], segno.make

    def spy(data, **kwargs):
        seen.append(data)
        return make(data, **kwargs)

    monkeypatch.setattr(certificates.segno, "make", spy)
    return seen


@pytest.fixture
def public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://lentera.example.go.id/"
    return "https://lentera.example.go.id"


def completed(org, training, *, title="Pelayanan Publik Prima", jp=24):
    """A completed enrolment of org.pegawai on 12 to 14 November 2026 (WITA), its certificate issued on the 14th."""
    course = make_course(training.catalog, title, jp=jp)
    session, (enrolment,) = running_session(org, training, [org.pegawai], course=course, name="Angkatan I")
    services.record_results(org.pelatihan.user, session.pk, {enrolment.pk: (True, None)})
    # the dates the sheet prints, set after the run because attendance can only be taken on a real session day
    TrainingSession.objects.filter(pk=session.pk).update(
        start_at=datetime(2026, 11, 12, 1, 0, tzinfo=UTC), end_at=datetime(2026, 11, 14, 8, 0, tzinfo=UTC)
    )
    Certificate.objects.filter(enrolment=enrolment).update(issued_at=datetime(2026, 11, 14, 9, 0, tzinfo=UTC))
    return Certificate.objects.select_related(
        "enrolment__session__course", "enrolment__session__instansi", "enrolment__pegawai"
    ).get(enrolment=enrolment)


def download(login, org, certificate):
    response = login(org.pegawai).get(reverse("kompetensi:certificate_pdf", args=[certificate.enrolment_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and response.content.rstrip().endswith(b"%%EOF")
    return response.content


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 11, 12), date(2026, 11, 14), "12 s.d. 14 November 2026"),
        (date(2026, 11, 12), date(2026, 11, 12), "12 November 2026"),
        (date(2026, 10, 28), date(2026, 11, 2), "28 Oktober s.d. 2 November 2026"),
        (date(2026, 12, 30), date(2027, 1, 2), "30 Desember 2026 s.d. 2 Januari 2027"),
        (date(2026, 8, 17), date(2026, 8, 16), "17 Agustus 2026"),  # an end before the start names one day
    ],
)
def test_date_range_is_written_the_indonesian_way(start, end, expected):
    with translation.override("id"):
        assert rules.date_range_text(start, end) == expected


def test_pdf_says_everything_a_sertifikat_says(org, training, login, uncompressed, qr_data, public_address):
    org.gorontalo.__dict__.update(SIGNATORY)
    org.gorontalo.save()
    certificate = completed(org, training)
    text = pdf_text(download(login, org, certificate))
    for expected in [
        "PEMERINTAH PROVINSI GORONTALO",
        "SERTIFIKAT",
        f"Nomor: {certificate.code}",
        "diberikan kepada:",
        "Siti Pegawai",
        f"NIP. {org.pegawai.nip}",
        "Pelayanan Publik Prima",
        "Angkatan I, tanggal 12 s.d. 14 November 2026, setara 24 Jam Pelajaran (JP)",
        "Gorontalo, 14 November 2026",
        "Kepala Badan Kepegawaian Daerah Provinsi Gorontalo",
        "Dr. Hj. Rahmawati Mooduto, S.E., M.Si.",
        "NIP. 197204151998032004",
        "Pindai untuk memeriksa keaslian",
        f"{public_address}/sertifikat/{certificate.code}/",
    ]:
        assert expected in text, expected
    # the QR code carries the public address of the verification page, whatever host the PDF was fetched from
    assert qr_data == [f"{public_address}/sertifikat/{certificate.code}/"]
    assert qr_data[0] == f"{public_address}{reverse('kompetensi:certificate_verify', args=[certificate.code])}"


def test_pdf_is_indonesian_for_a_reader_of_the_english_portal(org, training, uncompressed):
    certificate = completed(org, training)
    with translation.override("en"):
        text = pdf_text(certificates.render_pdf(certificate, "https://x.example/sertifikat/A/"))
    assert "diberikan kepada:" in text and "12 s.d. 14 November 2026" in text and "Jam Pelajaran (JP)" in text


def test_without_a_signatory_the_instansi_signs_and_the_region_names_the_place(org, training, uncompressed):
    org.gorontalo.region = "Kota Gorontalo, Gorontalo"
    org.gorontalo.save()
    certificate = completed(org, training)
    text = pdf_text(certificates.render_pdf(certificate, "https://x.example/sertifikat/A/"))
    assert "Kota Gorontalo, 14 November 2026" in text
    assert "Pemerintah Provinsi Gorontalo" in text.splitlines()  # the instansi's name, as written, signs
    assert text.count("NIP. ") == 1  # the participant's only


def test_validity_is_printed_only_when_the_certificate_expires(org, training, uncompressed):
    certificate = completed(org, training)
    url = "https://x.example/sertifikat/A/"
    assert "berlaku sampai" not in pdf_text(certificates.render_pdf(certificate, url))
    certificate.valid_until = date(2029, 11, 14)
    assert "Sertifikat ini berlaku sampai 14 November 2029." in pdf_text(certificates.render_pdf(certificate, url))


def test_long_name_and_120_character_title_wrap_inside_the_page(org, training, uncompressed):
    assert len(LONG_TITLE) == 120
    org.pegawai.nama = "Siti Aminah Rahmawati Puspitasari Ningrum Kusumawardhani"
    org.pegawai.gelar_depan = "Prof. Dr. Ir. Hj."
    org.pegawai.gelar_belakang = "S.E., M.M., M.Sc., Ph.D., CA., CPA."
    org.pegawai.save()
    org.gorontalo.__dict__.update(SIGNATORY)
    org.gorontalo.save()
    certificate = completed(org, training, title=LONG_TITLE)
    certificate.valid_until = date(2029, 11, 14)
    text = certificates.certificate_text(certificate, "https://lentera.example.go.id/sertifikat/LTR-AAAAA-BBBBB/")
    sheet = certificates.Sheet(pdf=None, brand=certificates.colors.black, logo=None)
    placed = sheet.layout_body(text)
    lines = {
        flowable.style.name: flowable.getActualLineWidths0() for flowable, *_ in placed if hasattr(flowable, "blPara")
    }
    assert len(lines["name"]) == 2 and len(lines["course"]) == 2  # wrapped, not cut
    for flowable, x, y, width, height in placed:
        # inside the gold frame (28 pt from the edge) and between the logo and the signature block
        assert x > 28 and x + width < sheet.WIDTH - 28
        assert y >= sheet.BODY_BOTTOM and y + height <= sheet.BODY_TOP + 0.01
        if hasattr(flowable, "blPara"):
            assert max(flowable.getActualLineWidths0()) <= width
    # and the words all reach the page
    pdf = pdf_text(certificates.render_pdf(certificate, text.url))
    words = " ".join(pdf.split())
    assert org.pegawai.full_name in words and LONG_TITLE in words


def test_instansi_logo_is_used_and_an_unreadable_one_falls_back(org, training, settings, tmp_path, uncompressed):
    settings.MEDIA_ROOT = tmp_path
    certificate = completed(org, training)
    url = "https://x.example/sertifikat/A/"
    # without a logo: the QR code is the only bitmap, the Lentera emblem is drawn as paths
    assert images_drawn(certificates.render_pdf(certificate, url)) == 1
    home = HomePage.objects.get(instansi=org.gorontalo)
    home.logo = Image.objects.create(title="Logo Gorontalo", file=get_test_image_file("logo.png"))
    home.save()
    # the logo at the top and, faint, behind the text, beside the QR code
    assert images_drawn(certificates.render_pdf(certificate, url)) == 3
    home.logo.file.delete(save=False)  # a logo whose file is gone must not stop the download
    home.logo.renditions.all().delete()
    assert images_drawn(certificates.render_pdf(certificate, url)) == 1


def test_signatory_nip_must_be_a_valid_nip(org):
    org.gorontalo.signatory_nip = "12345"
    with pytest.raises(ValidationError) as error:
        org.gorontalo.full_clean()
    assert "signatory_nip" in error.value.message_dict


def test_revoked_certificate_is_not_rendered(org, training, login):
    certificate = completed(org, training)
    services.revoke_certificate(org.pelatihan.user, certificate.pk, "Data peserta keliru")
    response = login(org.pegawai).get(reverse("kompetensi:certificate_pdf", args=[certificate.enrolment_id]))
    assert response.status_code == 302 and response["Content-Type"] != "application/pdf"


def test_superadmin_sets_the_signatory_in_the_instansi_admin(org, login):
    client = login(org.superadmin)
    edit = reverse("wagtailsnippets_portal_instansi:edit", args=[org.gorontalo.pk])
    assert "Sertifikat pelatihan" in client.get(edit).text
    form = {
        "name": org.gorontalo.name, "slug": org.gorontalo.slug, "kind": org.gorontalo.kind, "region": "Gorontalo",
        "time_zone": org.gorontalo.time_zone, **SIGNATORY,
    }  # fmt: skip
    refused = client.post(edit, {**form, "signatory_nip": "19720415"})
    assert refused.status_code == 200
    org.gorontalo.refresh_from_db()
    assert org.gorontalo.signatory_nip == ""  # nothing saved
    client.post(edit, form)
    org.gorontalo.refresh_from_db()
    assert (org.gorontalo.signatory_name, org.gorontalo.signatory_nip) == (
        SIGNATORY["signatory_name"],
        SIGNATORY["signatory_nip"],
    )
