"""What the performance module adds to the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.admin_scoping import InstansiRuleForm, InstansiRuleViewSet, register_instansi_model

from .calibration.models import DistributionRule
from .career.models import AngkaKreditRule, EducationCap, PromotionRule
from .coaching.state_machines import PLAN as COACHING
from .decisions.state_machines import DECISION
from .evaluation.models import PredikatCell
from .evaluation.state_machines import APPEAL, EVALUATION
from .peer.models import PeerFeedbackRule
from .service_desk.models import RequestType
from .service_desk.state_machines import REQUEST
from .skp.state_machines import SKP
from .talent.models import TalentBox, TalentRule


@hooks.register("register_log_actions")
def register_log_actions(actions):
    machines = [
        *SKP.log_actions(_("SKP")),
        *EVALUATION.log_actions(_("Evaluasi kinerja")),
        *APPEAL.log_actions(_("Keberatan")),
        *DECISION.log_actions(_("Keputusan karier")),
        *COACHING.log_actions(_("Rencana pembinaan")),
        ("kinerja.coaching.action_added", _("Rencana pembinaan: tindakan ditambahkan")),
        ("kinerja.coaching.action_done", _("Rencana pembinaan: tindakan selesai")),
        ("kinerja.coaching.enrolled", _("Rencana pembinaan: didaftarkan ke pelatihan")),
        ("kinerja.coaching.mentoring", _("Rencana pembinaan: mentoring dimulai")),
        ("kinerja.coaching.checkin_planned", _("Rencana pembinaan: pertemuan dijadwalkan")),
        ("kinerja.coaching.checkin_held", _("Rencana pembinaan: catatan pertemuan")),
        ("kinerja.coaching.checkin_answered", _("Rencana pembinaan: tanggapan pegawai")),
        *REQUEST.log_actions(_("Permohonan layanan SDM")),
        ("kinerja.service_request.assigned", _("Permohonan layanan SDM: petugas berganti")),
        ("kinerja.appeal.predikat_changed", _("Predikat diubah oleh keputusan keberatan")),
        ("kinerja.calibration.opened", _("Kalibrasi kinerja: dibuka")),
        ("kinerja.calibration.organisation_rating", _("Kalibrasi kinerja: predikat organisasi ditetapkan")),
        ("kinerja.calibration.closed", _("Kalibrasi kinerja: selesai")),
        ("kinerja.escalation_nudge", _("Pengingat atasan pejabat penilai")),
    ]
    for action, label in machines:
        actions.register_action(action, label, label)


register_instansi_model(PredikatCell)
register_instansi_model(DistributionRule)
register_instansi_model(PeerFeedbackRule)
register_instansi_model(RequestType)
for _rule_model in (PromotionRule, EducationCap, AngkaKreditRule, TalentBox, TalentRule):
    register_instansi_model(_rule_model)


class PredikatCellViewSet(InstansiRuleViewSet):
    model = PredikatCell
    icon = "table"
    menu_label = _("Matriks predikat kinerja")
    list_display = ["hasil_kerja", "perilaku_kerja", "predikat", "instansi"]


class DistributionRuleViewSet(InstansiRuleViewSet):
    model = DistributionRule
    icon = "pick"
    menu_label = _("Aturan distribusi predikat")
    list_display = ["organisation_rating", "predikat_group", "minimum_percent", "maximum_percent", "instansi"]
    list_filter = ["organisation_rating"]


class PeerFeedbackRuleViewSet(InstansiRuleViewSet):
    """The minimum of raters before peer feedback results show. Only the rule is in the admin: rounds,
    assignments and answers are not, so no admin view can line up a rater with an answer."""

    model = PeerFeedbackRule
    icon = "group"
    menu_label = _("Aturan umpan balik rekan")
    list_display = ["setting", "value", "instansi"]


class PromotionRuleViewSet(InstansiRuleViewSet):
    model = PromotionRule
    icon = "calendar-alt"
    menu_label = _("Aturan kenaikan pangkat")
    list_display = ["instansi", "calendar", "years_in_rank", "years_in_rank_functional", "predikat_accepted"]


class EducationCapViewSet(InstansiRuleViewSet):
    model = EducationCap
    icon = "doc-full"
    menu_label = _("Batas pangkat menurut pendidikan")
    list_display = ["pendidikan", "golongan", "instansi"]
    list_related = ("instansi", "golongan")


class AngkaKreditRuleViewSet(InstansiRuleViewSet):
    model = AngkaKreditRule
    icon = "pick"
    menu_label = _("Angka kredit kenaikan pangkat")
    list_display = ["golongan", "angka_kredit", "instansi"]
    list_related = ("instansi", "golongan")


class TalentBoxViewSet(InstansiRuleViewSet):
    """The 9-box numbering and its recommended actions; an instansi that numbers differently adds its own rows."""

    model = TalentBox
    icon = "table"
    menu_label = _("Kotak talenta (9-box)")
    list_display = ["number", "kinerja", "potensial", "name", "in_pool", "instansi"]
    list_filter = ["kinerja", "potensial"]


class TalentRuleViewSet(InstansiRuleViewSet):
    model = TalentRule
    icon = "pick"
    menu_label = _("Aturan pemetaan talenta")
    list_display = ["instansi", "tinggi_min", "menengah_min", "assessment_weight", "kinerja_years"]


class RequestTypeViewSet(InstansiRuleViewSet):
    """The HR service desk's request types: the defaults every instansi offers (read-only to HR), and the instansi's
    own, which replace a default of the same code or add a new service."""

    model = RequestType
    icon = "form"
    menu_label = _("Jenis layanan SDM")
    list_display = ["name", "code", "sla_days", "attaches_evidence", "is_active", "instansi"]
    search_fields = ["name", "code"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
            FieldPanel("instansi"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("sla_days"), FieldPanel("order")]),
            FieldRowPanel([FieldPanel("attaches_evidence"), FieldPanel("is_active")]),
            InlinePanel("checklist", panels=[FieldPanel("name"), FieldPanel("required")],
                        label=_("Dokumen persyaratan")),
        ],
        base_form_class=InstansiRuleForm,
    )  # fmt: skip


class KinerjaGroup(SnippetViewSetGroup):
    menu_label = _("Kinerja")
    menu_icon = "clipboard-list"
    menu_order = 220
    items = (
        PredikatCellViewSet, DistributionRuleViewSet, PeerFeedbackRuleViewSet, PromotionRuleViewSet,
        EducationCapViewSet, AngkaKreditRuleViewSet, TalentBoxViewSet, TalentRuleViewSet, RequestTypeViewSet,
    )  # fmt: skip


register_snippet(KinerjaGroup)
