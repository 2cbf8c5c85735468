from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("tingkat"), choices=[("h2", _("Judul bagian")), ("h3", _("Sub-judul"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Judul")
        template = "home/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("gambar"))
    alt = blocks.CharBlock(
        label=_("teks alternatif"), max_length=250, help_text=_("Uraian gambar untuk pembaca layar.")
    )
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "home/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokumen"))
    label = blocks.CharBlock(label=_("label"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Dokumen")
        template = "home/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("jenis"),
        choices=[("info", _("Informasi")), ("warn", _("Perhatian")), ("ok", _("Tips"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("judul"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("isi"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = _("Kotak sorotan")
        template = "home/blocks/callout.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("pertanyaan"), max_length=300)
    answer = blocks.RichTextBlock(label=_("jawaban"), features=["bold", "italic", "link", "ul", "ol"])


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("judul"), required=False, max_length=200)
    items = blocks.ListBlock(FaqItemBlock(), label=_("pertanyaan"))

    class Meta:
        icon = "help"
        label = _("Tanya jawab (akordeon)")
        template = "home/blocks/faq.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("tautan video"), help_text=_("Misalnya tautan YouTube."))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Teks"), features=RICH_FEATURES, template="home/blocks/paragraph.html")
    image = ImageBlock()
    document = DocumentBlock()
    table = TableBlock(label=_("Tabel"), template="home/blocks/table.html")
    callout = CalloutBlock()
    faq = FaqBlock()
    video = VideoBlock()


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("pertanyaan"), max_length=300)
    options = blocks.ListBlock(blocks.CharBlock(label=_("pilihan"), max_length=200), label=_("pilihan jawaban"))
    correct = blocks.IntegerBlock(
        label=_("nomor jawaban benar"), min_value=1, help_text=_("Nomor urut pilihan yang benar, mulai dari 1.")
    )

    class Meta:
        icon = "help"
        label = _("Pertanyaan")
