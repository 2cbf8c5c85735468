"""Demo data of SKP: an open performance period of the current year per instansi, and an SKP for every employee,
cascaded from the head of the instansi down (each RHK intervenes an RHK of the evaluator's approved SKP), in several
states with their history. Written in bulk, one level of the tree at a time (the services would take minutes for
~200 employees), with the same rows the services write: the snapshot, the seven BerAKHLAK values and a transition
row per step. Idempotent: an instansi whose period already has SKP is left alone.

`pegawai.gorontalo` keeps an empty draft (the browser journey writes and submits it); `atasan.gorontalo` is approved,
and some of their reports wait for their decision."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from portal.demo import register_demo_step
from portal.models import Instansi, Pegawai

from . import rules
from .models import (
    BerakhlakValue,
    EvaluationWindow,
    Iki,
    PerformancePeriod,
    PerilakuExpectation,
    Rhk,
    Skp,
    SkpTransition,
)

# Realistic plans by the kind of unit: (RHK of the unit's head, [(IKI, aspek, target)]) and the staff's RHK that
# support it, each with its IKI. The first key found in the unit code wins; the kecamatan's offices, seksi and
# kelurahan take CAMAT.
PLANS = {
    "BKD": [
        (
            "Meningkatnya kualitas pelayanan kepegawaian",
            [
                ("Persentase usul layanan kepegawaian selesai tepat waktu", "waktu", "95 %"),
                ("Indeks kepuasan ASN terhadap layanan kepegawaian", "kualitas", "3,5 dari 4"),
            ],
            [
                (
                    "Terselesaikannya usul kenaikan pangkat dan mutasi sesuai standar layanan",
                    [
                        ("Persentase usul layanan selesai tepat waktu", "waktu", "95 %"),
                        ("Jumlah berkas usul yang diverifikasi", "kuantitas", "240 berkas"),
                    ],
                ),
                (
                    "Tersusunnya data kepegawaian yang mutakhir di SIASN",
                    [("Persentase data pegawai yang dimutakhirkan", "kuantitas", "100 %")],
                ),
            ],
        ),
        (
            "Meningkatnya kompetensi ASN",
            [("Persentase ASN yang memenuhi 20 JP pengembangan kompetensi", "kuantitas", "80 %")],
            [
                (
                    "Terlaksananya pelatihan dan bimbingan teknis bagi ASN",
                    [
                        ("Jumlah pelatihan yang diselenggarakan", "kuantitas", "12 kegiatan"),
                        ("Persentase peserta yang lulus evaluasi", "kualitas", "90 %"),
                    ],
                )
            ],
        ),
    ],
    "BKPSDM": [
        (
            "Meningkatnya kualitas manajemen ASN",
            [("Persentase layanan kepegawaian selesai tepat waktu", "waktu", "95 %")],
            [
                (
                    "Terselesaikannya layanan mutasi dan kenaikan pangkat",
                    [("Persentase usul layanan selesai tepat waktu", "waktu", "95 %")],
                ),
                (
                    "Terlaksananya pengembangan kompetensi ASN",
                    [("Persentase ASN yang mencapai 20 JP", "kuantitas", "80 %")],
                ),
            ],
        ),
    ],
    "KOMINFO": [
        (
            "Meningkatnya keterbukaan informasi publik",
            [("Persentase permohonan informasi publik dijawab dalam 10 hari kerja", "waktu", "100 %")],
            [
                (
                    "Tersebarnya informasi pembangunan daerah melalui kanal resmi",
                    [("Jumlah konten informasi publik yang diterbitkan", "kuantitas", "150 konten")],
                ),
                (
                    "Tersedianya layanan aplikasi pemerintahan yang andal",
                    [("Persentase ketersediaan layanan aplikasi", "kualitas", "99 %")],
                ),
            ],
        ),
    ],
    "BAPPEDA": [
        (
            "Meningkatnya kualitas perencanaan pembangunan daerah",
            [("Persentase program RKPD yang selaras dengan RPJMD", "kualitas", "100 %")],
            [
                (
                    "Tersusunnya dokumen perencanaan dan evaluasi pembangunan tepat waktu",
                    [
                        ("Jumlah dokumen perencanaan yang disusun", "kuantitas", "4 dokumen"),
                        ("Dokumen diserahkan sesuai jadwal", "waktu", "100 %"),
                    ],
                )
            ],
        ),
    ],
    "DISDIK": [
        (
            "Meningkatnya mutu pendidikan dasar",
            [("Persentase sekolah dengan rapor pendidikan kategori baik", "kualitas", "70 %")],
            [
                (
                    "Meningkatnya hasil belajar siswa",
                    [("Kenaikan rata-rata hasil asesmen literasi dan numerasi", "kualitas", "10 %")],
                ),
                (
                    "Terlaksananya pendampingan sekolah binaan",
                    [("Jumlah kunjungan supervisi ke sekolah binaan", "kuantitas", "24 kunjungan")],
                ),
            ],
        ),
    ],
    "DINKES": [
        (
            "Meningkatnya derajat kesehatan masyarakat",
            [("Cakupan imunisasi dasar lengkap", "kuantitas", "95 %")],
            [
                (
                    "Terlaksananya imunisasi dan surveilans penyakit menular",
                    [
                        ("Cakupan imunisasi dasar lengkap di wilayah kerja", "kuantitas", "95 %"),
                        ("Laporan surveilans mingguan dikirim tepat waktu", "waktu", "52 laporan"),
                    ],
                ),
                (
                    "Meningkatnya mutu pelayanan kesehatan",
                    [("Persentase pasien yang dilayani sesuai standar pelayanan", "kualitas", "90 %")],
                ),
            ],
        ),
    ],
    "SETDA": [
        (
            "Meningkatnya kinerja penyelenggaraan pemerintahan daerah",
            [("Nilai SAKIP pemerintah daerah", "kualitas", "BB"), ("Indeks reformasi birokrasi", "kualitas", "70")],
            [
                (
                    "Tertibnya administrasi persuratan dan kearsipan pimpinan",
                    [("Persentase surat diproses dalam 1 hari kerja", "waktu", "95 %")],
                )
            ],
        ),
    ],
    "CAMAT": [
        (
            "Meningkatnya kualitas pelayanan publik di kecamatan",
            [
                ("Persentase permohonan selesai dalam 3 hari kerja", "waktu", "95 %"),
                ("Indeks kepuasan masyarakat", "kualitas", "85"),
            ],
            [
                (
                    "Terselesaikannya permohonan layanan administrasi masyarakat",
                    [
                        ("Permohonan selesai dalam 3 hari kerja", "waktu", "95 %"),
                        ("Jumlah permohonan yang dilayani", "kuantitas", "1.200 permohonan"),
                    ],
                ),
                (
                    "Terlaksananya pembinaan ketenteraman dan kesejahteraan warga",
                    [("Jumlah kegiatan pembinaan yang dilaksanakan", "kuantitas", "12 kegiatan")],
                ),
            ],
        ),
    ],
}
# The perspektif of each outcome, written only on the SKP of a Jabatan Pimpinan Tinggi (the regulation asks it of
# JPT alone); the service outcomes bring the public's ratings into the head's evaluation.
PERSPEKTIF = {
    "Meningkatnya kualitas pelayanan kepegawaian": Rhk.Perspektif.PENERIMA_LAYANAN,
    "Meningkatnya kompetensi ASN": Rhk.Perspektif.PENGUATAN_INTERNAL,
    "Meningkatnya kualitas manajemen ASN": Rhk.Perspektif.PROSES_BISNIS,
    "Meningkatnya keterbukaan informasi publik": Rhk.Perspektif.PENERIMA_LAYANAN,
    "Meningkatnya kualitas perencanaan pembangunan daerah": Rhk.Perspektif.PROSES_BISNIS,
    "Meningkatnya mutu pendidikan dasar": Rhk.Perspektif.PENERIMA_LAYANAN,
    "Meningkatnya derajat kesehatan masyarakat": Rhk.Perspektif.PENERIMA_LAYANAN,
    "Meningkatnya kinerja penyelenggaraan pemerintahan daerah": Rhk.Perspektif.ANGGARAN,
    "Meningkatnya kualitas pelayanan publik di kecamatan": Rhk.Perspektif.PENERIMA_LAYANAN,
}
KEYS = ["BKD", "BKPSDM", "KOMINFO", "BAPPEDA", "DISDIK", "DINKES", "SETDA"]
RETURN_REASON = "Target IKI belum terukur; sebutkan angka dan satuannya."


def ensure_period(instansi, year):
    period, created = PerformancePeriod.objects.get_or_create(
        instansi=instansi, year=year,
        defaults={"starts_on": date(year, 1, 1), "ends_on": date(year, 12, 31), "planning_deadline": date(year, 1, 31),
                  "annual_deadline": date(year + 1, 1, 31), "status": PerformancePeriod.Status.OPEN},
    )  # fmt: skip
    if created:
        EvaluationWindow.objects.bulk_create(
            EvaluationWindow(period=period, **vars(window)) for window in rules.evaluation_windows(year, period.cadence)
        )
    return period


def _levels(people):
    """The employees by depth in the supervisor tree of the instansi (the heads, with no evaluator here, first)."""
    ids = {p.pk for p in people}
    by_atasan = {}
    for person in people:
        parent = person.atasan_id if person.atasan_id in ids else None
        by_atasan.setdefault(parent, []).append(person)
    levels, frontier = [], by_atasan.get(None, [])
    while frontier:
        levels.append(frontier)
        frontier = [child for person in frontier for child in by_atasan.get(person.pk, [])]
    return levels


def _state(person, index, leads, journey):
    """Whoever leads someone is approved (their reports' RHK point into it); the others in a spread of states."""
    if journey.get(person.user.username) is not None:
        return journey[person.user.username]
    if leads:
        return Skp.Status.APPROVED
    return [Skp.Status.APPROVED, Skp.Status.APPROVED, Skp.Status.SUBMITTED, Skp.Status.RETURNED, Skp.Status.DRAFT][
        index % 5
    ]


STEPS = {
    Skp.Status.DRAFT: ["draft"],
    Skp.Status.SUBMITTED: ["draft", "submitted"],
    Skp.Status.APPROVED: ["draft", "submitted", "approved"],
    Skp.Status.RETURNED: ["draft", "submitted", "returned"],
}


def load_instansi(instansi, year):
    period = ensure_period(instansi, year)
    if Skp.objects.filter(period=period).exists():
        return 0
    people = list(Pegawai.objects.filter(instansi=instansi, is_active=True).select_related("user", "unit", "jabatan"))
    if not people:
        return 0
    by_pk = {p.pk: p for p in people}
    leaders = {p.atasan_id for p in people if p.atasan_id}
    journey = {f"pegawai.{instansi.slug}": Skp.Status.DRAFT, f"atasan.{instansi.slug}": Skp.Status.APPROVED}
    values = list(BerakhlakValue.objects.all())
    now = timezone.now()
    rhk_of = {}  # pegawai id -> their RHK (for the reports' cascade)
    count = 0
    for level in _levels(people):
        skps, states = [], {}
        for index, person in enumerate(sorted(level, key=lambda p: p.nip)):
            evaluator = by_pk.get(person.atasan_id)
            states[person.pk] = _state(person, index, person.pk in leaders, journey)
            skps.append(Skp(
                period=period, pegawai=person, status=states[person.pk], status_changed_at=now,
                valid_from=period.starts_on, valid_to=period.ends_on, evaluator=evaluator,
                evaluator_name=evaluator.full_name if evaluator else "",
                evaluator_position=evaluator.jabatan.name if evaluator and evaluator.jabatan_id else "",
                jabatan_name=person.jabatan.name if person.jabatan_id else "",
                jabatan_kind=person.jabatan.kind if person.jabatan_id else "", unit_name=person.unit.name,
                dukungan_sumber_daya="Anggaran DPA unit kerja tahun berjalan; sarana kantor dan aplikasi SIASN.",
                skema_pertanggungjawaban="Laporan bulanan kepada pejabat penilai dan dialog kinerja triwulanan.",
                konsekuensi="Capaian kinerja menjadi dasar pemberian tunjangan kinerja dan pengembangan karier.",
            ))  # fmt: skip
        Skp.objects.bulk_create(skps)
        count += len(skps)
        PerilakuExpectation.objects.bulk_create(PerilakuExpectation(skp=s, value=v) for s in skps for v in values)
        SkpTransition.objects.bulk_create(_history(skps, states, by_pk))
        rhk_rows, iki_rows = [], []
        for skp in skps:
            person = skp.pegawai
            if journey.get(person.user.username) == Skp.Status.DRAFT:
                continue  # the journey's draft starts empty
            rhk_rows.extend(
                _plan_rows(
                    skp, person, by_pk.get(person.atasan_id), person.pk in leaders, rhk_of.get(person.atasan_id, [])
                )
            )
        Rhk.objects.bulk_create([row for row, _iki in rhk_rows])
        for row, indicators in rhk_rows:
            rhk_of.setdefault(row.skp.pegawai_id, []).append(row)
            iki_rows.extend(
                Iki(rhk=row, text=text, aspek=aspek, target=target, order=order)
                for order, (text, aspek, target) in enumerate(indicators)
            )
        Iki.objects.bulk_create(iki_rows)
    return count


def _domain(unit_code):
    return next((key for key in KEYS if key in unit_code), "CAMAT")


def _plan_rows(skp, person, evaluator, leads, parents):
    """Unsaved (Rhk, [IKI]) of one SKP. The head of a domain writes its outcomes; a leader under them writes the
    outputs that support each outcome; staff hold one of their leader's outputs. Each RHK intervenes one of the
    evaluator's RHK."""
    plans = PLANS[_domain(person.unit.code)]
    same_domain = evaluator is not None and _domain(evaluator.unit.code) == _domain(person.unit.code)
    pick = lambda n: parents[n % len(parents)] if parents else None  # noqa: E731
    if leads and not same_domain:
        return [
            (
                Rhk(skp=skp, text=text, intervened=pick(n), order=n, perspektif=PERSPEKTIF[text] if skp.is_jpt else ""),
                iki,
            )
            for n, (text, iki, _s) in enumerate(plans)
        ]
    outputs = [(text, iki, n) for n, (_h, _i, staff) in enumerate(plans) for text, iki in staff]
    if leads:
        return [(Rhk(skp=skp, text=text, intervened=pick(plan), order=n), iki)
                for n, (text, iki, plan) in enumerate(outputs)]  # fmt: skip
    parent = pick(person.pk)
    text, iki, _plan = next((o for o in outputs if parent is not None and o[0] == parent.text), outputs[0])
    if parent is not None and not same_domain:  # staff right under a domain head: an output of that outcome
        text, iki, _plan = outputs[person.pk % len(outputs)]
    return [(Rhk(skp=skp, text=text, intervened=parent, order=0), iki)]


def _history(skps, states, by_pk):
    rows = []
    for skp in skps:
        employee = skp.pegawai.user
        evaluator = by_pk.get(skp.pegawai.atasan_id)
        previous = ""
        for step in STEPS[states[skp.pegawai_id]]:
            decided = step in ("approved", "returned")
            actor = (evaluator.user if evaluator else employee) if decided else employee
            reason = RETURN_REASON if step == "returned" else ""
            rows.append(SkpTransition(skp=skp, from_status=previous, to_status=step, actor=actor, reason=reason))
            previous = step
    return rows


@register_demo_step("kinerja-skp", order=50)
def load_skp(stdout=None):
    year = timezone.localdate().year
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            made = load_instansi(instansi, year)
        if stdout and made:
            stdout.write(f"  {instansi.name}: {made} SKP")
