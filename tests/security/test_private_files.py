"""Evidence files live in the private storage and are handed out only after a scope check (issue 7)."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import timezone

from kompetensi import services
from kompetensi.models import BentukPengembangan, ExternalLearning


@pytest.fixture
def private_root(monkeypatch, tmp_path):
    # the field resolved its storage callable when the model loaded, so the test swaps the storage itself
    from django.core.files.storage import FileSystemStorage

    field = ExternalLearning._meta.get_field("evidence")
    assert field.storage is storages["private"]
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path, base_url=None))
    return tmp_path


@pytest.fixture
def evidence(org, private_root):
    end = timezone.localdate() - timedelta(days=2)
    item = ExternalLearning(
        bentuk=BentukPengembangan.objects.get(code="seminar"), title="Seminar Daerah", start_date=end, end_date=end,
        units=1, jp_claimed=4,
    )  # fmt: skip
    item.evidence.save("bukti.pdf", ContentFile(b"%PDF-1.4 bukti"), save=False)
    item = services.submit_external_learning(org.pegawai.user, item)
    return reverse("kompetensi:evidence", args=[item.pk]), item


def test_evidence_is_stored_outside_media_root(evidence, private_root, settings):
    _url, item = evidence
    assert (private_root / item.evidence.name).exists()
    assert not (Path(settings.MEDIA_ROOT) / item.evidence.name).exists()
    private = storages["private"]
    assert not Path(private.location).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())


@pytest.mark.parametrize("who", ["pegawai", "atasan", "sdm"])
def test_owner_supervisor_and_hr_download(evidence, org, login, who):
    url, _item = evidence
    response = login(getattr(org, who)).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 bukti"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("who", ["rekan", "sdm_malut", "pegawai_malut", "konten"])
def test_others_get_404(evidence, org, login, who):
    url, _item = evidence
    assert login(getattr(org, who)).get(url).status_code == 404


def test_anonymous_is_sent_to_login(evidence, client):
    url, _item = evidence
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def test_x_accel_redirect_when_configured(evidence, org, login, settings):
    url, item = evidence
    settings.PRIVATE_FILES_X_ACCEL_REDIRECT = "/_private/"
    response = login(org.pegawai).get(url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/_private/{item.evidence.name}"
    assert response["Content-Disposition"].startswith("attachment")
    assert login(org.sdm_malut).get(url).status_code == 404


def test_migration_moves_public_evidence_and_skips_missing_files(evidence, monkeypatch, tmp_path):
    import importlib

    from django.apps import apps
    from django.core.files.storage import FileSystemStorage

    migration = importlib.import_module("kompetensi.migrations.0007_evidence_in_private_storage")
    public, private = FileSystemStorage(location=tmp_path / "media"), FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(migration, "storages", {"default": public, "private": private})
    _url, item = evidence
    public.save(item.evidence.name, ContentFile(b"%PDF-1.4 lama"))
    missing = ExternalLearning.objects.create(
        pegawai=item.pegawai, bentuk=item.bentuk, title="Tanpa berkas", start_date=item.start_date,
        end_date=item.end_date, jp_claimed=2, evidence="kompetensi/bukti/hilang.pdf",
    )  # fmt: skip
    migration.to_private(apps, None)
    assert private.open(item.evidence.name).read() == b"%PDF-1.4 lama"
    assert not public.exists(item.evidence.name)
    assert not private.exists(missing.evidence.name)
