"""Every figure of issue 9 ("Speed") in one run, printed as one markdown table with each aim and whether it is met.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_bench_run .venv/bin/python bench/run.py \\
        [--employees 20000] [--courses C] [--skip-build] [--samples 200] [--only pages,hr,...] [--enrol-workers 5]

1. Builds the data once: migrate, the demo organisation (`load_demo`) with N bench employees, then
   bench/generate_training.py at the same scale (1,000 courses and 200,000 enrolments for 20,000 employees; `--courses`
   holds the courses, Wagtail pages inserted one by one, at C while the enrolments scale). A comment on the database
   remembers the scale built, so a second run at the same or a smaller scale only measures.
2. Starts gunicorn (2 sync workers, bench/settings.py: DEBUG off, persistent connections, Redis as the cache and as
   the Celery broker, as in production), with the bare template view `/_bench/bare/` (bench/urls.py) as reference.
3. Measures, for the employee pages, queries (in-process test client, second request) and p50/p95 at one connection
   (HTTP with a real session cookie, after 20 warm-up requests), and the bare view's p50/p95 as the floor of the
   machine at that moment; p95 of the HR pages; catalogue and bare-view throughput with wrk (16 connections, 10 s);
   enrolments per second with 200 concurrent clients on one session (bench/measure_training.py's wrk + Lua run) and
   whether the session was overbooked; the page weight (bench/page_weight.py).

The Redis database (BENCH_REDIS_URL, default redis://127.0.0.1:6379/12) is emptied before and after: it holds the
cache and the queued notification emails of the enrolment run, which no worker sends.
"""

import argparse
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
MARKER = "bench/run.py employees="
SECTIONS = ("pages", "hr", "throughput", "enrolment", "weight")
# the aims of issue 9
AIM_QUERIES, AIM_P50, AIM_P95, AIM_HR_P95, AIM_RATIO, AIM_ENROL = 12, 15.0, 30.0, 100.0, 0.15, 300.0
AIM_FIRST_KB, AIM_REPEAT_KB = 200, 30


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load():
    return open("/proc/loadavg").read().split()[:3]


# --- data ------------------------------------------------------------------------------------------------------------


def pg_connect(dbname=None):
    import psycopg

    url = os.environ["DATABASE_URL"]
    if dbname:
        url = url.rsplit("/", 1)[0] + "/" + dbname
    return psycopg.connect(url, autocommit=True)


def built_scale():
    """The scale this database was built at by an earlier run (0: none), creating the database if it is missing."""
    import psycopg

    name = os.environ["DATABASE_URL"].rsplit("/", 1)[1].split("?")[0]
    try:
        connection = pg_connect()
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            raise
        with pg_connect("postgres") as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        log(f"database {name} created")
        return 0
    with connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()"
        ).fetchone()
    comment = (row and row[0]) or ""
    return int(comment.removeprefix(MARKER)) if comment.startswith(MARKER) else 0


def build(employees, courses=None):
    have = built_scale()
    if have >= employees:
        log(f"data already built for {have} employees: skipping the build")
        return None
    # built without a Celery broker, as `make run` does: the demo's background work runs inline
    env = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"}
    started = time.time()
    for command in (
        [sys.executable, "manage.py", "migrate", "--noinput"],
        [sys.executable, "manage.py", "load_demo", "--employees", str(employees)],
        [sys.executable, "bench/generate_training.py", "--employees", str(employees)]
        + (["--courses", str(courses)] if courses else []),
    ):
        log("$ " + shlex.join(command[1:]))
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=sys.stderr)
    with pg_connect() as connection:
        name = connection.info.dbname
        connection.execute(f"COMMENT ON DATABASE \"{name}\" IS '{MARKER}{employees}'")
    return time.time() - started


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


# --- server ----------------------------------------------------------------------------------------------------------


def start_gunicorn(port, workers=2):
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            sys.exit(f"port {port} is taken: another server would answer instead of ours (--port)")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "portal.wsgi:application", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
        + ["--log-level", "warning"],
        cwd=ROOT,
    )
    deadline = time.time() + 120
    while time.time() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_bench/bare/", timeout=30) as response:
                if response.status == 200:
                    return server
        except OSError:  # not listening yet (URLError, refused) or still importing (timeout)
            time.sleep(0.5)
    stop(server)
    sys.exit("gunicorn did not answer /_bench/bare/ within 120 s")


