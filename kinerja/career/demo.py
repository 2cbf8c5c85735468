"""Demo data of promotion eligibility, after the evaluation steps: per instansi, employees who qualify for the next
promotion date and employees who miss it for each reason (short time in rank, a low predikat, a disciplinary
sanction in force, the education cap), and one who qualifies a period later. Their TMT pangkat, pendidikan,
sanctions and the final annual predikat of the last two years are set idempotently; the earlier years get a closed
performance period with one approved SKP and a final annual evaluation per employee. Maluku Utara keeps the
six-period calendar to show both."""

import datetime

from django.db import transaction
from django.utils import timezone

from portal.demo import register_demo_step
from portal.models import HukumanDisiplin, Instansi, Jabatan, Pangkat, Pegawai

from ..evaluation.models import Evaluation
from ..skp.models import PerformancePeriod, Skp
from . import queries, rules
from .models import Calendar, PromotionRule

RATINGS = {
    "SANGAT_BAIK": ("DI_ATAS", "DI_ATAS"),
    "BAIK": ("SESUAI", "SESUAI"),
    "BUTUH_PERBAIKAN": ("DI_BAWAH", "SESUAI"),
}
NAMED = ("sdm.", "pimpinan.", "atasan.", "konten.", "pelatihan.")


def _past_period(instansi, year):
    period, _created = PerformancePeriod.objects.get_or_create(
        instansi=instansi, year=year,
        defaults={
            "starts_on": datetime.date(year, 1, 1), "ends_on": datetime.date(year, 12, 31),
            "planning_deadline": datetime.date(year, 1, 31), "annual_deadline": datetime.date(year + 1, 1, 31),
            "status": PerformancePeriod.Status.CLOSED,
        },
    )  # fmt: skip
    return period


def _annual(person, period, predikat):
    skp = Skp.objects.filter(period=period, pegawai=person).order_by("valid_from").first()
    if skp is None:
        skp = Skp.objects.create(
            period=period, pegawai=person, status=Skp.Status.APPROVED, valid_from=period.starts_on,
            valid_to=period.ends_on, evaluator=person.atasan, unit_name=person.unit.name,
            jabatan_name=person.jabatan.name if person.jabatan_id else "",
        )  # fmt: skip
    hasil, perilaku = RATINGS[predikat]
    Evaluation.objects.update_or_create(
        skp=skp, kind=Evaluation.Kind.ANNUAL,
        defaults={
            "status": Evaluation.Status.FINALISED, "rating_hasil_kerja": hasil, "rating_perilaku_kerja": perilaku,
            "predikat": predikat, "reason": "Evaluasi kinerja tahunan (data demo).",
            "finalised_at": timezone.make_aware(datetime.datetime(period.year + 1, 1, 20, 9)),
            "status_changed_at": timezone.make_aware(datetime.datetime(period.year + 1, 1, 20, 9)),
        },
    )  # fmt: skip


def demo_staff(instansi):
    """The staff whose facts the demo sets, in the order of the cases below (the named demo accounts keep their own
    journeys' data); the decisions demo reads the same list."""
    people = (
        Pegawai.objects.active().filter(instansi=instansi, status=Pegawai.Status.PNS, atasan__isnull=False)
        .exclude(jabatan__kind=Jabatan.Kind.FUNGSIONAL)
        .select_related("user", "unit", "jabatan", "atasan", "pangkat").order_by("nip")
    )  # fmt: skip
    return [p for p in people if not p.user.username.startswith(("pegawai.", *NAMED))]


def load_instansi(instansi) -> int:
    if instansi.slug.startswith("malut") and not PromotionRule.objects.filter(instansi=instansi).exists():
        PromotionRule.objects.create(instansi=instansi, calendar=Calendar.SIX_2023)
    instansi_rules = queries.rules_of(instansi.pk)
    period_date = queries.next_period(instansi_rules)
    later = instansi_rules.periods(period_date + datetime.timedelta(days=1), 1)[0]
    staff = demo_staff(instansi)
    if len(staff) < 6:
        return 0
    pangkat = {p.golongan_ruang: p for p in Pangkat.objects.filter(kind=Pangkat.Kind.PNS)}
    years = (period_date.year - 1, period_date.year - 2)
    periods = {year: _past_period(instansi, year) for year in years}
    cases = [
        # (tmt, pendidikan, golongan, predikat per year, sanction in force)
        (rules.add_years(period_date, -5), "S1", "III/b", ("BAIK", "SANGAT_BAIK"), False),  # qualifies
        (rules.add_years(period_date, -2), "S1", "III/a", ("BAIK", "BAIK"), False),  # short time in rank
        (rules.add_years(period_date, -6), "S1", "III/c", ("BUTUH_PERBAIKAN", "BAIK"), False),  # low predikat
        (rules.add_years(period_date, -5), "D3", "II/d", ("BAIK", "BAIK"), True),  # sanction in force
        (rules.add_years(period_date, -7), "SMA", "III/b", ("SANGAT_BAIK", "BAIK"), False),  # education cap
        (rules.add_years(later, -4), "S1", "III/a", ("BAIK", "BAIK"), False),  # qualifies a period later
    ]
    for person, (tmt, pendidikan, golongan, predikat, sanctioned) in zip(staff, cases, strict=False):
        Pegawai.objects.filter(pk=person.pk).update(tmt_pangkat=tmt, pendidikan=pendidikan, pangkat=pangkat[golongan])
        for year, value in zip(years, predikat, strict=True):
            _annual(person, periods[year], value)
        sk_number = f"800/HD/{instansi.slug.upper()}/{period_date.year}"
        if sanctioned:
            HukumanDisiplin.objects.get_or_create(
                pegawai=person, sk_number=sk_number,
                defaults={
                    "level": HukumanDisiplin.Level.SEDANG, "kind": HukumanDisiplin.Kind.POTONG_TUKIN_6,
                    "starts_on": period_date - datetime.timedelta(days=60),
                    "ends_on": period_date + datetime.timedelta(days=120),
                },
            )  # fmt: skip
    return len(cases)


@register_demo_step("kinerja-career", order=58)
def load_promotion(stdout=None):
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            made = load_instansi(instansi)
        if stdout and made:
            stdout.write(f"  {instansi.name}: {made} pegawai untuk daftar kenaikan pangkat")
