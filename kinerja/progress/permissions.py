"""Who may do what with the progress log, bukti dukung and dialog kinerja, named once."""

from portal.scoping import pegawai_of

from ..skp.permissions import can_view


def owns(user, rhk) -> bool:
    """The employee whose SKP holds the RHK writes its progress and bukti dukung."""
    return rhk.skp.pegawai.user_id == user.pk


def can_see_rhk_work(user, rhk) -> bool:
    """Progress and bukti dukung of an RHK are seen by whoever may view its SKP (the employee, the pejabat penilai
    or their Plt/Plh, and the employee's supervisor chain, HR and leaders of the instansi)."""
    return can_view(user, rhk.skp)


def can_plan_dialog(user, pegawai) -> bool:
    """A supervisor plans a dialog kinerja with a direct report."""
    me = pegawai_of(user)
    return me is not None and me.is_active and pegawai.atasan_id == me.pk and pegawai.pk != me.pk


def in_dialog(user, dialog) -> bool:
    """A dialog is visible to its two participants and nobody else."""
    me = pegawai_of(user)
    return me is not None and me.pk in (dialog.supervisor_id, dialog.pegawai_id)
