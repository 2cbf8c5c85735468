"""Benchmark of the competency insight pages at organisation scale: the heatmap (competency x unit) with the band
distribution, one unit's grid, their XLSX and CSV exports, and the recommendations of one employee.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_bench python bench/competency_insight.py [--employees N]

Needs the demo data (`manage.py load_demo`). Tops the organisation up to N employees (default 20,000, through the
bench employees of `load_demo --employees`), gives every position a job standard and about 88 % of the employees an
assessment with its profile rows (bulk, as the competency demo does), then times each page in-process with the
Django test client (queries per request, p50/p95 over BENCH_SAMPLES requests) as Gorontalo's HR and as a
superadmin, whose scope is every employee. Deterministic; run again and it only adds what is missing.
"""

import argparse
import statistics
import time

from _django import setup

setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connections, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from kompetensi.competency import demo as competency_demo  # noqa: E402
from kompetensi.competency.models import CompetencyProfile, Evidence  # noqa: E402
from kompetensi.insight import queries as insight_queries  # noqa: E402
from portal.demo.bulk import add_bench_employees  # noqa: E402
from portal.models import Instansi, Jabatan, Pegawai, UnitKerja  # noqa: E402

User = get_user_model()
HOST = "127.0.0.1"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def build(employees):
    if Pegawai.objects.count() < employees:
        add_bench_employees(employees)
    today = timezone.localdate()
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            technical = competency_demo.ensure_technical(instansi)
            competency_demo.ensure_standards(instansi, technical)
            # bench employees come without a position: give them one of the instansi's, round robin
            positions = list(Jabatan.objects.filter(instansi=instansi).order_by("pk").values_list("pk", flat=True))
            without = list(Pegawai.objects.filter(instansi=instansi, jabatan__isnull=True).order_by("pk"))
            for n, pegawai in enumerate(without):
                pegawai.jabatan_id = positions[n % len(positions)] if positions else None
            Pegawai.objects.bulk_update(without, ["jabatan"], batch_size=5000)
            assessed = CompetencyProfile.objects.filter(pegawai__instansi=instansi).values("pegawai_id")
            people = list(
                Pegawai.objects.filter(instansi=instansi, is_active=True).exclude(pk__in=assessed).order_by("nip")
            )
            if not people:
                continue
            entries = Evidence.objects.bulk_create(
                competency_demo.assessment_entries(instansi, people, today, None), batch_size=5000
            )
            CompetencyProfile.objects.bulk_create(competency_demo.profile_rows(entries), batch_size=5000)
            log(f"{instansi.name}: {len(people)} pegawai dinilai, {len(entries)} bukti")


def measure(client, path, samples):
    client.get(path)  # the frame, the menu and the cached fragments are kept after the first request
    # every alias: report views read from the replica alias (portal.db_router), which may be its own connection
    contexts = [CaptureQueriesContext(alias) for alias in connections.all()]
    for context in contexts:
        context.__enter__()
    response = client.get(path)
    for context in contexts:
        context.__exit__(None, None, None)
    count = sum(len(context.captured_queries) for context in contexts)
    assert response.status_code == 200, (path, response.status_code)
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return count, statistics.median(times), p95, len(response.content)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    build(args.employees)
    total = Pegawai.objects.filter(is_active=True).count()
    log(f"{total} pegawai aktif, {CompetencyProfile.objects.count()} baris profil")

    sdm = User.objects.get(username="sdm.gorontalo")
    admin, _created = User.objects.get_or_create(username="bench-insight-admin", defaults={"is_superuser": True})
    employee = User.objects.get(username="pegawai.gorontalo")
    organisation = reverse("kompetensi:insight:organisation")
    gorontalo = sdm.pegawai.instansi
    biggest = UnitKerja.objects.filter(instansi=gorontalo).annotate(n=Count("pegawai")).order_by("-n").first()
    unit = reverse("kompetensi:insight:unit", args=[biggest.pk])
    rows = []
    for who, user in [("sdm.gorontalo", sdm), ("superadmin", admin)]:
        client = Client(HTTP_HOST=HOST)
        client.force_login(user)
        scope = insight_queries.people_of(user).count()
        for label, path in [
            ("peta kompetensi", organisation),
            ("peta, kesenjangan manajerial", organisation + "?metrik=kesenjangan&kelompok=manajerial"),
            ("ekspor XLSX", organisation + "?format=xlsx"),
            ("ekspor CSV", organisation + "?format=csv"),
            (f"unit ({biggest.pegawai.count()} pegawai), halaman 1", unit),
            ("unit, ekspor XLSX", unit + "?format=xlsx"),
        ]:
            samples = max(3, args.samples // 4) if "ekspor" in label else args.samples
            n, p50, p95, size = measure(client, path, samples)
            rows.append((who, scope, label, n, p50, p95, size))
    client = Client(HTTP_HOST=HOST)
    client.force_login(employee)
    home = client.get("/", follow=True).redirect_chain[-1][0]
    for label, path in [("beranda (panel rekomendasi)", home)]:
        n, p50, p95, size = measure(client, path, args.samples)
        rows.append(("pegawai.gorontalo", 1, label, n, p50, p95, size))
    print()
    print("| pengguna | pegawai dalam cakupan | halaman | kueri | p50 ms | p95 ms | ukuran |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for who, scope, label, n, p50, p95, size in rows:
        print(f"| {who} | {scope:,} | {label} | {n} | {p50:.0f} | {p95:.0f} | {size / 1024:.0f} KB |")


if __name__ == "__main__":
    main()
