"""Pages and views: what each role may do, 404 across instansi, constant query counts, the public
certificate check, iCal and the PDF."""

from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kompetensi import services
from kompetensi.models import CalendarFeed, Certificate, Enrolment, ExternalLearning, TrainingSession

from .conftest import make_course, make_session

S = Enrolment.Status


def _complete(org, training, who=None):
    who = who or org.pegawai
    session = make_session(training.course, start_in=timedelta(days=1), capacity=5)
    e = services.enrol(who.user, who, session.pk)
    start = timezone.now() - timedelta(hours=3)
    TrainingSession.objects.filter(pk=session.pk).update(
        start_at=start,
        end_at=start + timedelta(hours=8),
        enrol_opens_at=start - timedelta(days=3),
        enrol_closes_at=start,
    )
    session.refresh_from_db()
    services.mark_attendance(org.pelatihan.user, session.pk, services.session_days(session)[0], [e.pk])
    services.record_results(org.pelatihan.user, session.pk, {e.pk: (True, None)})
    return session, e


def test_catalogue_page_lists_and_filters(org, training, login):
    client = login(org.pegawai)
    response = client.get(training.catalog.url)
    assert response.status_code == 200
    assert "Pelayanan Publik Prima" in response.text and "Kepemimpinan Pengawas" in response.text
    response = client.get(training.catalog.url, {"bentuk": "pelatihan_kepemimpinan"})
    assert "Kepemimpinan Pengawas" in response.text and "Pelayanan Publik Prima" not in response.text
    month = timezone.localtime(training.approval_session.start_at).strftime("%Y-%m")
    response = client.get(training.catalog.url, {"bulan": month})
    assert "Kepemimpinan Pengawas" in response.text
    response = client.get(training.catalog.url, {"penyelenggara": "Tidak Ada"})
    assert "Tidak ada kursus yang cocok" in response.text


def test_catalogue_open_seats_filter(org, training, login):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)  # capacity 2: now full
    response = login(org.cucu).get(training.catalog.url, {"kursi": "1"})
    assert "Kepemimpinan Pengawas" in response.text and "Pelayanan Publik Prima" not in response.text


def test_catalogue_search(org, training, login):
    response = login(org.pegawai).get(training.catalog.url, {"q": "Kepemimpinan"})
    assert "Kepemimpinan Pengawas" in response.text and "Pelayanan Publik Prima" not in response.text


def test_catalogue_constant_queries(org, training, login, django_assert_max_num_queries):
    client = login(org.pegawai)
    from django.core.cache import cache

    client.get(training.catalog.url)  # warm caches (site root, settings)
    cache.clear()  # measure with the facets computed, as after a publish
    with django_assert_max_num_queries(40) as small:
        client.get(training.catalog.url)
    for n in range(15):
        course = make_course(training.catalog, f"Kursus Tambahan {n}")
        for k in range(3):
            make_session(course, start_in=timedelta(days=20 + k * 10 + n))
    cache.clear()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(training.catalog.url)
    assert response.status_code == 200


def test_other_instansi_catalogue_is_404(org, training, login):
    assert login(org.pegawai_malut).get(training.catalog.url).status_code == 404
    assert login(org.pegawai_malut).get(training.course.url).status_code == 404


def test_course_page(org, training, login):
    client = login(org.pegawai)
    response = client.get(training.approval_course.url)
    assert response.status_code == 200
    assert "Ajukan pendaftaran" in response.text
    assert "Tambah angkatan" not in response.text
    assert "Tambah angkatan" in login(org.pelatihan).get(training.approval_course.url).text


def test_enrol_view_and_messages(org, training, login):
    client = login(org.pegawai)
    response = client.post(reverse("kompetensi:enrol", args=[training.approval_session.pk]), follow=True)
    assert "Permintaan terkirim ke atasan" in response.text
    response = client.post(reverse("kompetensi:enrol", args=[training.approval_session.pk]), follow=True)
    assert "sudah terdaftar" in response.text
    assert client.get(reverse("kompetensi:enrol", args=[training.session.pk])).status_code == 405
    # another instansi's (closed) session: 404
    assert login(org.pegawai_malut).post(reverse("kompetensi:enrol", args=[training.session.pk])).status_code == 404


def test_cancel_view(org, training, login):
    e = services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    assert login(org.rekan).post(reverse("kompetensi:cancel", args=[e.pk])).status_code == 404
    response = login(org.pegawai).post(reverse("kompetensi:cancel", args=[e.pk]), follow=True)
    assert "Pendaftaran dibatalkan" in response.text
    e.refresh_from_db()
    assert e.status == S.CANCELLED


