"""Time of the employee (pegawai) import: a generated XLSX of N rows, dry-run (preview) and confirm, through the
same services the import pages call.

    .venv/bin/python bench/import_employees.py --rows 20000

Without DATABASE_URL it runs on a new SQLite file in a temporary folder (migrated first, which takes a minute and
is not timed); with DATABASE_URL it adds a bench instansi to that database. Uploads go to a temporary folder too.
The file names an atasan for every row (half of them further down the file), a jabatan, a golongan (PNS and PPPK)
and a unit, so every lookup and the deferred atasan pass are exercised. Not a test: no aim is asserted. Wall time and the process's CPU time are both printed:
on a shared machine the CPU time says what the import costs, the wall time what the user waits for.

The activation emails of the new accounts are a task of their own (a worker sends them after the import is
committed); they are timed apart, on the locmem email backend, as is
the update of Wagtail's reference index for the written rows.
"""

import argparse
import io
import os
import random
import tempfile
import time
from datetime import date

from _django import setup

UNITS = 40
JABATAN = 30
PNS_GOLONGAN = ["II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a"]
PPPK_GOLONGAN = ["V", "VII", "IX", "X", "XI"]
HEADERS = [
    "nip", "nama", "gelar_depan", "gelar_belakang", "status", "kode_unit", "kode_jabatan", "golongan",
    "tmt_pangkat", "nip_atasan", "email", "telepon",
]  # fmt: skip


def nip_of(n):
    """A valid, distinct NIP for every n below 4,995,000 (birth date, TMT year/month, sex, sequence)."""
    birth = date.fromordinal(date(1970, 1, 1).toordinal() + n % 9000)
    return f"{birth:%Y%m%d}{birth.year + 25}{(n % 12) + 1:02d}{1 + n % 2}{(n // 9000) % 999 + 1:03d}"


