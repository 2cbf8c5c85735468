"""Training data at benchmark scale: tops up to 1,000 courses, 5,000 sessions and 200,000 enrolments (with the
JP ledger and certificates of the completed ones, and each enrolment's notification), spread over the demo instansi
and their employees.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_kompetensi python bench/generate_training.py \
        [--employees N] [--courses C]

Needs the demo data and the bench employees first (`manage.py load_demo && manage.py load_demo --only none
--employees 20000`). `--employees N` scales the courses and enrolments with N (20,000 gives the figures above; 2,000
gives 100 courses and 20,000 enrolments). `--courses C` holds the courses at C while the enrolments still scale with
N: each course then also gets earlier runs (past sessions, one a month going back), so a session keeps about 40
enrolments and the catalogue and course pages show as many upcoming sessions as at 20,000 (200,000 employees with
`--courses 1000`: 50,000 sessions, 2,000,000 enrolments). Deterministic; run again and it only adds what is missing.
Sessions, enrolments and what follows from them are written with bulk_create; courses are Wagtail pages, added one
by one under each instansi's catalogue (no revisions), since pages cannot be bulk-created (~0.08 s each).
"""

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from _django import setup

setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from kompetensi import rules  # noqa: E402
from kompetensi.demo import ensure_catalog  # noqa: E402
from kompetensi.models import (  # noqa: E402
    BentukPengembangan,
    Certificate,
    CourseCompetency,
    CoursePage,
    Enrolment,
    JPEntry,
    TrainingSession,
)
from portal import notification_kinds  # noqa: E402
from portal.models import Instansi, Notification, Pegawai  # noqa: E402

EMPLOYEES = 20_000  # the scale COURSES and ENROLMENTS are given for
COURSES = 1000
SESSIONS_PER_COURSE = 5  # the current runs of a course: two past, three to come
ENROLMENTS = 200_000
PER_SESSION = ENROLMENTS // (COURSES * SESSIONS_PER_COURSE)
PREFIX = "bench-kursus-"
TOPICS = ["Pelayanan Publik", "Literasi Digital", "Manajemen Kinerja", "Analisis Kebijakan", "Kearsipan Elektronik",
          "Keuangan Daerah", "Pengadaan Barang/Jasa", "Kepemimpinan", "BerAKHLAK", "Statistik Sektoral",
          "Kesehatan Masyarakat", "Pembelajaran Berdiferensiasi", "Keamanan Informasi", "Perencanaan Pembangunan"]  # fmt: skip
COMPETENCIES = ["Orientasi pada pelayanan", "Pengolahan data", "Kerja Sama", "Pengambilan Keputusan", "Inovasi"]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def make_courses(instansi_list, rng, total):
    existing = CoursePage.objects.filter(slug__startswith=PREFIX).count()
    bentuk = list(BentukPengembangan.objects.exclude(jenis="pendidikan"))
    catalogs = [ensure_catalog(instansi) for instansi in instansi_list]
    competencies = []
    for n in range(existing, total):
        catalog = catalogs[n % len(catalogs)]
        topic = TOPICS[n % len(TOPICS)]
        course = CoursePage(
            title=f"{topic} {n + 1:04d}", slug=f"{PREFIX}{n + 1:04d}", summary=f"Pelatihan {topic.lower()} tingkat {n % 3 + 1}.",
            bentuk=rng.choice(bentuk), provider=rng.choice(["BKD", "BPSDM", "LAN RI", "Dinas Kominfo"]),
            jp=rng.choice([4, 6, 8, 12, 16, 24]), requires_approval=n % 3 == 0, live=True, has_unpublished_changes=False,
        )  # fmt: skip
        catalog.add_child(instance=course)
        competencies.append(CourseCompetency(course=course, name=COMPETENCIES[n % 5], level=n % 4 + 1, sort_order=0))
        if (n + 1) % 100 == 0:
            CourseCompetency.objects.bulk_create(competencies)
            competencies = []
            log(f"{n + 1} kursus")
    CourseCompetency.objects.bulk_create(competencies)


