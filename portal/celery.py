import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("lentera")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def add_registered_beat_entries(sender, **kwargs):
    # modules register their periodic jobs in portal.beat; beat reads app.conf.beat_schedule after this
    import django

    django.setup()
    from portal.beat import schedule_dict

    sender.conf.beat_schedule = {**schedule_dict(), **(sender.conf.beat_schedule or {})}
