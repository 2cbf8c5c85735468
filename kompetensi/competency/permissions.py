"""Who may do what with competencies, named once, on portal's one check."""

from portal import roles
from portal.permissions import acts_as, acts_as_in_own_instansi, is_hr_of
from portal.scoping import pegawai_of, scope_q

from ..permissions import can_approve_for

# Sources each kind of author may record by hand (courses and mentoring are recorded by the system).
EMPLOYEE_SOURCES = {"self", "external"}
SUPERVISOR_SOURCES = {"supervisor"}
HR_SOURCES = {"assessment_center", "uji_kompetensi", "supervisor", "self", "external"}


def can_manage_dictionary(user, instansi_id) -> bool:
    """HR keeps its instansi's technical competencies and job standards; national ones only a superadmin."""
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def can_manage_any_dictionary(user) -> bool:
    return acts_as_in_own_instansi(user, roles.ADMIN_SDM)


def can_view_profile(user, pegawai) -> bool:
    """The employee, their direct supervisor, HR and leaders of their instansi (the platform's scope)."""
    if pegawai.user_id == user.pk:
        return True
    return type(pegawai)._default_manager.filter(scope_q(user), pk=pegawai.pk).exists()


def can_review(user, pegawai) -> bool:
    """Confirming a claimed level is the direct supervisor's, with HR of the instansi standing in."""
    return can_approve_for(user, pegawai)


def sources_user_may_record(user, pegawai) -> set[str]:
    if is_hr_of(user, pegawai.instansi_id) and pegawai.user_id != user.pk:
        return set(HR_SOURCES)
    if pegawai.user_id == user.pk:
        return set(EMPLOYEE_SOURCES)
    me = pegawai_of(user)
    if me is not None and me.is_active and pegawai.atasan_id == me.pk:
        return set(SUPERVISOR_SOURCES)
    return set()


def correctable_sources(user, pegawai) -> set[str]:
    """The sources of ledger entries the user may correct: what they may record, and verdicts if they review."""
    sources = sources_user_may_record(user, pegawai)
    return sources | {"review"} if can_review(user, pegawai) else sources


def can_correct(user, entry) -> bool:
    return entry.source in correctable_sources(user, entry.pegawai)


def can_see_organisation_competency(user) -> bool:
    """The heatmap and match distribution of an instansi: its HR and leaders."""
    return acts_as_in_own_instansi(user, (roles.ADMIN_SDM, roles.PIMPINAN))
