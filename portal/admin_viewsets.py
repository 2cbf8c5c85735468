"""The organisation core in the Wagtail admin: snippet viewsets for instansi, unit kerja, jabatan, pegawai and the
pangkat reference, built on the admin scoping kit."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSetGroup

from .admin_columns import yes_no_column
from .admin_scoping import InstansiRuleViewSet, InstansiScopedForm, ScopedSnippetViewSet, scoped_choices
from .models import Holiday, HukumanDisiplin, Instansi, Jabatan, Pangkat, Pegawai, UnitKerja
from .services import save_pegawai


class PegawaiForm(InstansiScopedForm):
    def clean(self):
        cleaned = super().clean()
        nip = cleaned.get("nip")
        if self.instance.pk is None and nip and get_user_model().objects.filter(username=nip).exists():
            self.add_error("nip", _("Akun dengan nama pengguna %(login)s sudah ada.") % {"login": nip})
        return cleaned


class PegawaiCreateView(CreateView):
    def save_instance(self):
        # through the service, so the audit log records what changed and the login account is created
        self.new_revision = None
        return save_pegawai(self.request.user, self.form.save(commit=False))


class PegawaiEditView(EditView):
    def save_instance(self):
        self.new_revision = None
        return save_pegawai(self.request.user, self.form.save(commit=False))


class UnitKerjaFilterSet(WagtailFilterSet):
    instansi = django_filters.ModelChoiceFilter(label=_("Instansi"), queryset=scoped_choices(Instansi))
    parent = django_filters.ModelChoiceFilter(label=_("Unit induk"), queryset=scoped_choices(UnitKerja))

    class Meta:
        model = UnitKerja
        fields = ["instansi", "parent"]


class JabatanFilterSet(WagtailFilterSet):
    instansi = django_filters.ModelChoiceFilter(label=_("Instansi"), queryset=scoped_choices(Instansi))

    class Meta:
        model = Jabatan
        fields = ["instansi", "kind"]


class PegawaiFilterSet(WagtailFilterSet):
    instansi = django_filters.ModelChoiceFilter(label=_("Instansi"), queryset=scoped_choices(Instansi))
    unit = django_filters.ModelChoiceFilter(label=_("Unit kerja"), queryset=scoped_choices(UnitKerja))
    jabatan__kind = django_filters.ChoiceFilter(label=_("Jenis jabatan"), choices=Jabatan.Kind.choices)

    class Meta:
        model = Pegawai
        fields = ["instansi", "unit", "jabatan__kind", "status", "is_active"]


class InstansiViewSet(ScopedSnippetViewSet):
    model = Instansi
    icon = "site"
    menu_label = _("Instansi")
    list_display = ["name", "kind", "region", "time_zone"]
    list_filter = ["kind", "time_zone"]
    search_fields = ["name", "region"]
    list_export = ["name", "slug", "kind", "region", "time_zone"]
    export_filename = "instansi"
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldPanel("time_zone"),
        MultiFieldPanel(
            [
                FieldPanel("certificate_place"),
                FieldPanel("signatory_position"),
                FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_nip")]),
            ],
            heading=_("Sertifikat pelatihan"),
        ),
    ]


class UnitKerjaViewSet(ScopedSnippetViewSet):
    model = UnitKerja
    icon = "folder-open-inverse"
    menu_label = _("Unit kerja")
    list_display = ["name", "code", "parent", "instansi"]
    list_related = ("instansi", "parent")
    filterset_class = UnitKerjaFilterSet
    search_fields = ["name", "code"]
    list_export = ["code", "name", "parent.code", "instansi.name"]
    export_headings = {"code": _("Kode"), "parent.code": _("Kode induk"), "instansi.name": _("Instansi")}
    export_filename = "unit-kerja"
    edit_handler = ObjectList(
        [FieldPanel("instansi"), FieldRowPanel([FieldPanel("code"), FieldPanel("name")]), FieldPanel("parent")],
        base_form_class=InstansiScopedForm,
    )


class JabatanViewSet(ScopedSnippetViewSet):
    model = Jabatan
    icon = "tag"
    menu_label = _("Jabatan")
    list_display = ["name", "code", "kind", "jenjang", "kelas_jabatan", "instansi"]
    list_related = ("instansi",)
    filterset_class = JabatanFilterSet
    search_fields = ["name", "code", "jenjang"]
    list_export = ["code", "name", "kind", "jenjang", "kelas_jabatan", "instansi.name"]
    export_headings = {"instansi.name": _("Instansi")}
    export_filename = "jabatan"
    edit_handler = ObjectList(
        [
            FieldPanel("instansi"),
            FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("jenjang"), FieldPanel("kelas_jabatan")]),
        ],
        base_form_class=InstansiScopedForm,
    )


class PegawaiViewSet(ScopedSnippetViewSet):
    model = Pegawai
    icon = "user"
    menu_label = _("Pegawai")
    add_view_class = PegawaiCreateView
    edit_view_class = PegawaiEditView
    copy_view_enabled = False
    list_display = ["full_name", "nip", "unit", "jabatan", "status", yes_no_column(Pegawai, "is_active")]
    list_related = ("instansi", "unit", "jabatan", "pangkat", "atasan")
    filterset_class = PegawaiFilterSet
    search_fields = ["nama", "nip", "email"]
    list_export = [
        "nip", "nama", "gelar_depan", "gelar_belakang", "status", "unit.code", "unit.name", "jabatan.name",
        "pangkat.golongan_ruang", "tmt_pangkat", "pendidikan", "angka_kredit", "atasan.nip", "email", "phone", "is_active", "instansi.name",
    ]  # fmt: skip
    export_headings = {
        "unit.code": _("Kode unit"),
        "unit.name": _("Unit kerja"),
        "jabatan.name": _("Jabatan"),
        "pangkat.golongan_ruang": _("Golongan"),
        "atasan.nip": _("NIP atasan"),
        "instansi.name": _("Instansi"),
    }
    export_filename = "pegawai"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("nip"),
                    FieldRowPanel([FieldPanel("gelar_depan"), FieldPanel("nama"), FieldPanel("gelar_belakang")]),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                ],
                heading=_("Identitas"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("instansi"),
                    FieldRowPanel([FieldPanel("unit"), FieldPanel("jabatan")]),
                    FieldPanel("atasan"),
                    FieldRowPanel([FieldPanel("status"), FieldPanel("pangkat"), FieldPanel("tmt_pangkat")]),
                    FieldRowPanel([FieldPanel("pendidikan"), FieldPanel("angka_kredit")]),
                    FieldPanel("is_active"),
                ],
                heading=_("Kepegawaian"),
            ),
        ],
        base_form_class=PegawaiForm,
    )


class PangkatViewSet(ScopedSnippetViewSet):
    model = Pangkat
    icon = "list-ol"
    menu_label = _("Pangkat")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["golongan_ruang", "name"]
    search_fields = ["name", "golongan_ruang"]
    list_export = ["golongan_ruang", "name"]
    export_filename = "pangkat"


class HukumanDisiplinForm(InstansiScopedForm):
    related_fields = ("pegawai",)


class HukumanDisiplinFilterSet(WagtailFilterSet):
    pegawai__unit = django_filters.ModelChoiceFilter(label=_("Unit kerja"), queryset=scoped_choices(UnitKerja))

    class Meta:
        model = HukumanDisiplin
        fields = ["pegawai__unit", "level", "kind"]


class HukumanDisiplinViewSet(ScopedSnippetViewSet):
    model = HukumanDisiplin
    icon = "warning"
    menu_label = _("Hukuman disiplin")
    copy_view_enabled = False
    list_display = ["pegawai", "level", "kind", "starts_on", "ends_on", "sk_number"]
    list_related = ("pegawai",)
    filterset_class = HukumanDisiplinFilterSet
    search_fields = ["sk_number", "pegawai__nama", "pegawai__nip"]
    list_export = ["pegawai.nip", "pegawai.nama", "level", "kind", "starts_on", "ends_on", "sk_number"]
    export_headings = {"pegawai.nip": _("NIP"), "pegawai.nama": _("Nama")}
    export_filename = "hukuman-disiplin"
    edit_handler = ObjectList(
        [
            FieldPanel("pegawai"),
            FieldRowPanel([FieldPanel("level"), FieldPanel("kind")]),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            FieldPanel("sk_number"),
        ],
        base_form_class=HukumanDisiplinForm,
    )


class HolidayViewSet(InstansiRuleViewSet):
    """National holidays and cuti bersama (read-only to HR) and the instansi's own days off, which working-day
    deadlines such as the HR service desk's SLA skip."""

    model = Holiday
    icon = "date"
    menu_label = _("Hari libur")
    copy_view_enabled = False
    list_display = ["date", "name", "kind", "instansi"]
    list_filter = ["kind"]
    search_fields = ["name"]
    list_export = ["date", "name", "kind", "instansi.name"]
    export_headings = {"instansi.name": _("Instansi")}
    export_filename = "hari-libur"


class OrganisasiGroup(SnippetViewSetGroup):
    menu_label = _("Organisasi")
    menu_icon = "group"
    menu_order = 200
    items = (
        PegawaiViewSet, UnitKerjaViewSet, JabatanViewSet, PangkatViewSet, HukumanDisiplinViewSet, HolidayViewSet,
        InstansiViewSet,
    )  # fmt: skip
