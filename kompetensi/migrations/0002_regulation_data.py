"""Regulation data, editable afterwards by HR: forms of competency development (pendidikan, pelatihan
klasikal, pelatihan nonklasikal), the example JP conversion rules (konversi_jp_contoh.csv), the PNS target of
20 JP a year, and the default evaluation questions."""

from django.db import migrations

BENTUK = [
    # code, name, jenis
    ("tugas_belajar", "Tugas belajar", "pendidikan"),
    ("pelatihan_kepemimpinan", "Pelatihan kepemimpinan", "klasikal"),
    ("pelatihan_manajerial", "Pelatihan manajerial", "klasikal"),
    ("pelatihan_teknis", "Pelatihan teknis", "klasikal"),
    ("pelatihan_fungsional", "Pelatihan fungsional", "klasikal"),
    ("pelatihan_sosial_kultural", "Pelatihan sosial kultural", "klasikal"),
    ("seminar", "Seminar/konferensi/sarasehan", "klasikal"),
    ("workshop", "Workshop/lokakarya", "klasikal"),
    ("kursus", "Kursus", "klasikal"),
    ("penataran", "Penataran", "klasikal"),
    ("bimbingan_teknis", "Bimbingan teknis", "klasikal"),
    ("sosialisasi", "Sosialisasi", "klasikal"),
    ("pelatihan_klasikal_lain", "Pelatihan klasikal lainnya", "klasikal"),
    ("coaching", "Coaching", "nonklasikal"),
    ("mentoring", "Mentoring", "nonklasikal"),
    ("e_learning", "E-learning", "nonklasikal"),
    ("pelatihan_jarak_jauh", "Pelatihan jarak jauh", "nonklasikal"),
    ("detasering", "Detasering (secondment)", "nonklasikal"),
    ("outbound", "Pembelajaran alam terbuka (outbound)", "nonklasikal"),
    ("patok_banding", "Patok banding (benchmarking)", "nonklasikal"),
    ("pertukaran_pegawai", "Pertukaran pegawai", "nonklasikal"),
    ("belajar_mandiri", "Belajar mandiri (self development)", "nonklasikal"),
    ("komunitas_belajar", "Komunitas belajar", "nonklasikal"),
    ("bimbingan_di_tempat_kerja", "Bimbingan di tempat kerja", "nonklasikal"),
    ("magang", "Magang/praktik kerja", "nonklasikal"),
]

# code, unit, jp_per_unit, is_max, max_units_per_month, note (konversi_jp_contoh.csv)
KONVERSI = [
    ("tugas_belajar", "semester", 20, False, None, "20 JP per semester"),
    ("seminar", "hari", 4, False, None, "4 JP per hari"),
    ("sosialisasi", "hari", 4, False, None, "4 JP per hari"),
    ("workshop", "hari", 5, False, None, "5 JP per hari"),
    ("coaching", "sesi", 2, False, 2, "2 JP per sesi, paling banyak 2 sesi per bulan"),
    ("mentoring", "sesi", 2, False, 2, "2 JP per sesi, paling banyak 2 sesi per bulan"),
    ("e_learning", "hari", 3, True, None, "paling banyak 3 JP per hari"),
    ("detasering", "kegiatan", 20, False, None, "20 JP"),
    ("magang", "kegiatan", 20, False, None, "20 JP"),
    ("pertukaran_pegawai", "kegiatan", 20, False, None, "20 JP"),
    ("patok_banding", "kegiatan", 10, False, None, "10 JP"),
    ("belajar_mandiri", "hari", 2, True, None, "paling banyak 2 JP per hari"),
    ("komunitas_belajar", "hari", 2, True, None, "paling banyak 2 JP per hari"),
    ("pelatihan_klasikal_lain", "kurikulum", 0, False, None, "sesuai JP kurikulum (1 JP = 45 menit)"),
]

QUESTIONS = [
    "Materi sesuai dengan kebutuhan pekerjaan saya.",
    "Pengajar/fasilitator menguasai materi dan menyampaikannya dengan jelas.",
    "Metode pembelajaran membantu saya memahami materi.",
    "Sarana, tempat, atau platform daring mendukung pembelajaran.",
    "Saya dapat menerapkan hasil pelatihan dalam pekerjaan.",
    "Secara keseluruhan saya puas dengan pelatihan ini.",
]


def load(apps, schema_editor):
    Bentuk = apps.get_model("kompetensi", "BentukPengembangan")
    Konversi = apps.get_model("kompetensi", "KonversiJP")
    TargetJP = apps.get_model("kompetensi", "TargetJP")
    Question = apps.get_model("kompetensi", "EvaluationQuestion")
    by_code = {}
    for order, (code, name, jenis) in enumerate(BENTUK, start=1):
        by_code[code], _ = Bentuk.objects.update_or_create(
            code=code, defaults={"name": name, "jenis": jenis, "order": order}
        )
    for code, unit, jp, is_max, per_month, note in KONVERSI:
        Konversi.objects.update_or_create(
            bentuk=by_code[code],
            instansi=None,
            defaults={
                "unit": unit, "jp_per_unit": jp, "max_jp_per_unit": is_max,
                "max_units_per_month": per_month, "note": note,
            },
        )
    TargetJP.objects.update_or_create(status="PNS", instansi=None, defaults={"target": 20})
    for order, text in enumerate(QUESTIONS, start=1):
        Question.objects.update_or_create(text=text, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("kompetensi", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
