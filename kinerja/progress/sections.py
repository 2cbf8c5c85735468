"""What the progress package shows on the evaluation page (through kinerja.evaluation.sections): each RHK's bukti
dukung and progress log of the evaluated window, and the employee's completed training in it."""

from django.urls import reverse

from ..evaluation.models import Evaluation
from ..evaluation.sections import Section, register_section
from . import queries


def _work(evaluation):
    """Loaded once per page for both sections (three queries, plus one for an annual evaluation's windows)."""
    cached = getattr(evaluation, "_progress_work", None)
    if cached is None:
        starts_on, ends_on, window_ids = queries.evaluation_range(evaluation)
        rhk_ids = list(evaluation.skp.rhk.values_list("pk", flat=True))
        cached = evaluation._progress_work = queries.window_work(
            rhk_ids, evaluation.skp.pegawai_id, starts_on, ends_on, window_ids
        )
    return cached


def rhk_evidence(request, evaluation, rhk_items):
    files, entries, _training = _work(evaluation)
    is_owner = evaluation.skp.pegawai.user_id == request.user.pk
    may_add = is_owner and evaluation.status != Evaluation.Status.FINALISED and evaluation.window_id is not None
    found = {}
    for item in rhk_items:
        url = reverse("kinerja:evidence", args=[item.pk])
        if evaluation.window_id:
            url += f"?periode={evaluation.window_id}"
        found[item.pk] = {
            "files": [f for f in files if f.rhk_id == item.pk],
            "entries": [e for e in entries if e.rhk_id == item.pk],
            "url": url, "may_add": may_add,
        }  # fmt: skip
    return found


def training(request, evaluation, rhk_items):
    _files, _entries, rows = _work(evaluation)
    return {"training": rows, "jp": sum(row.jp for row in rows)}


register_section("progress-evidence", Section("kinerja/progress/includes/rhk_evidence.html", rhk_evidence), order=10)
register_section(
    "progress-training", Section("kinerja/progress/includes/training.html", training, placement="page"), order=10
)
