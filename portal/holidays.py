"""The days off of an instansi: the national holidays and cuti bersama with its own days off (`Holiday`), read once
for a span of dates so that working-day arithmetic over many rows costs one query."""

import datetime

from django.db.models import Q

from .models import Holiday


def holiday_dates(instansi_id, start: datetime.date, end: datetime.date) -> frozenset[datetime.date]:
    rows = Holiday.objects.filter(Q(instansi__isnull=True) | Q(instansi_id=instansi_id), date__gte=start, date__lte=end)
    return frozenset(rows.values_list("date", flat=True))
