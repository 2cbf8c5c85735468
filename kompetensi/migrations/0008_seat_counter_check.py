"""The seat counter becomes the only record of taken seats (one conditional UPDATE per seat): recount it from the
enrolments before the database starts guarding it with a CHECK constraint."""

from django.db import migrations, models
from django.db.models import Count, Q

# rules.SEAT_STATES as of this migration: the states that occupy one of the session's seats (pending approval and
# waitlisted do not)
SEAT_STATES = ("confirmed", "attended", "completed", "not_completed")


def recount_seats(apps, schema_editor):
    TrainingSession = apps.get_model("kompetensi", "TrainingSession")
    sessions = TrainingSession.objects.annotate(
        held=Count("enrolments", filter=Q(enrolments__status__in=SEAT_STATES))
    ).only("pk", "capacity", "seats_taken")
    changed = []
    for session in sessions.iterator(chunk_size=2000):
        # a session already holding more people than its capacity (data loaded by hand) keeps them all: the
        # capacity is raised to the head count rather than anyone losing a seat, so the constraint can hold
        capacity = max(session.capacity, session.held)
        if (session.seats_taken, session.capacity) != (session.held, capacity):
            session.seats_taken, session.capacity = session.held, capacity
            changed.append(session)
    TrainingSession.objects.bulk_update(changed, ["seats_taken", "capacity"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("kompetensi", "0007_evidence_in_private_storage"),
        ("portal", "0009_notification_params"),
    ]

    operations = [
        migrations.RunPython(recount_seats, migrations.RunPython.noop, elidable=True),
        migrations.AddConstraint(
            model_name="trainingsession",
            constraint=models.CheckConstraint(
                condition=models.Q(("seats_taken__gte", 0), ("seats_taken__lte", models.F("capacity"))),
                name="session_seats_within_capacity",
            ),
        ),
    ]
