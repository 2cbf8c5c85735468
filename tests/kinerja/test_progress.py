"""Progres harian, bukti dukung and dialog kinerja: the services' rules (approved SKP only, no future dates, locked
once the window's evaluation is final, edits stay in their window), the pages with their Indonesian messages, who
sees what (another instansi and unrelated colleagues get 404), notifications, constant query counts and the demo."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.evaluation import services as evaluation_services
from kinerja.models import Dialog, Evaluation, FollowUp, ProgressEntry, RhkEvidence
from kinerja.progress import services
from kinerja.progress.demo import load_pegawai
from portal.models import Notification

PDF = b"%PDF-1.4 test"


def _pdf(name="bukti.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _first_window_day(period):
    return period.windows.get(sequence=1).starts_on + timedelta(days=5)


def _finalise(org, period, chain, sequence=1):
    evaluation_services.open_evaluations(
        actor=org.sdm.user, period=period, window=period.windows.get(sequence=sequence)
    )
    evaluation = Evaluation.objects.get(skp=chain.bottom, window__sequence=sequence)
    evaluation_services.rate(actor=org.atasan.user, evaluation=evaluation, rating_hasil_kerja="SESUAI",
                             rating_perilaku_kerja="SESUAI", reason="Sesuai")  # fmt: skip
    evaluation_services.finalise(actor=org.atasan.user, evaluation=evaluation)
    return evaluation


# --- services -----------------------------------------------------------------------------------------------------


def test_progress_is_recorded_on_an_approved_rhk_up_to_today(org, chain):
    today = timezone.localdate()
    entry = services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=today, text="  Menyusun laporan ",
                                     quantity=3)  # fmt: skip
    assert entry.text == "Menyusun laporan" and entry.pegawai == org.pegawai
    with pytest.raises(ValidationError, match="melewati hari ini"):
        services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=today + timedelta(days=1), text="x")
    with pytest.raises(ValidationError, match="Tuliskan"):
        services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=today, text="   ")
    with pytest.raises(PermissionDenied):
        services.record_progress(actor=org.rekan.user, rhk=chain.rhk, day=today, text="bukan milik saya")


def test_progress_needs_an_approved_skp(org, kinerja):
    with pytest.raises(ValidationError, match="sudah disetujui"):
        services.record_progress(actor=org.pegawai.user, rhk=kinerja.rhk, day=timezone.localdate(), text="Draf")


def test_a_bad_attachment_is_refused(org, chain):
    with pytest.raises(ValidationError, match="PDF, PNG, atau JPG"):
        services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=timezone.localdate(), text="x",
                                 attachment=_pdf("skrip.exe"))  # fmt: skip
    with pytest.raises(ValidationError, match="tidak sesuai"):
        services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=timezone.localdate(), text="x",
                                 attachment=_pdf("palsu.pdf", b"MZ not a pdf"))  # fmt: skip


def test_entries_lock_when_the_window_is_final_and_stay_in_their_window(org, period, chain):
    day = _first_window_day(period)
    entry = services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=day, text="Triwulan I")
    later = period.windows.get(sequence=2).starts_on
    with pytest.raises(ValidationError, match="sama"):
        services.update_progress(actor=org.pegawai.user, entry=entry, rhk=chain.rhk, day=later, text="pindah")
    services.update_progress(actor=org.pegawai.user, entry=entry, rhk=chain.rhk, day=day + timedelta(days=1),
                             text="Triwulan I diperbaiki")  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.delete_progress(actor=org.atasan.user, entry=entry)
    _finalise(org, period, chain)
    with pytest.raises(ValidationError, match="sudah final"):
        services.update_progress(actor=org.pegawai.user, entry=entry, rhk=chain.rhk, day=day, text="terlambat")
    with pytest.raises(ValidationError, match="sudah final"):
        services.delete_progress(actor=org.pegawai.user, entry=entry)
    with pytest.raises(ValidationError, match="sudah final"):
        services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=day, text="baru")
    with pytest.raises(ValidationError, match="sudah final"):
        services.add_evidence(actor=org.pegawai.user, rhk=chain.rhk, window=period.windows.get(sequence=1),
                              title="Laporan", link="https://contoh.go.id/laporan")  # fmt: skip


def test_evidence_needs_a_file_or_link_and_its_owner(org, period, chain):
    window = period.windows.get(sequence=4)
    with pytest.raises(ValidationError, match="berkas atau isi tautan"):
        services.add_evidence(actor=org.pegawai.user, rhk=chain.rhk, window=window, title="Kosong")
    with pytest.raises(PermissionDenied):
        services.add_evidence(actor=org.atasan.user, rhk=chain.rhk, window=window, title="x", link="https://a.id")
    item = services.add_evidence(actor=org.pegawai.user, rhk=chain.rhk, window=window, title="Rekap", file=_pdf())
    assert item.file and item.added_by == org.pegawai.user
    services.remove_evidence(actor=org.pegawai.user, evidence=item)
    assert not RhkEvidence.objects.exists()


# --- progress page ------------------------------------------------------------------------------------------------


def test_the_progress_page_preselects_the_last_rhk_and_saves(org, chain, login):
    client = login(org.pegawai)
    page = client.get(reverse("kinerja:progress")).content.decode()
    assert f'value="{chain.rhk.pk}" selected' in page and "data-autosave" in page
    today = timezone.localdate()
    response = client.post(reverse("kinerja:progress"), {
        "rhk": chain.rhk.pk, "day": today.isoformat(), "text": "Memeriksa 12 berkas", "quantity": "12",
        "link": "", "attachment": _pdf(),
    })  # fmt: skip
    assert response.status_code == 302
    entry = ProgressEntry.objects.get()
    assert entry.attachment and entry.quantity == 12
    assert client.get(reverse("kinerja:progress_file", args=[entry.pk])).status_code == 200
    assert login(org.atasan).get(reverse("kinerja:progress_file", args=[entry.pk])).status_code == 200
    assert login(org.rekan).get(reverse("kinerja:progress_file", args=[entry.pk])).status_code == 404
    assert login(org.pegawai_malut).get(reverse("kinerja:progress_file", args=[entry.pk])).status_code == 404


def test_bad_progress_input_gets_indonesian_messages_and_saves_nothing(org, chain, login):
    client = login(org.pegawai)
    tomorrow = timezone.localdate() + timedelta(days=2)  # UTC here: Gorontalo (WITA) may already be a day ahead
    response = client.post(reverse("kinerja:progress"), {"rhk": chain.rhk.pk, "day": tomorrow.isoformat(),
                                                         "text": "Rencana", "quantity": "abc"})  # fmt: skip
    assert response.status_code == 400
    assert "Jumlah harus berupa angka." in response.content.decode()
    response = client.post(reverse("kinerja:progress"), {"rhk": chain.rhk.pk, "day": tomorrow.isoformat(),
                                                         "text": "Rencana"})  # fmt: skip
    assert "Tanggal progres tidak boleh melewati hari ini." in response.content.decode()
    assert "Rencana</textarea>" in response.content.decode()
    assert not ProgressEntry.objects.exists()


def test_a_background_save_creates_the_entry_and_hands_its_address(org, chain, login):
    client = login(org.pegawai)
    response = client.post(reverse("kinerja:progress"), {"rhk": chain.rhk.pk, "day": timezone.localdate().isoformat(),
                                                         "text": "Sedang mengetik"}, HTTP_X_AUTOSAVE="1")  # fmt: skip
    entry = ProgressEntry.objects.get()
    assert response.json()["action"] == reverse("kinerja:progress_edit", args=[entry.pk])
    response = client.post(reverse("kinerja:progress_edit", args=[entry.pk]), {
        "rhk": chain.rhk.pk, "day": entry.day.isoformat(), "text": "Sedang mengetik laporan"}, HTTP_X_AUTOSAVE="1")  # fmt: skip
    assert response.json()["saved"] is True
    entry.refresh_from_db()
    assert entry.text == "Sedang mengetik laporan" and ProgressEntry.objects.count() == 1


def test_only_the_owner_edits_an_entry(org, chain, login):
    entry = services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=timezone.localdate(), text="x")
    for who in ("atasan", "rekan", "pegawai_malut", "sdm"):
        client = login(getattr(org, who))
        assert client.get(reverse("kinerja:progress_edit", args=[entry.pk])).status_code == 404
        assert client.post(reverse("kinerja:progress_delete", args=[entry.pk])).status_code == 404
    assert login(org.pegawai).post(reverse("kinerja:progress_delete", args=[entry.pk])).status_code == 302
    assert not ProgressEntry.objects.exists()


OWN_TABLES = (
    "kinerja_progressentry",
    "kinerja_rhkevidence",
    "kinerja_dialog",
    "kinerja_followup",
    "kompetensi_jpentry",
)


def _cost(client, url):
    """Queries of one page load on this package's tables, once the user's frame is warm (the frame's live menu
    counts are cached for a while by the platform, so the page's total varies by a query or two between loads)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum(1 for query in queries.captured_queries if any(table in query["sql"] for table in OWN_TABLES))


def test_the_progress_page_costs_the_same_with_many_entries(org, chain, login):
    client = login(org.pegawai)
    today = timezone.localdate()
    for n in range(3):
        services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=today - timedelta(days=n), text=f"a{n}")
    before = _cost(client, reverse("kinerja:progress"))
    for n in range(3, 12):
        services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=today - timedelta(days=n % 9), text=f"b{n}")
    assert _cost(client, reverse("kinerja:progress")) == before


