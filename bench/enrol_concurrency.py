"""Benchmark: many clients enrolling into one session at the same moment, through the enrolment service or HTTP.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_bench_seats .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_bench_seats .venv/bin/python bench/enrol_concurrency.py
    DATABASE_URL=... .venv/bin/python bench/enrol_concurrency.py --http   # through gunicorn (started here)

It creates its own data (an instansi, a course, one session per run and clients x rounds employees, each an
enrolling user) in the database named by DATABASE_URL, then starts all clients at once. Every client is a thread,
spread over worker processes (Python threads of one process share one core); each enrols `rounds` different
employees one after the other, so `clients` enrolments are asked for at every moment. Afterwards it reads the session back and prints clients, enrolments/s, seats taken, capacity,
the seat holders counted and how many seats were overbooked (must be 0).

Each client would like its own database connection, but the server's `max_connections` (100 here, shared) is
below 200: the enrolments run on a pool of at most `--connections` threads with one persistent connection each
(default: what the server has free, less a margin), and clients wait for a free one, as requests wait for a
gunicorn thread. The output says how many connections worked at once.
"""

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

from _django import ROOT, setup

setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.utils import timezone  # noqa: E402

from home.demo import ensure_home_page  # noqa: E402
from kompetensi import rules, services  # noqa: E402
from kompetensi.models import BentukPengembangan, CoursePage, Enrolment, TrainingCatalogPage, TrainingSession  # noqa: E402
from portal.models import Instansi, Pegawai, UnitKerja  # noqa: E402

User = get_user_model()
SLUG = "bench-serentak"


def ensure_course():
    instansi, _ = Instansi.objects.get_or_create(
        slug=SLUG, defaults={"name": "Instansi Uji Pendaftaran Serentak", "kind": "provinsi", "time_zone": "Asia/Makassar"}
    )  # fmt: skip
    unit, _ = UnitKerja.objects.get_or_create(instansi=instansi, code="BENCH", defaults={"name": "Unit Uji"})
    home = ensure_home_page(instansi)
    catalog = TrainingCatalogPage.objects.child_of(home).first()
    if catalog is None:
        catalog = TrainingCatalogPage(title="Katalog Pelatihan", slug="pelatihan")
        home.add_child(instance=catalog)
        catalog.save_revision().publish()
    course = CoursePage.objects.child_of(catalog).filter(slug="kelas-rebutan").first()
    if course is None:
        course = CoursePage(
            title="Kelas Rebutan", slug="kelas-rebutan", provider="BKD", jp=8, requires_approval=False,
            bentuk=BentukPengembangan.objects.get(code="pelatihan_teknis"),
        )  # fmt: skip
        catalog.add_child(instance=course)
        course.save_revision().publish()
    return instansi, unit, CoursePage.objects.get(pk=course.pk)


def ensure_people(instansi, unit, count):
    """`count` active employees with users (bulk: no password hashing), created once and reused by later runs."""
    have = Pegawai.objects.filter(instansi=instansi).count()
    if have < count:
        users = User.objects.bulk_create(
            [User(username=f"serentak{n:06d}", email="", password="!") for n in range(have, count)], batch_size=2000
        )
        Pegawai.objects.bulk_create(
            [
                Pegawai(user=user, nip=f"1990010120150{n:05d}"[:18], nama=f"Peserta Serentak {n}", instansi=instansi,
                        unit=unit, status="PNS")
                for n, user in zip(range(have, count), users, strict=True)
            ],
            batch_size=2000,
        )  # fmt: skip
    return list(Pegawai.objects.filter(instansi=instansi).select_related("user").order_by("pk")[:count])


def new_session(course, instansi, capacity, run):
    """A fresh session per run, on a day of its own, so earlier runs' enrolments do not clash with it."""
    start = timezone.now() + timedelta(days=30 + run * 3)
    return TrainingSession.objects.create(
        course=course, instansi=instansi, name=f"Angkatan Serentak {run}", start_at=start,
        end_at=start + timedelta(hours=8), place="Aula", capacity=capacity,
        enrol_opens_at=timezone.now() - timedelta(days=1), enrol_closes_at=start - timedelta(days=1),
    )  # fmt: skip


# --- through the service ----------------------------------------------------------------------------------------


def _service_worker(session_id, jobs, slots, barrier, results):
    """One process: one thread per client; the enrolments run on `slots` threads that each keep their own
    connection (a client waits for a free one, as a request waits for a gunicorn thread)."""
    connections.close_all()  # never share the parent's connection across fork
    pool = ThreadPoolExecutor(max_workers=slots)
    done, errors, latencies = [], [], []
    ids = [pk for batch in jobs for pk in batch]
    people = {p.pk: p for p in Pegawai.objects.select_related("user").filter(pk__in=ids)}
    connections.close_all()
    list(pool.map(lambda _: connection.ensure_connection(), range(slots * 4)))  # open the pool's connections
    ready = threading.Barrier(len(jobs) + 1)

    def enrol(pegawai):
        started = time.perf_counter()
        try:
            services.enrol(pegawai.user, pegawai, session_id)
            done.append(1)
        except Exception as error:
            errors.append(repr(error)[:200])
        latencies.append(time.perf_counter() - started)

    def client(pegawai_ids):
        ready.wait()
        for pk in pegawai_ids:
            pool.submit(enrol, people[pk]).result()

    threads = [threading.Thread(target=client, args=(batch,)) for batch in jobs]
    for thread in threads:
        thread.start()
    barrier.wait()  # every process is ready
    started = time.time()
    ready.wait()
    for thread in threads:
        thread.join()
    ended = time.time()
    pool.submit(connections.close_all)
    pool.shutdown()
    results.put({"started": started, "ended": ended, "done": len(done), "errors": errors, "latencies": latencies})


