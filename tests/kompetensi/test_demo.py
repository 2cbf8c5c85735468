from kompetensi.demo import COURSES, load_training
from kompetensi.models import CoursePage, Enrolment, JPEntry, TrainingCatalogPage, TrainingSession

from .conftest import forget_cached_identity


def test_demo_step_is_idempotent_and_covers_the_states(org):
    forget_cached_identity(org)
    load_training()
    counts = (CoursePage.objects.count(), TrainingSession.objects.count(), Enrolment.objects.count())
    load_training()
    assert (CoursePage.objects.count(), TrainingSession.objects.count(), Enrolment.objects.count()) == counts
    assert TrainingCatalogPage.objects.count() == 2
    assert CoursePage.objects.filter(instansi=org.gorontalo).count() == len(COURSES) >= 15
    states = set(Enrolment.objects.values_list("status", flat=True))
    assert {"confirmed", "completed", "pending_approval", "attended"} <= states
    assert JPEntry.objects.exists()