def make_sessions(rng, per_course):
    courses = list(
        CoursePage.objects.filter(slug__startswith=PREFIX).exclude(sessions__isnull=False).select_related("instansi")
    )
    today = timezone.localdate()
    batch = []
    for index, course in enumerate(courses):
        tz = ZoneInfo(course.instansi.time_zone)
        for j in range(per_course):
            # runs past the current five are earlier ones, a month apart before the first
            slot, back = (j, 0) if j < SESSIONS_PER_COURSE else (0, (j - SESSIONS_PER_COURSE + 1) * 30)
            first = today + timedelta(days=(slot - 2) * 45 + index % 40 - back)
            start = datetime.combine(first, datetime.min.time(), tzinfo=tz) + timedelta(hours=8)
            end = start + timedelta(days=max(0, course.jp // 8 - 1), hours=8)
            batch.append(
                TrainingSession(
                    course=course,
                    instansi=course.instansi,
                    name=f"Angkatan {j + 1}",
                    start_at=start,
                    end_at=end,
                    place="Aula",
                    capacity=rng.choice([30, 40, 50]),
                    enrol_opens_at=start - timedelta(days=60),
                    enrol_closes_at=start - timedelta(days=1),
                    open_to_other_instansi=j == SESSIONS_PER_COURSE - 1,
                )  # fmt: skip
            )
    TrainingSession.objects.bulk_create(batch, batch_size=2000)
    log(f"{len(batch)} angkatan")


def make_enrolments(rng, total):
    have = Enrolment.objects.filter(session__course__slug__startswith=PREFIX).count()
    if have >= total:
        return
    now = timezone.now()
    people, accounts = {}, {}
    for pk, instansi_id, user_id in Pegawai.objects.filter(is_active=True).values_list("pk", "instansi_id", "user_id"):
        people.setdefault(instansi_id, []).append(pk)
        accounts[pk] = user_id
    sessions = list(
        TrainingSession.objects.filter(course__slug__startswith=PREFIX, enrolments__isnull=True)
        .select_related("course")
        .order_by("pk")
    )
    per_session = max(1, (total - have) // max(1, len(sessions)))
    S = Enrolment.Status
    batch, created = [], 0
    for session in sessions:
        chosen = rng.sample(people[session.instansi_id], min(per_session, len(people[session.instansi_id])))
        past = session.end_at < now
        for k, pegawai_id in enumerate(chosen):
            if past:
                status = S.COMPLETED if k % 10 < 8 else (S.NOT_COMPLETED if k % 10 == 8 else S.CANCELLED)
            elif k < session.capacity - 2:
                status = S.CONFIRMED if k % 7 else S.PENDING_APPROVAL
            else:
                status = S.WAITLISTED
            batch.append(Enrolment(session=session, pegawai_id=pegawai_id, status=status, status_changed_at=now))
        if len(batch) >= 10_000:
            created += _flush(batch, now, accounts)
            batch = []
            log(f"{created} pendaftaran")
    created += _flush(batch, now, accounts)
    log(f"{created} pendaftaran")


# the notification of each enrolment's last step (kompetensi.services.enrolment), read once the session is over
EVENTS = {Enrolment.Status.COMPLETED: "certificate_ready", Enrolment.Status.WAITLISTED: "waitlisted"}


def _notification(enrolment, session, user_id, now):
    event = EVENTS.get(enrolment.status, "confirmed")
    params = {"course": session.course.title, "session": session.name, "enrolment": enrolment.pk}
    title, body = notification_kinds.render(f"kompetensi.{event}", params)
    return Notification(
        recipient_id=user_id, kind=f"kompetensi.{event}", title=title, body=body, url="/pelatihan/saya/",
        params=params, dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:{event}", send_email=False,
        read_at=now if session.end_at < now else None,
    )  # fmt: skip


@transaction.atomic
def _flush(batch, now, accounts):
    Enrolment.objects.bulk_create(batch, batch_size=5000)
    sessions = {
        s.pk: s for s in TrainingSession.objects.filter(pk__in={e.session_id for e in batch}).select_related("course")
    }
    Notification.objects.bulk_create(
        [_notification(e, sessions[e.session_id], accounts[e.pegawai_id], now) for e in batch], batch_size=5000
    )
    completed = [e for e in batch if e.status == Enrolment.Status.COMPLETED]
    entries, certificates = [], []
    for e in completed:
        session = sessions[e.session_id]
        day = session.end_at.date()
        entries.append(JPEntry(pegawai_id=e.pegawai_id, year=day.year, day=day, jp=session.course.jp,
                               source=JPEntry.Source.COURSE, title=session.course.title[:255], enrolment_id=e.pk))  # fmt: skip
        certificates.append(Certificate(enrolment_id=e.pk, code=rules.new_certificate_code()))
    JPEntry.objects.bulk_create(entries, batch_size=5000)
    Certificate.objects.bulk_create(certificates, batch_size=5000)
    return len(batch)


def recount_seats():
    # past sessions are filled past their capacity here; the CHECK (seats_taken <= capacity) wants room for them
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE kompetensi_trainingsession s SET seats_taken = h.n, capacity = GREATEST(s.capacity, h.n)
            FROM (
                SELECT t.id, count(e.id) AS n FROM kompetensi_trainingsession t
                LEFT JOIN kompetensi_enrolment e ON e.session_id = t.id AND e.status = ANY(%s)
                GROUP BY t.id
            ) h
            WHERE h.id = s.id
            """,
            [list(rules.SEAT_STATES)],
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=EMPLOYEES, help="scale: courses and enrolments grow with it")
    parser.add_argument(
        "--courses", type=int, help="courses to make (default: 1,000 per 20,000 employees); the enrolments still scale"
    )
    args = parser.parse_args()
    scale = args.employees / EMPLOYEES
    rng = random.Random(20_000)
    started = time.time()
    instansi_list = list(Instansi.objects.order_by("pk"))
    if not Pegawai.objects.filter(user__username__startswith="bench-").exists():
        sys.exit("Jalankan dulu: manage.py load_demo --only none --employees 20000")
    courses = max(len(instansi_list), args.courses or round(COURSES * scale))
    enrolments = round(ENROLMENTS * scale)
    make_courses(instansi_list, rng, courses)
    make_sessions(rng, max(SESSIONS_PER_COURSE, -(-enrolments // (courses * PER_SESSION))))
    make_enrolments(rng, enrolments)
    recount_seats()
    log(
        f"selesai dalam {time.time() - started:.0f} s: {CoursePage.objects.count()} kursus, "
        f"{TrainingSession.objects.count()} angkatan, {Enrolment.objects.count()} pendaftaran, "
        f"{JPEntry.objects.count()} catatan JP, {Notification.objects.count()} notifikasi, "
        f"{Pegawai.objects.count()} pegawai"
    )


if __name__ == "__main__":
    main()
