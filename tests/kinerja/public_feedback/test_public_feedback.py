"""Public feedback (umpan balik masyarakat): the public form without login (token, honeypot, fill time, rate limit
with its Indonesian message), moderation (an unapproved comment appears nowhere), HR's pages and their scoping,
QR codes, the unit page, the evaluation section for perspektif Penerima Layanan, and the demo."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja.evaluation import services as evaluation_services
from kinerja.models import Evaluation, PublicFeedback, Rhk, ServicePoint
from kinerja.public_feedback import forms, services
from kinerja.public_feedback.demo import load_instansi
from portal.models import Instansi

pytestmark = pytest.mark.django_db

PENDING_TEXT = "Antrean sangat panjang dan petugas tidak ada di tempat"
APPROVED_TEXT = "Petugas sangat membantu dan ramah"


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    settings.PUBLIC_FEEDBACK_MIN_SECONDS = 3
    settings.PUBLIC_FEEDBACK_LIMIT_PER_POINT = 3
    settings.PUBLIC_FEEDBACK_LIMIT_PER_CLIENT = 30
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def point(org):
    return services.create_point(actor=org.sdm.user, unit=org.bkd, name="Layanan Kenaikan Pangkat")


def _post(client, point, **data):
    body = {"rating": "5", "comment": "", "website": "", "started": forms.stamp(timezone.now().timestamp() - 10)}
    body.update(data)
    return client.post(reverse("kinerja:public_feedback", args=[point.token]), body)


# --- the public form ------------------------------------------------------------------------------------------------


def test_the_public_rates_without_login_and_is_thanked(client, point):
    url = reverse("kinerja:public_feedback", args=[point.token])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Layanan Kenaikan Pangkat" in html and 'type="radio" name="rating" value="5"' in html
    assert "Keluar" not in html and "Navigasi utama" not in html
    response = _post(client, point, rating="4", comment="  Cepat sekali  ")
    assert response.status_code == 302
    assert response["Location"] == reverse("kinerja:public_feedback_thanks", args=[point.token])
    feedback = PublicFeedback.objects.get()
    assert (feedback.rating, feedback.comment, feedback.comment_status) == (4, "Cepat sekali", "pending")
    assert "sudah kami terima" in client.get(response["Location"]).content.decode()


def test_a_signed_in_employee_sees_the_public_page_without_their_menu(client, login, org, point):
    html = login(org.sdm).get(reverse("kinerja:public_feedback", args=[point.token])).content.decode()
    assert "Hartini" not in html and "Navigasi utama" not in html and "Keluar" not in html


def test_a_wrong_or_closed_token_is_not_found(client, org, point):
    assert client.get(reverse("kinerja:public_feedback", args=["x" * 24])).status_code == 404
    assert client.get(reverse("kinerja:public_feedback", args=[point.token[:-1]])).status_code == 404
    assert client.get(reverse("kinerja:public_feedback_thanks", args=["tebakan"])).status_code == 404
    other = services.create_point(actor=org.sdm.user, unit=org.bkd, name="Layanan Pensiun")
    assert len(point.token) >= 24 and point.token != other.token
    services.set_point_active(actor=org.sdm.user, point=point, active=False)
    assert client.get(reverse("kinerja:public_feedback", args=[point.token])).status_code == 404
    assert _post(client, point).status_code == 404


def test_the_honeypot_thanks_a_program_and_keeps_nothing(client, point):
    response = _post(client, point, website="http://spam.example")
    assert response.status_code == 302
    assert not PublicFeedback.objects.exists()


def test_a_form_sent_too_quickly_is_refused_and_shown_again(client, point):
    response = _post(client, point, started=forms.stamp())
    assert response.status_code == 400
    assert "terlalu cepat" in response.content.decode()
    assert not PublicFeedback.objects.exists()
    assert _post(client, point, started="dipalsukan").status_code == 400
    assert not PublicFeedback.objects.exists()


def test_a_missing_rating_gets_a_clear_message(client, point):
    response = _post(client, point, rating="")
    assert "Pilih nilai 1 sampai 5 bintang." in response.content.decode()
    assert _post(client, point, rating="9").status_code == 400
    assert not PublicFeedback.objects.exists()


def test_the_n_plus_first_rating_from_one_client_is_refused(client, point, settings):
    for _n in range(settings.PUBLIC_FEEDBACK_LIMIT_PER_POINT):
        assert _post(client, point).status_code == 302
    refused = _post(client, point, comment="sekali lagi")
    assert refused.status_code == 429
    assert "terlalu banyak penilaian" in refused.content.decode()
    assert PublicFeedback.objects.count() == settings.PUBLIC_FEEDBACK_LIMIT_PER_POINT
    # another client is not held back
    other = client.post(
        reverse("kinerja:public_feedback", args=[point.token]),
        {"rating": "3", "started": forms.stamp(timezone.now().timestamp() - 10)},
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 302


def test_the_limit_over_all_points_of_one_client(org, point, settings):
    settings.PUBLIC_FEEDBACK_LIMIT_PER_CLIENT = 2
    second = services.create_point(actor=org.sdm.user, unit=org.bidang, name="Layanan Mutasi")
    services.submit_feedback(point=point, rating=5, client="1.1.1.1")
    services.submit_feedback(point=second, rating=5, client="1.1.1.1")
    with pytest.raises(services.RateLimited):
        services.submit_feedback(point=second, rating=4, client="1.1.1.1")


# --- services --------------------------------------------------------------------------------------------------------


def test_only_hr_of_the_instansi_creates_points_and_moderates(org, point):
    with pytest.raises(PermissionDenied):
        services.create_point(actor=org.pegawai.user, unit=org.bkd, name="X")
    with pytest.raises(PermissionDenied):
        services.create_point(actor=org.sdm_malut.user, unit=org.bkd, name="X")
    with pytest.raises(ValidationError):
        services.create_point(actor=org.sdm.user, unit=org.bkd, name="X", pegawai=org.pegawai_malut)
    feedback = services.submit_feedback(point=point, rating=2, comment=PENDING_TEXT, client="a")
    with pytest.raises(PermissionDenied):
        services.moderate(
            actor=org.sdm_malut.user, instansi_id=org.gorontalo.pk, feedback_ids=[feedback.pk], approve=True
        )
    # HR of another instansi moderating "their own" instansi never reaches Gorontalo's comments
    assert (
        services.moderate(actor=org.sdm_malut.user, instansi_id=org.malut.pk, feedback_ids=[feedback.pk], approve=True)
        == 0
    )
    feedback.refresh_from_db()
    assert feedback.comment_status == "pending"


# --- moderation and visibility -----------------------------------------------------------------------------------------


def test_an_unapproved_comment_appears_nowhere_until_approved(client, login, org, point, period, chain):
    Rhk.objects.filter(pk=chain.rhk.pk).update(perspektif=Rhk.Perspektif.PENERIMA_LAYANAN)
    pending = services.submit_feedback(point=point, rating=2, comment=PENDING_TEXT, client="a")
    rejected = services.submit_feedback(point=point, rating=1, comment="jual pulsa murah", client="b")
    services.moderate(actor=org.sdm.user, instansi_id=org.gorontalo.pk, feedback_ids=[rejected.pk], approve=False)
    evaluation_services.open_evaluations(
        actor=org.sdm.user, period=period, window=period.windows.get(
            starts_on__lte=timezone.localdate(), ends_on__gte=timezone.localdate())
    )  # fmt: skip
    evaluation = Evaluation.objects.get(skp=chain.bottom)
    pages = [
        reverse("kinerja:feedback_unit", args=[org.bkd.pk]),
        reverse("kinerja:evaluation", args=[evaluation.pk]),
        reverse("kinerja:public_feedback", args=[point.token]),
    ]
    for who in (org.pegawai, org.atasan, org.sdm):
        for url in pages:
            html = login(who).get(url).content.decode()
            assert PENDING_TEXT not in html and "jual pulsa" not in html, (who, url)
    moderation = login(org.sdm).get(reverse("kinerja:feedback_moderation")).content.decode()
    assert PENDING_TEXT in moderation and "jual pulsa" not in moderation
    # one click approves
    response = login(org.sdm).post(reverse("kinerja:feedback_moderation"), {"one": f"approve:{pending.pk}"})
    assert response.status_code == 302
    unit_page = login(org.pegawai).get(pages[0]).content.decode()
    assert PENDING_TEXT in unit_page and "jual pulsa" not in unit_page
    evaluation_page = login(org.atasan).get(pages[1]).content.decode()
    assert "perspektif Penerima Layanan" in evaluation_page and PENDING_TEXT in evaluation_page
    assert "1.5" in evaluation_page or "1,5" in evaluation_page  # both ratings count, the rejected comment is hidden


def test_bulk_approve_and_reject(login, org, point):
    rows = [services.submit_feedback(point=point, rating=4, comment=f"komentar {n}", client=f"c{n}") for n in range(3)]
    client = login(org.sdm)
    client.post(reverse("kinerja:feedback_moderation"), {"decision": "approve", "ids": [rows[0].pk, rows[1].pk]})
    client.post(reverse("kinerja:feedback_moderation"), {"decision": "reject", "ids": [rows[2].pk]})
    assert list(PublicFeedback.objects.order_by("pk").values_list("comment_status", flat=True)) == [
        "approved", "approved", "rejected",
    ]  # fmt: skip
    assert b"Tidak ada komentar yang menunggu" in client.get(reverse("kinerja:feedback_moderation")).content


def test_the_evaluation_shows_nothing_without_perspektif_penerima_layanan(login, org, point, period, chain):
    services.submit_feedback(point=point, rating=5, comment=APPROVED_TEXT, client="a")
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period, window=period.windows.first())
    evaluation = Evaluation.objects.get(skp=chain.bottom)
    assert (
        b"Penerima Layanan)" not in login(org.atasan).get(reverse("kinerja:evaluation", args=[evaluation.pk])).content
    )


# --- HR pages, scoping, query counts --------------------------------------------------------------------------------


def test_hr_creates_a_point_and_downloads_its_qr_and_poster(login, org):
    client = login(org.sdm)
    response = client.post(reverse("kinerja:feedback_points"), {
        "name": "Layanan Mutasi", "unit": org.bidang.pk, "nip": org.pegawai.nip,
    })  # fmt: skip
    assert response.status_code == 302
    point = ServicePoint.objects.get(name="Layanan Mutasi")
    assert point.pegawai == org.pegawai and point.instansi == org.gorontalo
    png = client.get(reverse("kinerja:feedback_point_qr_png", args=[point.pk]))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    svg = client.get(reverse("kinerja:feedback_point_qr_svg", args=[point.pk]))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    poster = client.get(reverse("kinerja:feedback_point_poster", args=[point.pk])).content.decode()
    assert "<svg" in poster and point.token in poster and "Cetak poster" in poster
    refused = client.post(reverse("kinerja:feedback_points"), {"name": "X", "unit": org.malut_unit.pk, "nip": ""})
    assert refused.status_code == 200 and not ServicePoint.objects.filter(name="X").exists()
    bad_nip = client.post(reverse("kinerja:feedback_points"), {"name": "Y", "unit": org.bkd.pk, "nip": "123"})
    assert "Tidak ada pegawai aktif dengan NIP ini" in bad_nip.content.decode()


def test_the_kelola_menu_shows_the_entry_to_hr_only(login, org):
    assert "Umpan balik masyarakat" in login(org.sdm).get("/").content.decode()
    assert "Umpan balik masyarakat" not in login(org.pegawai).get("/").content.decode()


def test_another_instansi_gets_404_and_employees_get_403(login, org, point):
    for name in ("feedback_point_qr_png", "feedback_point_qr_svg", "feedback_point_poster"):
        assert login(org.sdm_malut).get(reverse(f"kinerja:{name}", args=[point.pk])).status_code == 404
        assert login(org.pegawai).get(reverse(f"kinerja:{name}", args=[point.pk])).status_code == 404
    assert login(org.sdm_malut).post(reverse("kinerja:feedback_point_active", args=[point.pk])).status_code == 404
    assert login(org.sdm_malut).get(reverse("kinerja:feedback_unit", args=[org.bkd.pk])).status_code == 404
    assert login(org.pegawai_malut).get(reverse("kinerja:feedback_unit", args=[org.bkd.pk])).status_code == 404
    assert login(org.pegawai).get(reverse("kinerja:feedback_unit", args=[org.bkd.pk])).status_code == 200
    assert login(org.pegawai).get(reverse("kinerja:feedback_moderation")).status_code == 403
    assert login(org.pegawai).get(reverse("kinerja:feedback_points")).status_code == 403
    malut_list = login(org.sdm_malut).get(reverse("kinerja:feedback_points")).content.decode()
    assert "Belum ada titik layanan." in malut_list and org.bkd.name not in malut_list


def test_hr_closes_and_reopens_a_link(login, org, point):
    login(org.sdm).post(reverse("kinerja:feedback_point_active", args=[point.pk]), {"active": "0"})
    point.refresh_from_db()
    assert not point.is_active
    login(org.sdm).post(reverse("kinerja:feedback_point_active", args=[point.pk]), {"active": "1"})
    point.refresh_from_db()
    assert point.is_active


def test_the_moderation_list_costs_the_same_with_more_comments(login, org, point, django_assert_max_num_queries):
    client = login(org.sdm)
    url = reverse("kinerja:feedback_moderation")
    services.submit_feedback(point=point, rating=4, comment="satu", client="x0")
    client.get(url)  # warm the frame
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    second = services.create_point(actor=org.sdm.user, unit=org.bidang, name="Layanan Mutasi", pegawai=org.pegawai)
    for n in range(15):
        services.submit_feedback(point=second if n % 2 else point, rating=3, comment=f"komentar {n}", client=f"y{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert b"komentar 14" in client.get(url).content


def test_the_points_and_unit_pages_cost_the_same_with_more_points(login, org, point, django_assert_max_num_queries):
    services.submit_feedback(point=point, rating=5, comment="pertama", client="z")
    PublicFeedback.objects.update(comment_status="approved")
    client = login(org.sdm)
    urls = [reverse("kinerja:feedback_points"), reverse("kinerja:feedback_unit", args=[org.bkd.pk])]
    counts = []
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(30) as few:
            client.get(url)
        counts.append(len(few.captured_queries))
    for n in range(6):
        p = services.create_point(actor=org.sdm.user, unit=org.bkd, name=f"Layanan {n}")
        services.submit_feedback(point=p, rating=4, comment=f"k{n}", client=f"z{n}")
    PublicFeedback.objects.update(comment_status="approved")
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            client.get(url)


# --- demo -------------------------------------------------------------------------------------------------------------


def test_the_demo_gives_each_badan_kepegawaian_twenty_ratings_and_two_waiting(org):
    org.bkd.name = "Badan Kepegawaian Daerah"
    org.bkd.save()
    now = timezone.now()
    assert load_instansi(org.gorontalo, now) == 20
    assert load_instansi(org.gorontalo, now) == 0  # idempotent
    point = ServicePoint.objects.get(instansi=org.gorontalo)
    assert point.unit == org.bkd and point.feedback.count() == 20
    assert point.feedback.filter(comment_status="pending").count() == 2
    assert point.feedback.filter(comment_status="approved").count() >= 4
    assert point.feedback.filter(submitted_at__lt=now - timedelta(days=30)).exists()
    assert load_instansi(Instansi.objects.get(pk=org.malut.pk), now) == 0  # no Badan Kepegawaian unit there
