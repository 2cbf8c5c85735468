"""Benchmark of the training pages and enrolment, against gunicorn on PostgreSQL.

bench/run.py builds the data, starts gunicorn and uses `enrol_throughput` from here for its enrolment figure. Run
alone, this script measures a server that is already serving at BENCH_URL (start it as bench/run.py does):

    BENCH_URL=http://127.0.0.1:8901 DATABASE_URL=postgres://... .venv/bin/python bench/measure_training.py

Reports for the catalogue, a course page, my learning and the HR compliance page: queries per request
(in-process, Django test client) and p50/p95 latency at one connection (HTTP against gunicorn); then the
catalogue's throughput with wrk (16 connections) and enrolments per second with 200 concurrent clients on one
session (wrk + Lua, one API token per employee), checking afterwards that the session is not overbooked.
"""

import json
import os
import statistics
import subprocess
import tempfile
import time
import urllib.request
from datetime import timedelta

from _django import setup

setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from kompetensi.models import CoursePage, Enrolment, TrainingCatalogPage, TrainingSession  # noqa: E402
from portal.models import Pegawai  # noqa: E402

BASE = os.environ.get("BENCH_URL", "http://127.0.0.1:8901")
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "200"))
User = get_user_model()


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return client, f"sessionid={client.cookies['sessionid'].value}"


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, (path, response.status_code)
    return len(captured.captured_queries)


def latency(path, cookie, samples=SAMPLES):
    def one():
        request = urllib.request.Request(BASE + path, headers={"Cookie": cookie})
        started = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
            assert response.status == 200
        return (time.perf_counter() - started) * 1000

    for _ in range(20):
        one()
    times = sorted(one() for _ in range(samples))
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def wrk(args, lua=None):
    command = ["wrk", *args]
    if lua:
        command += ["-s", lua]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = next(float(line.split()[1]) for line in output.splitlines() if line.startswith("Requests/sec"))
    return rps, output


def pages():
    pegawai = Pegawai.objects.select_related("user").get(user__username="pegawai.gorontalo")
    # the bench employee of Gorontalo with the most enrolments stands for "my learning"
    busiest = (
        Pegawai.objects.filter(instansi=pegawai.instansi, user__username__startswith="bench-")
        .annotate(n=Count("enrolments"))
        .order_by("-n")
        .select_related("user")
        .first()
    )
    catalog = TrainingCatalogPage.objects.get(instansi=pegawai.instansi)
    course = (
        CoursePage.objects.child_of(catalog)
        .filter(slug__startswith="bench-")
        .annotate(n=Count("sessions"))
        .order_by("-n")
        .first()
    )
    sdm = User.objects.get(username="sdm.gorontalo")
    return [
        ("Katalog (halaman 1)", catalog.url, pegawai.user),
        ("Katalog, saring bentuk + kursi", f"{catalog.url}?bentuk=pelatihan_teknis&kursi=1", pegawai.user),
        ("Halaman kursus", course.url, pegawai.user),
        (f"Pelatihan saya ({busiest.n} pendaftaran)", "/pelatihan/saya/", busiest.user),
        ("Kepatuhan JP (SDM)", "/pelatihan/kepatuhan/", sdm),
    ]


def enrol_throughput(duration=10, connections=200):
    now = timezone.now()
    course = (
        CoursePage.objects.filter(slug__startswith="bench-", requires_approval=False).select_related("instansi").first()
    )
    # each run gets its own day, so earlier runs' enrolments do not clash with this one (the overlap rule)
    start = now + timedelta(days=400 + 2 * TrainingSession.objects.filter(name__startswith="Bench serbu").count())
    session = TrainingSession.objects.create(
        course=course, instansi=course.instansi, name=f"Bench serbu {int(now.timestamp())}", place="Aula",
        start_at=start, end_at=start + timedelta(hours=8), capacity=1000,
        enrol_opens_at=now - timedelta(days=1), enrol_closes_at=start - timedelta(days=1), open_to_other_instansi=True,
    )  # fmt: skip
    users = list(User.objects.filter(username__startswith="bench-").order_by("pk").values_list("pk", flat=True)[:20000])
    existing = dict(Token.objects.filter(user_id__in=users).values_list("user_id", "key"))
    Token.objects.bulk_create([Token(user_id=pk, key=Token.generate_key()) for pk in users if pk not in existing])
    keys = list(Token.objects.filter(user_id__in=users).order_by("user_id").values_list("key", flat=True))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(
            "local keys = {"
            + ",".join(f'"{k}"' for k in keys)
            + "}\n"
            + """
local threads = {}
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
function init(args)
  step = 2
  i = offset + 1
end
function request()
  local key = keys[i]
  i = i + step
  if key == nil then key = keys[1] end
  return wrk.format("POST", nil, {["Authorization"] = "Token " .. key, ["Content-Type"] = "application/json"}, "{}")
end
"""
        )
    started = time.time()
    rps, output = wrk(
        [
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            f"{BASE}/api/v1/training/sessions/{session.pk}/enrol/",
        ],
        lua.name,
    )
    elapsed = time.time() - started
    # wrk stops sending at the deadline, but gunicorn is still working off the queued requests: wait until the
    # count settles, or the enrolments and the seat counter are read at two different moments
    settled, previous = time.time() + 30, -1
    while time.time() < settled:
        current = Enrolment.objects.filter(session=session).count()
        if current == previous:
            break
        previous = current
        time.sleep(2)
    statuses = dict(
        Enrolment.objects.filter(session=session)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    session.refresh_from_db()
    made = sum(statuses.values())
    return {
        "requests_per_s": rps,
        "enrolments": made,
        "enrolments_per_s": round(made / duration, 1),
        "elapsed_s": round(elapsed, 1),
        "statuses": statuses,
        "capacity": session.capacity,
        "seats_taken": session.seats_taken,
        "overbooked": statuses.get("confirmed", 0) > session.capacity
        or session.seats_taken != statuses.get("confirmed", 0),
        "wrk": output,
    }


def main():
    results = {"pages": []}
    for label, path, user in pages():
        client, cookie = session_cookie(user)
        count = queries(client, path)
        p50, p95 = latency(path, cookie)
        results["pages"].append(
            {"page": label, "path": path, "queries": count, "p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
        )
        print(f"{label:45s} {count:3d} queries  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms", flush=True)
    catalog = results["pages"][0]
    _client, cookie = session_cookie(User.objects.get(username="pegawai.gorontalo"))
    rps, _output = wrk(["-t2", "-c16", "-d15s", "-H", f"Cookie: {cookie}", BASE + catalog["path"]])
    results["catalogue_rps_16_connections"] = rps
    print(f"Katalog dengan 16 koneksi: {rps:.0f} permintaan/detik", flush=True)
    enrol = enrol_throughput()
    results["enrol"] = {k: v for k, v in enrol.items() if k != "wrk"}
    print(f"Pendaftaran, 200 klien pada satu angkatan: {json.dumps(results['enrol'])}", flush=True)
    print(enrol["wrk"])
    with open(os.environ.get("BENCH_OUT", "/tmp/bench_training.json"), "w") as out:
        json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
