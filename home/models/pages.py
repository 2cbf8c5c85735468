"""The intranet's page types: guidance (ContentPage), policies, news and socialisation campaigns, each under
its own index page below an instansi's HomePage."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from .base import BasePage
from .blocks import BodyBlock, QuizQuestionBlock


def today():
    return timezone.localdate()


class OwnedPageMixin(models.Model):
    """A page owner who answers for the content (feedback goes to them) and a date to review it by."""

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penanggung jawab konten"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Menerima umpan balik dan pengingat tinjauan. Kosong: pembuat halaman."),
    )
    review_by = models.DateField(_("tinjau paling lambat"), null=True, blank=True)

    owner_panels = [MultiFieldPanel([FieldPanel("content_owner"), FieldPanel("review_by")], heading=_("Pemilik"))]

    class Meta:
        abstract = True

    @property
    def responsible_user(self):
        return self.content_owner or self.owner


class RequiredReadingMixin(models.Model):
    """Fields editors set; home.services.sync_reading_requirement copies them to ReadingRequirement on publish."""

    is_required_reading = models.BooleanField(_("wajib dibaca"), default=False)
    reading_deadline = models.DateField(_("batas waktu konfirmasi"), null=True, blank=True)
    reacknowledge = models.BooleanField(
        _("minta konfirmasi ulang saat diterbitkan"),
        default=False,
        help_text=_("Konfirmasi sebelumnya tidak lagi dihitung. Tanda ini dihapus otomatis setelah terbit."),
    )

    reading_panels = [
        MultiFieldPanel(
            [FieldPanel("is_required_reading"), FieldPanel("reading_deadline"), FieldPanel("reacknowledge")],
            heading=_("Bacaan wajib"),
        ),
        InlinePanel("audience_rules", label=_("Sasaran pembaca"), heading=_("Sasaran pembaca (kosong: semua pegawai)")),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.is_required_reading and not self.reading_deadline:
            raise ValidationError({"reading_deadline": _("Bacaan wajib memerlukan batas waktu konfirmasi.")})


class ListingIndexPage(BasePage):
    """An index that lists its visible children, paginated, through home.queries."""

    intro = RichTextField(_("pengantar"), blank=True, features=["bold", "italic", "link"])
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ContentIndexPage(ListingIndexPage):
    subpage_types = ["home.ContentPage"]
    template = "home/index_page.html"

    class Meta:
        verbose_name = _("indeks panduan")


class ContentPage(OwnedPageMixin, BasePage):
    intro = models.CharField(_("ringkasan"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    parent_page_types = ["home.ContentIndexPage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        *OwnedPageMixin.owner_panels,
        InlinePanel("audience_rules", label=_("Sasaran pembaca"), heading=_("Sasaran pembaca (kosong: semua pegawai)")),
    ]
    template = "home/content_page.html"

    class Meta:
        verbose_name = _("halaman panduan")
        verbose_name_plural = _("halaman panduan")


class PolicyIndexPage(ListingIndexPage):
    subpage_types = ["home.PolicyPage"]
    template = "home/policy_index_page.html"

    class Meta:
        verbose_name = _("indeks kebijakan & regulasi")


class PolicySubject(TaggedItemBase):
    content_object = ParentalKey("home.PolicyPage", on_delete=models.CASCADE, related_name="subject_items")


class PolicyPage(RequiredReadingMixin, OwnedPageMixin, BasePage):
    class RegulationType(models.TextChoices):
        PERDA = "perda", _("Peraturan Daerah (Perda)")
        PERKADA = "perkada", _("Peraturan Kepala Daerah (Pergub/Perbup/Perwal)")
        KEPKADA = "kepkada", _("Keputusan Kepala Daerah")
        PERSEKDA = "persekda", _("Peraturan Sekretaris Daerah")
        SE = "se", _("Surat Edaran")
        SOP = "sop", _("Standar Operasional Prosedur (SOP)")
        JUKNIS = "juknis", _("Petunjuk Teknis (Juknis)")
        PERATURAN_PUSAT = "pusat", _("Peraturan Pusat (UU/PP/Perpres/Permen)")
        LAINNYA = "lainnya", _("Lainnya")

    class Status(models.TextChoices):
        BERLAKU = "berlaku", _("Berlaku")
        DICABUT = "dicabut", _("Dicabut")
        DIGANTI = "diganti", _("Diganti")

    regulation_type = models.CharField(_("jenis regulasi"), max_length=20, choices=RegulationType.choices)
    number = models.CharField(_("nomor"), max_length=120)
    date_issued = models.DateField(_("tanggal ditetapkan"))
    date_effective = models.DateField(_("tanggal berlaku"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BERLAKU)
    replaced_by = models.ForeignKey(
        "home.PolicyPage",
        verbose_name=_("diganti oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    summary = models.TextField(_("ringkasan"), blank=True, max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)
    subjects = ClusterTaggableManager(through=PolicySubject, verbose_name=_("pokok bahasan"), blank=True)

    parent_page_types = ["home.PolicyIndexPage"]
    subpage_types = []
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("number", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("subjects", [index.SearchField("name")]),
        index.FilterField("regulation_type"),
        index.FilterField("status"),
    ]
    # the number is searched but is no reading text: a result's snippet comes from these (portal/search_text.py)
    search_snippet_fields = ("summary", "body")
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("regulation_type"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("date_issued"), FieldPanel("date_effective")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("replaced_by")]),
                FieldPanel("subjects"),
            ],
            heading=_("Identitas regulasi"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Lampiran dokumen")),
        *OwnedPageMixin.owner_panels,
        *RequiredReadingMixin.reading_panels,
    ]
    template = "home/policy_page.html"

    class Meta:
        verbose_name = _("kebijakan & regulasi")
        verbose_name_plural = _("kebijakan & regulasi")

    def clean(self):
        super().clean()
        if self.status == self.Status.DIGANTI and not self.replaced_by_id:
            raise ValidationError({"replaced_by": _("Regulasi berstatus diganti harus menyebut penggantinya.")})
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            raise ValidationError({"replaced_by": _("Regulasi tidak dapat menggantikan dirinya sendiri.")})
        if self.date_effective and self.date_issued and self.date_effective < self.date_issued:
            raise ValidationError({"date_effective": _("Tanggal berlaku tidak boleh sebelum tanggal ditetapkan.")})


class PolicyAttachment(Orderable):
    page = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("dokumen"), on_delete=models.CASCADE)
    label = models.CharField(_("label"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("lampiran")


class NewsIndexPage(ListingIndexPage):
    subpage_types = ["home.NewsPage"]
    template = "home/news_index_page.html"

    class Meta:
        verbose_name = _("indeks berita & pengumuman")


class NewsPage(OwnedPageMixin, BasePage):
    class Category(models.TextChoices):
        BERITA = "berita", _("Berita")
        PENGUMUMAN = "pengumuman", _("Pengumuman")
        AGENDA = "agenda", _("Agenda")

    date = models.DateField(_("tanggal"), default=today)
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices, default=Category.BERITA)
    pinned_until = models.DateField(
        _("disematkan sampai"), null=True, blank=True, help_text=_("Tampil paling atas sampai tanggal ini.")
    )
    intro = models.CharField(_("ringkasan"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("category"), FieldPanel("pinned_until")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        *OwnedPageMixin.owner_panels,
        InlinePanel("audience_rules", label=_("Sasaran pembaca"), heading=_("Sasaran pembaca (kosong: semua pegawai)")),
    ]
    template = "home/news_page.html"

    class Meta:
        verbose_name = _("berita & pengumuman")
        verbose_name_plural = _("berita & pengumuman")

    @property
    def is_pinned(self):
        return bool(self.pinned_until and self.pinned_until >= today())


class SocialisationIndexPage(ListingIndexPage):
    subpage_types = ["home.SocialisationPage"]
    template = "home/index_page.html"

    class Meta:
        verbose_name = _("indeks materi sosialisasi")


class SocialisationPage(RequiredReadingMixin, OwnedPageMixin, BasePage):
    intro = models.CharField(_("ringkasan"), max_length=300, blank=True)
    period_start = models.DateField(_("mulai kampanye"), null=True, blank=True)
    period_end = models.DateField(_("akhir kampanye"), null=True, blank=True)
    materials = StreamField(BodyBlock(), verbose_name=_("materi"), blank=True)
    quiz = StreamField(
        [("question", QuizQuestionBlock())],
        verbose_name=_("uji pemahaman"),
        blank=True,
        help_text=_("Opsional: pertanyaan singkat yang harus dijawab sebelum konfirmasi."),
    )
    quiz_pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus (%)"), default=70, help_text=_("Persentase jawaban benar minimal.")
    )

    parent_page_types = ["home.SocialisationIndexPage"]
    subpage_types = []
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("materials")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Periode kampanye")),
        FieldPanel("materials"),
        MultiFieldPanel([FieldPanel("quiz"), FieldPanel("quiz_pass_mark")], heading=_("Uji pemahaman")),
        *OwnedPageMixin.owner_panels,
        *RequiredReadingMixin.reading_panels,
    ]
    template = "home/socialisation_page.html"

    class Meta:
        verbose_name = _("materi sosialisasi")
        verbose_name_plural = _("materi sosialisasi")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Akhir kampanye tidak boleh sebelum mulainya.")})
        if not 0 < self.quiz_pass_mark <= 100:
            raise ValidationError({"quiz_pass_mark": _("Nilai lulus harus antara 1 dan 100.")})
        for block in self.quiz:
            if block.value["correct"] > len(block.value["options"]):
                raise ValidationError({"quiz": _("Nomor jawaban benar melebihi jumlah pilihan.")})
