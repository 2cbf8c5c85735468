"""Demo data of RHK templates: a few RHK with their IKI for the common positions of each demo instansi (analis and
staff of the personnel agency, administration, data, the kecamatan's pamong and service staff, teachers and
nurses), as HR would keep them. Written in bulk (a few queries per instansi), with the rows the service writes.
Idempotent: a jabatan that has a template is left alone."""

from django.db import transaction

from portal.demo import register_demo_step
from portal.models import Instansi, Jabatan

from .models import RhkTemplate, RhkTemplateIki

# jabatan code -> [(kind, RHK, [(IKI, aspek, target)])]
TEMPLATES = {
    "ANALIS-SDM": [
        ("utama", "Tersusunnya analisis kebutuhan dan kesenjangan kompetensi ASN", [
            ("Jumlah dokumen analisis kebutuhan pengembangan kompetensi", "kuantitas", "2 dokumen"),
            ("Dokumen analisis disahkan sesuai jadwal perencanaan", "waktu", "100 %"),
        ]),
        ("utama", "Terselesaikannya telaahan usul layanan kepegawaian sesuai standar", [
            ("Persentase usul layanan ditelaah tepat waktu", "waktu", "95 %"),
            ("Persentase telaahan tanpa koreksi pimpinan", "kualitas", "90 %"),
        ]),
        ("tambahan", "Terlaksananya pendampingan penyusunan SKP di unit kerja", [
            ("Jumlah unit kerja yang didampingi", "kuantitas", "4 unit"),
        ]),
    ],
    "ASDM-PERTAMA": [
        ("utama", "Terverifikasinya berkas usul kenaikan pangkat dan mutasi", [
            ("Jumlah berkas usul yang diverifikasi", "kuantitas", "240 berkas"),
            ("Persentase berkas diverifikasi dalam 3 hari kerja", "waktu", "95 %"),
        ]),
        ("utama", "Termutakhirkannya data kepegawaian di SIASN", [
            ("Persentase data pegawai yang dimutakhirkan", "kuantitas", "100 %"),
        ]),
    ],
    "PENGADM-UMUM": [
        ("utama", "Tertibnya administrasi persuratan unit kerja", [
            ("Persentase surat masuk diagendakan pada hari diterima", "waktu", "100 %"),
            ("Jumlah surat yang diproses", "kuantitas", "600 surat"),
        ]),
        ("utama", "Tersedianya arsip dinamis yang tertata", [
            ("Persentase arsip aktif yang tercatat dalam daftar arsip", "kualitas", "90 %"),
        ]),
    ],
    "PENGELOLA-DATA": [
        ("utama", "Tersedianya data dan informasi unit kerja yang mutakhir", [
            ("Jumlah laporan data bulanan yang disusun", "kuantitas", "12 laporan"),
            ("Laporan disampaikan paling lambat tanggal 5 bulan berikutnya", "waktu", "100 %"),
        ]),
    ],
    "PAMONG": [
        ("utama", "Terselesaikannya administrasi pemerintahan kecamatan", [
            ("Jumlah dokumen administrasi pemerintahan yang diselesaikan", "kuantitas", "120 dokumen"),
            ("Persentase dokumen selesai dalam 2 hari kerja", "waktu", "90 %"),
        ]),
        ("utama", "Terlaksananya pembinaan ketenteraman dan ketertiban warga", [
            ("Jumlah kegiatan pembinaan yang dilaksanakan", "kuantitas", "12 kegiatan"),
        ]),
    ],
    "PELAYANAN": [
        ("utama", "Terselesaikannya permohonan layanan administrasi masyarakat", [
            ("Persentase permohonan selesai dalam 3 hari kerja", "waktu", "95 %"),
            ("Jumlah permohonan yang dilayani", "kuantitas", "1.200 permohonan"),
            ("Indeks kepuasan masyarakat", "kualitas", "85"),
        ]),
    ],
    "GURU-AHLI": [
        ("utama", "Terlaksananya pembelajaran yang berpusat pada murid", [
            ("Jumlah modul ajar yang disusun", "kuantitas", "8 modul"),
            ("Kenaikan rata-rata hasil asesmen murid", "kualitas", "10 %"),
        ]),
    ],
    "PERAWAT": [
        ("utama", "Terlaksananya asuhan keperawatan sesuai standar", [
            ("Jumlah pasien yang diberi asuhan keperawatan", "kuantitas", "300 pasien"),
            ("Persentase dokumentasi asuhan yang lengkap", "kualitas", "95 %"),
        ]),
    ],
}  # fmt: skip


def load_instansi(instansi) -> int:
    jabatan_list = list(
        Jabatan.objects.filter(instansi=instansi, code__in=TEMPLATES).exclude(rhk_templates__isnull=False)
    )
    templates, indicators = [], []
    for jabatan in jabatan_list:
        for order, (kind, text, iki) in enumerate(TEMPLATES[jabatan.code]):
            template = RhkTemplate(instansi=instansi, jabatan=jabatan, kind=kind, text=text, order=order)
            templates.append(template)
            indicators.append(iki)
    RhkTemplate.objects.bulk_create(templates)
    RhkTemplateIki.objects.bulk_create(
        RhkTemplateIki(template=template, text=text, aspek=aspek, target=target, order=n)
        for template, iki in zip(templates, indicators, strict=True)
        for n, (text, aspek, target) in enumerate(iki)
    )
    return len(templates)


@register_demo_step("kinerja-rhk-templates", order=51)
def load_rhk_templates(stdout=None):
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            made = load_instansi(instansi)
        if stdout and made:
            stdout.write(f"  {instansi.name}: {made} templat RHK jabatan")
