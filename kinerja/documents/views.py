"""The documents as PDF downloads, for whoever may open the SKP or see the evaluation's result."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from ..evaluation import permissions as evaluation_permissions
from ..evaluation import queries as evaluation_queries
from ..skp.views.employee import visible_skp
from .evaluation import render_evaluation
from .skp import render_skp


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def skp_pdf(request, pk):
    skp = visible_skp(request, pk)
    return _pdf(render_skp(skp), f"skp-{skp.period.year}-{skp.pegawai.nip}-{skp.valid_from:%m%d}")


def evaluation_pdf(request, pk):
    evaluation = get_object_or_404(evaluation_queries.visible(request.user), pk=pk)
    if not evaluation_permissions.can_see_result(request.user, evaluation):
        raise Http404
    return _pdf(render_evaluation(evaluation), f"evaluasi-{evaluation.skp.pegawai.nip}-{evaluation.label}")