def test_my_learning_constant_queries(org, training, login, django_assert_max_num_queries):
    client = login(org.pegawai)
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    client.get(reverse("kompetensi:my_learning"))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("kompetensi:my_learning"))
    few_count = len(few.captured_queries)
    for n in range(8):
        course = make_course(training.catalog, f"Tambahan {n}")
        services.enrol(org.pegawai.user, org.pegawai, make_session(course, start_in=timedelta(days=100 + n * 5)).pk)
    _complete(org, training)
    client.get(reverse("kompetensi:my_learning"))  # the data changed: the frame is read again once
    with django_assert_max_num_queries(few_count):
        response = client.get(reverse("kompetensi:my_learning"))
    assert "Unduh sertifikat" in response.text


def test_approvals_view(org, training, login):
    e = services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    assert login(org.rekan).get(reverse("kompetensi:approvals")).status_code == 403
    client = login(org.atasan)
    assert "Siti Pegawai" in client.get(reverse("kompetensi:approvals")).text
    assert login(org.sdm_malut).get(reverse("kompetensi:approvals")).status_code == 200
    assert "Siti Pegawai" not in login(org.sdm_malut).get(reverse("kompetensi:approvals")).text
    assert (
        login(org.sdm_malut).post(reverse("kompetensi:decide", args=[e.pk]), {"action": "approve"}).status_code == 404
    )
    client = login(org.atasan)
    response = client.post(reverse("kompetensi:decide", args=[e.pk]), {"action": "reject", "reason": ""}, follow=True)
    assert "alasan penolakan" in response.text
    client.post(reverse("kompetensi:decide", args=[e.pk]), {"action": "approve", "reason": "ok"})
    e.refresh_from_db()
    assert e.status == S.CONFIRMED


def test_approvals_constant_queries(org, training, login, django_assert_max_num_queries):
    client = login(org.sdm)
    services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    _submit_external(org.pegawai)
    client.get(reverse("kompetensi:approvals"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("kompetensi:approvals"))
    for who in (org.rekan, org.cucu, org.konten):
        services.enrol(who.user, who, training.approval_session.pk)
        _submit_external(who)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("kompetensi:approvals"))
    assert "Seminar Daerah" in response.text


def _submit_external(pegawai):
    from django.core.files.base import ContentFile

    from kompetensi.models import BentukPengembangan

    end = timezone.localdate() - timedelta(days=2)
    item = ExternalLearning(
        bentuk=BentukPengembangan.objects.get(code="seminar"), title="Seminar Daerah", start_date=end, end_date=end,
        units=1, jp_claimed=4,
    )  # fmt: skip
    item.evidence.save("bukti.pdf", ContentFile(b"%PDF-1.4"), save=False)
    return services.submit_external_learning(pegawai.user, item)


@pytest.mark.parametrize(
    "name",
    ["organiser_sessions", "session_create"],
)
def test_organiser_pages_need_the_role(org, training, login, name):
    assert login(org.pegawai).get(reverse(f"kompetensi:{name}")).status_code == 403
    assert login(org.pelatihan).get(reverse(f"kompetensi:{name}")).status_code == 200


@pytest.mark.parametrize(
    ("name", "method"),
    [("session_manage", "get"), ("session_edit", "get"), ("session_qr", "get"), ("session_enrol_unit", "post"),
     ("session_attendance", "post"), ("session_results", "post")],
)  # fmt: skip
def test_session_management_permissions(org, training, login, name, method, django_user_model):
    url = reverse(f"kompetensi:{name}", args=[training.session.pk])
    assert getattr(login(org.pegawai), method)(url).status_code == 403
    # another instansi's organiser: 404, nothing leaks
    malut_organiser = org.sdm_malut.user
    from django.contrib.auth.models import Group

    malut_organiser.groups.add(Group.objects.get(name="Penyelenggara Pelatihan"))
    assert getattr(login(malut_organiser), method)(url).status_code == 404
    response = getattr(login(org.pelatihan), method)(url)
    assert response.status_code in (200, 302)


