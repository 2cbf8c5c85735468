"""Celery tasks of coaching plans: thin, idempotent wrappers around services."""

from celery import shared_task

from . import services


@shared_task(name="kinerja.coaching.tasks.sweep_low_results")
def sweep_low_results():
    """Nightly: propose a plan for every recent low final annual result without one, withdraw overtaken proposals."""
    return services.sweep()
