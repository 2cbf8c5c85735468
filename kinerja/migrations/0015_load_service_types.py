"""The HR service desk's default request types, offered to every instansi until it writes its own (an instansi's row
with the same code replaces a default). The SLA is counted in working days; a promotion request carries the
employee's SKP results, training and competency from Lentera instead of uploads."""

from django.db import migrations

TYPES = [
    ("kenaikan_pangkat", "Kenaikan pangkat", 10, True, 10,
     "Usul kenaikan pangkat reguler atau pilihan. Predikat SKP, riwayat pelatihan (JP), kesenjangan kompetensi, dan "
     "syarat kenaikan pangkat Anda dilampirkan otomatis dari Lentera; cukup unggah SK terakhir.",
     [("SK pangkat terakhir", True), ("SK jabatan terakhir", True),
      ("Ijazah dan transkrip (bila kenaikan pangkat penyesuaian ijazah)", False)]),
    ("cuti_tahunan", "Cuti tahunan", 3, False, 20,
     "Permohonan cuti tahunan. Sebutkan tanggal mulai, lama cuti, dan alamat selama menjalankan cuti.",
     [("Formulir permintaan cuti yang disetujui atasan langsung", True)]),
    ("tugas_belajar", "Tugas belajar", 10, False, 30,
     "Permohonan surat tugas belajar untuk pendidikan formal atas biaya instansi atau beasiswa.",
     [("Surat keterangan diterima dari perguruan tinggi", True), ("Surat rekomendasi atasan langsung", True),
      ("Akreditasi program studi", False)]),
    ("perubahan_data", "Perubahan data kepegawaian", 5, False, 40,
     "Pemutakhiran data pribadi, keluarga, atau pendidikan pada data kepegawaian.",
     [("Dokumen pendukung perubahan (KTP, kartu keluarga, akta, atau ijazah)", True)]),
    ("surat_keterangan", "Surat keterangan", 3, False, 50,
     "Surat keterangan masih bekerja, surat keterangan penghasilan, atau surat keterangan kepegawaian lain. "
     "Sebutkan jenis surat dan keperluannya.",
     []),
]  # fmt: skip


def load(apps, schema_editor):
    RequestType = apps.get_model("kinerja", "RequestType")
    ChecklistItem = apps.get_model("kinerja", "ChecklistItem")
    for code, name, sla_days, attaches_evidence, order, description, checklist in TYPES:
        request_type, created = RequestType.objects.get_or_create(
            instansi=None, code=code,
            defaults={"name": name, "sla_days": sla_days, "attaches_evidence": attaches_evidence, "order": order,
                      "description": description},
        )  # fmt: skip
        if created:
            for index, (item, required) in enumerate(checklist):
                ChecklistItem.objects.create(request_type=request_type, name=item, required=required, sort_order=index)


def unload(apps, schema_editor):
    apps.get_model("kinerja", "RequestType").objects.filter(instansi=None, code__in=[t[0] for t in TYPES]).delete()


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0014_service_desk")]

    operations = [migrations.RunPython(load, unload)]
