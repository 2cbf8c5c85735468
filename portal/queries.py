"""Reads shared by views and the API, always scoped to the user."""

from django.db.models import Q

from .models import Pegawai, UnitKerja
from .scoping import instansi_q, visible_pegawai


def employee_directory(user, unit_id=None, search=""):
    qs = visible_pegawai(user).active().with_org()
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    search = (search or "").strip()
    if search:
        qs = qs.filter(Q(nama__icontains=search) | Q(nip__startswith=search))
    return qs.order_by("nama", "pk")


def units_visible_to(user):
    return UnitKerja.objects.filter(instansi_q(user)).select_related("instansi").order_by("instansi__name", "code")


def employee_detail_queryset():
    return Pegawai.objects.with_org()