# --- bukti dukung on the evaluation page --------------------------------------------------------------------------


@pytest.fixture
def evaluation(org, period, chain):
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period, window=period.windows.get(sequence=1))
    return Evaluation.objects.get(skp=chain.bottom)


def test_the_evaluator_sees_bukti_dukung_progress_and_training(org, period, chain, evaluation, login):
    from kompetensi.models import JPEntry
    from tests.kompetensi.test_ledger import _external

    day = _first_window_day(period)
    services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=day, text="Menyusun modul pelatihan")
    client = login(org.pegawai)
    url = reverse("kinerja:evidence", args=[chain.rhk.pk]) + f"?periode={evaluation.window_id}"
    response = client.post(url, {"title": "Skrip", "file": _pdf("skrip.exe")})
    assert response.status_code == 400 and "PDF, PNG, atau JPG" in response.content.decode()
    response = client.post(url, {"title": "Daftar hadir pelatihan", "file": _pdf()})
    assert response.status_code == 302
    item = RhkEvidence.objects.get()
    external = _external(org.pegawai)
    JPEntry.objects.create(pegawai=org.pegawai, year=day.year, day=day, jp=8, source="external",
                           title="Webinar layanan publik", external=external)  # fmt: skip
    page = login(org.atasan).get(reverse("kinerja:evaluation", args=[evaluation.pk])).content.decode()
    assert "Daftar hadir pelatihan" in page and "Menyusun modul pelatihan" in page
    assert "Webinar layanan publik" in page and "8 JP" in page
    assert login(org.atasan).get(reverse("kinerja:evidence_file", args=[item.pk])).status_code == 200
    for who in ("rekan", "pegawai_malut", "sdm_malut"):
        assert login(getattr(org, who)).get(url).status_code == 404
        assert login(getattr(org, who)).get(reverse("kinerja:evidence_file", args=[item.pk])).status_code == 404
    assert login(org.atasan).post(url, {"title": "x", "link": "https://a.id"}).status_code == 404
    assert login(org.atasan).post(reverse("kinerja:evidence_remove", args=[item.pk])).status_code == 404


