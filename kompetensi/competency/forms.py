"""Admin forms of the dictionary and the standards, and the scoping of the dictionary select on a course page: every
choice comes from the dictionary in force for the instansi the object belongs to."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from portal.models import Jabatan
from portal.scoping import pegawai_of

from .models import Competency


def own_instansi_id(user):
    me = pegawai_of(user)
    return me.instansi_id if me is not None else None


def dictionary_choices(instansi_id, keep=()):
    """The dictionary in force for an instansi (national and its own, active) plus the entries already chosen
    (`keep`), so that retiring an entry never makes an existing form invalid."""
    return Competency.objects.filter(
        Q(instansi__isnull=True) | Q(instansi_id=instansi_id), Q(is_active=True) | Q(pk__in=[pk for pk in keep if pk])
    ).order_by("group", "order", "code")


class CompetencyForm(WagtailAdminModelForm):
    """HR of an instansi writes its own technical competencies; the national ones (managerial and socio-cultural)
    belong to the superadmin. A code is unique within its instansi and never repeats a national code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.limited = user is not None and not user.is_superuser
        if self.limited:
            instansi_id = own_instansi_id(user)
            self.fields.pop("instansi", None)
            if self.instance.pk is None:
                self.instance.instansi_id = instansi_id
            self.fields["group"].choices = [(Competency.Group.TEKNIS.value, Competency.Group.TEKNIS.label)]
            self.fields["group"].initial = Competency.Group.TEKNIS
        if "jabatan" in self.fields:
            jabatan = Jabatan.objects.all()
            self.fields["jabatan"].queryset = (
                jabatan.filter(instansi_id=own_instansi_id(user)) if self.limited else jabatan
            )

    def _instansi_id(self):
        if "instansi" in self.fields:
            instansi = self.cleaned_data.get("instansi")
            return instansi.pk if instansi else None
        return self.instance.instansi_id

    def clean(self):
        cleaned = super().clean()
        instansi_id = self._instansi_id()
        code = (cleaned.get("code") or "").strip()
        if code:
            cleaned["code"] = code
            same = Competency.objects.filter(code__iexact=code).exclude(pk=self.instance.pk)
            here = same.filter(instansi_id=instansi_id) if instansi_id else same.filter(instansi__isnull=True)
            if here.exists():
                self.add_error("code", _("Kode %(code)s sudah dipakai di kamus ini.") % {"code": code})
            elif instansi_id and same.filter(instansi__isnull=True).exists():
                self.add_error("code", _("Kode %(code)s sudah dipakai kamus nasional.") % {"code": code})
        jabatan = cleaned.get("jabatan")
        if jabatan is not None and jabatan.instansi_id != instansi_id:
            self.add_error("jabatan", _("Jabatan harus milik instansi kompetensi ini."))
        group = cleaned.get("group")
        if instansi_id is None and group == Competency.Group.TEKNIS:
            self.add_error("instansi", _("Kompetensi teknis milik satu instansi; pilih instansinya."))
        self._clean_levels()
        return cleaned

    def _clean_levels(self):
        formset = self.formsets.get("levels") if hasattr(self, "formsets") else None
        if formset is None or not formset.is_valid():
            return
        seen = set()
        for form in formset.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            level = form.cleaned_data.get("level")
            if level in seen:
                form.add_error("level", _("Level %(level)s ditulis lebih dari sekali.") % {"level": level})
            seen.add(level)


class JobStandardForm(WagtailAdminModelForm):
    """A standard of one of the HR's own positions, naming a competency of the dictionary in force there."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        limited = user is not None and not user.is_superuser
        instansi_id = own_instansi_id(user) if limited else None
        if limited:
            self.fields["jabatan"].queryset = Jabatan.objects.filter(instansi_id=instansi_id)
            self.fields["competency"].queryset = dictionary_choices(instansi_id, keep=[self.instance.competency_id])
        else:
            self.fields["competency"].queryset = Competency.objects.order_by("group", "order", "code")

    def clean(self):
        cleaned = super().clean()
        jabatan, competency = cleaned.get("jabatan"), cleaned.get("competency")
        if jabatan is not None and competency is not None:
            if competency.instansi_id not in (None, jabatan.instansi_id):
                self.add_error("competency", _("Kompetensi ini tidak berlaku di instansi jabatan tersebut."))
            elif competency.jabatan_id not in (None, jabatan.pk):
                self.add_error("competency", _("Kompetensi ini khusus untuk jabatan lain."))
        return cleaned


def _limit_choices(formset, field, queryset):
    """Every form of an inline formset (the blank template for a new row too) chooses `field` from `queryset`."""
    base = formset.form

    class Limited(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[field].queryset = queryset

    Limited.__name__ = base.__name__
    formset.form = Limited
    for form in formset.__dict__.get("forms", ()):  # forms built before this call
        form.fields[field].queryset = queryset


class CoursePageForm(WagtailAdminPageForm):
    """A course's competency targets choose from the dictionary in force for the course's instansi: national
    entries and its own, never another instansi's technical ones."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("competencies")
        if formset is None:
            return
        instansi_id = self.instance.instansi_id or getattr(
            getattr(self.parent_page, "specific", None), "instansi_id", None
        )
        chosen = [target.competency_id for target in formset.queryset] if self.instance.pk else []
        _limit_choices(formset, "competency", dictionary_choices(instansi_id, keep=chosen))
