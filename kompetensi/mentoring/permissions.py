"""Who may do what in mentoring, named once, on portal's one check.

- HR of an instansi sets up programmes and pairs anyone of that instansi; a supervisor sets up programmes and pairs
  within their team (a direct report as mentee; themselves or a direct report as mentor).
- The mentor logs sessions; the mentee confirms or disputes them and gives the feedback.
- A pair is seen by its mentor and mentee, the mentee's supervisor, whoever paired them, and HR and leaders of the
  instansi; anyone else gets a 404.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from portal import roles
from portal.frame import remember
from portal.permissions import acts_as, is_hr_of, is_superadmin
from portal.scoping import has_role, pegawai_of


def _me(user):
    me = pegawai_of(user)
    return me if me is not None and me.is_active else None


def leads_a_team(user) -> bool:
    """An active supervisor (the Atasan role follows 'has active direct reports')."""
    me = _me(user)
    return me is not None and (has_role(user, roles.ATASAN) or me.has_reports)


def can_set_up_programmes(user) -> bool:
    """The programme pages and their menu entry: HR, leaders (who read the reports) and supervisors."""

    def decide():
        if is_superadmin(user):
            return True
        me = _me(user)
        return me is not None and (
            acts_as(user, (roles.ADMIN_SDM, roles.PIMPINAN), me.instansi_id) or leads_a_team(user)
        )

    return remember(user, "mentoring_programmes", decide)


def sees_whole_instansi(user, instansi_id) -> bool:
    return acts_as(user, (roles.ADMIN_SDM, roles.PIMPINAN), instansi_id)


def can_create_programme(user) -> bool:
    me = _me(user)
    return is_superadmin(user) or (me is not None and (is_hr_of(user, me.instansi_id) or leads_a_team(user)))


def can_edit_programme(user, programme) -> bool:
    return is_hr_of(user, programme.instansi_id) or (
        programme.created_by_id == user.pk and _me(user) is not None and _me(user).instansi_id == programme.instansi_id
    )


def can_add_pairs(user, programme) -> bool:
    """HR of the instansi, or a supervisor of that instansi (for their own team)."""
    if is_hr_of(user, programme.instansi_id):
        return True
    me = _me(user)
    return me is not None and me.instansi_id == programme.instansi_id and leads_a_team(user)


def pairing_problem(user, programme, mentor, mentee) -> str | None:
    """Why `user` may not pair these two in `programme` (an Indonesian sentence), or None."""
    if mentor.pk == mentee.pk:
        return _("Mentor dan mentee harus dua orang yang berbeda.")
    for person in (mentor, mentee):
        if not person.is_active or person.instansi_id != programme.instansi_id:
            return _("%(name)s bukan pegawai aktif instansi program ini.") % {"name": person.nama}
    if is_hr_of(user, programme.instansi_id):
        return None
    me = _me(user)
    if me is None or me.instansi_id != programme.instansi_id:
        return _("Anda tidak berwenang memasangkan mentor di program ini.")
    if mentee.atasan_id != me.pk:
        return _("Atasan hanya dapat memasangkan mentor untuk bawahan langsungnya.")
    if mentor.pk != me.pk and mentor.atasan_id != me.pk:
        return _("Mentor harus Anda sendiri atau bawahan langsung Anda.")
    return None


def can_manage_pair(user, pair) -> bool:
    """Change the agreement or end the pair: whoever may set up pairs for it, and its mentor."""
    if pair.mentor.user_id == user.pk:
        return True
    if is_hr_of(user, pair.programme.instansi_id):
        return True
    me = _me(user)
    return me is not None and (pair.created_by_id == user.pk or pair.mentee.atasan_id == me.pk)


def is_mentor(user, pair) -> bool:
    return pair.mentor.user_id == user.pk and pair.mentor.is_active


def is_mentee(user, pair) -> bool:
    return pair.mentee.user_id == user.pk


def pairs_q(user, prefix=""):
    """A Q over MentoringPair (reached through `prefix`, e.g. "pair__") keeping the pairs the user may see."""
    if is_superadmin(user):
        return Q()
    me = pegawai_of(user)
    if me is None:
        return Q(pk__in=[])

    def f(**lookup):
        return Q(**{f"{prefix}{key}": value for key, value in lookup.items()})

    own = f(mentor=me) | f(mentee=me) | f(mentee__atasan=me) | f(created_by=user)
    if sees_whole_instansi(user, me.instansi_id):
        return own | f(programme__instansi_id=me.instansi_id)
    return own


def programmes_q(user):
    """Programme pages: HR, leaders and supervisors see their instansi's programmes; nobody else's."""
    if is_superadmin(user):
        return Q()
    me = _me(user)
    if me is None or not can_set_up_programmes(user):
        return Q(pk__in=[])
    return Q(instansi_id=me.instansi_id)
