"""The column headers of the files exchanged with SIASN / e-Kinerja BKN, and where each name comes from.

The headers are the field names of BKN's SIASN web service (API Manager ``apisiasn/1.0``) as its public clients
use them (e.g. the PHP SDK ``black-coffee04/ws-siasn-php`` and BKD integrations on GitHub); they are identifiers of
the exchange format and are never translated:

- Riwayat SKP from 2022 (PermenPANRB 6/2022): ``POST /skp22/save`` takes ``tahun``, ``hasilKinerjaNilai``,
  ``perilakuKerjaNilai``, ``kuadranKinerjaNilai``, ``penilaiNipNrp``, ``penilaiNama``, ``penilaiJabatan``,
  ``penilaiUnorNama``, ``penilaiGolongan`` and ``statusPenilai`` (``ASN`` / ``NON ASN``); ``GET /pns/rw-skp22/{nip}``
  answers the same results with their labels as ``hasilKinerja``, ``perilakuKerja`` and ``kuadranKinerja``.
  The Atasan Pejabat Penilai is named as in riwayat SKP up to 2021 (``POST /skp/save``): ``atasanPenilaiNipNrp``,
  ``atasanPenilaiNama``, ``atasanPenilaiJabatan``, ``atasanPenilaiUnorNama``. The months assessed are named as in
  the kinerja periodik resource: ``bulanMulaiPenilaian``, ``bulanSelesaiPenilaian``. ``nipBaru`` and ``nama`` are
  the NIP and name of ``GET /pns/data-utama/{nip}``. The codes of the ``...Nilai`` columns are in `rules`.
- Riwayat kursus (the kursus resource, ``GET /pns/rw-kursus/{nip}``): ``namaKursus``, ``institusiPenyelenggara``,
  ``tanggalKursus``, ``tanggalSelesaiKursus`` (dd-mm-yyyy, as SIASN writes dates), ``jumlahJam``,
  ``nomorSertipikat``, ``tahunKursus``; the kind of development goes in ``jenisDiklat`` (SIASN's ``jenisDiklatId`` is
  a reference id; Lentera writes the name of its bentuk pengembangan kompetensi).
- The SKP plan has no SIASN web-service resource: its headers are the column titles of the SKP form of
  PermenPANRB 6/2022 (the one e-Kinerja BKN shows), in its capitals.

Columns that are Lentera's own: ``statusEvaluasi`` (only final results belong in SIASN), ``PERIODE`` and
``STATUS SKP`` of the plan, and ``sumber`` of the import.

The import of the years before Lentera reads the result columns back, in any case: ``nipBaru`` and ``tahun`` are
required; each result may come as its label (``kuadranKinerja``), as SIASN's number (``kuadranKinerjaNilai``) or
both; ``penilaiNipNrp`` and ``penilaiNama`` are kept when present.
"""

NIP = "nipBaru"
NAME = "nama"

RESULT_COLUMNS = (
    NIP, NAME, "tahun", "bulanMulaiPenilaian", "bulanSelesaiPenilaian",
    "hasilKinerja", "hasilKinerjaNilai", "perilakuKerja", "perilakuKerjaNilai", "kuadranKinerja", "kuadranKinerjaNilai",
    "penilaiNipNrp", "penilaiNama", "penilaiJabatan", "penilaiUnorNama", "statusPenilai",
    "atasanPenilaiNipNrp", "atasanPenilaiNama", "atasanPenilaiJabatan", "atasanPenilaiUnorNama",
    "statusEvaluasi",
)  # fmt: skip

PLAN_COLUMNS = (
    "NIP", "NAMA", "TAHUN", "PERIODE", "JENIS RHK", "RENCANA HASIL KERJA",
    "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET", "STATUS SKP",
)  # fmt: skip

TRAINING_COLUMNS = (
    NIP, NAME, "jenisDiklat", "namaKursus", "institusiPenyelenggara", "tanggalKursus", "tanggalSelesaiKursus",
    "jumlahJam", "nomorSertipikat", "tahunKursus",
)  # fmt: skip


def key(column):
    """A header as the import reads it back (portal.importing.reading lower-cases the file's header row)."""
    return column.lower()
