"""HR's report of the service desk for a year: per request type the number of requests, the median working days to
the first response and to closing (against the type's SLA), the share closed on time and the mean survey score.
Four queries whatever the number of requests: the types, the requests' facts, and the holidays once."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.exporting import Sheet
from portal.holidays import holiday_dates

from . import queries, rules
from .models import ServiceRequest

Status = ServiceRequest.Status


@dataclass
class TypeReport:
    code: str
    name: str
    sla_days: int | None
    count: int = 0
    completed: int = 0
    rejected: int = 0
    open: int = 0
    overdue: int = 0
    closed_on_time: int = 0
    closed_late: int = 0
    response_days: list = field(default_factory=list)
    closing_days: list = field(default_factory=list)
    ratings: list = field(default_factory=list)

    @property
    def closed(self):
        return self.completed + self.rejected

    @property
    def median_response(self):
        return rules.median(self.response_days)

    @property
    def median_closing(self):
        return rules.median(self.closing_days)

    @property
    def on_time_percent(self):
        return rules.percent(self.closed_on_time, self.closed)

    @property
    def mean_rating(self):
        value = rules.mean(self.ratings)
        return None if value is None else round(value, 1)

    @property
    def within_sla(self):
        median = self.median_closing
        return None if median is None or self.sla_days is None else median <= self.sla_days


def years_of(instansi_id, today) -> list[int]:
    days = ServiceRequest.objects.filter(instansi_id=instansi_id).dates("submitted_on", "year")
    return sorted({day.year for day in days} | {today.year}, reverse=True)


def build(instansi, year: int, today: datetime.date) -> list[TypeReport]:
    reports = {t.code: TypeReport(t.code, t.name, t.sla_days) for t in queries.types_for(instansi.pk)}
    rows = ServiceRequest.objects.filter(instansi_id=instansi.pk, submitted_on__year=year).values_list(
        "request_type__code", "request_type__name", "status", "submitted_on", "first_response_at", "closed_at",
        "due_on", "paused_days", "survey__rating",
    )  # fmt: skip
    holidays = holiday_dates(instansi.pk, datetime.date(year, 1, 1), max(today, datetime.date(year + 1, 12, 31)))
    for code, name, status, submitted_on, first_response_at, closed_at, due_on, paused, rating in rows:
        report = reports.setdefault(code, TypeReport(code, name, None))  # a type no longer offered keeps its rows
        report.count += 1
        if first_response_at is not None:
            answered_on = queries.local_date(first_response_at, instansi)
            report.response_days.append(rules.working_days_between(submitted_on, answered_on, holidays))
        if status in rules.CLOSED and closed_at is not None:
            closed_on = queries.local_date(closed_at, instansi)
            report.completed += status == Status.COMPLETED
            report.rejected += status == Status.REJECTED
            report.closing_days.append(rules.elapsed(submitted_on, closed_on, paused, holidays))
            if rules.on_time(closed_on, due_on):
                report.closed_on_time += 1
            else:
                report.closed_late += 1
        else:
            report.open += 1
            report.overdue += rules.is_overdue(status, due_on, today)
        if rating is not None:
            report.ratings.append(rating)
    return list(reports.values())


# the parts of a type's requests in the timeliness bars, in order, with their tones
SEGMENTS = (
    (gettext_lazy("Selesai diproses tepat waktu"), "ok"),
    (gettext_lazy("Selesai diproses terlambat"), "error"),
    (gettext_lazy("Terbuka, terlambat"), "warn"),
    (gettext_lazy("Terbuka, masih dalam SLA"), "muted"),
)


def timeliness_bars(reports):
    """The stacked bars of on-time and late requests per type (templates/components/stacked_bars.html)."""
    bars = []
    for r in reports:
        counts = (r.closed_on_time, r.closed_late, r.overdue, r.open - r.overdue)
        segments = [
            {"label": label, "count": n, "percent": rules.percent(n, r.count) or 0, "tone": tone}
            for (label, tone), n in zip(SEGMENTS, counts, strict=True)
        ]
        bars.append({"label": r.name, "total": r.count, "total_label": _("%(n)s permohonan") % {"n": r.count},
                     "segments": segments})  # fmt: skip
    return bars


def timeliness_legend():
    return [{"label": label, "tone": tone} for label, tone in SEGMENTS]


def scale_of(reports):
    """The working days the duration bars span: the longest SLA or median, so every bar and mark fits."""
    values = [v for r in reports for v in (r.sla_days, r.median_closing, r.median_response) if v is not None]
    return max(values, default=1) or 1


HEADERS = (
    gettext_lazy("Jenis layanan"), gettext_lazy("SLA (hari kerja)"), gettext_lazy("Jumlah permohonan"),
    gettext_lazy("Selesai"), gettext_lazy("Ditolak"), gettext_lazy("Terbuka"), gettext_lazy("Terbuka terlambat"),
    gettext_lazy("Median tanggapan pertama (hari kerja)"), gettext_lazy("Median penyelesaian (hari kerja)"),
    gettext_lazy("Tepat waktu (%)"), gettext_lazy("Rata-rata survei (1-5)"), gettext_lazy("Jumlah jawaban survei"),
)  # fmt: skip


def sheet(reports, year) -> Sheet:
    rows = [
        [r.name, r.sla_days, r.count, r.completed, r.rejected, r.open, r.overdue, r.median_response, r.median_closing,
         r.on_time_percent, r.mean_rating, len(r.ratings)]
        for r in reports
    ]  # fmt: skip
    return Sheet(f"Layanan SDM {year}", [str(h) for h in HEADERS], rows)
