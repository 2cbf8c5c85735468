"""The generic audited diff: who changed which field from what to what, for any model."""

import pytest
from wagtail.models import ModelLogEntry

from kompetensi.models import TargetJP
from portal import audit
from portal.models import Pegawai

pytestmark = pytest.mark.django_db


def test_diff_lists_only_changed_fields_as_text():
    assert audit.diff({"a": 1, "b": None}, {"a": 2, "b": None, "c": "x"}) == {"a": ["1", "2"], "c": ["", "x"]}


def test_update_fields_applies_saves_and_logs_only_what_changed(org):
    target = TargetJP.objects.create(status="PNS", instansi=org.gorontalo, target=20)
    _obj, changed = audit.update_fields(target, actor=org.sdm.user, target=20)
    assert changed is False and not ModelLogEntry.objects.filter(object_id=str(target.pk)).exists()
    _obj, changed = audit.update_fields(target, actor=org.sdm.user, target=30)
    target.refresh_from_db()
    entry = ModelLogEntry.objects.get(object_id=str(target.pk), action="wagtail.edit")
    assert changed and target.target == 30
    assert entry.data["changes"] == {"target": ["20", "30"]} and entry.user_id == org.sdm.user.pk


def test_foreign_keys_are_compared_by_key(org):
    pegawai = Pegawai.objects.get(pk=org.pegawai.pk)
    _obj, changed = audit.update_fields(pegawai, actor=org.sdm.user, unit=org.bidang)
    assert changed is False
    _obj, changed = audit.update_fields(pegawai, actor=org.sdm.user, unit_id=org.bkd.pk)
    entry = ModelLogEntry.objects.filter(object_id=str(pegawai.pk), action="wagtail.edit").latest("pk")
    assert changed and entry.data["changes"] == {"unit_id": [str(org.bidang.pk), str(org.bkd.pk)]}


def test_save_pegawai_records_the_diff(org):
    from portal.services import save_pegawai

    pegawai = Pegawai.objects.get(pk=org.rekan.pk)
    pegawai.phone = "0812-1111-2222"
    save_pegawai(org.sdm.user, pegawai)
    entry = ModelLogEntry.objects.filter(object_id=str(pegawai.pk), action="wagtail.edit").latest("pk")
    assert entry.data["changes"] == {"phone": ["", "0812-1111-2222"]}
