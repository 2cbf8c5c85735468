from .imports import ImportJob
from .notifications import Notification
from .organisation import Instansi, Jabatan, Pangkat, Pegawai, UnitKerja

__all__ = ["ImportJob", "Instansi", "Jabatan", "Notification", "Pangkat", "Pegawai", "UnitKerja"]
