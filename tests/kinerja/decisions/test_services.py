"""Career decisions over the database: who may write, propose and decide, the sealed evidence that later changes
never rewrite, the history of every step and who is told."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.career.models import ImportedAnnualResult
from kinerja.decisions import services
from kinerja.decisions.models import CareerDecision
from kinerja.evaluation.models import Evaluation
from portal import roles
from portal.models import Notification, Pangkat, Pegawai
from tests.factories import make_pegawai

pytestmark = pytest.mark.django_db


def _create(actor, pegawai, **values):
    values = {"kind": "rotasi", "title": "Rotasi", "rationale": "Penyegaran tugas.", **values}
    return services.create_draft(actor=actor, pegawai=pegawai, **values)


@pytest.mark.parametrize("who", ["pimpinan", "atasan", "pegawai", "sdm_malut"])
def test_only_hr_of_the_instansi_drafts(org, who):
    with pytest.raises(PermissionDenied):
        _create(getattr(org, who).user, org.rekan)


@pytest.mark.parametrize(
    "values, field",
    [({"title": "  "}, "title"), ({"rationale": ""}, "rationale"), ({"kind": "naik_gaji"}, "kind")],
)
def test_a_draft_needs_title_rationale_and_a_known_kind(org, values, field):
    with pytest.raises(ValidationError) as error:
        _create(org.sdm.user, org.rekan, **values)
    assert field in error.value.message_dict
    assert not CareerDecision.objects.exists()


def test_draft_history_and_editing(org, draft):
    assert draft.status == "draft" and draft.instansi_id == org.gorontalo.pk
    assert list(draft.history.values_list("from_status", "to_status", "actor")) == [("", "draft", org.sdm.user.pk)]
    services.update_draft(actor=org.sdm.user, decision=draft, title="Kenaikan pangkat reguler")
    draft.refresh_from_db()
    assert draft.title == "Kenaikan pangkat reguler" and draft.rationale.startswith("Memenuhi")
    with pytest.raises(PermissionDenied):
        services.update_draft(actor=org.pimpinan.user, decision=draft, title="x")


def test_proposing_seals_the_evidence_and_later_changes_never_rewrite_it(org, draft):
    decision = services.propose(actor=org.sdm.user, decision=draft)
    decision.refresh_from_db()
    sealed = decision.evidence
    assert decision.status == "proposed" and decision.sealed_at and decision.proposed_by == org.sdm.user
    sections = sealed["sections"]
    assert [row["predikat"] for row in sections["predikat"]] == ["BAIK", "SANGAT_BAIK"]
    assert sections["kelayakan"]["eligible"] is True
    assert {reason["rule"] for reason in sections["kelayakan"]["reasons"]} >= {"masa_pangkat", "predikat"}
    assert sealed["pegawai"]["nip"] == org.pegawai.nip and sealed["pegawai"]["golongan"] == "III/a"

    # the underlying records change afterwards
    Evaluation.objects.filter(skp__pegawai=org.pegawai).update(predikat="KURANG")
    Pegawai.objects.filter(pk=org.pegawai.pk).update(
        nama="Nama Baru", pangkat=Pangkat.objects.get(golongan_ruang="III/b")
    )
    decision.refresh_from_db()
    assert decision.evidence == sealed
    assert decision.evidence["pegawai"]["golongan"] == "III/a" and decision.evidence["pegawai"]["name"] != "Nama Baru"
    services.decide(actor=org.pimpinan.user, decision=decision, approve=True)
    decision.refresh_from_db()
    assert decision.evidence == sealed


def test_proposing_tells_the_pimpinan_but_not_the_subject_or_proposer(org, draft, django_capture_on_commit_callbacks):
    other_leader = make_pegawai(org.gorontalo, org.bkd, roles_=[roles.PIMPINAN], username="wakil", nama="Wakil")
    with django_capture_on_commit_callbacks(execute=True):
        services.propose(actor=org.sdm.user, decision=draft)
    told = set(Notification.objects.filter(kind="kinerja.decision_proposed").values_list("recipient", flat=True))
    assert told == {org.pimpinan.user.pk, other_leader.user.pk}


@pytest.mark.parametrize("approve, status", [(True, "approved"), (False, "rejected")])
def test_the_pimpinan_decides_and_proposer_and_employee_are_told(
    org, draft, approve, status, django_capture_on_commit_callbacks
):
    services.propose(actor=org.sdm.user, decision=draft)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(actor=org.pimpinan.user, decision=draft, approve=approve, note="Sesuai formasi.")
    draft.refresh_from_db()
    assert draft.status == status and draft.decided_by == org.pimpinan.user
    assert [step.to_status for step in draft.history.all()] == ["draft", "proposed", status]
    assert draft.history.last().reason == "Sesuai formasi."
    kinds = dict(Notification.objects.filter(kind__startswith="kinerja.decision_").values_list("recipient", "kind"))
    assert kinds[org.sdm.user.pk] == f"kinerja.decision_{status}"
    assert kinds[org.pegawai.user.pk] == f"kinerja.decision_about_me_{status}"


def test_a_rejection_needs_a_reason(org, draft):
    services.propose(actor=org.sdm.user, decision=draft)
    with pytest.raises(ValidationError) as error:
        services.decide(actor=org.pimpinan.user, decision=draft, approve=False, note="  ")
    assert "note" in error.value.message_dict
    draft.refresh_from_db()
    assert draft.status == "proposed"


def test_nobody_decides_about_themselves_or_their_own_proposal(org):
    both = make_pegawai(org.gorontalo, org.bkd, roles_=[roles.ADMIN_SDM, roles.PIMPINAN], username="ganda", nama="G")
    about_leader = _create(org.sdm.user, org.pimpinan)
    services.propose(actor=org.sdm.user, decision=about_leader)
    with pytest.raises(PermissionDenied):
        services.decide(actor=org.pimpinan.user, decision=about_leader, approve=True)
    own = _create(both.user, org.rekan)
    services.propose(actor=both.user, decision=own)
    with pytest.raises(PermissionDenied):
        services.decide(actor=both.user, decision=own, approve=True)
    services.decide(actor=org.pimpinan.user, decision=own, approve=True)  # another Pimpinan may
    own.refresh_from_db()
    assert own.status == "approved"


@pytest.mark.parametrize("who", ["sdm", "atasan", "pegawai"])
def test_only_a_pimpinan_decides(org, draft, who):
    services.propose(actor=org.sdm.user, decision=draft)
    with pytest.raises(PermissionDenied):
        services.decide(actor=getattr(org, who).user, decision=draft, approve=True)


def test_a_draft_cannot_be_decided_and_a_decision_is_final(org, draft):
    with pytest.raises(ValidationError):
        services.decide(actor=org.pimpinan.user, decision=draft, approve=True)
    services.propose(actor=org.sdm.user, decision=draft)
    services.decide(actor=org.pimpinan.user, decision=draft, approve=True)
    with pytest.raises(ValidationError):
        services.decide(actor=org.pimpinan.user, decision=draft, approve=False, note="Berubah pikiran")
    with pytest.raises(ValidationError):
        services.return_to_draft(actor=org.sdm.user, decision=draft, reason="Perbaiki")
    with pytest.raises(ValidationError):
        services.update_draft(actor=org.sdm.user, decision=draft, title="x")


def test_returning_lifts_the_seal_and_needs_a_reason(org, draft):
    services.propose(actor=org.sdm.user, decision=draft)
    with pytest.raises(ValidationError):
        services.return_to_draft(actor=org.pimpinan.user, decision=draft, reason="")
    services.return_to_draft(actor=org.pimpinan.user, decision=draft, reason="Lengkapi dasar pertimbangan.")
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.sealed_at is None and draft.evidence == {}
    assert draft.history.last().reason == "Lengkapi dasar pertimbangan."
    with pytest.raises(PermissionDenied):
        services.propose(actor=org.pegawai.user, decision=draft)


def test_imported_years_are_part_of_the_sealed_predikat(org, draft):
    ImportedAnnualResult.objects.create(pegawai=org.pegawai, year=timezone.localdate().year - 3, predikat="KURANG")
    decision = services.propose(actor=org.sdm.user, decision=draft)
    rows = decision.evidence["sections"]["predikat"]
    assert [row["year"] for row in rows] == sorted((row["year"] for row in rows), reverse=True)
    assert rows[-1]["predikat"] == "KURANG" and rows[-1]["imported"] and rows[-1]["evaluation"] is None
