"""Celery tasks of career development: thin, idempotent wrappers around services."""

from celery import shared_task

from portal.models import Instansi

from . import services


@shared_task(name="kinerja.career.tasks.recompute_eligibility")
def recompute_eligibility():
    """Nightly: each instansi's eligibility for its next promotion date, stored per employee; HR hear of changes."""
    return {
        instansi.slug: len(services.recompute_instansi(instansi=instansi)["changed"])
        for instansi in Instansi.objects.order_by("pk")
    }
