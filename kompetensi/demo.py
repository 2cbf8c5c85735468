"""Demo data of the training module: a catalogue per instansi (18 courses), sessions in the past, running now
and to come, enrolments in every state (through the services, so history, JP and certificates are real),
evaluations and external learning. Deterministic and idempotent: sessions are keyed by course and name, and
enrolments are only made for a session that has none yet."""

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from home.demo import ensure_home_page
from portal.demo import register_demo_step
from portal.models import Instansi, Pegawai

from . import services
from .competency import demo as competency_demo
from .mentoring import demo as mentoring_demo  # noqa: F401  (registers the mentoring demo step)
from .models import (
    BentukPengembangan,
    CourseCompetency,
    CoursePage,
    Enrolment,
    EvaluationQuestion,
    ExternalLearning,
    TrainingCatalogPage,
    TrainingSession,
)

# slug, title, bentuk, jp, provider, approval, certificate months, competencies, extra fields
COURSES = [
    ("pelayanan-publik-prima", "Pelayanan Publik Prima", "pelatihan_teknis", 16, "BKD", False, None,
     [("M.05", "Pelayanan Publik", 3)], {"audience": "Seluruh ASN yang melayani masyarakat"}),
    ("pelayanan-publik-lanjutan", "Pelayanan Publik Prima Lanjutan: Penanganan Pengaduan", "pelatihan_teknis", 12,
     "BKD", True, None, [("M.05", "Pelayanan Publik", 4)], {"prerequisite": "pelayanan-publik-prima"}),
    ("standar-pelayanan-skm", "Standar Pelayanan dan Survei Kepuasan Masyarakat", "bimbingan_teknis", 8,
     "Ombudsman RI Perwakilan", False, None, [("M.05", "Pelayanan Publik", 3)], {}),
    ("literasi-digital", "Literasi Digital untuk ASN", "e_learning", 6, "Kementerian Kominfo", False, None,
     [("", "Literasi digital", 2)], {"audience": "Seluruh ASN"}),
    ("analisis-data-spreadsheet", "Analisis Data dengan Spreadsheet", "pelatihan_teknis", 12, "Dinas Kominfo",
     True, 36, [("", "Pengolahan data", 3), ("M.08", "Pengambilan Keputusan", 2)], {}),
    ("keamanan-informasi", "Keamanan Informasi dan Pelindungan Data Pribadi", "pelatihan_teknis", 8, "BSSN",
     True, 24, [("", "Keamanan informasi", 2)], {}),
    ("srikandi", "Tata Naskah Dinas Elektronik (SRIKANDI)", "bimbingan_teknis", 8, "ANRI", False, None,
     [("", "Kearsipan", 2)], {}),
    ("berakhlak-dasar", "Core Values BerAKHLAK dan Employer Branding ASN", "sosialisasi", 4, "BKD", False, None,
     [("", "BerAKHLAK", 2)], {"audience": "Seluruh ASN, wajib bagi CPNS dan PPPK baru"}),
    ("berakhlak-pelayanan", "Internalisasi BerAKHLAK: Berorientasi Pelayanan dan Kolaboratif", "workshop", 5,
     "BKD", False, None, [("", "BerAKHLAK", 3), ("M.02", "Kerjasama", 3)], {}),
    ("manajemen-kinerja", "Manajemen Kinerja ASN: Menyusun SKP dan Dialog Kinerja", "bimbingan_teknis", 8, "BKD",
     False, None, [("M.03", "Komunikasi", 2)], {}),
    ("anjab-abk", "Penyusunan Analisis Jabatan dan Analisis Beban Kerja", "pelatihan_teknis", 24, "BKD", True, None,
     [("", "Analisis jabatan", 3)], {}),
    ("coaching-mentoring", "Coaching dan Mentoring untuk Atasan", "pelatihan_manajerial", 16, "BKD", True, None,
     [("M.06", "Pengembangan Diri dan Orang Lain", 3)], {"audience": "Pejabat administrator dan pengawas"}),
    ("pkp", "Pelatihan Kepemimpinan Pengawas (PKP)", "pelatihan_kepemimpinan", 40, "BPSDM Provinsi", True, None,
     [("M.07", "Mengelola Perubahan", 3), ("M.08", "Pengambilan Keputusan", 3)],
     {"audience_jabatan_kind": "pengawas", "audience": "Pejabat pengawas"}),
    ("pka", "Pelatihan Kepemimpinan Administrator (PKA)", "pelatihan_kepemimpinan", 40, "BPSDM Provinsi", True,
     None, [("M.08", "Pengambilan Keputusan", 4)], {"audience_jabatan_kind": "administrator", "audience": "Pejabat administrator"}),
    ("pembelajaran-berdiferensiasi", "Pembelajaran Berdiferensiasi Kurikulum Merdeka", "pelatihan_fungsional", 32,
     "Dinas Pendidikan", True, 36, [("", "Pedagogik", 3)], {"audience": "Guru dan pengawas sekolah (Dinas Pendidikan)"}),
    ("asesmen-literasi-numerasi", "Asesmen Diagnostik Literasi dan Numerasi", "pelatihan_fungsional", 16,
     "Dinas Pendidikan", False, None, [("", "Asesmen pembelajaran", 3)], {"audience": "Guru (Dinas Pendidikan)"}),
    ("ppi-fasyankes", "Pencegahan dan Pengendalian Infeksi di Fasyankes", "pelatihan_teknis", 24, "Dinas Kesehatan",
     True, 24, [("", "Pencegahan dan pengendalian infeksi", 3)], {"audience": "Tenaga kesehatan (Dinas Kesehatan)"}),
    ("surveilans-epidemiologi", "Surveilans Epidemiologi Penyakit Menular", "pelatihan_teknis", 24,
     "Dinas Kesehatan", True, None, [("", "Surveilans", 3)], {"audience": "Epidemiolog dan perawat (Dinas Kesehatan)"}),
    # closes the integrity gap of the journey employee (the insight journey's second recommendation)
    ("integritas-antikorupsi", "Integritas dan Budaya Antikorupsi ASN", "bimbingan_teknis", 8, "Inspektorat", False,
     None, [("M.01", "Integritas", 3)], {"audience": "Seluruh ASN"}),
]  # fmt: skip

