"""Demo data of competency profiles: one or two technical competencies per instansi, a job standard for every demo
position (managerial and Perekat Bangsa levels by kind of position), assessment results for most employees so that
profiles show gaps of every size and all three match bands, and for `pegawai.gorontalo` a history with a verdict and
a correction plus a self assessment waiting for `atasan.gorontalo` (kompetensi/demo.py, which runs this as its
"kompetensi-competency" step, then has them complete a course whose claim waits too).

Fast: standards, assessments and the derived profile rows are written in bulk, the profile row from the same rule
the services use (`rules.confirmed_entry`), so they equal what the services would derive (tested). The few entries of
the journey employee go through the services. Idempotent: positions that have a standard and instansi whose
assessments are loaded are left alone."""

import random
from collections import defaultdict
from datetime import timedelta

from django.db import transaction

from portal import roles
from portal.models import Instansi, Jabatan, Pegawai

from . import rules, services
from .models import Competency, CompetencyProfile, Evidence, JobStandard

# per kind of instansi: (code, name, definition) of its own technical competencies
TECHNICAL = {
    "provinsi": [
        ("T.SDM.01", "Manajemen Aparatur Sipil Negara",
         "Menerapkan ketentuan manajemen ASN: pengadaan, pengembangan kompetensi, kinerja, dan karier."),
        ("T.DAT.01", "Pengelolaan Data dan Informasi Kepegawaian",
         "Mengolah, memvalidasi, dan menyajikan data kepegawaian untuk pengambilan keputusan."),
    ],
    "kota": [
        ("T.SDM.01", "Manajemen Aparatur Sipil Negara",
         "Menerapkan ketentuan manajemen ASN: pengadaan, pengembangan kompetensi, kinerja, dan karier."),
        ("T.YAN.01", "Standar Pelayanan Dasar (Pendidikan dan Kesehatan)",
         "Menerapkan standar pelayanan minimal bidang pendidikan dan kesehatan."),
    ],
    "kecamatan": [
        ("T.PEM.01", "Penyelenggaraan Pemerintahan Kecamatan",
         "Mengoordinasikan urusan pemerintahan umum, ketenteraman, dan pemberdayaan masyarakat di kecamatan."),
        ("T.YAN.01", "Pelayanan Administrasi Terpadu Kecamatan (PATEN)",
         "Memberikan pelayanan administrasi perizinan dan nonperizinan sesuai standar PATEN."),
    ],
}  # fmt: skip

# managerial competencies each kind of position requires (Perekat Bangsa and the instansi's first technical
# competency always; pelaksana and fungsional also the second technical one)
MANAGERIAL = {
    Jabatan.Kind.JPT: ["M.01", "M.02", "M.03", "M.04", "M.07", "M.08"],
    Jabatan.Kind.ADMINISTRATOR: ["M.01", "M.02", "M.04", "M.06", "M.08"],
    Jabatan.Kind.PENGAWAS: ["M.01", "M.02", "M.03", "M.04", "M.05"],
    Jabatan.Kind.PELAKSANA: ["M.01", "M.02", "M.04", "M.05"],
    Jabatan.Kind.FUNGSIONAL: ["M.01", "M.02", "M.03", "M.04"],
}
# competencies an administrator or JPT Madya needs one level higher
SENIOR_CODES = {"M.01", "M.07", "M.08"}

# how far each kind of employee sits from the standard, drawn per competency: most meet it, some fall short
TIERS = {"kuat": [0, 0, 0, 1], "sedang": [0, 0, 0, -1], "lemah": [-1, -1, -2, 0]}
TIER_WEIGHTS = [40, 35, 25]
# the journey employee, over their standard in order: M.03 (which their course targets) 2 short, others 1 or none
JOURNEY_OFFSETS = [-1, -1, -2, 0, 0, -1, 0]


