"""Admin of the training module: regulation data as snippets (JP conversion, targets, forms of development,
evaluation questions), the results import, audit-log labels, and the guard that keeps a training organiser to
their own instansi's catalogue."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.admin_columns import yes_no_column
from portal.admin_scoping import InstansiRuleViewSet, register_instansi_model
from portal.permissions import same_instansi

from .competency.admin import KompetensiGroup
from .mentoring import wagtail_hooks as mentoring_hooks  # noqa: F401  (audit-log labels of mentoring)
from .models import (
    BentukPengembangan,
    CoursePage,
    EvaluationQuestion,
    KonversiJP,
    TargetJP,
    TrainingCatalogPage,
)
from .plans.state_machine import PLAN
from .state_machines import ENROLMENT, EXTERNAL_LEARNING

LOG_ACTIONS = [
    ("kompetensi.enrolment.evaluated", _("Pendaftaran: evaluasi diisi")),
    ("kompetensi.session.enrol_unit", _("Angkatan: pendaftaran satu unit")),
    ("kompetensi.session.attendance", _("Angkatan: presensi dicatat")),
    ("kompetensi.certificate.revoked", _("Sertifikat dicabut")),
    ("kompetensi.session.material_added", _("Angkatan: materi ditambahkan")),
    ("kompetensi.session.material_removed", _("Angkatan: materi dihapus")),
]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    machines = [
        *ENROLMENT.log_actions(_("Pendaftaran")),
        *EXTERNAL_LEARNING.log_actions(_("JP eksternal")),
        *PLAN.log_actions(_("Rencana pengembangan")),
    ]
    for action, label in [*machines, *LOG_ACTIONS]:
        actions.register_action(action, label, label)


# --- regulation data -------------------------------------------------------------------------------------------


register_instansi_model(KonversiJP)
register_instansi_model(TargetJP)


class KonversiJPViewSet(InstansiRuleViewSet):
    model = KonversiJP
    icon = "table"
    menu_label = _("Konversi JP")
    list_display = [
        "bentuk", "instansi", "unit", "jp_per_unit", yes_no_column(KonversiJP, "max_jp_per_unit"),
        "max_units_per_month", "note",
    ]  # fmt: skip
    list_filter = ["unit"]


class TargetJPViewSet(InstansiRuleViewSet):
    model = TargetJP
    icon = "pick"
    menu_label = _("Target JP")
    list_display = ["status", "instansi", "target"]


class BentukViewSet(SnippetViewSet):
    model = BentukPengembangan
    icon = "list-ul"
    menu_label = _("Bentuk pengembangan")
    list_display = ["name", "code", "jenis", "order"]
    list_filter = ["jenis"]


class EvaluationQuestionViewSet(SnippetViewSet):
    model = EvaluationQuestion
    icon = "help"
    menu_label = _("Pertanyaan evaluasi")
    list_display = ["text", "order", yes_no_column(EvaluationQuestion, "is_active")]


class PelatihanGroup(SnippetViewSetGroup):
    menu_label = _("Pelatihan")
    menu_icon = "calendar"
    menu_order = 220
    items = (KonversiJPViewSet, TargetJPViewSet, BentukViewSet, EvaluationQuestionViewSet)


register_snippet(PelatihanGroup)
register_snippet(KompetensiGroup)


# --- organisers stay in their own instansi's catalogue ---------------------------------------------------------


def _catalogue_instansi_id(page):
    specific = page.specific_class
    if specific in (CoursePage, TrainingCatalogPage):
        return page.specific.instansi_id
    return None


def _guard(request, page):
    """Wagtail's page permissions come from the per-instansi organiser group; this is the belt to those braces
    for a user who holds the organiser role in one instansi and a page permission elsewhere."""
    instansi_id = _catalogue_instansi_id(page)
    if instansi_id is not None and not same_instansi(request.user, instansi_id):
        raise PermissionDenied
    return None


@hooks.register("before_edit_page")
def guard_edit(request, page):
    return _guard(request, page)


@hooks.register("before_delete_page")
def guard_delete(request, page):
    return _guard(request, page)


@hooks.register("before_create_page")
def guard_create(request, parent_page, page_class):
    return _guard(request, parent_page)
