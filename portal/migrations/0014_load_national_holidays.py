"""The national holidays (libur nasional) and cuti bersama of 2026 and 2027, from the joint decrees (SKB) of the
Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB: for 2026 SKB No. 1497/2025, 2/2025 and 5/2025 (signed
19 September 2025); for 2027 the SKB announced in September 2026, as recorded in the `holidays` library (vacanza,
0.108), whose dates of Idulfitri and Iduladha 1448 H are the ones the decree assumes. A later year is added by a new
migration or by the superadmin in the admin (Organisasi > Hari libur)."""

import datetime

from django.db import migrations

N, C = "nasional", "cuti_bersama"

HOLIDAYS = [
    ("2026-01-01", N, "Tahun Baru 2026 Masehi"),
    ("2026-01-16", N, "Isra Mikraj Nabi Muhammad SAW"),
    ("2026-02-16", C, "Cuti bersama Tahun Baru Imlek"),
    ("2026-02-17", N, "Tahun Baru Imlek 2577 Kongzili"),
    ("2026-03-18", C, "Cuti bersama Hari Suci Nyepi"),
    ("2026-03-19", N, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
    ("2026-03-20", C, "Cuti bersama Idulfitri 1447 H"),
    ("2026-03-21", N, "Idulfitri 1447 H"),
    ("2026-03-22", N, "Idulfitri 1447 H"),
    ("2026-03-23", C, "Cuti bersama Idulfitri 1447 H"),
    ("2026-03-24", C, "Cuti bersama Idulfitri 1447 H"),
    ("2026-04-03", N, "Wafat Yesus Kristus"),
    ("2026-04-05", N, "Kebangkitan Yesus Kristus (Paskah)"),
    ("2026-05-01", N, "Hari Buruh Internasional"),
    ("2026-05-14", N, "Kenaikan Yesus Kristus"),
    ("2026-05-15", C, "Cuti bersama Kenaikan Yesus Kristus"),
    ("2026-05-27", N, "Iduladha 1447 H"),
    ("2026-05-28", C, "Cuti bersama Iduladha 1447 H"),
    ("2026-05-31", N, "Hari Raya Waisak 2570 BE"),
    ("2026-06-01", N, "Hari Lahir Pancasila"),
    ("2026-06-16", N, "1 Muharam Tahun Baru Islam 1448 H"),
    ("2026-08-17", N, "Proklamasi Kemerdekaan Republik Indonesia"),
    ("2026-08-25", N, "Maulid Nabi Muhammad SAW"),
    ("2026-12-24", C, "Cuti bersama Kelahiran Yesus Kristus"),
    ("2026-12-25", N, "Kelahiran Yesus Kristus"),
    ("2027-01-01", N, "Tahun Baru 2027 Masehi"),
    ("2027-01-05", N, "Isra Mikraj Nabi Muhammad SAW"),
    ("2027-02-05", C, "Cuti bersama Tahun Baru Imlek"),
    ("2027-02-06", N, "Tahun Baru Imlek 2578 Kongzili"),
    ("2027-03-08", N, "Hari Suci Nyepi (Tahun Baru Saka 1949)"),
    ("2027-03-09", C, "Cuti bersama Idulfitri 1448 H"),
    ("2027-03-10", N, "Idulfitri 1448 H"),
    ("2027-03-11", N, "Idulfitri 1448 H"),
    ("2027-03-12", C, "Cuti bersama Idulfitri 1448 H"),
    ("2027-03-15", C, "Cuti bersama Idulfitri 1448 H"),
    ("2027-03-25", C, "Cuti bersama Wafat Yesus Kristus"),
    ("2027-03-26", N, "Wafat Yesus Kristus"),
    ("2027-03-28", N, "Kebangkitan Yesus Kristus (Paskah)"),
    ("2027-05-01", N, "Hari Buruh Internasional"),
    ("2027-05-06", N, "Kenaikan Yesus Kristus"),
    ("2027-05-17", N, "Iduladha 1448 H"),
    ("2027-05-18", C, "Cuti bersama Iduladha 1448 H"),
    ("2027-05-19", C, "Cuti bersama Hari Raya Waisak"),
    ("2027-05-20", N, "Hari Raya Waisak 2571 BE"),
    ("2027-06-01", N, "Hari Lahir Pancasila"),
    ("2027-06-06", N, "1 Muharam Tahun Baru Islam 1449 H"),
    ("2027-08-15", N, "Maulid Nabi Muhammad SAW"),
    ("2027-08-17", N, "Proklamasi Kemerdekaan Republik Indonesia"),
    ("2027-12-24", C, "Cuti bersama Kelahiran Yesus Kristus"),
    ("2027-12-25", N, "Kelahiran Yesus Kristus"),
    ("2027-12-26", N, "Isra Mikraj Nabi Muhammad SAW"),
]


def load(apps, schema_editor):
    Holiday = apps.get_model("portal", "Holiday")
    for day, kind, name in HOLIDAYS:
        Holiday.objects.update_or_create(
            instansi=None, date=datetime.date.fromisoformat(day), defaults={"kind": kind, "name": name}
        )


def unload(apps, schema_editor):
    Holiday = apps.get_model("portal", "Holiday")
    Holiday.objects.filter(
        instansi=None, date__in=[datetime.date.fromisoformat(day) for day, _k, _n in HOLIDAYS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0013_holiday")]

    operations = [migrations.RunPython(load, unload)]