def stop(server):
    server.terminate()
    try:
        server.wait(60)
    except subprocess.TimeoutExpired:
        server.kill()


# --- measures --------------------------------------------------------------------------------------------------------


def employee_pages():
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from home.models import PolicyPage, ReadingRequirement
    from kompetensi.models import CoursePage, TrainingCatalogPage
    from portal.models import Pegawai

    User = get_user_model()
    pegawai = Pegawai.objects.select_related("user", "instansi").get(user__username="pegawai.gorontalo")
    instansi = pegawai.instansi
    # the bench employee of Gorontalo with the most enrolments stands for "my learning"
    busiest = (
        Pegawai.objects.filter(instansi=instansi, user__username__startswith="bench-")
        .annotate(n=Count("enrolments"))
        .order_by("-n", "pk")
        .select_related("user")
        .first()
    )
    catalog = TrainingCatalogPage.objects.get(instansi=instansi)
    course = (
        CoursePage.objects.child_of(catalog)
        .filter(slug__startswith="bench-")
        .annotate(n=Count("sessions"))
        .order_by("-n", "pk")
        .first()
    )
    home = catalog.get_parent().specific
    policy = PolicyPage.objects.live().descendant_of(home).order_by("path").first()
    requirement = ReadingRequirement.objects.filter(instansi=instansi, active=True).order_by("page_id").first()
    user = pegawai.user
    employee = [
        # "Beranda" and the brand link here directly; "/" (a redirect to it) is only reached after logging in
        (f"Home `{home.url}`", home.url, user),
        (f"Catalogue `{catalog.url}` ({catalog.get_children().count()} courses)", catalog.url, user),
        ("Catalogue, form + open seats filter", f"{catalog.url}?bentuk=pelatihan_teknis&kursi=1", user),
        (f"Course page ({course.n} sessions)", course.url, user),
        (f"My learning `/pelatihan/saya/` ({busiest.n} enrolments)", "/pelatihan/saya/", busiest.user),
        ("Search `/cari/?q=pelatihan`", "/cari/?q=pelatihan", user),
        (f"Policy page `{policy.url}`", policy.url, user),
        ("Notifications `/notifikasi/`", "/notifikasi/", user),
    ]
    hr = [
        (
            f"HR compliance `/pelatihan/kepatuhan/` ({Pegawai.objects.filter(instansi=instansi).count():,} employees)",
            "/pelatihan/kepatuhan/",
            User.objects.get(username="sdm.gorontalo"),
        ),
    ]
    if requirement:
        hr.append(
            (
                f"Reading report `/bacaan-wajib/{requirement.page_id}/`",
                f"/bacaan-wajib/{requirement.page_id}/",
                User.objects.get(username="konten.gorontalo"),
            )
        )
    return employee, hr


def logged_in(user):
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client, f"sessionid={client.cookies['sessionid'].value}"


