"""Forms of the SKP pages: they parse and keep the input; the services decide and write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Pegawai

from .models import ActingEvaluator, Iki, PerformancePeriod, Rhk, Skp

TEXTAREA = {"rows": 3}


class StartForm(forms.Form):
    SOURCES = [
        ("empty", _("Mulai dari kosong")),
        ("previous", _("Salin RHK dan IKI dari SKP tahun lalu")),
        ("evaluator", _("Mulai dari RHK pejabat penilai")),
    ]
    source = forms.ChoiceField(label=_("Titik awal"), choices=SOURCES, initial="empty", widget=forms.RadioSelect)
    approach = forms.ChoiceField(label=_("Pendekatan"), choices=Skp.Approach.choices, initial=Skp.Approach.KUANTITATIF)

    def __init__(self, *args, has_previous=False, has_evaluator_rhk=False, extra=(), **kwargs):
        """`extra`: (key, label) of the starting points sibling packages offer (`start_sources.offered`)."""
        super().__init__(*args, **kwargs)
        offered = {"empty", *(["previous"] if has_previous else []), *(["evaluator"] if has_evaluator_rhk else [])}
        self.fields["source"].choices = [choice for choice in self.SOURCES if choice[0] in offered] + list(extra)


class RhkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis RHK"), choices=Rhk.Kind.choices, initial=Rhk.Kind.UTAMA)
    text = forms.CharField(
        label=_("Rencana hasil kerja"), max_length=1000, widget=forms.Textarea(attrs=TEXTAREA),
        error_messages={"required": _("Tuliskan rencana hasil kerja.")},
        help_text=_("Tulis hasil yang ingin dicapai, misalnya \u201cMeningkatnya kualitas pelayanan kepegawaian\u201d."),
    )  # fmt: skip
    intervened = forms.ModelChoiceField(
        label=_("RHK pimpinan yang diintervensi"), queryset=Rhk.objects.none(), required=False,
        empty_label=_("— pilih RHK pejabat penilai —"),
    )  # fmt: skip
    perspektif = forms.ChoiceField(label=_("Perspektif"), choices=Rhk.Perspektif.choices, required=False)

    def __init__(self, *args, intervenable=None, is_jpt=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intervened"].queryset = intervenable if intervenable is not None else Rhk.objects.none()
        self.fields["intervened"].label_from_instance = lambda rhk: rhk.text[:120]
        self.fields["intervened"].error_messages["invalid_choice"] = _(
            "Pilih RHK dari SKP pejabat penilai Anda yang sudah disetujui."
        )
        if not is_jpt:
            del self.fields["perspektif"]

    @classmethod
    def initial_of(cls, rhk):
        return {"kind": rhk.kind, "text": rhk.text, "intervened": rhk.intervened_id, "perspektif": rhk.perspektif}


class IkiForm(forms.Form):
    text = forms.CharField(
        label=_("Indikator kinerja individu"), max_length=500,
        error_messages={"required": _("Tuliskan indikatornya.")},
        help_text=_("Misalnya \u201cPersentase usul layanan selesai tepat waktu\u201d."),
    )  # fmt: skip
    aspek = forms.ChoiceField(label=_("Aspek"), choices=Iki.Aspek.choices, initial=Iki.Aspek.KUANTITAS)
    target = forms.CharField(
        label=_("Target"), max_length=200, error_messages={"required": _("Tuliskan targetnya, misalnya 95 %.")}
    )

    @classmethod
    def initial_of(cls, iki):
        return {"text": iki.text, "aspek": iki.aspek, "target": iki.target}


class DetailsForm(forms.Form):
    approach = forms.ChoiceField(label=_("Pendekatan"), choices=Skp.Approach.choices)
    dukungan_sumber_daya = forms.CharField(
        label=_("Dukungan sumber daya"), required=False, max_length=4000, widget=forms.Textarea(attrs=TEXTAREA)
    )
    skema_pertanggungjawaban = forms.CharField(
        label=_("Skema pertanggungjawaban"), required=False, max_length=4000, widget=forms.Textarea(attrs=TEXTAREA)
    )
    konsekuensi = forms.CharField(
        label=_("Konsekuensi"), required=False, max_length=4000, widget=forms.Textarea(attrs=TEXTAREA)
    )

    @classmethod
    def initial_of(cls, skp):
        return {name: getattr(skp, name) for name in cls.base_fields}


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=300, widget=forms.Textarea(attrs=TEXTAREA))


class ExpectationForm(forms.Form):
    """One field per BerAKHLAK value: the evaluator's ekspektasi khusus pimpinan."""

    def __init__(self, *args, perilaku=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.perilaku = list(perilaku)
        for item in self.perilaku:
            self.fields[f"value_{item.value_id}"] = forms.CharField(
                label=item.value.name, required=False, max_length=2000, initial=item.ekspektasi_khusus,
                widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip

    def changed_values(self):
        return [
            (item.value, self.cleaned_data[f"value_{item.value_id}"])
            for item in self.perilaku
            if self.cleaned_data[f"value_{item.value_id}"].strip() != item.ekspektasi_khusus
        ]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PeriodForm(forms.Form):
    year = forms.IntegerField(
        label=_("Tahun"), min_value=2020, max_value=2100, error_messages={"required": _("Isi tahun periode.")}
    )
    cadence = forms.ChoiceField(
        label=_("Evaluasi periodik"), choices=PerformancePeriod.Cadence.choices, initial="triwulanan",
        error_messages={"invalid_choice": _("Pilih triwulanan atau bulanan.")},
    )  # fmt: skip
    planning_deadline = forms.DateField(
        label=_("Batas penetapan SKP"), required=False, widget=DateInput(),
        help_text=_("Kosongkan untuk 31 Januari tahun itu."),
    )  # fmt: skip
    annual_deadline = forms.DateField(
        label=_("Batas evaluasi tahunan"), required=False, widget=DateInput(),
        help_text=_("Kosongkan untuk 31 Januari tahun berikutnya."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year

    def clean(self):
        data = super().clean()
        year = data.get("year")
        for name in ("planning_deadline", "annual_deadline"):
            day = data.get(name)
            if year and day and day.year < year:
                self.add_error(name, _("Batas waktu tidak boleh sebelum tahun periode."))
        return data


class ActingForm(forms.Form):
    official = forms.ModelChoiceField(label=_("Pejabat definitif"), queryset=Pegawai.objects.none())
    acting_nip = forms.CharField(
        label=_("NIP Plt/Plh"), max_length=18, min_length=18,
        error_messages={"min_length": _("NIP terdiri dari 18 angka.")},
    )  # fmt: skip
    kind = forms.ChoiceField(label=_("Jenis"), choices=ActingEvaluator.Kind.choices)
    starts_on = forms.DateField(label=_("Mulai"), widget=DateInput())
    ends_on = forms.DateField(label=_("Selesai"), widget=DateInput())
    note = forms.CharField(label=_("Dasar penunjukan"), required=False, max_length=200)

    def __init__(self, *args, instansi_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi_id = instansi_id
        # the officials who can be a pejabat penilai: active employees with direct reports
        self.fields["official"].queryset = (
            Pegawai.objects.filter(instansi_id=instansi_id, is_active=True, bawahan__is_active=True)
            .select_related("jabatan")
            .distinct()
            .order_by("nama")
        )
        self.fields["official"].label_from_instance = lambda p: (
            f"{p.nama} — {p.jabatan.name}" if p.jabatan_id else p.nama
        )

    def clean_acting_nip(self):
        nip = self.cleaned_data["acting_nip"].strip()
        acting = Pegawai.objects.filter(nip=nip, instansi_id=self.instansi_id, is_active=True).first()
        if acting is None:
            raise forms.ValidationError(_("Tidak ada pegawai aktif dengan NIP itu di instansi Anda."))
        self.acting = acting
        return nip

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data
