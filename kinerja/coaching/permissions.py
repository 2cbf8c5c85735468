"""Who may do what with coaching plans.

- HR (Admin SDM) of the plan's instansi sees every plan of the instansi, confirms a proposal, starts one by hand,
  cancels with a reason, and works on actions and check-ins like the supervisor.
- The plan's supervisor (the employee's atasan when HR confirmed it) adds actions and marks them done, plans
  check-ins and alone writes their notes, and completes the plan with its outcome.
- The employee sees their own plan once confirmed, enrols themselves in a session an action names, and answers
  the supervisor's notes; nobody works on a plan about themselves.
- Anyone else (a colleague, another instansi) gets a 404.
"""

from portal import roles
from portal.permissions import acts_as


def can_manage(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def is_subject(user, plan) -> bool:
    return plan.pegawai.user_id == user.pk


def is_supervisor(user, plan) -> bool:
    supervisor = plan.supervisor
    return supervisor is not None and supervisor.is_active and supervisor.user_id == user.pk


def can_view(user, plan) -> bool:
    if can_manage(user, plan.instansi_id):
        return True
    return plan.confirmed and (is_subject(user, plan) or is_supervisor(user, plan))


def is_hr_of_plan(user, plan) -> bool:
    return can_manage(user, plan.instansi_id) and not is_subject(user, plan)


def can_confirm(user, plan) -> bool:
    return is_hr_of_plan(user, plan)


def can_cancel(user, plan) -> bool:
    return is_hr_of_plan(user, plan)


def can_write(user, plan) -> bool:
    """Actions, planning check-ins and completing: the supervisor and HR."""
    return not is_subject(user, plan) and (is_supervisor(user, plan) or can_manage(user, plan.instansi_id))


def can_record_notes(user, plan) -> bool:
    return is_supervisor(user, plan) and not is_subject(user, plan)


def can_respond(user, plan) -> bool:
    return is_subject(user, plan)


def can_enrol(user, plan) -> bool:
    """Who may ask kompetensi to enrol the employee (kompetensi then decides: the employee enrols themselves, an
    organiser enrols others; anyone else gets its refusal)."""
    return is_subject(user, plan) or can_write(user, plan)
