"""Periodic jobs (Celery beat): each module adds its entries here, and the Celery app reads them when it is
finalised, so settings name no module's task."""

from .registry import Registry

beat_schedule = Registry("beat schedule")


def register_beat(key, task, schedule, order=100, **options):
    """`schedule` is seconds or a celery.schedules.crontab; `options` go to the entry (e.g. `options={...}`)."""
    beat_schedule.add(key, {"task": task, "schedule": schedule, **options}, order=order)


def schedule_dict():
    return {entry.key: entry.value for entry in beat_schedule.entries()}
