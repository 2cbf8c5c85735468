"""The talent section of an employee's profile (portal.dashboard profile sections): their box with the inputs it
rests on and the key positions they are a candidate for, for HR of their instansi and for a Pimpinan whose part
of the organisation they belong to. The employee does not see it."""

from portal.dashboard import register_profile_section

from . import queries


@register_profile_section("kinerja-talent", "kinerja/talent/profile_section.html", order=46)
def talent_section(request, pegawai):
    scope = queries.scope_of(request.user)
    if scope is None or scope.instansi_id != pegawai.instansi_id or not scope.covers_unit(pegawai.unit_id):
        return None
    placement = queries.placement_of(pegawai)
    instansi_rules = queries.rules_of(pegawai.instansi_id)
    candidacies = pegawai.succession_candidacies.filter(plan__in=queries.visible_plans(scope)).select_related(
        "plan__jabatan", "plan__unit"
    )
    return {
        "placement": placement,
        "box": queries.current_box(placement, instansi_rules),
        "candidacies": list(candidacies),
        "pegawai": pegawai,
        "scope": scope,
    }
