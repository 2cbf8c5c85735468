"""The dictionary and the standards in the Wagtail admin, on the platform's scoping kit: "Kamus kompetensi" (a
competency with its levels inline), "Standar kompetensi jabatan" and "Kategori kesesuaian jabatan" (a rule table),
grouped in a "Kompetensi" menu. HR of an instansi reads the national entries and writes its own; another
instansi's objects answer 404. Registered from `kompetensi/wagtail_hooks.py`."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import InspectView, SnippetViewSetGroup

from portal.admin_columns import yes_no_column
from portal.admin_scoping import (
    InstansiRuleViewSet,
    SafeExportIndexView,
    ScopedSnippetViewSet,
    register_instansi_model,
    scoped_choices,
)
from portal.exporting import resource_sheet, spreadsheet_response
from portal.models import Jabatan
from portal.scoping import pegawai_of

from .forms import CompetencyForm, JobStandardForm
from .models import Competency, JobStandard, MatchBand
from .resources import DictionaryExportResource, JobStandardResource

register_instansi_model(Competency)  # shared defaults: the national entries have no instansi
register_instansi_model(JobStandard, "jabatan__instansi")
register_instansi_model(MatchBand)


def scope_label(competency):
    return competency.instansi.name if competency.instansi_id else _("Nasional")


class CompetencyInspectView(InspectView):
    """The read-only view (what HR of an instansi opens for a national entry), with the level texts."""

    def get_fields_context(self):
        rows = super().get_fields_context()
        for level in self.object.levels.all():
            indicators = format_html_join("", "<li>{}</li>", ((text,) for text in level.indicator_list))
            rows.append(
                {
                    "label": _("Level %(level)s") % {"level": level.level},
                    "value": format_html("<p>{}</p><ul>{}</ul>", level.description or "—", indicators),
                    "component": None,
                }
            )
        return rows

    def get_edit_url(self):
        if self.object.instansi_id is None and not self.request.user.is_superuser:
            return None
        return super().get_edit_url()


# --- downloads in the import's columns (edit, then upload again through "Impor data") ----------------------------


def _export(request, permission, resource_class, filename, title):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    me = pegawai_of(request.user)
    resource = resource_class(instansi=me.instansi if me is not None else None, user=request.user)
    return spreadsheet_response(filename, resource_sheet(resource, resource.get_queryset(), title))


def export_dictionary(request):
    """The dictionary in force for the user's instansi, national entries included, with the level texts."""
    return _export(request, "kompetensi.view_competency", DictionaryExportResource, "kamus-kompetensi", _("Kamus"))


def export_standards(request):
    return _export(request, "kompetensi.view_jobstandard", JobStandardResource, "standar-kompetensi", _("Standar"))


@hooks.register("register_admin_urls")
def register_export_urls():
    return [
        path("kompetensi/kamus/unduh/", export_dictionary, name="competency_dictionary_export"),
        path("kompetensi/standar/unduh/", export_standards, name="competency_standards_export"),
    ]


class DownloadIndexView(SafeExportIndexView):
    """A listing with a button that downloads the data in the columns its import reads."""

    download_url_name = None

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.download_url_name:
            url = reverse(self.download_url_name)
            buttons.append(HeaderButton(_("Unduh format impor"), url=url, icon_name="download"))
        return buttons


class CompetencyIndexView(DownloadIndexView):
    download_url_name = "competency_dictionary_export"


class JobStandardIndexView(DownloadIndexView):
    download_url_name = "competency_standards_export"


class CompetencyFilterSet(WagtailFilterSet):
    class Meta:
        model = Competency
        fields = ["group", "is_active"]


class CompetencyViewSet(ScopedSnippetViewSet):
    model = Competency
    icon = "list-ol"
    menu_label = _("Kamus kompetensi")
    index_view_class = CompetencyIndexView
    shared_defaults = True
    copy_view_enabled = False  # a copy of a national entry is not how an instansi writes its own
    inspect_view_enabled = True
    inspect_view_class = CompetencyInspectView
    inspect_view_fields = ["code", "name", "group", "instansi", "jabatan", "definition", "is_active"]
    list_related = ("instansi", "jabatan")
    list_display = [
        "name", "code", "group", Column("scope", label=_("Berlaku untuk"), accessor=scope_label), "jabatan",
        Column("filled_levels", label=_("Level terisi"), sort_key="filled_levels"),
        yes_no_column(Competency, "is_active"),
    ]  # fmt: skip
    filterset_class = CompetencyFilterSet
    search_fields = ["code", "name"]
    list_export = ["code", "name", "group", "instansi.name", "jabatan.code", "definition", "is_active"]
    export_headings = {"instansi.name": _("Instansi"), "jabatan.code": _("Kode jabatan")}
    export_filename = "kamus-kompetensi"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
            FieldRowPanel([FieldPanel("group"), FieldPanel("instansi"), FieldPanel("jabatan")]),
            FieldPanel("definition"),
            FieldRowPanel([FieldPanel("order"), FieldPanel("is_active")]),
            InlinePanel(
                "levels",
                panels=[FieldPanel("level"), FieldPanel("description"), FieldPanel("indicators")],
                label=_("Level kompetensi"),
                max_num=5,
            ),
        ],
        base_form_class=CompetencyForm,
    )

    def get_queryset(self, request):
        filled = Count("levels", filter=~Q(levels__description=""))
        return super().get_queryset(request).annotate(filled_levels=filled)


class JobStandardFilterSet(WagtailFilterSet):
    jabatan = django_filters.ModelChoiceFilter(label=_("Jabatan"), queryset=scoped_choices(Jabatan))
    competency__group = django_filters.ChoiceFilter(label=_("Kelompok"), choices=Competency.Group.choices)

    class Meta:
        model = JobStandard
        fields = ["jabatan", "competency__group"]


class JobStandardViewSet(ScopedSnippetViewSet):
    model = JobStandard
    icon = "tasks"
    menu_label = _("Standar kompetensi jabatan")
    index_view_class = JobStandardIndexView
    list_related = ("jabatan", "competency")
    list_display = ["jabatan", "competency", "competency__group", "required_level"]
    filterset_class = JobStandardFilterSet
    search_fields = ["jabatan__name", "jabatan__code", "competency__code", "competency__name"]
    list_export = ["jabatan.code", "jabatan.name", "competency.code", "competency.name", "required_level"]
    export_headings = {
        "jabatan.code": _("Kode jabatan"),
        "jabatan.name": _("Jabatan"),
        "competency.code": _("Kode kompetensi"),
        "competency.name": _("Kompetensi"),
    }
    export_filename = "standar-kompetensi-jabatan"
    edit_handler = ObjectList(
        [
            FieldPanel("jabatan"),
            FieldRowPanel([FieldPanel("competency", widget=forms.Select), FieldPanel("required_level")]),
        ],
        base_form_class=JobStandardForm,
    )


class MatchBandViewSet(InstansiRuleViewSet):
    model = MatchBand
    icon = "pick"
    menu_label = _("Kategori kesesuaian jabatan")
    list_display = ["name", "code", "instansi", "min_percent"]


class KompetensiGroup(SnippetViewSetGroup):
    menu_label = _("Kompetensi")
    menu_icon = "list-ol"
    menu_order = 215
    items = (CompetencyViewSet, JobStandardViewSet, MatchBandViewSet)
