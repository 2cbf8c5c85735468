"""The national dictionary (the eight managerial competencies and Perekat Bangsa, PermenPANRB 38/2017) and the
job-person match bands, as editable data; existing course targets are linked to the dictionary by their code."""

from django.db import migrations

NATIONAL = [
    ("M.01", "manajerial", "Integritas",
     "Konsisten berperilaku selaras dengan nilai, norma dan/atau etika organisasi, dan jujur dalam hubungan dengan "
     "manajemen, rekan kerja, bawahan langsung, dan pemangku kepentingan, menciptakan budaya etika tinggi, "
     "bertanggung jawab atas tindakan atau keputusan beserta risiko yang menyertainya."),
    ("M.02", "manajerial", "Kerjasama",
     "Kemampuan menjalin, membina, mempertahankan hubungan kerja yang efektif, memiliki komitmen saling membantu "
     "dalam penyelesaian tugas, dan mengoptimalkan segala sumber daya untuk mencapai tujuan strategis organisasi."),
    ("M.03", "manajerial", "Komunikasi",
     "Kemampuan untuk menerangkan pandangan dan gagasan secara jelas, sistematis disertai argumentasi yang logis "
     "dengan cara-cara yang sesuai baik secara lisan maupun tertulis; memastikan pemahaman; mendengarkan secara "
     "aktif dan efektif; mempersuasi, meyakinkan dan membujuk orang lain dalam rangka mencapai tujuan organisasi."),
    ("M.04", "manajerial", "Orientasi pada Hasil",
     "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat diandalkan, "
     "bertanggung jawab, mampu secara sistematis mengidentifikasi risiko dan peluang dengan memperhatikan "
     "keterhubungan antara perencanaan dan hasil, untuk keberhasilan organisasi."),
    ("M.05", "manajerial", "Pelayanan Publik",
     "Kemampuan dalam melaksanakan tugas-tugas pemerintahan, pembangunan dan kegiatan pemenuhan kebutuhan "
     "pelayanan publik secara profesional, transparan, mengikuti standar pelayanan yang objektif, netral, tidak "
     "memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan pribadi, kelompok, atau partai politik."),
    ("M.06", "manajerial", "Pengembangan Diri dan Orang Lain",
     "Kemampuan untuk meningkatkan pengetahuan dan menyempurnakan keterampilan diri; menginspirasi orang lain untuk "
     "mengembangkan dan menyempurnakan pengetahuan dan keterampilan yang relevan dengan pekerjaan dan pengembangan "
     "karier jangka panjang, mendorong kemauan belajar sepanjang hidup, memberikan saran, bantuan, umpan balik dan "
     "bimbingan untuk membantu orang lain mengembangkan potensi dirinya."),
    ("M.07", "manajerial", "Mengelola Perubahan",
     "Kemampuan dalam menyesuaikan diri dengan situasi yang baru atau berubah dan tidak bergantung secara "
     "berlebihan pada metode dan proses lama, mengambil tindakan untuk mendukung dan melaksanakan inisiatif "
     "perubahan, memimpin usaha perubahan, mengambil tanggung jawab pribadi untuk memastikan perubahan berhasil "
     "diimplementasikan secara efektif."),
    ("M.08", "manajerial", "Pengambilan Keputusan",
     "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah mempertimbangkan "
     "prinsip kehati-hatian, dirumuskan secara sistematis dan saksama berdasarkan berbagai informasi, alternatif "
     "pemecahan masalah dan konsekuensinya, serta bertanggung jawab atas keputusan yang diambil."),
    ("SK.01", "sosial_kultural", "Perekat Bangsa",
     "Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan individu atau kelompok "
     "masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam mempersatukan masyarakat dan membangun "
     "hubungan sosial psikologis dengan masyarakat di tengah kemajemukan Indonesia; menjaga, mengembangkan, dan "
     "mewujudkan rasa persatuan dan kesatuan dalam kehidupan bermasyarakat, berbangsa dan bernegara."),
]  # fmt: skip

BANDS = [("optimal", "Optimal", "90.00"), ("cukup_optimal", "Cukup optimal", "78.00"), ("kurang_optimal", "Kurang optimal", "0.00")]  # fmt: skip


def load(apps, schema_editor):
    Competency = apps.get_model("kompetensi", "Competency")
    MatchBand = apps.get_model("kompetensi", "MatchBand")
    CourseCompetency = apps.get_model("kompetensi", "CourseCompetency")
    for order, (code, group, name, definition) in enumerate(NATIONAL):
        Competency.objects.update_or_create(
            instansi=None, code=code, defaults={"group": group, "name": name, "definition": definition, "order": order}
        )
    for code, name, minimum in BANDS:
        MatchBand.objects.update_or_create(instansi=None, code=code, defaults={"name": name, "min_percent": minimum})
    national = {c.code.upper(): c for c in Competency.objects.filter(instansi__isnull=True)}
    for target in CourseCompetency.objects.filter(competency__isnull=True).exclude(code=""):
        competency = national.get(target.code.strip().upper())
        if competency is not None:
            target.competency = competency
            target.save(update_fields=["competency"])


class Migration(migrations.Migration):
    dependencies = [("kompetensi", "0009_competency_dictionary_and_ledger")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
