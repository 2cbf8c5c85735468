"""The training catalogue: one TrainingCatalogPage per instansi (under its HomePage) with CoursePage children."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage
from portal.models import Jabatan

from ..competency.forms import CoursePageForm


class InstansiFromAncestorMixin:
    """A page that belongs to the instansi of the home page (or catalogue) it is created under."""

    def save(self, *args, **kwargs):
        if self.path and not self.instansi_id:
            self.instansi_id = _instansi_id_of_ancestor(self)
        return super().save(*args, **kwargs)


def _instansi_id_of_ancestor(page):
    """The instansi of the nearest ancestor that has one (HomePage or TrainingCatalogPage)."""
    parent = page.get_parent()
    while parent is not None and parent.depth > 1:
        instansi_id = getattr(parent.specific, "instansi_id", None)
        if instansi_id:
            return instansi_id
        parent = parent.get_parent()
    return None


class TrainingCatalogPage(InstansiFromAncestorMixin, BasePage):
    intro = RichTextField(_("pengantar"), blank=True, features=["bold", "italic", "link"])
    # copied from the parent HomePage so that listings filter by instansi without walking the tree
    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, null=True, editable=False
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["kompetensi.CoursePage"]
    max_count_per_parent = 1  # one catalogue per instansi: the dashboard, /pelatihan/ and the menu find it
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    template = "kompetensi/training_catalog_page.html"

    class Meta:
        verbose_name = _("katalog pelatihan")


class CoursePage(InstansiFromAncestorMixin, BasePage):
    class AudienceStatus(models.TextChoices):
        ALL = "", _("Semua pegawai")
        PNS = "PNS", _("Hanya PNS")
        PPPK = "PPPK", _("Hanya PPPK")

    summary = models.CharField(_("ringkasan"), max_length=300, blank=True)
    description = RichTextField(_("deskripsi"), blank=True)
    objectives = RichTextField(_("tujuan pembelajaran"), blank=True)
    bentuk = models.ForeignKey(
        "kompetensi.BentukPengembangan",
        verbose_name=_("bentuk pengembangan"),
        on_delete=models.PROTECT,
        null=True,
        related_name="courses",
    )
    provider = models.CharField(_("penyelenggara"), max_length=200)
    jp = models.PositiveSmallIntegerField(
        _("jumlah JP"), validators=[MinValueValidator(1), MaxValueValidator(1000)], help_text=_("1 JP = 45 menit.")
    )
    audience = models.CharField(_("sasaran peserta"), max_length=300, blank=True)
    audience_status = models.CharField(
        _("status kepegawaian peserta"), max_length=4, choices=AudienceStatus.choices, blank=True, default=""
    )
    audience_jabatan_kind = models.CharField(
        _("jenis jabatan peserta"),
        max_length=20,
        blank=True,
        default="",
        choices=[("", _("Semua jenis jabatan")), *Jabatan.Kind.choices],
    )
    prerequisites = ParentalManyToManyField(
        "self", verbose_name=_("prasyarat"), blank=True, symmetrical=False, related_name="required_by"
    )
    requires_approval = models.BooleanField(_("perlu persetujuan atasan"), default=True)
    issues_certificate = models.BooleanField(_("menerbitkan sertifikat"), default=True)
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("masa berlaku sertifikat (bulan)"), null=True, blank=True, help_text=_("Kosongkan bila berlaku seterusnya.")
    )
    instansi = models.ForeignKey(
        "portal.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="courses",
    )

    parent_page_types = ["kompetensi.TrainingCatalogPage"]
    subpage_types = []
    template = "kompetensi/course_page.html"
    base_form_class = CoursePageForm  # the dictionary select offers the course's instansi's entries only

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("objectives"),
        index.SearchField("provider"),
        index.AutocompleteField("title"),
        index.FilterField("instansi"),
        index.FilterField("bentuk"),
        index.FilterField("provider"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("bentuk"), FieldPanel("provider"), FieldPanel("jp")], heading=_("Bentuk dan beban belajar")
        ),
        InlinePanel("competencies", label=_("Kompetensi yang dikembangkan")),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("audience_status"),
                FieldPanel("audience_jabatan_kind"),
                FieldPanel("prerequisites"),
                FieldPanel("requires_approval"),
            ],
            heading=_("Peserta"),
        ),
        MultiFieldPanel(
            [FieldPanel("issues_certificate"), FieldPanel("certificate_validity_months")], heading=_("Sertifikat")
        ),
    ]

    class Meta:
        verbose_name = _("kursus")
        verbose_name_plural = _("kursus")


class CourseCompetency(Orderable):
    """A competency the course develops and the level (1-5) it targets: an entry of the dictionary, or (for older
    courses) free text whose `code` is matched against the dictionary when a participant completes."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(
        "kompetensi.Competency",
        verbose_name=_("kompetensi dalam kamus"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="course_targets",
        help_text=_("Pilih dari kamus kompetensi agar penyelesaian kursus menjadi bukti kompetensi peserta."),
    )
    code = models.CharField(_("kode"), max_length=20, blank=True, help_text=_("Misalnya M.01."))
    name = models.CharField(_("kompetensi"), max_length=200, blank=True)
    level = models.PositiveSmallIntegerField(
        _("level sasaran"), validators=[MinValueValidator(1), MaxValueValidator(5)], default=2
    )

    panels = [
        FieldPanel("competency", widget=forms.Select),
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("level"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kompetensi kursus")
        verbose_name_plural = _("kompetensi kursus")

    def __str__(self):
        return f"{self.label} (level {self.level})"

    @property
    def label(self):
        return self.competency.name if self.competency_id else self.name

    def clean(self):
        super().clean()
        if not self.competency_id and not self.name.strip():
            raise ValidationError({"competency": _("Pilih kompetensi dari kamus atau tuliskan namanya.")})
