"""Celery tasks of talent management: thin, idempotent wrappers around services."""

from celery import shared_task

from portal.models import Instansi

from . import services


@shared_task(name="kinerja.talent.tasks.recompute_talent")
def recompute_talent():
    """Nightly: each employee's place on the 9-box, stored per employee; HR hear of the boxes that changed."""
    return {
        instansi.slug: len(services.recompute_instansi(instansi=instansi)["changed"])
        for instansi in Instansi.objects.order_by("pk")
    }
