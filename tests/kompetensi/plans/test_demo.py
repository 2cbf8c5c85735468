from kompetensi.demo import load_training
from kompetensi.models import DevelopmentPlan, PlanTransition
from kompetensi.plans.demo import load_plans
from tests.factories import make_jabatan

from ..conftest import forget_cached_identity


def test_demo_plans_are_idempotent_and_the_journey_plan_waits_for_its_supervisor(org):
    org.pegawai.user.username = "pegawai.gorontalo"
    org.pegawai.user.save(update_fields=["username"])
    org.pegawai.jabatan = make_jabatan(org.gorontalo, "ANALIS", "fungsional")  # no standard yet: the step sets one
    org.pegawai.save(update_fields=["jabatan"])
    forget_cached_identity(org)
    load_training()
    load_plans()
    counts = (DevelopmentPlan.objects.count(), PlanTransition.objects.count())
    load_plans()
    assert (DevelopmentPlan.objects.count(), PlanTransition.objects.count()) == counts
    journey = DevelopmentPlan.objects.get(pegawai=org.pegawai)
    assert journey.status == "submitted" and journey.goals.exists() and journey.activities.count() >= 3
    assert org.pegawai.atasan == org.atasan
    others = set(DevelopmentPlan.objects.exclude(pegawai=org.pegawai).values_list("status", flat=True))
    assert others and others <= {"draft", "submitted", "returned", "approved", "in_progress", "completed"}
    assert not DevelopmentPlan.objects.filter(pegawai__instansi=org.malut).exists()
