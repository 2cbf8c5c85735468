"""What public feedback shows on the evaluation page (through kinerja.evaluation.sections): when the SKP has an RHK
of perspektif Penerima Layanan, the results of the employee's service points (their own, or their unit's) in the
evaluated window, with approved comments only."""

from ..evaluation.sections import Section, register_section
from ..skp.models import Rhk
from . import queries


def evaluation_range(evaluation):
    """(first day, last day) the evaluation covers: its window within the SKP's dates, or (annual) the SKP."""
    skp = evaluation.skp
    if evaluation.window_id:
        window = evaluation.window
        return max(window.starts_on, skp.valid_from), min(window.ends_on, skp.valid_to)
    return skp.valid_from, skp.valid_to


def service_results(request, evaluation, rhk_items):
    serving = [item for item in rhk_items if item.perspektif == Rhk.Perspektif.PENERIMA_LAYANAN]
    if not serving:
        return None
    starts_on, ends_on = evaluation_range(evaluation)
    return {
        "rhk": serving, "starts_on": starts_on, "ends_on": ends_on,
        "points": queries.for_employee(evaluation.skp.pegawai, starts_on, ends_on),
    }  # fmt: skip


register_section(
    "public-feedback",
    Section("kinerja/public_feedback/includes/evaluation.html", service_results, placement="page"),
    order=20,
)
