"""What peer feedback shows on the evaluation page (through kinerja.evaluation.sections): the aggregate of the
employee's round for the evaluated window (else for the whole year), to those who may see it; below the minimum of
raters only that there are not enough answers."""

from ..evaluation.sections import Section, register_section
from . import permissions, queries


def peer_results(request, evaluation, rhk_items):
    skp = evaluation.skp
    found = queries.round_for(skp.pegawai_id, skp.period_id, evaluation.window_id)
    if found is None or not permissions.can_see_results(request.user, found):
        return None
    return {"result": queries.results(found), "round": found}


register_section(
    "peer-results", Section("kinerja/peer/includes/section.html", peer_results, placement="page"), order=20
)
