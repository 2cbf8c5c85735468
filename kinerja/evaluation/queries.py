"""Reads of evaluation rules."""

from django.db.models import Q

from portal import rule_tables
from portal.scoping import pegawai_of, scope_for, scope_q

from ..skp.queries import officials_acted_for
from . import rules
from .models import Appeal, Evaluation, PredikatCell


def matrix_for(instansi_id) -> dict[tuple[str, str], str]:
    """The kuadran kinerja in force for an instansi: its own cells over the defaults (one query)."""
    return {key: cell.predikat for key, cell in rule_tables.rules_for(PredikatCell, instansi_id).items()}


def predikat_for(instansi_id, hasil_kerja: str, perilaku_kerja: str) -> str:
    return rules.predikat_for(hasil_kerja, perilaku_kerja, matrix_for(instansi_id))


def _evaluations():
    return Evaluation.objects.select_related(
        "skp__pegawai__unit", "skp__pegawai__jabatan", "skp__period", "window", "appeal"
    )


def to_rate(user):
    """Evaluations of the SKP that the user evaluates (or evaluates as Plt/Plh today), not yet final, oldest window
    first."""
    me = pegawai_of(user)
    if me is None:
        return Evaluation.objects.none()
    evaluators = [me.pk, *officials_acted_for(user)]
    return (
        _evaluations()
        .filter(skp__evaluator_id__in=evaluators)
        .exclude(status=Evaluation.Status.FINALISED)
        .order_by("window__ends_on", "kind", "skp__pegawai__nama", "pk")
    )


def rated_by_me(user):
    """The user's evaluations that are final (for the evaluator's history), newest first."""
    me = pegawai_of(user)
    if me is None:
        return Evaluation.objects.none()
    evaluators = [me.pk, *officials_acted_for(user)]
    return (
        _evaluations()
        .filter(skp__evaluator_id__in=evaluators, status=Evaluation.Status.FINALISED)
        .order_by("-finalised_at", "-pk")
    )


def mine(user):
    """My own evaluations; only final results carry ratings I may see (the page and API hide the rest)."""
    return _evaluations().filter(skp__pegawai__user=user).order_by("-skp__period__year", "kind", "window__sequence")


def visible(user):
    """Every evaluation the user may open: their own, those they rate (or rate as Plt/Plh), those of employees in
    their scope (the supervisor chain, HR and leaders of the instansi), and appeals they decide."""
    if scope_for(user).everything:
        return _evaluations()
    me = pegawai_of(user)
    evaluators = [me.pk, *officials_acted_for(user)] if me is not None else []
    return _evaluations().filter(
        Q(skp__pegawai__user=user)
        | Q(skp__evaluator_id__in=evaluators)
        | Q(appeal__decider_id__in=evaluators)
        | scope_q(user, "skp__pegawai", indirect=True)
    )


def appeals_to_decide(user):
    me = pegawai_of(user)
    if me is None:
        return Appeal.objects.none()
    deciders = [me.pk, *officials_acted_for(user)]
    return (
        Appeal.objects.filter(decider_id__in=deciders, status=Appeal.Status.FILED)
        .select_related("evaluation__skp__pegawai", "evaluation__window")
        .order_by("filed_at", "pk")
    )


def latest_final_year(instansi_id):
    """The latest year with final annual results in the instansi (the reward round and the dashboard read it)."""
    return (
        Evaluation.objects.filter(
            skp__pegawai__instansi_id=instansi_id, kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED
        )
        .order_by("-skp__period__year")
        .values_list("skp__period__year", flat=True)
        .first()
    )
