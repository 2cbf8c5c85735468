"""The mid-year split: when an employee moves to another position, unit or supervisor during a period, their SKP
ends the day before and a new part starts on the day of the move, each keeping a snapshot of its pejabat penilai,
position and unit at the time. The new part starts as a draft carrying the old plan (without its cascade links, which
point into the former evaluator's SKP) for the employee to adjust and submit to the new evaluator."""

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.models import Pegawai
from portal.services import notify

from .models import PerformancePeriod, PerilakuExpectation, Skp
from .services import _copy_plan, _snapshot
from .state_machines import SKP

SNAPSHOT_FIELDS = ("evaluator_id", "evaluator_name", "evaluator_position", "jabatan_name", "jabatan_kind", "unit_name")


def _changed(skp: Skp, snapshot: dict) -> bool:
    now = {**snapshot, "evaluator_id": getattr(snapshot["evaluator"], "pk", None)}
    return any(getattr(skp, name) != now[name] for name in SNAPSHOT_FIELDS)


@transaction.atomic
def split_skp(*, pegawai: Pegawai, on: date, actor=None, reason: str = "") -> Skp | None:
    """Split the SKP of `pegawai` that covers `on` when their position, unit or evaluator has changed since it was
    made; returns the new part, or None when there is nothing to split (no SKP, nothing changed, or the part starts
    that very day)."""
    skp = (
        Skp.objects.select_for_update(of=("self",))
        .filter(pegawai=pegawai, period__status=PerformancePeriod.Status.OPEN, valid_from__lte=on, valid_to__gte=on)
        .select_related("period")
        .first()
    )
    pegawai = Pegawai.objects.select_related("atasan__jabatan", "jabatan", "unit").get(pk=pegawai.pk)
    snapshot = _snapshot(pegawai)
    if skp is None or not _changed(skp, snapshot):
        return None
    if skp.valid_from == on:
        # nothing before the move to keep apart; a draft simply takes the new snapshot (a submitted or approved one
        # stays as decided, and the evaluator returns it when it must change)
        if skp.editable:
            for name, value in snapshot.items():
                setattr(skp, name, value)
            skp.save(update_fields=list(snapshot))
        return None
    ends = skp.valid_to
    skp.valid_to = on - timedelta(days=1)
    skp.save(update_fields=["valid_to"])
    part = Skp(
        period=skp.period, pegawai=pegawai, approach=skp.approach, valid_from=on, valid_to=ends, status="",
        dukungan_sumber_daya=skp.dukungan_sumber_daya, skema_pertanggungjawaban=skp.skema_pertanggungjawaban,
        konsekuensi=skp.konsekuensi, **snapshot,
    )  # fmt: skip
    part.save()
    why = reason or _("Perpindahan jabatan, unit, atau atasan per %(day)s.") % {"day": date_format(on, "j F Y")}
    SKP.apply(part, Skp.Status.DRAFT, actor=actor, reason=why)
    PerilakuExpectation.objects.bulk_create(
        PerilakuExpectation(skp=part, value_id=value_id) for value_id in skp.perilaku.values_list("value_id", flat=True)
    )
    _copy_plan(skp, part)
    transaction.on_commit(lambda: notify(
        pegawai.user, kind="kinerja.skp_split", url=reverse("kinerja:skp_detail", args=[part.pk]),
        params={"year": skp.period.year, "day": date_format(on, "j F Y")},
        dedupe_key=f"kinerja:skp-split:{part.pk}",
    ))  # fmt: skip
    return part