def test_the_evaluation_page_costs_the_same_with_more_evidence(org, period, chain, evaluation, login):
    client = login(org.atasan)
    url = reverse("kinerja:evaluation", args=[evaluation.pk])
    window = evaluation.window
    services.add_evidence(actor=org.pegawai.user, rhk=chain.rhk, window=window, title="a", link="https://a.id")
    before = _cost(client, url)
    for n in range(5):
        services.add_evidence(actor=org.pegawai.user, rhk=chain.rhk, window=window, title=f"b{n}", link="https://b.id")
        services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=window.starts_on + timedelta(days=n),
                                 text=f"p{n}")  # fmt: skip
    assert _cost(client, url) == before


# --- dialog kinerja -----------------------------------------------------------------------------------------------


def test_the_supervisor_plans_a_dialog_and_the_employee_is_told(org, login):
    client = login(org.atasan)
    day = timezone.localdate() + timedelta(days=2)
    response = client.post(reverse("kinerja:dialogs_team"), {"pegawai": org.pegawai.pk, "planned_on": day.isoformat(),
                                                             "agenda": "Kemajuan RHK triwulan IV"})  # fmt: skip
    assert response.status_code == 302
    dialog = Dialog.objects.get()
    assert dialog.supervisor == org.atasan
    notice = Notification.objects.get(recipient=org.pegawai.user, kind="kinerja.dialog_planned")
    assert reverse("kinerja:dialog", args=[dialog.pk]) == notice.url
    employee = login(org.pegawai)
    assert "Kemajuan RHK triwulan IV" in employee.get(reverse("kinerja:dialogs")).content.decode()
    employee.post(reverse("kinerja:dialog", args=[dialog.pk]), {"action": "note", "text": "Saya siapkan rekap"})
    employee.post(reverse("kinerja:dialog", args=[dialog.pk]), {"action": "follow_up", "text": "Kirim rekap"})
    follow_up = FollowUp.objects.get()
    login(org.atasan).post(reverse("kinerja:dialog", args=[dialog.pk]),
                           {"action": "done", "item": follow_up.pk, "done": "1"})  # fmt: skip
    follow_up.refresh_from_db()
    assert follow_up.done and dialog.notes.get().author == org.pegawai
    for who in ("rekan", "pimpinan", "sdm", "pegawai_malut", "sdm_malut"):
        assert login(getattr(org, who)).get(reverse("kinerja:dialog", args=[dialog.pk])).status_code == 404
        assert login(getattr(org, who)).post(reverse("kinerja:dialog", args=[dialog.pk]),
                                             {"action": "note", "text": "x"}).status_code == 404  # fmt: skip


