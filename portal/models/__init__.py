from .calendar import Holiday
from .history import TransitionRecord
from .imports import ImportJob, ImportJobTransition
from .notifications import Notification
from .organisation import HukumanDisiplin, Instansi, Jabatan, Pangkat, Pegawai, UnitKerja
from .roles import InstansiGroup

__all__ = [
    "Holiday",
    "HukumanDisiplin",
    "ImportJob",
    "ImportJobTransition",
    "Instansi",
    "InstansiGroup",
    "Jabatan",
    "Notification",
    "Pangkat",
    "Pegawai",
    "TransitionRecord",
    "UnitKerja",
]
