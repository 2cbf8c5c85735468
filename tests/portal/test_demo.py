import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from portal.models import Instansi, Jabatan, Pegawai, UnitKerja
from portal.rules import parse_nip


def snapshot():
    return {
        "instansi": sorted(Instansi.objects.values_list("slug", "name", "time_zone")),
        "signatories": sorted(Instansi.objects.values_list("slug", "signatory_nip", "signatory_position")),
        "units": sorted(UnitKerja.objects.values_list("instansi__slug", "code", "name", "parent__code")),
        "jabatan": sorted(Jabatan.objects.values_list("instansi__slug", "code", "name", "kind")),
        "pegawai": sorted(
            Pegawai.objects.values_list("user__username", "nip", "nama", "unit__code", "atasan__nip", "pangkat_id")
        ),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture
def demo(db):
    call_command("load_demo", "--only", "organisation")
    return snapshot()


def test_demo_organisation(demo):
    """One load (they are slow), checked from every side: instansi, NIPs, accounts, supervisor chains."""
    zones = {slug: tz for slug, _name, tz in demo["instansi"]}
    assert zones == {
        "pauh": "Asia/Jakarta",
        "rangkui": "Asia/Jakarta",
        "gorontalo": "Asia/Makassar",
        "bukittinggi": "Asia/Jakarta",
        "malut": "Asia/Jayapura",
    }
    for instansi in Instansi.objects.all():
        assert 35 <= instansi.pegawai.count() <= 50, instansi
        # certificates are signed by a real head of unit of the same instansi, in its own town
        signer = Pegawai.objects.get(nip=instansi.signatory_nip)
        assert signer.instansi_id == instansi.pk and instansi.signatory_name == signer.full_name
        assert instansi.signatory_position and instansi.certificate_place
    gorontalo, pauh = Instansi.objects.get(slug="gorontalo"), Instansi.objects.get(slug="pauh")
    assert gorontalo.signatory_position == "Kepala Badan Kepegawaian Daerah Provinsi Gorontalo"
    assert (pauh.signatory_position, pauh.issuing_place) == ("Camat Pauh", "Padang")
    for nip in Pegawai.objects.values_list("nip", flat=True):
        parse_nip(nip)

    atasan = Pegawai.objects.get(user__username="atasan.gorontalo")
    pegawai = Pegawai.objects.get(user__username="pegawai.gorontalo")
    assert pegawai.atasan_id == atasan.pk
    assert atasan.bawahan.count() >= 5
    assert atasan.user.groups.filter(name="Atasan").exists()
    for username, role in [
        ("sdm.gorontalo", "Admin SDM"),
        ("konten.gorontalo", "Admin Konten"),
        ("pelatihan.gorontalo", "Penyelenggara Pelatihan"),
        ("sdm.malut", "Admin SDM"),
        ("pimpinan.gorontalo", "Pimpinan"),
    ]:
        assert get_user_model().objects.get(username=username).groups.filter(name=role).exists(), username
    assert Pegawai.objects.get(user__username="pegawai.malut").instansi.slug == "malut"
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("lentera-demo")
    assert pegawai.user.check_password("lentera-demo")

    for pegawai in Pegawai.objects.select_related("atasan"):  # every chain ends, inside the instansi
        seen = set()
        node = pegawai
        while node.atasan_id:
            assert node.pk not in seen
            seen.add(node.pk)
            assert node.atasan.instansi_id == pegawai.instansi_id
            node = node.atasan


def test_loading_twice_gives_the_same_data(demo):
    call_command("load_demo", "--only", "organisation")
    assert snapshot() == demo


def test_refuses_production_settings(db):
    with override_settings(IS_PRODUCTION=True), pytest.raises(CommandError, match="produksi"):
        call_command("load_demo")


def test_bench_employees_top_up_to_n(org):
    call_command("load_demo", "--only", "none", "--employees", "120")
    bench = Pegawai.objects.filter(user__username__startswith="bench-")
    assert bench.count() == 120
    for nip in bench.values_list("nip", flat=True)[:50]:
        parse_nip(nip)
    call_command("load_demo", "--only", "none", "--employees", "120")
    assert bench.count() == 120


def test_demo_data_never_sends_mail(db, django_capture_on_commit_callbacks, monkeypatch, settings):
    """The training step notifies (enrolments, approvals, certificates); its notifications are in-app
    only: no email is sent inline and none is queued for a worker."""
    from django.core import mail

    from portal import tasks
    from portal.models import Notification

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queued = []
    monkeypatch.setattr(tasks.send_notification_email, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--only", "organisation", "kompetensi-training")
    assert Notification.objects.exists()
    assert not Notification.objects.filter(send_email=True).exists()
    assert queued == []
    assert mail.outbox == []