def test_session_create_and_edit(org, training, login):
    client = login(org.pelatihan)
    start = timezone.localtime(timezone.now() + timedelta(days=20))
    data = {
        "course": training.course.pk, "name": "Angkatan Baru", "place": "Aula", "capacity": 15,
        "start_at": start.strftime("%Y-%m-%dT08:00"), "end_at": start.strftime("%Y-%m-%dT16:00"),
        "enrol_opens_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "enrol_closes_at": (start - timedelta(days=1)).strftime("%Y-%m-%dT12:00"),
    }  # fmt: skip
    response = client.post(reverse("kompetensi:session_create"), data)
    assert response.status_code == 302
    session = TrainingSession.objects.get(name="Angkatan Baru")
    assert session.instansi_id == org.gorontalo.pk and session.organiser_id == org.pelatihan.pk
    # 08:00 typed in WITA is 00:00 UTC
    assert session.start_at.astimezone(UTC).hour == 0
    response = client.post(reverse("kompetensi:session_create"), {**data, "place": "", "end_at": data["start_at"]})
    assert response.status_code == 200
    assert "Waktu selesai harus setelah waktu mulai" in response.text
    assert TrainingSession.objects.filter(name="Angkatan Baru").count() == 1


def test_attendance_and_results_views(org, training, login):
    session = make_session(training.course, start_in=timedelta(days=1), capacity=5)
    e = services.enrol(org.pegawai.user, org.pegawai, session.pk)
    start = timezone.now() - timedelta(hours=2)
    TrainingSession.objects.filter(pk=session.pk).update(
        start_at=start,
        end_at=start + timedelta(hours=6),
        enrol_opens_at=start - timedelta(days=3),
        enrol_closes_at=start,
    )
    session.refresh_from_db()
    client = login(org.pelatihan)
    day = services.session_days(session)[0]
    client.post(reverse("kompetensi:session_attendance", args=[session.pk]), {"day": day.isoformat(), "hadir": [e.pk]})
    e.refresh_from_db()
    assert e.status == S.ATTENDED
    response = client.post(
        reverse("kompetensi:session_results", args=[session.pk]), {f"hasil-{e.pk}": "lulus", f"nilai-{e.pk}": "abc"},
        follow=True,
    )  # fmt: skip
    assert "bukan angka" in response.text
    client.post(
        reverse("kompetensi:session_results", args=[session.pk]), {f"hasil-{e.pk}": "lulus", f"nilai-{e.pk}": "91,5"}
    )
    e.refresh_from_db()
    assert e.status == S.COMPLETED and str(e.score) == "91.50"
    page = client.get(reverse("kompetensi:session_manage", args=[session.pk]))
    assert Certificate.objects.get(enrolment=e).code in page.text
    # editing the completed enrolment's score: every bad value is refused with a message, nothing stored
    for bad, message in [
        ("NaN", "0 sampai 100"), ("inf", "0 sampai 100"), ("1e5", "0 sampai 100"), ("-50", "0 sampai 100"),
        ("99999.99", "0 sampai 100"), ("88,555", "2 angka di belakang koma"),
    ]:  # fmt: skip
        response = client.post(
            reverse("kompetensi:session_results", args=[session.pk]),
            {f"hasil-{e.pk}": "lulus", f"nilai-{e.pk}": bad},
            follow=True,
        )
        assert response.status_code == 200 and message in response.text, bad
        e.refresh_from_db()
        assert str(e.score) == "91.50", bad


def test_enrol_unit_view(org, training, login):
    response = login(org.pelatihan).post(
        reverse("kompetensi:session_enrol_unit", args=[training.approval_session.pk]),
        {"unit": org.bidang.pk, "include_subunits": "on"}, follow=True,
    )  # fmt: skip
    assert "pegawai didaftarkan" in response.text


