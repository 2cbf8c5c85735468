"""What the deadline reminders add to the platform's registries (imported by kinerja/registrations.py)."""

from celery.schedules import crontab

from portal.beat import register_beat

register_beat(
    "kinerja-deadline-reminders", "kinerja.deadlines.tasks.send_deadline_reminders", crontab(hour=0, minute=30)
)