DESCRIPTION = (
    "<p>Pelatihan ini membekali peserta dengan pengetahuan dan keterampilan praktis yang langsung dapat diterapkan "
    "dalam tugas sehari-hari, melalui paparan, diskusi kasus, dan praktik.</p>"
)
OBJECTIVES = (
    "<ul><li>Memahami konsep dan regulasi terkait.</li><li>Menerapkan langkah kerja pada kasus nyata unit.</li></ul>"
)

# the running online session used by the browser journey: pegawai.gorontalo enrols, atasan approves,
# the organiser marks attendance and completion the same day
JOURNEY_COURSE = "analisis-data-spreadsheet"


def ensure_catalog(instansi):
    home = ensure_home_page(instansi)
    catalog = TrainingCatalogPage.objects.child_of(home).first()
    if catalog is None:
        catalog = TrainingCatalogPage(
            title="Katalog Pelatihan",
            slug="pelatihan",
            show_in_menus=False,  # it leads the "Pengembangan" menu (kompetensi/menu.py), not the main row
            intro="<p>Pilih pelatihan sesuai kebutuhan pengembangan kompetensi Anda. Setiap PNS menargetkan "
            "paling sedikit 20 JP setahun.</p>",
        )
        home.add_child(instance=catalog)
        catalog.save_revision().publish()
    services.ensure_catalogue_editors(catalog)
    return catalog


def ensure_courses(catalog):
    bentuk = {b.code: b for b in BentukPengembangan.objects.all()}
    by_slug = {c.slug: c for c in CoursePage.objects.child_of(catalog)}
    for slug, title, form, jp, provider, approval, months, competencies, extra in COURSES:
        if slug in by_slug:
            continue
        extra = dict(extra)
        prerequisite = extra.pop("prerequisite", None)
        course = CoursePage(
            title=title, slug=slug, summary=f"{title}: {extra.get('audience', 'untuk ASN')}.", description=DESCRIPTION,
            objectives=OBJECTIVES, bentuk=bentuk[form], jp=jp, provider=provider, requires_approval=approval,
            issues_certificate=True, certificate_validity_months=months, **extra,
        )  # fmt: skip
        for order, (code, name, level) in enumerate(competencies):
            course.competencies.add(CourseCompetency(code=code, name=name, level=level, sort_order=order))
        if prerequisite:
            course.prerequisites = [by_slug[prerequisite]]
        catalog.add_child(instance=course)
        course.save_revision().publish()
        by_slug[slug] = course
    return by_slug


WORKSHOP_FACILITATORS = "Dra. Rahmawati Usman, M.Si. (BKD)\nAgus Salim, S.Psi. (Widyaiswara BPSDM)"
WORKSHOP_OUTPUTS = "Rencana aksi BerAKHLAK tiap unit\nDaftar perilaku pelayanan yang disepakati bersama"


def _at(day, hour, tz):
    return datetime.combine(day, time(hour, 0), tzinfo=tz)


