from kompetensi.mentoring.demo import load_mentoring
from kompetensi.models import Evidence, JPEntry, MentoringPair, MentoringProgramme, MentoringSession

from .conftest import forget_cached_identity


def test_demo_step_is_idempotent_and_leaves_the_journey_waiting(org):
    for person, username in [(org.atasan, "atasan.gorontalo"), (org.pegawai, "pegawai.gorontalo")]:
        person.user.username = username
        person.user.save(update_fields=["username"])
    forget_cached_identity(org)
    load_mentoring()
    counts = (MentoringProgramme.objects.count(), MentoringPair.objects.count(), MentoringSession.objects.count())
    load_mentoring()
    assert (
        MentoringProgramme.objects.count(),
        MentoringPair.objects.count(),
        MentoringSession.objects.count(),
    ) == counts
    assert set(MentoringProgramme.objects.values_list("instansi__slug", flat=True)) == {"gorontalo", "malut"}
    journey = MentoringPair.objects.get(mentor=org.atasan, mentee=org.pegawai)
    assert list(journey.sessions.order_by("-held_on").values_list("status", flat=True)) == [
        "logged", "confirmed", "confirmed",
    ]  # fmt: skip
    assert {"logged", "confirmed"} <= set(MentoringSession.objects.values_list("status", flat=True))
    assert JPEntry.objects.filter(source="mentoring").exists()
    assert Evidence.objects.filter(source="mentoring", pegawai=org.pegawai).exists()
