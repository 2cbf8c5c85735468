"""The certificate PDF (reportlab) with its verification QR code (segno). Rendered on request from the stored
certificate, so a revoked or corrected certificate never leaves a stale file behind.

The sheet follows the shape of an Indonesian government training certificate: the instansi's logo and name,
"SERTIFIKAT" with its number, the participant, the course, its dates and JP, then the place and date of issue with
the signatory's block, and a QR code to the public verification page."""

import io
import logging
import zoneinfo
from dataclasses import dataclass
from xml.sax.saxutils import escape

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, Paragraph

from home.models import InstansiSiteSettings

from . import rules

logger = logging.getLogger(__name__)

PAGE = landscape(A4)
DEFAULT_BRAND = "#0b4f8a"
GOLD = colors.HexColor("#b08d3c")
INK = colors.HexColor("#1f2937")
MUTED = colors.HexColor("#4b5563")


def verification_url(certificate):
    """The public page that confirms the certificate, on the portal's public address: the QR is printed and
    scanned outside the office, so it never carries the host the employee happened to download from."""
    path = reverse("kompetensi:certificate_verify", args=[certificate.code])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def qr_png(data, scale=8):
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=scale, border=0, dark="#111827")
    buffer.seek(0)
    return buffer


@dataclass(frozen=True)
class CertificateText:
    """Every line the sheet prints, worked out once, so the drawing code only lays them out."""

    instansi: str
    title: str
    number: str
    given_to: str
    name: str
    nip: str
    completed: str
    course: str
    details: str
    validity: str
    place_and_date: str
    signatory_position: str
    signatory_name: str
    signatory_nip: str
    scan_hint: str
    url: str


def certificate_text(certificate, url):
    enrolment = certificate.enrolment
    session, pegawai = enrolment.session, enrolment.pegawai
    instansi = session.instansi
    tz = zoneinfo.ZoneInfo(instansi.time_zone)  # the dates as the issuing instansi states them
    start = timezone.localtime(session.start_at, tz).date()
    end = timezone.localtime(session.end_at, tz).date()
    issued = timezone.localtime(certificate.issued_at, tz).date() if certificate.issued_at else end
    # an official document is written in Bahasa Indonesia, whatever language the downloader reads the portal in
    with translation.override("id"):
        details = _("%(session)s, tanggal %(dates)s, setara %(jp)s Jam Pelajaran (JP)") % {
            "session": session.name,
            "dates": rules.date_range_text(start, end),
            "jp": session.course.jp,
        }
        place = instansi.issuing_place
        issued_text = date_format(issued, "j F Y")
        return CertificateText(
            instansi=instansi.name.upper(),
            title=_("SERTIFIKAT"),
            number=_("Nomor: %(number)s") % {"number": certificate.code},
            given_to=_("diberikan kepada:"),
            name=pegawai.full_name,
            nip=_("NIP. %(nip)s") % {"nip": pegawai.nip},
            completed=_("yang telah mengikuti dan menyelesaikan"),
            course=session.course.title,
            details=details,
            validity=(
                _("Sertifikat ini berlaku sampai %(date)s.") % {"date": date_format(certificate.valid_until, "j F Y")}
                if certificate.valid_until
                else ""
            ),
            place_and_date=f"{place}, {issued_text}" if place else issued_text,
            # an instansi that named no signatory still signs as itself
            signatory_position=instansi.signatory_position or instansi.name,
            signatory_name=instansi.signatory_name,
            signatory_nip=_("NIP. %(nip)s") % {"nip": instansi.signatory_nip} if instansi.signatory_nip else "",
            scan_hint=_("Pindai untuk memeriksa keaslian"),
            url=url,
        )


