"""The promotion section of an employee's profile (portal.dashboard profile sections): their eligibility for the
next promotion date with the reasons, for themselves and for HR and Pimpinan of their instansi."""

from portal.dashboard import register_profile_section

from . import permissions, queries


@register_profile_section("kinerja-promotion", "kinerja/career/profile_section.html", order=45)
def promotion_section(request, pegawai):
    if pegawai.status != pegawai.Status.PNS or not permissions.can_view_person(request.user, pegawai):
        return None
    instansi_rules = queries.rules_of(pegawai.instansi_id)
    period_date = queries.next_period(instansi_rules)
    rows, _later = queries.eligibility_list(
        pegawai.instansi_id, period_date, pegawai_ids=[pegawai.pk], instansi_rules=instansi_rules
    )
    if not rows:
        return None
    return {"row": rows[0], "period_date": period_date, "own": pegawai.user_id == request.user.pk}