def required_level(jabatan, code) -> int:
    """Levels by kind of position: JPT 4-5, administrator 3-4, pengawas 3, pelaksana and fungsional 2-3."""
    kind = jabatan.kind
    if kind == Jabatan.Kind.JPT:
        return 5 if jabatan.jenjang == "Madya" and code in SENIOR_CODES else 4
    if kind == Jabatan.Kind.ADMINISTRATOR:
        return 4 if code in SENIOR_CODES else 3
    if kind == Jabatan.Kind.PENGAWAS:
        return 3
    if kind == Jabatan.Kind.FUNGSIONAL:
        return 3 if jabatan.jenjang in ("Ahli Muda", "Ahli Madya") else 2
    return 3 if (jabatan.kelas_jabatan or 0) >= 7 and code.startswith("T.") else 2


def ensure_technical(instansi):
    found = []
    for order, (code, name, definition) in enumerate(TECHNICAL.get(instansi.kind, TECHNICAL["provinsi"])):
        competency, _created = Competency.objects.get_or_create(
            instansi=instansi, code=code,
            defaults={"group": Competency.Group.TEKNIS, "name": name, "definition": definition, "order": order},
        )  # fmt: skip
        found.append(competency)
    return found


def ensure_standards(instansi, technical):
    national = {c.code: c for c in Competency.objects.filter(instansi__isnull=True)}
    with_standard = set(JobStandard.objects.filter(jabatan__instansi=instansi).values_list("jabatan_id", flat=True))
    rows = []
    for jabatan in Jabatan.objects.filter(instansi=instansi).exclude(pk__in=with_standard):
        codes = [*MANAGERIAL.get(jabatan.kind, MANAGERIAL[Jabatan.Kind.PELAKSANA]), "SK.01"]
        competencies = [national[code] for code in codes if code in national] + technical[:1]
        if jabatan.kind in (Jabatan.Kind.PELAKSANA, Jabatan.Kind.FUNGSIONAL):
            competencies += technical[1:2]
        rows += [
            JobStandard(jabatan=jabatan, competency=c, required_level=required_level(jabatan, c.code))
            for c in competencies
        ]
    JobStandard.objects.bulk_create(rows)


def _hr_user(people):
    return next((p.user for p in people if roles.ADMIN_SDM in {g.name for g in p.user.groups.all()}), None)


def assessment_entries(instansi, people, today, journey):
    """Unsaved ledger entries: a recent assessment-center result per competency of the standard for most employees,
    with an older uji kompetensi result below it for a third of them (a history to read)."""
    rng = random.Random(f"kompetensi-profil-{instansi.slug}")
    standards = defaultdict(list)
    for standard in JobStandard.objects.filter(jabatan__instansi=instansi).order_by(*JobStandard._meta.ordering):
        standards[standard.jabatan_id].append(standard)
    recorder = _hr_user(people)
    entries = []
    for pegawai in people:
        if not standards.get(pegawai.jabatan_id) or (pegawai != journey and rng.random() < 0.12):
            continue  # not assessed yet: their profile shows "belum ada"
        tier = rng.choices(list(TIERS), weights=TIER_WEIGHTS)[0]
        with_history = rng.random() < 0.33
        for index, standard in enumerate(standards[pegawai.jabatan_id]):
            offset = JOURNEY_OFFSETS[index % len(JOURNEY_OFFSETS)] if pegawai == journey else rng.choice(TIERS[tier])
            level = min(5, max(1, standard.required_level + offset))
            common = {"pegawai": pegawai, "competency_id": standard.competency_id, "recorded_by": recorder}
            if with_history or pegawai == journey:
                entries.append(Evidence(
                    **common, source=Evidence.Source.UJI_KOMPETENSI, level=max(1, level - 1),
                    observed_on=today - timedelta(days=700), note="Uji kompetensi 2 tahun lalu",
                    reference="demo:uji-kompetensi",
                ))  # fmt: skip
            entries.append(Evidence(
                **common, source=Evidence.Source.ASSESSMENT_CENTER, level=level,
                observed_on=today - timedelta(days=120 + rng.randint(0, 60)),
                note="Hasil assessment center BKD", reference="demo:assessment-center",
            ))  # fmt: skip
    return entries