def render_pdf(certificate, url):
    text = certificate_text(certificate, url)
    site = InstansiSiteSettings.for_instansi_id(certificate.enrolment.session.instansi_id)
    brand = colors.HexColor(site.brand_colour or DEFAULT_BRAND)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE, invariant=True)
    pdf.setTitle(_("Sertifikat %(code)s") % {"code": certificate.code})
    pdf.setAuthor(certificate.enrolment.session.instansi.name)
    pdf.setSubject(text.course)
    Sheet(pdf, brand, _logo(site.logo)).draw(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _logo(image):
    """The instansi's logo (its home page's, else the portal's) as a bitmap reportlab can place, or None for the
    drawn Lentera emblem. A logo that cannot be read (an SVG, a missing file) must not stop the download."""
    if image is None or image.is_svg():
        return None
    try:
        rendition = image.get_rendition("max-480x480")
        with rendition.file.open("rb") as handle:
            return ImageReader(io.BytesIO(handle.read()))
    except (OSError, ValueError):
        logger.warning("certificate logo %s could not be read; drawing the Lentera emblem", image.pk, exc_info=True)
        return None


def _style(name, font, size, colour=INK, leading=1.2, align=TA_CENTER, space=0):
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * leading, textColor=colour, alignment=align, charSpace=space
    )


class SpacedLine(Flowable):
    """One centred line with letter spacing (a Paragraph has none), for the title."""

    def __init__(self, text, style):
        super().__init__()
        self.text, self.style = text, style

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.style.leading

    def draw(self):
        style, spacing = self.style, self.style.charSpace
        width = stringWidth(self.text, style.fontName, style.fontSize) + spacing * (len(self.text) - 1)
        line = self.canv.beginText((self.width - width) / 2, style.leading * 0.2)
        line.setFont(style.fontName, style.fontSize)
        line.setCharSpace(spacing)
        line.setFillColor(style.textColor)
        line.textLine(self.text)
        self.canv.drawText(line)


