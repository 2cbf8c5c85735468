"""The seven BerAKHLAK values (UU 20/2023, SE MenPANRB 20/2021) and the kuadran kinerja of PermenPANRB 6/2022, as
editable data."""

from django.db import migrations

BERAKHLAK = [
    ('BERORIENTASI_PELAYANAN', 'Berorientasi Pelayanan', 'Memahami dan memenuhi kebutuhan masyarakat\nRamah, cekatan, solutif, dan dapat diandalkan\nMelakukan perbaikan tiada henti'),
    ('AKUNTABEL', 'Akuntabel', 'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi\nMenggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien\nTidak menyalahgunakan kewenangan jabatan'),
    ('KOMPETEN', 'Kompeten', 'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah\nMembantu orang lain belajar\nMelaksanakan tugas dengan kualitas terbaik'),
    ('HARMONIS', 'Harmonis', 'Menghargai setiap orang apa pun latar belakangnya\nSuka menolong orang lain\nMembangun lingkungan kerja yang kondusif'),
    ('LOYAL', 'Loyal', 'Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah\nMenjaga nama baik sesama ASN, pimpinan, instansi, dan negara\nMenjaga rahasia jabatan dan negara'),
    ('ADAPTIF', 'Adaptif', 'Cepat menyesuaikan diri menghadapi perubahan\nTerus berinovasi dan mengembangkan kreativitas\nBertindak proaktif'),
    ('KOLABORATIF', 'Kolaboratif', 'Memberi kesempatan kepada berbagai pihak untuk berkontribusi\nTerbuka dalam bekerja sama untuk menghasilkan nilai tambah\nMenggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama'),
]  # fmt: skip

MATRIX = [
    ('DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK'),
    ('DI_ATAS', 'SESUAI', 'BAIK'),
    ('DI_ATAS', 'DI_BAWAH', 'KURANG'),
    ('SESUAI', 'DI_ATAS', 'BAIK'),
    ('SESUAI', 'SESUAI', 'BAIK'),
    ('SESUAI', 'DI_BAWAH', 'KURANG'),
    ('DI_BAWAH', 'DI_ATAS', 'BUTUH_PERBAIKAN'),
    ('DI_BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN'),
    ('DI_BAWAH', 'DI_BAWAH', 'SANGAT_KURANG'),
]  # fmt: skip


def load(apps, schema_editor):
    BerakhlakValue = apps.get_model("kinerja", "BerakhlakValue")
    PredikatCell = apps.get_model("kinerja", "PredikatCell")
    for order, (code, name, guide) in enumerate(BERAKHLAK):
        BerakhlakValue.objects.update_or_create(code=code, defaults={"name": name, "guide": guide, "order": order})
    for hasil, perilaku, predikat in MATRIX:
        PredikatCell.objects.update_or_create(
            instansi=None, hasil_kerja=hasil, perilaku_kerja=perilaku, defaults={"predikat": predikat}
        )


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0001_skp_and_predikat_matrix")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