def test_certificate_pdf_and_public_verification(org, training, login, client):
    _session, e = _complete(org, training)
    cert = Certificate.objects.get(enrolment=e)
    response = login(org.pegawai).get(reverse("kompetensi:certificate_pdf", args=[e.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert login(org.rekan).get(reverse("kompetensi:certificate_pdf", args=[e.pk])).status_code == 404
    assert login(org.atasan).get(reverse("kompetensi:certificate_pdf", args=[e.pk])).status_code == 200
    client.logout()
    page = client.get(reverse("kompetensi:certificate_verify", args=[cert.code]))
    assert page.status_code == 200
    assert "asli dan berlaku" in page.text and "Siti Pegawai" in page.text and "12" in page.text
    assert "asli dan berlaku" in client.get(f"/sertifikat/{cert.code.lower()}/").text
    unknown = client.get("/sertifikat/LTR-TIDAK-ADA/")
    assert unknown.status_code == 404 and "tidak dikenal" in unknown.text
    services.revoke_certificate(org.pelatihan.user, cert.pk, "Salah data")
    revoked = client.get(reverse("kompetensi:certificate_verify", args=[cert.code]))
    assert "DICABUT" in revoked.text and "Salah data" not in revoked.text  # the reason is not public


def test_revoke_view(org, training, login):
    _session, e = _complete(org, training)
    cert = Certificate.objects.get(enrolment=e)
    assert (
        login(org.pegawai).post(reverse("kompetensi:certificate_revoke", args=[cert.pk]), {"reason": "x"}).status_code
        == 403
    )
    login(org.pelatihan).post(reverse("kompetensi:certificate_revoke", args=[cert.pk]), {"reason": "Duplikat"})
    cert.refresh_from_db()
    assert cert.revoked_at is not None


def test_ics_download_and_personal_feed(org, training, login, client):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    c = login(org.pegawai)
    response = c.get(reverse("kompetensi:session_ics", args=[training.session.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in response.text and "Pelayanan Publik Prima" in response.text
    assert (
        login(org.pegawai_malut).get(reverse("kompetensi:session_ics", args=[training.session.pk])).status_code == 404
    )
    login(org.pegawai).post(reverse("kompetensi:calendar_feed_create"))
    token = CalendarFeed.objects.get(user=org.pegawai.user).token
    client.logout()
    feed = client.get(reverse("kompetensi:calendar_feed", args=[token]))
    assert feed.status_code == 200 and "Pelayanan Publik Prima" in feed.text
    assert client.get(reverse("kompetensi:calendar_feed", args=["salah"])).status_code == 404


def test_qr_checkin_view(org, training, login):
    e = services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    url = reverse("kompetensi:checkin", args=[training.session.checkin_token])
    response = login(org.pegawai).post(url, follow=True)
    assert "jam pelaksanaan" in response.text  # the session is in ten days
    e.refresh_from_db()
    assert e.status == S.CONFIRMED


def test_evaluation_view(org, training, login):
    _session, e = _complete(org, training)
    from kompetensi.models import EvaluationQuestion

    url = reverse("kompetensi:evaluation", args=[e.pk])
    assert login(org.rekan).get(url).status_code == 404
    client = login(org.pegawai)
    response = client.post(url, {"comment": "x"})
    assert "Pilih nilai 1 sampai 5" in response.text
    data = {f"q{q.pk}": "5" for q in EvaluationQuestion.objects.all()}
    assert client.post(url, {**data, "comment": "Bagus"}).status_code == 302
    manage = login(org.pelatihan).get(reverse("kompetensi:session_manage", args=[e.session_id]))
    assert "Bagus" in manage.text


def _pdf_upload(name="bukti.pdf", content=b"%PDF-1.4 bukti"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_external_learning_flow_and_upload_checks(org, training, login):
    from kompetensi.models import BentukPengembangan

    client = login(org.pegawai)
    today = timezone.localdate()
    data = {
        "bentuk": BentukPengembangan.objects.get(code="seminar").pk, "title": "Seminar Nasional", "organiser": "LAN",
        "start_date": (today - timedelta(days=3)).isoformat(), "end_date": (today - timedelta(days=2)).isoformat(),
        "units": 2, "jp_claimed": 10,
    }  # fmt: skip
    bad = client.post(reverse("kompetensi:external_new"), {**data, "evidence": _pdf_upload("x.exe", b"MZ")})
    assert "PDF, PNG, atau JPG" in bad.text
    fake = client.post(reverse("kompetensi:external_new"), {**data, "evidence": _pdf_upload("x.pdf", b"MZ-not-pdf")})
    assert "tidak sesuai" in fake.text
    ancient = {**data, "start_date": "0202-01-01", "end_date": (today - timedelta(days=2)).isoformat()}
    assert "paling lama 2 tahun" in client.post(reverse("kompetensi:external_new"), ancient).text
    future = {**data, "start_date": (today + timedelta(days=3)).isoformat(), "end_date": "2999-01-02"}
    response = client.post(reverse("kompetensi:external_new"), future)
    assert "tidak boleh di masa depan" in response.text and "belum selesai" in response.text
    assert not ExternalLearning.objects.exists()
    assert client.post(reverse("kompetensi:external_new"), {**data, "evidence": _pdf_upload()}).status_code == 302
    item = ExternalLearning.objects.get()
    assert login(org.rekan).get(reverse("kompetensi:evidence", args=[item.pk])).status_code == 404
    assert login(org.atasan).get(reverse("kompetensi:evidence", args=[item.pk])).status_code == 200
    assert (
        login(org.sdm_malut)
        .post(reverse("kompetensi:decide_external", args=[item.pk]), {"action": "approve"})
        .status_code
        == 404
    )
    login(org.atasan).post(reverse("kompetensi:decide_external", args=[item.pk]), {"action": "approve"})
    item.refresh_from_db()
    assert item.status == "approved" and item.jp_approved == 8  # seminar: 4 JP per hari x 2 hari


def test_compliance_view_scope_export_and_queries(org, training, login, django_assert_max_num_queries):
    _complete(org, training)  # 12 JP for pegawai
    assert login(org.pegawai).get(reverse("kompetensi:compliance")).status_code == 403
    client = login(org.sdm)
    client.get(reverse("kompetensi:compliance"))
    with django_assert_max_num_queries(30) as few:
        response = client.get(reverse("kompetensi:compliance"))
    few_count = len(few.captured_queries)
    assert "Siti Pegawai" in response.text and "Fadli Malut" not in response.text
    from tests.factories import make_pegawai

    for n in range(10):
        make_pegawai(org.gorontalo, org.kominfo, nama=f"Tambahan {n}")
    client.get(reverse("kompetensi:compliance"))  # the data changed: the frame is read again once
    with django_assert_max_num_queries(few_count):
        client.get(reverse("kompetensi:compliance"))
    export = client.get(reverse("kompetensi:compliance"), {"format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    malut = login(org.sdm_malut).get(reverse("kompetensi:compliance"))
    assert "Siti Pegawai" not in malut.text and "Fadli Malut" in malut.text
    leader = login(org.pimpinan).get(reverse("kompetensi:compliance"))  # the leaders' page too (permissions.md)
    assert leader.status_code == 200 and "Siti Pegawai" in leader.text and "Fadli Malut" not in leader.text
    assert login(org.pelatihan).get(reverse("kompetensi:compliance")).status_code == 403


def test_compliance_pages_cost_the_same_queries_with_more_employees_and_units(
    org, training, login, django_assert_max_num_queries
):
    """Page 1, a later page and one unit's page: the count of queries does not grow with the employees, the units
    or the pages (the list is counted from the per-unit figures)."""
    from tests.factories import make_pegawai, make_unit

    client = login(org.sdm)
    urls = [reverse("kompetensi:compliance") + query for query in ("", "?page=2", f"?unit={org.kominfo.pk}")]

    def queries_of(url):
        client.get(url)
        with django_assert_max_num_queries(30) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured.captured_queries)

    before = [queries_of(url) for url in urls]
    for n in range(60):
        unit = make_unit(org.gorontalo, f"UNIT-{n % 6}", f"Unit {n % 6}")
        make_pegawai(org.gorontalo, unit if n % 4 else org.kominfo, nama=f"Tambahan {n:02d}")
    response = client.get(urls[1])
    assert "Tambahan" in response.text and response.context["people"].paginator.count > 25
    assert [queries_of(url) for url in urls] == before


def test_dashboard_panel_shows_jp(org, training, login):
    from home.models import HomePage

    _complete(org, training)
    home = HomePage.objects.get(instansi=org.gorontalo)
    response = login(org.pegawai).get(home.url)
    assert "JP saya" in response.text and 'data-testid="panel-jp-total">12<' in response.text


def test_login_required(client, training):
    for url in [reverse("kompetensi:my_learning"), reverse("kompetensi:approvals"), reverse("kompetensi:compliance"),
                reverse("kompetensi:organiser_sessions"), training.catalog.url]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_catalogue_facets_follow_publishing(org, training, login):
    client = login(org.pegawai)
    assert "Lembaga Baru" not in client.get(training.catalog.url).text
    make_course(training.catalog, "Kursus Lembaga Baru", provider="Lembaga Baru")
    assert "<option>Lembaga Baru</option>" in client.get(training.catalog.url).text


def test_catalogue_shortcut_and_pages_that_need_an_employee(org, training, login):
    response = login(org.pegawai).get(reverse("kompetensi:catalogue"))
    assert response.status_code == 302 and response["Location"] == training.catalog.url
    assert login(org.pegawai_malut).get(reverse("kompetensi:catalogue")).status_code == 404  # no catalogue yet
    superuser = login(org.superadmin)
    for name in ("catalogue", "my_learning", "external_new"):
        assert superuser.get(reverse(f"kompetensi:{name}")).status_code == 404
    assert superuser.get(reverse("kompetensi:organiser_sessions")).status_code == 200
    assert superuser.get(reverse("kompetensi:compliance")).status_code == 200


def test_compliance_export_neutralises_formulas(org, training, login):
    from tests.export_helpers import HOSTILE, assert_no_formula

    for person, text in zip([org.pegawai, org.rekan, org.atasan, org.cucu], HOSTILE, strict=False):
        person.nama = text
        person.save()
    org.kominfo.name = HOSTILE[-1]
    org.kominfo.save()
    export = login(org.sdm).get(reverse("kompetensi:compliance"), {"format": "xlsx"})
    values = assert_no_formula(export.content)
    assert "'+cmd" in values and "'\t=x" in values


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({}, True),
        ({"q": "zzzz"}, False),
        ({"q": "Arsip"}, True),
        ({"q": "Kepemimpinan"}, False),
        ({"bentuk": "pelatihan_kepemimpinan"}, False),
        ({"bentuk": "pelatihan_teknis"}, True),
        ({"penyelenggara": "Tidak Ada"}, False),
        ({"bulan": "2001-01"}, False),
    ],
)
def test_other_instansi_sessions_follow_the_catalogue_filters(org, training, malut_catalog, login, params, shown):
    """'Angkatan instansi lain' lists only sessions whose course (and month, seats) match the active filters."""
    theirs = make_course(malut_catalog, "Tata Kelola Arsip Dinamis")
    make_session(theirs, start_in=timedelta(days=15), open_to_other_instansi=True)
    html = login(org.pegawai).get(training.catalog.url, params).content.decode()
    assert ("Tata Kelola Arsip Dinamis" in html) is shown


def test_ics_only_for_a_confirmed_place_one_event_per_day(org, training, login):
    url = reverse("kompetensi:session_ics", args=[training.session.pk])
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)  # capacity 2: now full
    services.enrol(org.cucu.user, org.cucu, training.session.pk)  # waitlisted
    assert login(org.cucu).get(url).status_code == 404
    body = login(org.pegawai).get(url).text
    days = len(services.session_days(training.session))  # a two-day session spans 2 or 3 local calendar days
    assert days >= 2 and body.count("BEGIN:VEVENT") == days
    assert f"hari 1 dari {days}" in body and f"hari {days} dari {days}" in body


def test_full_session_offers_the_waitlist_and_shows_my_position(org, training, login):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)  # capacity 2: now full
    sdm = login(org.sdm).get(training.course.url).content.decode()
    assert "Masuk daftar tunggu" in sdm
    services.enrol(org.sdm.user, org.sdm, training.session.pk)
    services.enrol(org.cucu.user, org.cucu, training.session.pk)
    html = login(org.cucu).get(training.course.url).content.decode()
    assert "urutan ke-2" in html and "Tambah ke kalender" not in html


def test_bulk_approve_confirms_first_then_approves_each(org, training, login):
    first = services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    second = services.enrol(org.rekan.user, org.rekan, training.approval_session.pk)
    theirs = services.enrol(org.cucu.user, org.cucu, training.approval_session.pk)  # Cucu reports to Siti
    client = login(org.atasan)
    url = reverse("kompetensi:bulk_approve")
    confirm = client.get(url, {"ids": [first.pk, second.pk, theirs.pk]}).content.decode()
    assert "Ya, setujui semua" in confirm and "Siti Pegawai" in confirm and "Cucu" not in confirm
    assert Enrolment.objects.get(pk=first.pk).status == S.PENDING_APPROVAL  # nothing happens before confirming
    response = client.post(url, {"ids": [first.pk, second.pk, theirs.pk]}, follow=True)
    assert "2 pendaftaran disetujui" in response.content.decode()
    assert {e.status for e in Enrolment.objects.filter(pk__in=[first.pk, second.pk])} == {S.CONFIRMED}
    assert Enrolment.objects.get(pk=theirs.pk).status == S.PENDING_APPROVAL
    assert "Pilih dulu" in client.get(url, follow=True).content.decode()
    assert login(org.rekan).get(url, {"ids": [theirs.pk]}).status_code == 403


def test_organiser_page_offers_revoking_a_certificate_with_a_reason(org, training, login):
    session, enrolment = _complete(org, training)
    html = login(org.pelatihan).get(reverse("kompetensi:session_manage", args=[session.pk])).content.decode()
    certificate = enrolment.certificate
    assert reverse("kompetensi:certificate_revoke", args=[certificate.pk]) in html
    assert "Cabut sertifikat" in html and 'data-confirm="' in html
    assert "Simpan hasil? Peserta yang lulus" in html