class Sheet:
    """Lays one certificate out on an A4 landscape page. Sizes are in points (1 cm is about 28.35 pt)."""

    WIDTH, HEIGHT = PAGE
    TEXT_WIDTH = 610  # the centre column, clear of the border ornaments
    LOGO = 64
    BODY_TOP = HEIGHT - 40 - LOGO - 8  # below the logo
    BODY_BOTTOM = 192  # above the QR code and the signature block, with a line of air
    SIGN_WIDTH = 280
    SIGN_CENTRE = WIDTH - 60 - SIGN_WIDTH / 2
    QR = 76

    def __init__(self, pdf, brand, logo):
        self.pdf, self.brand, self.logo = pdf, brand, logo

    def draw(self, text):
        self.border()
        self.watermark()
        self.draw_logo()
        self.body(text)
        self.verification(text)
        self.signature(text)

    # --- frame ---

    def border(self):
        pdf, w, h = self.pdf, self.WIDTH, self.HEIGHT
        pdf.saveState()
        pdf.setStrokeColor(self.brand)
        pdf.setLineWidth(5)
        pdf.rect(16, 16, w - 32, h - 32)
        pdf.setLineWidth(0.8)
        pdf.rect(23, 23, w - 46, h - 46)
        pdf.setStrokeColor(GOLD)
        pdf.setLineWidth(1.6)
        pdf.rect(28, 28, w - 56, h - 56)
        pdf.setFillColor(GOLD)
        for x, y in ((28, 28), (w - 28, 28), (28, h - 28), (w - 28, h - 28)):
            self._corner(x, y)
        pdf.restoreState()

    def _corner(self, x, y):
        """A small diamond with a dot in each corner, as the frames of printed certificates have."""
        pdf, r = self.pdf, 9
        path = pdf.beginPath()
        path.moveTo(x, y + r)
        path.lineTo(x + r, y)
        path.lineTo(x, y - r)
        path.lineTo(x - r, y)
        path.close()
        pdf.setFillColor(colors.white)
        pdf.drawPath(path, stroke=1, fill=1)
        pdf.setFillColor(GOLD)
        pdf.circle(x, y, 2.6, stroke=0, fill=1)

    def watermark(self):
        """The logo again, large and faint behind the text, as on printed certificates; it also makes a plain
        photocopy easy to tell from the original."""
        size = 300
        x, y = (self.WIDTH - size) / 2, (self.HEIGHT - size) / 2 - 10
        if self.logo is None:
            draw_lentera_emblem(self.pdf, x, y, size, alpha=0.06, tint=self.brand)
        else:
            self._place_logo(x, y, size, alpha=0.05)

    # --- top ---

    def draw_logo(self):
        self._place_logo((self.WIDTH - self.LOGO) / 2, self.HEIGHT - 40 - self.LOGO, self.LOGO)

    def _place_logo(self, x, y, size, alpha=1.0):
        if self.logo is None:
            draw_lentera_emblem(self.pdf, x, y, size, alpha)
            return
        self.pdf.saveState()
        self.pdf.setFillAlpha(alpha)
        self.pdf.drawImage(self.logo, x, y, size, size, preserveAspectRatio=True, anchor="c", mask="auto")
        self.pdf.restoreState()

    def body(self, text):
        for flowable, x, y, _width, _height in self.layout_body(text):
            flowable.drawOn(self.pdf, x, y)
            if flowable.style.name == "name":
                self._rule_under(flowable, y - 3)

    def layout_body(self, text):
        """Where each block of the centre column goes, as (flowable, x, y, width, height) with y its bottom edge.
        The fonts shrink step by step until the column fits between the logo and the signature block, so a long
        name or a 120-character course title wraps onto more lines instead of running off the page."""
        room = self.BODY_TOP - self.BODY_BOTTOM
        for scale in (1, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58):
            blocks = self._body_blocks(text, scale)
            heights = [flowable.wrap(self.TEXT_WIDTH, self.HEIGHT)[1] for flowable, _gap in blocks]
            gaps = sum(gap for _flowable, gap in blocks)
            if sum(heights) + gaps <= room:
                break
        # the room left over goes into the gaps, so a short text does not sit crowded under the logo
        stretch = 1 + min(max(0, room - sum(heights) - gaps) / gaps, 0.8)
        x, y, placed = (self.WIDTH - self.TEXT_WIDTH) / 2, self.BODY_TOP, []
        for (flowable, gap), height in zip(blocks, heights, strict=True):
            y -= gap * stretch + height
            placed.append((flowable, x, y, self.TEXT_WIDTH, height))
        return placed

    def _body_blocks(self, text, s):
        serif, bold, italic = "Times-Roman", "Times-Bold", "Times-Italic"
        blocks = [
            (_style("instansi", bold, 15 * s, INK, space=0.6), 0),
            (_style("title", bold, 40 * s, self.brand, leading=1.1, space=5 * s), 10),
            (_style("number", "Helvetica", 10.5 * s, MUTED, space=0.3), 2),
            (_style("given", italic, 13 * s, MUTED), 12),
            (_style("name", bold, 25 * s, INK, leading=1.15), 4),
            (_style("nip", "Helvetica", 11 * s, INK), 8),
            (_style("completed", italic, 13 * s, MUTED), 12),
            (_style("course", bold, 18 * s, self.brand, leading=1.22), 4),
            (_style("details", serif, 12.5 * s, INK, leading=1.3), 6),
        ]
        values = [
            text.instansi, text.title, text.number, text.given_to, text.name, text.nip, text.completed,
            text.course, text.details,
        ]  # fmt: skip
        if text.validity:
            blocks.append((_style("validity", italic, 10.5 * s, MUTED), 2))
            values.append(text.validity)
        return [
            (SpacedLine(value, style) if style.name == "title" else Paragraph(escape(value), style), gap)
            for value, (style, gap) in zip(values, blocks, strict=True)
        ]

    def _rule_under(self, paragraph, y):
        half = min(max(paragraph.getActualLineWidths0()) + 40, self.TEXT_WIDTH) / 2
        pdf = self.pdf
        pdf.saveState()
        pdf.setStrokeColor(GOLD)
        pdf.setLineWidth(0.9)
        pdf.line(self.WIDTH / 2 - half, y, self.WIDTH / 2 + half, y)
        pdf.restoreState()

    # --- bottom ---

    def verification(self, text):
        x, y, size = 58, 50, self.QR
        self.pdf.drawImage(ImageReader(qr_png(text.url)), x, y, size, size)
        column = 230
        hint = Paragraph(escape(text.scan_hint), _style("hint", "Helvetica-Bold", 8.5, INK, align=TA_LEFT))
        url = Paragraph(escape(text.url), _style("url", "Helvetica", 7, MUTED, leading=1.25, align=TA_LEFT))
        hint_h = hint.wrap(column, 100)[1]
        url_h = url.wrap(column, 200)[1]
        top = y + size / 2 + (hint_h + 3 + url_h) / 2
        hint.drawOn(self.pdf, x + size + 10, top - hint_h)
        url.drawOn(self.pdf, x + size + 10, top - hint_h - 3 - url_h)

    def signature(self, text):
        width, left = self.SIGN_WIDTH, self.SIGN_CENTRE - self.SIGN_WIDTH / 2
        pdf = self.pdf
        head = [
            Paragraph(escape(text.place_and_date), _style("place", "Times-Roman", 12, INK)),
            Paragraph(escape(text.signatory_position), _style("position", "Times-Roman", 12, INK, leading=1.25)),
        ]
        y = 172
        for paragraph in head:
            height = paragraph.wrap(width, 100)[1]
            paragraph.drawOn(pdf, left, y - height)
            y -= height + 1
        # the name sits at a fixed height so the room for the signature and stamp is the same on every sheet
        name_y = 68
        if text.signatory_name:
            name = Paragraph(
                f"<u>{escape(text.signatory_name)}</u>", _style("signatory", "Times-Bold", 12, INK, leading=1.2)
            )
            name.wrap(width, 60)
            name.drawOn(pdf, left, name_y)
        if text.signatory_nip:
            nip = Paragraph(escape(text.signatory_nip), _style("signatory_nip", "Times-Roman", 11, INK))
            height = nip.wrap(width, 30)[1]
            nip.drawOn(pdf, left, name_y - 2 - height)