def test_only_a_direct_supervisor_plans_and_bad_input_is_explained(org, login):
    day = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(org.pimpinan).post(reverse("kinerja:dialogs_team"), {"pegawai": org.pegawai.pk,
                                                                          "planned_on": day, "agenda": "x"})  # fmt: skip
    assert response.status_code == 400 and "bawahan langsung" in response.content.decode()
    with pytest.raises(PermissionDenied):
        services.plan_dialog(actor=org.rekan.user, pegawai=org.pegawai, planned_on=date.today(), agenda="x")
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = login(org.atasan).post(reverse("kinerja:dialogs_team"), {"pegawai": org.pegawai.pk,
                                                                        "planned_on": yesterday, "agenda": "x"})  # fmt: skip
    assert "tidak boleh sebelum hari ini" in response.content.decode()
    assert not Dialog.objects.exists()


def test_dialog_lists_cost_the_same_with_more_dialogs(org, login):
    day = timezone.localdate() + timedelta(days=1)

    def plan(n):
        for _ in range(n):
            dialog = services.plan_dialog(actor=org.atasan.user, pegawai=org.pegawai, planned_on=day, agenda="a")
            services.add_follow_up(actor=org.atasan.user, dialog=dialog, text="t")

    plan(1)
    for who, name in ((org.pegawai, "kinerja:dialogs"), (org.atasan, "kinerja:dialogs_team")):
        client = login(who)
        before = _cost(client, reverse(name))
        plan(4)
        assert _cost(client, reverse(name)) == before


# --- demo ---------------------------------------------------------------------------------------------------------


def test_the_demo_step_is_idempotent(org, chain):
    today = timezone.localdate()
    assert load_pegawai(org.pegawai, today) > 0
    assert load_pegawai(org.pegawai, today) == 0
    assert RhkEvidence.objects.count() == 1 and Dialog.objects.filter(pegawai=org.pegawai).count() == 1


def test_the_home_panel_and_menu(org, chain, login):
    services.record_progress(actor=org.pegawai.user, rhk=chain.rhk, day=timezone.localdate(), text="x")
    from portal.dashboard import panels

    assert "kinerja-progress" in panels