def workbook(rows, offset=0, seed=7, unit=None):
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADERS)
    for n in range(rows):
        pppk = n % 5 == 4
        # one row of every ten heads the other nine: the first row in even groups, the last (after its staff,
        # resolved by the deferred pass) in odd ones
        group = n // 10
        head = min(group * 10 + (0 if group % 2 == 0 else 9), rows - 1)
        atasan = "" if n == head else nip_of(offset + head)
        sheet.append(
            [
                nip_of(offset + n),
                f"Pegawai Bench {n}",
                "",
                "S.E.",
                "PPPK" if pppk else "PNS",
                unit or f"U{n % UNITS:03d}",
                f"J{n % JABATAN:03d}",
                rng.choice(PPPK_GOLONGAN if pppk else PNS_GOLONGAN),
                "" if pppk else "2019-04-01",
                atasan,
                f"pegawai{n}@bench.go.id",
                f"0812{n:08d}",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def prepare(slug):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal import roles
    from portal.models import Instansi, Jabatan, Pegawai, UnitKerja
    from portal.roles import ensure_role_groups

    ensure_role_groups()
    instansi, _created = Instansi.objects.get_or_create(
        slug=slug, defaults={"name": f"Instansi Bench {slug}", "kind": "provinsi"}
    )
    for i in range(UNITS):
        UnitKerja.objects.get_or_create(instansi=instansi, code=f"U{i:03d}", defaults={"name": f"Unit {i}"})
    for i in range(JABATAN):
        Jabatan.objects.get_or_create(
            instansi=instansi, code=f"J{i:03d}", defaults={"name": f"Jabatan {i}", "kind": "pelaksana"}
        )
    user, _created = get_user_model().objects.get_or_create(username=f"sdm.{slug}")
    user.groups.add(Group.objects.get(name=roles.ADMIN_SDM), Group.objects.get(name=roles.PEGAWAI))
    Pegawai.objects.get_or_create(
        user=user,
        defaults={
            "nip": nip_of(4_990_000 + instansi.pk),
            "nama": "Admin Bench",
            "instansi": instansi,
            "unit": UnitKerja.objects.get(instansi=instansi, code="U000"),
        },
    )
    return instansi, get_user_model().objects.get(pk=user.pk)


def measure(rows, slug):
    from unittest import mock

    from django.core import mail
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal import resources, tasks
    from portal.importing import services
    from portal.models import ImportJob, Pegawai

    instansi, actor = prepare(slug)
    start = time.perf_counter()
    # NIPs of their own for every bench instansi, so that runs on one database never meet each other's
    content = workbook(rows, offset=(instansi.pk % 100) * 25000)
    print(f"generated {rows} rows of XLSX ({len(content) / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")

    upload = SimpleUploadedFile("pegawai.xlsx", content)
    with CaptureQueriesContext(connection) as queries:
        start, cpu = time.perf_counter(), time.process_time()
        job = services.preview_import(actor, kind_key="pegawai", instansi=instansi, uploaded_file=upload)
        preview, preview_cpu = time.perf_counter() - start, time.process_time() - cpu
    job.refresh_from_db()
    print(
        f"dry run (preview): {preview:.1f} s ({preview_cpu:.1f} s CPU of this process), "
        f"{len(queries.captured_queries)} queries, status {job.status}"
    )
    if job.errors:
        print(f"  {len(job.errors)} errors, first: {job.errors[:3]}")
        return
    print(f"  new {job.summary['new']}, update {job.summary['update']}")

    queued = []
    run_now = services.enqueue
    follow_up = {"portal.tasks.send_activation_emails", "portal.tasks.index_imported_references"}

    def enqueue(name, *args):
        # the follow-up tasks a worker runs after the commit are timed apart; the import's own task runs inline
        return queued.append((name, args)) if name in follow_up else run_now(name, *args)

    with (
        mock.patch.object(resources, "enqueue", enqueue),
        mock.patch.object(services, "enqueue", enqueue),
        CaptureQueriesContext(connection) as queries,
    ):
        start, cpu = time.perf_counter(), time.process_time()
        services.confirm_import(actor, ImportJob.objects.get(pk=job.pk))
        confirm, confirm_cpu = time.perf_counter() - start, time.process_time() - cpu
    job.refresh_from_db()
    print(
        f"confirm (import committed): {confirm:.1f} s ({confirm_cpu:.1f} s CPU of this process), "
        f"{len(queries.captured_queries)} queries, status {job.status}"
    )
    if job.errors:
        print(f"  {len(job.errors)} errors, first: {job.errors[:3]}")
        return
    print(f"  pegawai in the instansi: {Pegawai.objects.filter(instansi=instansi).count()}")

    mail.outbox = []
    for name, args in queued:
        start = time.perf_counter()
        getattr(tasks, name.rsplit(".", 1)[1])(*args)
        print(f"follow-up task {name}: {time.perf_counter() - start:.1f} s")
    print(f"  activation emails sent: {len(mail.outbox)}")
    measure_error_page(rows, instansi, actor)


def measure_error_page(rows, instansi, actor):
    """A file where every row names an unknown unit: its dry run, then the preview page (first and last page of
    errors) as the uploader sees it."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from portal.importing import services

    content = workbook(rows, offset=(instansi.pk % 100) * 25000 + 12000, unit="TIDAK-ADA")
    start = time.perf_counter()
    job = services.preview_import(
        actor, kind_key="pegawai", instansi=instansi, uploaded_file=SimpleUploadedFile("salah.xlsx", content)
    )
    job.refresh_from_db()
    print(f"dry run of {rows} wrong rows: {time.perf_counter() - start:.1f} s, {len(job.errors)} errors")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(actor)
    url = reverse("portal_import:job", args=[job.pk])
    client.get(url)
    last = -(-len(job.errors) // 50)
    for page in (1, last):
        start = time.perf_counter()
        response = client.get(url, {"page": page})
        print(f"  preview page {page} of its errors: {response.status_code} in {time.perf_counter() - start:.2f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--slug", default=None, help="slug of the bench instansi (default: bench-<rows>-<time>)")
    options = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="lentera-bench-import-")
    fresh_database = "DATABASE_URL" not in os.environ
    if fresh_database:
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("PRIVATE_MEDIA_ROOT", f"{scratch}/private")
    os.environ.setdefault("MEDIA_ROOT", f"{scratch}/media")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ.pop("CELERY_BROKER_URL", None)  # the import runs inline, as in the embedded default
    setup()
    from django.conf import settings
    from django.core import mail
    from django.core.management import call_command

    mail.outbox = []
    settings.IMPORT_MAX_ROWS = max(settings.IMPORT_MAX_ROWS, options.rows)
    if fresh_database:
        start = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"migrated a new SQLite database in {scratch} ({time.perf_counter() - start:.0f} s, not timed)")
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    measure(options.rows, options.slug or f"bench-{options.rows}-{int(time.time())}")


if __name__ == "__main__":
    main()