def draw_lentera_emblem(pdf, x, y, size, alpha=1.0, tint=None):
    """static/img/lentera-logo.svg drawn with reportlab's own paths (reportlab reads no SVG): a lantern on a
    rounded blue square. The path data keep the SVG's 64-unit grid, flipped so y runs down as in the SVG. With a
    `tint` it is the lantern alone in that one colour with its flame cut out (for a watermark)."""
    pdf.saveState()
    pdf.translate(x, y + size)
    pdf.scale(size / 64, -size / 64)

    def fill(colour):  # a colour resets the alpha, so the alpha is set after it every time
        if tint is None:
            pdf.setFillColor(colors.HexColor(colour))
            pdf.setFillAlpha(alpha)
        elif colour == "#f59e0b":
            pdf.setFillColor(colors.white)  # the flame, opaque, over the faint glass
        else:
            pdf.setFillColor(tint)
            pdf.setFillAlpha(alpha)

    if tint is None:
        fill("#0b4f8a")
        pdf.roundRect(0, 0, 64, 64, 14, stroke=0, fill=1)

    def shape(colour, build):
        path = pdf.beginPath()
        build(path)
        path.close()
        fill(colour)
        pdf.drawPath(path, stroke=0, fill=1)

    def cap(p):
        p.moveTo(24, 14)
        p.lineTo(40, 14)
        p.lineTo(38, 19)
        p.lineTo(26, 19)

    def body(p):  # the glass: square top corners of radius 2, round bottom corners of radius 8
        k = 0.5523  # the control distance of a quarter circle drawn as a cubic curve, per unit of radius
        p.moveTo(22, 21)
        p.lineTo(42, 21)
        p.curveTo(42 + 2 * k, 21, 44, 23 - 2 * k, 44, 23)
        p.lineTo(44, 43)
        p.curveTo(44, 43 + 8 * k, 36 + 8 * k, 51, 36, 51)
        p.lineTo(28, 51)
        p.curveTo(28 - 8 * k, 51, 20, 43 + 8 * k, 20, 43)
        p.lineTo(20, 23)
        p.curveTo(20, 23 - 2 * k, 22 - 2 * k, 21, 22, 21)

    def flame(cx, top, spread, base, radius):
        def build(p):
            k = 0.5523
            p.moveTo(cx, top)
            p.curveTo(cx + 4 * spread, top + 5 * spread, cx + 5 * spread, base - 3 * spread, cx + radius, base)
            p.curveTo(cx + radius, base + radius * k, cx + radius * k, base + radius, cx, base + radius)
            p.curveTo(cx - radius * k, base + radius, cx - radius, base + radius * k, cx - radius, base)
            p.curveTo(cx - radius, base - 3 * spread, cx - 4 * spread, top + 5 * spread, cx, top)

        return build

    shape("#fbbf24", cap)
    shape("#ffffff", body)
    shape("#f59e0b", flame(32, 26, 1, 37, 5))
    if tint is None:
        shape("#fde68a", flame(32, 32, 0.5, 37.5, 2.5))
    fill("#fbbf24")
    pdf.roundRect(26, 51, 12, 3, 1.5, stroke=0, fill=1)
    pdf.restoreState()
