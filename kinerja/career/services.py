"""The one writer of eligibility snapshots: the nightly recomputation per instansi, which notifies HR of changes."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal import roles
from portal.models import Instansi
from portal.services import notify

from . import queries
from .models import EligibilitySnapshot


@transaction.atomic
def recompute_instansi(*, instansi: Instansi, period_date=None) -> dict:
    """Store each PNS's eligibility for the instansi's next promotion date (or `period_date`); tell HR whose
    eligibility changed since the last run. Returns {"period": date, "changed": [pegawai ids], "stored": n}."""
    instansi_rules = queries.rules_of(instansi.pk)
    period_date = period_date or queries.next_period(instansi_rules)
    rows, _later = queries.eligibility_list(instansi.pk, period_date, upcoming=0, instansi_rules=instansi_rules)
    before = dict(
        EligibilitySnapshot.objects.filter(pegawai__instansi=instansi, period_date=period_date).values_list(
            "pegawai_id", "eligible"
        )
    )
    existing = {
        s.pegawai_id: s
        for s in EligibilitySnapshot.objects.select_for_update(of=("self",)).filter(
            pegawai__instansi=instansi, period_date=period_date
        )
    }
    new, update, changed = [], [], []
    for row in rows:
        reasons = [reason.as_dict() for reason in row.reasons]
        snapshot = existing.get(row.pegawai.pk)
        if snapshot is None:
            new.append(EligibilitySnapshot(pegawai=row.pegawai, period_date=period_date, eligible=row.eligible,
                                           reasons=reasons))  # fmt: skip
        else:
            snapshot.eligible, snapshot.reasons = row.eligible, reasons
            update.append(snapshot)
        if row.pegawai.pk in before and before[row.pegawai.pk] != row.eligible:
            changed.append(row)
    EligibilitySnapshot.objects.bulk_create(new, batch_size=1000)
    EligibilitySnapshot.objects.bulk_update(update, ["eligible", "reasons", "computed_at"], batch_size=1000)
    if changed:
        _notify_hr(instansi, period_date, changed)
    return {"period": period_date, "changed": [row.pegawai.pk for row in changed], "stored": len(rows)}


def _names(rows):
    names = [row.pegawai.full_name for row in rows[:5]]
    return ", ".join(names) + (f" (+{len(rows) - 5})" if len(rows) > 5 else "") if names else "-"


def _notify_hr(instansi, period_date, changed):
    users = (
        get_user_model()
        .objects.filter(
            is_active=True, groups__name=roles.ADMIN_SDM, pegawai__instansi=instansi, pegawai__is_active=True
        )
        .distinct()
    )
    params = {
        "period": period_date.strftime("%d-%m-%Y"),
        "count": len(changed),
        "now_eligible": _names([row for row in changed if row.eligible]),
        "no_longer": _names([row for row in changed if not row.eligible]),
    }
    ids = "-".join(str(row.pegawai.pk) for row in changed)
    url = reverse("kinerja:promotion") + f"?periode={period_date.isoformat()}"
    for user in users:
        notify(user, kind="kinerja.eligibility_changed", dedupe_key=f"eligibility:{period_date}:{timezone.localdate()}:{ids}"[:200],
               url=url, params=params)  # fmt: skip
