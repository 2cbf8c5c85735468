from .history import TransitionRecord
from .imports import ImportJob
from .notifications import Notification
from .organisation import Instansi, Jabatan, Pangkat, Pegawai, UnitKerja
from .roles import InstansiGroup

__all__ = [
    "ImportJob",
    "Instansi",
    "InstansiGroup",
    "Jabatan",
    "Notification",
    "Pangkat",
    "Pegawai",
    "TransitionRecord",
    "UnitKerja",
]