def ensure_sessions(instansi, courses, organiser, today):
    """Per course: one past session, one to come; some courses run a second one later; the journey course also
    has an online session running today."""
    tz = ZoneInfo(instansi.time_zone)
    sessions = {}
    for index, (slug, *_rest) in enumerate(COURSES):
        course = courses[slug]
        jp_days = max(1, min(5, course.jp // 8))
        plan = [
            ("Angkatan I", today - timedelta(days=60 + 7 * index), 20, False),
            ("Angkatan II", today + timedelta(days=14 + 3 * index), 3 if index % 4 == 0 else 25, index % 3 == 0),
        ]
        if index % 2 == 0:
            plan.append(("Angkatan III", today + timedelta(days=75 + 2 * index), 30, False))
        if slug == JOURNEY_COURSE:
            plan.append(("Angkatan Daring (berjalan)", today - timedelta(days=1), 40, False))
        for name, first_day, capacity, open_to_all in plan:
            days = 3 if "berjalan" in name else jp_days
            start, end = _at(first_day, 8, tz), _at(first_day + timedelta(days=days - 1), 16, tz)
            online = "berjalan" in name or course.bentuk.code == "e_learning"
            workshop = course.bentuk.code == "workshop"
            session, _created = TrainingSession.objects.get_or_create(
                course=course,
                name=name,
                defaults={
                    "kind": TrainingSession.Kind.WORKSHOP if workshop else TrainingSession.Kind.TRAINING,
                    "facilitators": WORKSHOP_FACILITATORS if workshop else "",
                    "expected_outputs": WORKSHOP_OUTPUTS if workshop else "",
                    "instansi": instansi, "start_at": start, "end_at": end,
                    "place": "" if online else f"Aula {course.provider}",
                    "online_url": "https://zoom.example.go.id/j/lentera" if online else "",
                    "capacity": capacity, "organiser": organiser, "open_to_other_instansi": open_to_all,
                    "enrol_opens_at": start - timedelta(days=90),
                    "enrol_closes_at": end if "berjalan" in name else start - timedelta(days=1),
                },
            )  # fmt: skip
            sessions[(slug, name)] = session
    return sessions


def _people(instansi):
    return list(
        Pegawai.objects.filter(instansi=instansi, is_active=True)
        .select_related("user", "jabatan", "instansi", "atasan__user")
        .order_by("nip")
    )


def _try(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except Exception:
        return None


def run_past_session(session, people, organiser_user, rng, always_pass=()):
    """Enrol, mark attendance and record results for a finished session: most pass, some do not."""
    enrolled = []
    for pegawai in people:
        enrolment = _try(services.enrol, organiser_user, pegawai, session.pk)
        if enrolment is not None:
            enrolled.append(enrolment)
    if not enrolled:
        return
    days = services.session_days(session)
    absent = {e.pk for e in enrolled[-1:] if e.pegawai not in always_pass}
    for day in days:
        services.mark_attendance(organiser_user, session.pk, day, [e.pk for e in enrolled if e.pk not in absent])
    results = {
        e.pk: (e.pegawai in always_pass or (e.pk not in absent and rng.random() > 0.1), rng.randint(70, 98))
        for e in enrolled
    }
    services.record_results(organiser_user, session.pk, results)
    questions = list(EvaluationQuestion.objects.filter(is_active=True).values_list("pk", flat=True))
    for enrolment in enrolled[: max(1, len(enrolled) // 2)]:
        if enrolment.pk not in absent:
            _try(services.submit_evaluation, enrolment.pegawai.user, enrolment.pk,
                 {q: rng.randint(3, 5) for q in questions}, rng.choice(["", "Materi sangat bermanfaat.",
                 "Waktu praktik perlu ditambah."]))  # fmt: skip


def load_instansi(instansi, today, stdout=None):
    rng = random.Random(f"kompetensi-{instansi.slug}")
    people = _people(instansi)
    if not people:
        return
    organiser = next((p for p in people if p.user.groups.filter(name="Penyelenggara Pelatihan").exists()), people[0])
    catalog = ensure_catalog(instansi)
    courses = ensure_courses(catalog)
    sessions = ensure_sessions(instansi, courses, organiser, today)
    if Enrolment.objects.filter(session__instansi=instansi).exists():
        return  # enrolments are made once
    organiser_user = organiser.user
    if not organiser_user.groups.filter(name="Penyelenggara Pelatihan").exists():
        # instansi without a demo training organiser: the superadmin runs their sessions
        organiser_user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        if organiser_user is None:
            return
    demo_pegawai = {p.user.username: p for p in people}
    journey_people = {demo_pegawai.get(f"pegawai.{instansi.slug}")}
    staff = [p for p in people if p not in journey_people]

    # finished sessions: a rotating group of ~8 employees each
    for index, (slug, *_rest) in enumerate(COURSES):
        session = sessions[(slug, "Angkatan I")]
        group = [staff[(index * 5 + k) % len(staff)] for k in range(6)]
        if slug == "berakhlak-dasar":
            group += [p for p in journey_people if p]  # the demo employee starts the year with 4 JP
        run_past_session(session, group, organiser_user, rng, always_pass=journey_people)

    # sessions to come: confirmed, waitlisted (the small ones), pending approval, rejected and cancelled
    for index, (slug, *_rest) in enumerate(COURSES):
        session = sessions[(slug, "Angkatan II")]
        for k in range(5 if session.capacity == 3 else 4):
            pegawai = staff[(index * 7 + k + 3) % len(staff)]
            _try(services.enrol, pegawai.user, pegawai, session.pk, "Sesuai rencana pengembangan kompetensi")
    pending = list(
        Enrolment.objects.filter(session__instansi=instansi, status="pending_approval").select_related(
            "pegawai__atasan__user", "pegawai__user"
        )
    )
    for n, enrolment in enumerate(pending):
        approver = enrolment.pegawai.atasan.user if enrolment.pegawai.atasan_id else None
        if approver is None or n % 3 == 2:
            continue  # a third stays pending for the supervisors' list
        if n % 3 == 0:
            _try(services.approve, approver, enrolment.pk, "Disetujui")
        else:
            _try(services.reject, approver, enrolment.pk, "Bentrok dengan jadwal kegiatan unit")
    confirmed = list(Enrolment.objects.filter(session__instansi=instansi, status="confirmed").order_by("pk")[:2])
    for enrolment in confirmed[:1]:
        _try(services.cancel, enrolment.pegawai.user, enrolment.pk, "Ada penugasan ke luar daerah")

    # the running online session: a few are in and attended yesterday
    running = sessions[(JOURNEY_COURSE, "Angkatan Daring (berjalan)")]
    attendees = [e for e in (_try(services.enrol, organiser_user, p, running.pk) for p in staff[-4:]) if e]
    yesterday = services.session_days(running)[0]
    if attendees:
        services.mark_attendance(organiser_user, running.pk, yesterday, [e.pk for e in attendees[:3]])

    # external learning: approved, pending, rejected
    bentuk = {b.code: b for b in BentukPengembangan.objects.all()}
    evidence = b"%PDF-1.4\n% Lentera demo evidence\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    for n, pegawai in enumerate(staff[:9]):
        if pegawai.atasan_id is None:
            continue
        code = ["seminar", "e_learning", "coaching"][n % 3]
        item = ExternalLearning(
            bentuk=bentuk[code],
            title=[
                "Seminar Nasional Reformasi Birokrasi",
                "Kelas daring Analisis Kebijakan Publik",
                "Sesi coaching karier",
            ][n % 3],  # fmt: skip
            organiser=["LAN RI", "ASN Unggul", "Atasan langsung"][n % 3],
            start_date=today - timedelta(days=40 + n),
            end_date=today - timedelta(days=39 + n),
            units=2,
            jp_claimed=[8, 6, 4][n % 3],
        )
        item.evidence.save(f"bukti-{instansi.slug}-{n}.pdf", ContentFile(evidence), save=False)
        item = services.submit_external_learning(pegawai.user, item)
        if n % 3 == 0:
            services.approve_external_learning(pegawai.atasan.user, item.pk, None, "Bukti lengkap")
        elif n % 3 == 2 and n > 3:
            services.reject_external_learning(pegawai.atasan.user, item.pk, "Bukti tidak terbaca")


@register_demo_step("kompetensi-training", order=40)
def load_training(stdout=None):
    today = timezone.localdate()
    # the demo's history makes ~1,400 notifications: keep them in-app and do not print them all as emails
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for instansi in Instansi.objects.order_by("pk"):
            with transaction.atomic():
                load_instansi(instansi, today, stdout)


# completing it claims M.03 (its target by code) for the supervisor to confirm
COMPETENCY_JOURNEY_COURSE = "manajemen-kinerja"


def complete_journey_course(instansi):
    """The journey employee completes a past session of a course that targets a competency: the completion claims
    a level that waits for their supervisor (the loop the competency journey shows)."""
    journey = Pegawai.objects.filter(user__username=f"pegawai.{instansi.slug}", instansi=instansi).first()
    session = (
        TrainingSession.objects.filter(course__slug=COMPETENCY_JOURNEY_COURSE, instansi=instansi, name="Angkatan I")
        .select_related("organiser__user")
        .first()
    )
    if journey is None or session is None or session.organiser is None:
        return
    if Enrolment.objects.filter(session=session, pegawai=journey).exists():
        return
    run_past_session(session, [journey], session.organiser.user, random.Random(0), always_pass=[journey])


@register_demo_step("kompetensi-competency", order=45)
def load_competency(stdout=None):
    """Standards, assessments and profiles (kompetensi/competency/demo.py), then the course claim above."""
    today = timezone.localdate()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        competency_demo.load_all(today)
        gorontalo = Instansi.objects.filter(slug="gorontalo").first()
        if gorontalo is not None:
            with transaction.atomic():
                complete_journey_course(gorontalo)


from .plans import demo as plans_demo  # noqa: E402, F401  (registers the plans step, found through this module)