def profile_rows(entries):
    """The profile rows the services would derive from freshly written entries (none superseded or reviewed)."""
    grouped = defaultdict(list)
    for entry in entries:
        grouped[(entry.pegawai_id, entry.competency_id)].append(entry)
    rows = []
    for (pegawai_id, competency_id), group in grouped.items():
        confirmed = rules.confirmed_entry(
            rules.Entry(pk=e.pk, source=e.source, level=e.level, observed_on=e.observed_on, recorded_at=e.recorded_at)
            for e in group
        )
        if confirmed is not None:
            rows.append(CompetencyProfile(
                pegawai_id=pegawai_id, competency_id=competency_id, level=confirmed.level, evidence_id=confirmed.pk,
            ))  # fmt: skip
    return rows


def journey_history(journey, today):
    """pegawai.gorontalo: a confirmed self assessment, a corrected assessment, and a self assessment waiting for
    the supervisor (through the services, as a person would); the training demo adds a completed course's claim."""
    if journey is None or Evidence.objects.filter(pegawai=journey, source=Evidence.Source.SELF).exists():
        return
    standard = list(JobStandard.objects.filter(jabatan_id=journey.jabatan_id).select_related("competency"))
    by_code = {s.competency.code: s.competency for s in standard}
    atasan = journey.atasan.user if journey.atasan_id else None
    levels = dict(CompetencyProfile.objects.filter(pegawai=journey).values_list("competency_id", "level"))
    if "M.02" in by_code and atasan is not None:
        kerjasama = by_code["M.02"]
        claim = services.record_evidence(
            actor=journey.user, pegawai=journey, competency=kerjasama, source=Evidence.Source.SELF,
            level=min(5, levels.get(kerjasama.pk, 1) + 1), observed_on=today - timedelta(days=40),
            note="Mengoordinasikan tim lintas bidang penyusunan rencana pengembangan kompetensi",
        )  # fmt: skip
        services.review_claim(actor=atasan, claim=claim, confirm=True, note="Sesuai pengamatan dalam dialog kinerja")
    assessment = Evidence.objects.filter(
        pegawai=journey, competency__code="SK.01", source=Evidence.Source.ASSESSMENT_CENTER
    ).first()
    hr = _hr_user(Pegawai.objects.filter(instansi=journey.instansi, is_active=True).select_related("user"))
    if assessment is not None and hr is not None:
        services.correct_evidence(
            actor=hr, entry=assessment, level=assessment.level, observed_on=assessment.observed_on - timedelta(days=1),
            note="Tanggal pelaksanaan assessment dikoreksi sesuai berita acara",
        )  # fmt: skip
    own = [s.competency for s in standard if s.competency.group == Competency.Group.TEKNIS]
    if own:
        services.record_evidence(
            actor=journey.user, pegawai=journey, competency=own[0], source=Evidence.Source.SELF,
            level=min(5, levels.get(own[0].pk, 1) + 1), observed_on=today - timedelta(days=3),
            note="Menyusun analisis kebutuhan pelatihan BKD 2026 dan memaparkannya kepada pimpinan",
            link="https://bkd.gorontaloprov.go.id/dokumen/akp-2026",
        )  # fmt: skip


def load_instansi(instansi, today):
    technical = ensure_technical(instansi)
    ensure_standards(instansi, technical)
    people = list(
        Pegawai.objects.filter(instansi=instansi, is_active=True)
        .select_related("user", "atasan__user", "instansi")
        .prefetch_related("user__groups")
        .order_by("nip")
    )
    journey = next((p for p in people if p.user.username == f"pegawai.{instansi.slug}"), None)
    if not Evidence.objects.filter(pegawai__instansi=instansi, reference__startswith="demo:").exists():
        entries = Evidence.objects.bulk_create(assessment_entries(instansi, people, today, journey))
        CompetencyProfile.objects.bulk_create(profile_rows(entries))
    if instansi.slug == "gorontalo":
        journey_history(journey, today)


def load_all(today):
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            load_instansi(instansi, today)
