"""The SKP demo: an open period and an SKP per employee, cascaded from each instansi's head, in several states with
their history; the journey's accounts in the states the browser tests expect; a second run adds nothing."""

import pytest

from kinerja.models import PerformancePeriod, Rhk, Skp, SkpTransition
from kinerja.skp.demo import load_skp
from portal.demo.organisation import load_organisation
from portal.models import Pegawai

pytestmark = pytest.mark.django_db


def test_the_demo_cascades_every_employees_skp_and_is_idempotent():
    load_organisation()
    load_skp()
    assert PerformancePeriod.objects.filter(status="open").count() == 5
    assert Skp.objects.count() == Pegawai.objects.filter(is_active=True).count()
    assert set(Skp.objects.values_list("status", flat=True)) == {"draft", "submitted", "approved", "returned"}
    pegawai = Skp.objects.get(pegawai__user__username="pegawai.gorontalo")
    atasan = Skp.objects.get(pegawai__user__username="atasan.gorontalo")
    assert (pegawai.status, pegawai.rhk.count(), atasan.status) == ("draft", 0, "approved")
    assert Skp.objects.filter(evaluator=atasan.pegawai, status="submitted").exists()
    # every RHK points into its evaluator's approved SKP of the same period; only the heads' have no parent
    for rhk in Rhk.objects.select_related("skp", "intervened__skp"):
        if rhk.intervened is None:
            assert rhk.skp.evaluator_id is None
        else:
            assert rhk.intervened.skp.pegawai_id == rhk.skp.evaluator_id
            assert rhk.intervened.skp.status == "approved"
        assert rhk.iki.exists()
    assert "Meningkatnya kualitas pelayanan kepegawaian" in Rhk.objects.values_list("text", flat=True)
    # each SKP's history leads to its state, decisions by the evaluator
    for skp in Skp.objects.prefetch_related("transitions")[:50]:
        steps = list(skp.transitions.all())
        assert steps[-1].to_status == skp.status and steps[0].to_status == "draft"
    returned = SkpTransition.objects.filter(to_status="returned").select_related("skp__evaluator").first()
    assert returned.actor == returned.skp.evaluator.user and returned.reason
    before = (Skp.objects.count(), Rhk.objects.count(), SkpTransition.objects.count())
    load_skp()
    assert (Skp.objects.count(), Rhk.objects.count(), SkpTransition.objects.count()) == before