def count_queries(client, path):
    """Queries of the second request (caches warm, as for a user clicking around); a redirect counts both."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, follow=True)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, follow=True)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured.captured_queries)


def latency(base, path, cookie, samples):
    def one():
        request = urllib.request.Request(base + path, headers={"Cookie": cookie})
        started = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
            assert response.status == 200, (path, response.status)
        return (time.perf_counter() - started) * 1000

    for _ in range(20):
        one()
    times = sorted(one() for _ in range(samples))
    return percentile(times, 50), percentile(times, 95)


def percentile(ordered, p):
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * p / 100) - 1))]


def wrk(url, seconds, connections=16, cookie=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rps, int(bad.group(1)) if bad else 0


def enrolment(base, seconds):
    os.environ["BENCH_URL"] = base
    import measure_training

    result = measure_training.enrol_throughput(duration=seconds, connections=200)
    output = result["wrk"]
    answered = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    confirmed = result["statuses"].get("confirmed", 0)
    result.update(
        answered=answered,
        refused=int(bad.group(1)) if bad else 0,
        overbooked_by=max(0, confirmed - result["capacity"]),
        counter_ok=result["seats_taken"] == confirmed,
    )
    result["ok_per_s"] = (answered - result["refused"]) / seconds
    return result


# --- table -----------------------------------------------------------------------------------------------------------


def verdict(ok):
    return "met" if ok else "**missed**"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=20_000, help="bench employees to build (default 20000)")
    parser.add_argument(
        "--courses", type=int, help="bench courses (default 1,000 per 20,000 employees); enrolments still scale"
    )
    parser.add_argument("--skip-build", action="store_true", help="measure the database as it is")
    parser.add_argument("--samples", type=int, default=200, help="requests per page for p50/p95 (default 200)")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run (default 10)")
    parser.add_argument("--port", type=int, default=8901)
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to measure, of {', '.join(SECTIONS)} (default all)",
    )
    parser.add_argument(
        "--enrol-workers",
        type=int,
        default=0,
        help="also measure enrolment on a gunicorn with this many sync workers (e.g. 2 per core + 1, as deployed)",
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    if only - set(SECTIONS):
        sys.exit(f"unknown sections: {', '.join(sorted(only - set(SECTIONS)))}")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit(
            "DATABASE_URL must name a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/lentera_bench_run"
        )
    # one environment for the build, the in-process measures and gunicorn: the server's settings, DEBUG off,
    # persistent connections and Redis as cache and broker, as in production
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        DB_CONN_MAX_AGE="600",
        CACHE_URL=REDIS_URL,
        CELERY_BROKER_URL=REDIS_URL,
    )
    started_at = datetime.now(UTC)
    load_start = load()
    build_seconds = None if args.skip_build else build(args.employees, args.courses)

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from bench.page_weight import measure as page_weight
    from kompetensi.models import CoursePage, Enrolment, TrainingSession
    from portal.models import Pegawai

    data = {
        "employees": Pegawai.objects.count(),
        "courses": CoursePage.objects.count(),
        "sessions": TrainingSession.objects.count(),
        "enrolments": Enrolment.objects.count(),
    }
    connection.close()
    flush_redis()
    base = f"http://127.0.0.1:{args.port}"
    server = start_gunicorn(args.port)
    rows = []
    try:
        employee, hr = employee_pages()
        # the floor of this machine at this moment: what the same server answers with no frame, session or query
        p50, p95 = latency(base, "/_bench/bare/", "", args.samples)
        log(f"bare view: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        rows.append(
            (
                "Bare template view `/_bench/bare/` (reference: no login, no query)",
                f"p50 {p50:.1f} ms · p95 {p95:.1f} ms",
                "none (the floor of the machine)",
                "—",
            )
        )
        for label, path, user in employee if "pages" in only else ():
            client, cookie = logged_in(user)
            queries = count_queries(client, path)
            p50, p95 = latency(base, path, cookie, args.samples)
            log(f"{label}: {queries} queries, p50 {p50:.1f} ms, p95 {p95:.1f} ms")
            rows.append(
                (
                    label,
                    f"{queries} queries · p50 {p50:.1f} ms · p95 {p95:.1f} ms",
                    f"≤ {AIM_QUERIES} queries · p50 < {AIM_P50:.0f} ms · p95 < {AIM_P95:.0f} ms",
                    " · ".join(verdict(ok) for ok in (queries <= AIM_QUERIES, p50 < AIM_P50, p95 < AIM_P95)),
                )
            )
        for label, path, user in hr if "hr" in only else ():
            client, cookie = logged_in(user)
            queries = count_queries(client, path)
            p50, p95 = latency(base, path, cookie, args.samples)
            log(f"{label}: {queries} queries, p50 {p50:.1f} ms, p95 {p95:.1f} ms")
            rows.append(
                (
                    label,
                    f"p95 {p95:.1f} ms (p50 {p50:.1f} ms, {queries} queries)",
                    f"p95 < {AIM_HR_P95:.0f} ms",
                    verdict(p95 < AIM_HR_P95),
                )
            )
        if "throughput" in only:
            catalogue_path = employee[1][1]
            _client, cookie = logged_in(get_user_model().objects.get(username="pegawai.gorontalo"))
            catalogue_rps, catalogue_bad = wrk(base + catalogue_path, args.seconds, cookie=cookie)
            bare_rps, bare_bad = wrk(base + "/_bench/bare/", args.seconds)
            ratio = catalogue_rps / bare_rps
            log(
                f"catalogue {catalogue_rps:.1f}/s ({catalogue_bad} non-2xx), bare {bare_rps:.1f}/s ({bare_bad} non-2xx)"
            )
            rows.append(
                (
                    "Catalogue throughput / bare view, 16 connections",
                    f"{catalogue_rps:.1f} / {bare_rps:.1f} requests/s = **{ratio:.3f}**"
                    + (f" ({catalogue_bad + bare_bad} non-2xx)" if catalogue_bad or bare_bad else ""),
                    f"ratio ≥ {AIM_RATIO}",
                    verdict(ratio >= AIM_RATIO and not catalogue_bad and not bare_bad),
                )
            )
        if "enrolment" in only:
            enrol = enrolment(base, args.seconds)
            log(f"enrolment: {enrol['statuses']}, answered {enrol['answered']}, refused {enrol['refused']}")
            rows.append(enrolment_row(enrol, args.seconds, ", gunicorn with 2 workers"))
        if "enrolment" in only and args.enrol_workers:
            stop(server)
            server = start_gunicorn(args.port, args.enrol_workers)
            enrol = enrolment(base, args.seconds)
            log(f"enrolment ({args.enrol_workers} workers): {enrol['statuses']}, answered {enrol['answered']}")
            rows.append(enrolment_row(enrol, args.seconds, f", gunicorn with {args.enrol_workers} workers"))
        weights = page_weight() if "weight" in only else []
    finally:
        stop(server)
        flush_redis()
    if weights:
        rows.extend(weight_rows(weights))
    finish(rows, args, started_at, load_start, data, build_seconds, connection)


def weight_rows(weights):
    first = max(weights, key=lambda row: row[4])
    repeat = max(weights, key=lambda row: row[5])
    rows = []
    rows.append(
        (
            "Page weight, first visit (heaviest of " + ", ".join(f"`{row[0]}`" for row in weights) + ")",
            f"{first[4] / 1024:.1f} KB (`{first[0]}`)",
            f"< {AIM_FIRST_KB} KB",
            verdict(first[4] < AIM_FIRST_KB * 1024),
        )
    )
    rows.append(
        (
            "Page weight, repeat visit (same pages)",
            f"{repeat[5] / 1024:.1f} KB (`{repeat[0]}`)",
            f"< {AIM_REPEAT_KB} KB",
            verdict(repeat[5] < AIM_REPEAT_KB * 1024),
        )
    )
    return rows


def enrolment_row(enrol, seconds, server):
    return (
        f"Enrolment, 200 concurrent clients on one session{server}",
        f"{enrol['ok_per_s']:.1f}/s answered within {seconds} s ({enrol['refused']} refused); "
        f"{enrol['enrolments']} written once the queue drained ({enrol['enrolments_per_s']}/s); "
        f"overbooked by {enrol['overbooked_by']}, seat counter {'right' if enrol['counter_ok'] else 'WRONG'}",
        f"≥ {AIM_ENROL:.0f}/s, none overbooked",
        verdict(enrol["ok_per_s"] >= AIM_ENROL) + " · " + verdict(enrol["overbooked_by"] == 0 and enrol["counter_ok"]),
    )


def finish(rows, args, started_at, load_start, data, build_seconds, connection):
    load_end = load()
    command = "bench/run.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    print(f"Run {started_at:%Y-%m-%d %H:%M} UTC: `{command.strip()}` on `{connection.settings_dict['NAME']}`.")
    print(
        f"Data: {data['employees']:,} employees, {data['courses']:,} courses, {data['sessions']:,} sessions, "
        f"{data['enrolments']:,} enrolments"
        + (f" (built in {build_seconds:.0f} s)." if build_seconds else " (already built).")
    )
    print(
        f"Load average (1, 5, 15 min) at start {', '.join(load_start)}, at end {', '.join(load_end)} "
        f"({os.cpu_count()} cores); p50/p95 over {args.samples} requests after 20 warm-up, wrk {args.seconds} s."
    )
    print()
    print("| measure | figure | aim | result |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
