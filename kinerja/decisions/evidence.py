"""The evidence a career decision rests on, gathered into plain data (text, numbers, ISO dates) so that it can be
sealed in the decision when it is proposed and read back unchanged years later, whatever happens to the records.

Each kind of evidence is a provider registered here; other packages (the 9-box) add theirs with
`register_evidence` so that this package imports none of them."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from kompetensi.competency.queries import profile_of
from kompetensi.queries import jp_summary

from ..career import queries as career_queries
from ..career.models import ImportedAnnualResult
from ..evaluation.models import Evaluation

PREDIKAT_YEARS = 3  # the annual results shown: enough for the 2-year promotion rule and the trend before it


@dataclass(frozen=True)
class Provider:
    key: str
    label: str
    collect: object  # callable(pegawai) -> plain data or None
    template: str
    order: int


_providers: dict[str, Provider] = {}


def register_evidence(key, label, template, order=50):
    """Decorator: `collect(pegawai)` adds a section of evidence (None when there is nothing to say)."""

    def wrap(collect):
        _providers[key] = Provider(key, label, collect, template, order)
        return collect

    return wrap


def providers():
    return sorted(_providers.values(), key=lambda provider: (provider.order, provider.key))


def collect(pegawai) -> dict:
    """Every provider's section about the employee, with when it was gathered. The words inside (predikat labels,
    the reasons of the promotion rules) are written in the product's own language, as an official record is."""
    sections = {}
    with translation.override(settings.LANGUAGE_CODE):
        for provider in providers():
            data = provider.collect(pegawai)
            if data is not None:
                sections[provider.key] = data
    return {"collected_at": timezone.now().isoformat(), "pegawai": _person(pegawai), "sections": sections}


def sections_for_display(evidence: dict):
    """[(provider, data)] in the providers' order; a section whose provider is gone still shows as raw data."""
    stored = (evidence or {}).get("sections", {})
    known = [(provider, stored[provider.key]) for provider in providers() if provider.key in stored]
    unknown = [
        (Provider(key, key, None, "kinerja/decisions/evidence/raw.html", 99), data)
        for key, data in stored.items()
        if key not in _providers
    ]
    return known + unknown


def _person(pegawai):
    return {
        "nip": pegawai.nip,
        "name": pegawai.full_name,
        "unit": pegawai.unit.name if pegawai.unit_id else "",
        "jabatan": pegawai.jabatan.name if pegawai.jabatan_id else "",
        "golongan": pegawai.pangkat.golongan_ruang if pegawai.pangkat_id else "",
        "tmt_pangkat": pegawai.tmt_pangkat,
    }


@register_evidence("predikat", gettext_lazy("Predikat kinerja tahunan"), "kinerja/decisions/evidence/predikat.html", 10)
def predikat_history(pegawai):
    this_year = timezone.localdate().year
    rows = (
        Evaluation.objects.filter(
            skp__pegawai=pegawai, kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED,
            skp__period__year__gte=this_year - PREDIKAT_YEARS,
        )
        .order_by("-skp__period__year", "-finalised_at", "-pk")
        .values_list("pk", "skp__period__year", "predikat", "rating_hasil_kerja", "rating_perilaku_kerja")
    )  # fmt: skip
    labels = dict(Evaluation._meta.get_field("predikat").choices)
    years = {}
    for pk, year, predikat, hasil, perilaku in rows:
        years.setdefault(year, {
            "year": year, "evaluation": pk, "predikat": predikat, "label": str(labels.get(predikat, predikat)),
            "hasil_kerja": hasil, "perilaku_kerja": perilaku,
        })  # fmt: skip
    # years before Lentera come from the national system's export (a final Lentera result wins, as in eligibility)
    imported = ImportedAnnualResult.objects.filter(pegawai=pegawai, year__gte=this_year - PREDIKAT_YEARS)
    for row in imported.exclude(year__in=list(years)):
        years[row.year] = {
            "year": row.year, "evaluation": None, "predikat": row.predikat, "label": row.get_predikat_display(),
            "hasil_kerja": row.rating_hasil_kerja, "perilaku_kerja": row.rating_perilaku_kerja,
            "imported": row.get_source_display(),
        }  # fmt: skip
    return [years[year] for year in sorted(years, reverse=True)]


@register_evidence("jp", gettext_lazy("Pengembangan kompetensi (JP)"), "kinerja/decisions/evidence/jp.html", 20)
def jp_history(pegawai):
    this_year = timezone.localdate().year
    return [jp_summary(pegawai, year) for year in (this_year, this_year - 1)]


@register_evidence(
    "kompetensi", gettext_lazy("Kesenjangan kompetensi"), "kinerja/decisions/evidence/kompetensi.html", 30
)
def competency_gaps(pegawai):
    if not pegawai.jabatan_id:
        return None
    profile = profile_of(pegawai)
    return {
        "jabatan": pegawai.jabatan.name,
        "match_percent": profile.match_percent,
        "band": profile.band.name if profile.band else "",
        "gaps": [
            {
                "code": row.competency.code,
                "name": row.competency.name,
                "required": row.required_level,
                "current": row.current_level,
                "gap": row.gap,
            }
            for row in profile.gaps
        ],  # fmt: skip
    }


@register_evidence(
    "kelayakan", gettext_lazy("Syarat kenaikan pangkat"), "kinerja/decisions/evidence/eligibility.html", 40
)
def eligibility(pegawai):
    if pegawai.status != pegawai.Status.PNS:
        return None
    instansi_rules = career_queries.rules_of(pegawai.instansi_id)
    period_date = career_queries.next_period(instansi_rules)
    rows, _later = career_queries.eligibility_list(
        pegawai.instansi_id, period_date, upcoming=0, pegawai_ids=[pegawai.pk], instansi_rules=instansi_rules
    )
    if not rows:
        return None
    return {
        "period": period_date,
        "eligible": rows[0].eligible,
        "reasons": [reason.as_dict() for reason in rows[0].reasons],
    }