def run_service(session, people, clients, rounds, processes, connection_cap):
    per_client = [[p.pk for p in people[c * rounds : (c + 1) * rounds]] for c in range(clients)]
    groups = [per_client[i::processes] for i in range(processes)]
    slots = max(1, connection_cap // processes)
    connections.close_all()
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(processes), context.Queue()
    workers = [
        context.Process(target=_service_worker, args=(session.pk, group, slots, barrier, results)) for group in groups
    ]
    for worker in workers:
        worker.start()
    reports = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    elapsed = max(r["ended"] for r in reports) - min(r["started"] for r in reports)
    latencies = sorted(x for r in reports for x in r["latencies"])
    return {
        "done": sum(r["done"] for r in reports),
        "errors": [e for r in reports for e in r["errors"]],
        "seconds": elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2] if latencies else None,
        "p95_ms": 1000 * latencies[int(len(latencies) * 0.95)] if latencies else None,
    }


# --- through HTTP (gunicorn) -----------------------------------------------------------------------------------


def run_http(session, people, clients, rounds, workers, threads, port):
    from rest_framework.authtoken.models import Token

    existing = set(Token.objects.filter(user__in=[p.user for p in people]).values_list("user_id", flat=True))
    Token.objects.bulk_create(
        [Token(user=p.user, key=Token.generate_key()) for p in people if p.user_id not in existing], batch_size=2000
    )
    keys = dict(Token.objects.filter(user__in=[p.user for p in people]).values_list("user_id", "key"))
    env = {**os.environ, "DEBUG": "0", "DB_CONN_MAX_AGE": "600"}
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "portal.wsgi:application", "-w", str(workers),
         "--threads", str(threads), "-k", "gthread", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
         "--backlog", "2048"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/api/v1/training/sessions/{session.pk}/enrol/"
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        connections.close_all()
        per_client = [people[c * rounds : (c + 1) * rounds] for c in range(clients)]
        barrier = threading.Barrier(clients + 1)
        done, errors, latencies = [], [], []

        def client(batch):
            barrier.wait()
            for pegawai in batch:
                request = urllib.request.Request(
                    url, data=b"{}", method="POST",
                    headers={"Authorization": f"Token {keys[pegawai.user_id]}", "Content-Type": "application/json"},
                )  # fmt: skip
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(request, timeout=120) as response:
                        response.read()
                        done.append(response.status)
                except Exception as error:
                    errors.append(repr(error)[:200])
                latencies.append(time.perf_counter() - started)

        client_threads = [threading.Thread(target=client, args=(batch,)) for batch in per_client]
        for thread in client_threads:
            thread.start()
        barrier.wait()
        started = time.time()
        for thread in client_threads:
            thread.join()
        elapsed = time.time() - started
    finally:
        gunicorn.terminate()
        gunicorn.wait()
    latencies.sort()
    return {
        "done": len(done), "errors": errors[:5] + ([f"... {len(errors)} in all"] if len(errors) > 5 else []),
        "seconds": elapsed, "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p95_ms": 1000 * latencies[int(len(latencies) * 0.95)],
    }  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="enrolments per client, one after the other")
    parser.add_argument("--capacity", type=int, default=None, help="seats; default: 3/4 of all enrolments")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the service clients")
    parser.add_argument("--connections", type=int, default=None, help="cap on connections held at once")
    parser.add_argument("--http", action="store_true", help="through gunicorn and the REST API instead")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (--http)")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker (--http)")
    parser.add_argument("--port", type=int, default=8931)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL=postgres://.../lentera_bench_seats")
    total = args.clients * args.rounds
    capacity = args.capacity or total * 3 // 4
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        max_connections = int(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM pg_stat_activity")
        in_use = cursor.fetchone()[0]
    cap = args.connections or min(args.clients, max(10, max_connections - in_use - 15))

    instansi, unit, course = ensure_course()
    people = ensure_people(instansi, unit, total)
    run = TrainingSession.objects.filter(course=course).count() + 1
    session = new_session(course, instansi, capacity, run)
    if args.http:
        db_connections = args.workers * args.threads
        result = run_http(session, people, args.clients, args.rounds, args.workers, args.threads, args.port)
        via = f"HTTP: gunicorn {args.workers} workers x {args.threads} threads (gthread), POST /api/v1/.../enrol/"
    else:
        db_connections = cap
        result = run_service(session, people, args.clients, args.rounds, args.processes, cap)
        via = f"service: kompetensi.services.enrol, {args.processes} processes"

    session.refresh_from_db()
    statuses = list(Enrolment.objects.filter(session=session).values_list("status", flat=True))
    holders = sum(status in rules.SEAT_STATES for status in statuses)
    report = {
        "via": via,
        "clients": args.clients,
        "db_connections_at_once": min(db_connections, args.clients),
        "enrolments": len(statuses),
        "enrolments_per_s": round(len(statuses) / result["seconds"], 1),
        "seconds": round(result["seconds"], 2),
        "p50_ms": round(result["p50_ms"], 1),
        "p95_ms": round(result["p95_ms"], 1),
        "seats_taken": session.seats_taken,
        "capacity": session.capacity,
        "seat_holders_counted": holders,
        "waitlisted": statuses.count(rules.WAITLISTED),
        "overbooked": max(0, holders - session.capacity),
        "counter_matches": holders == session.seats_taken,
        "errors": result["errors"][:5],
        "error_count": len(result["errors"]),
    }
    print(json.dumps(report, indent=2))
    if report["overbooked"] or not report["counter_matches"]:
        sys.exit("OVERBOOKED or counter wrong")


if __name__ == "__main__":
    main()
