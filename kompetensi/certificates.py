"""The certificate PDF (reportlab) with its verification QR code (segno). Rendered on request from the stored
certificate, so a revoked or corrected certificate never leaves a stale file behind."""

import io
import zoneinfo

import segno
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas


def verification_url(request, certificate):
    return request.build_absolute_uri(f"/sertifikat/{certificate.code}/")


def qr_png(data, scale=6):
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=scale, border=1)
    buffer.seek(0)
    return buffer


def render_pdf(certificate, url):
    enrolment = certificate.enrolment
    session, pegawai = enrolment.session, enrolment.pegawai
    course = session.course
    tz = zoneinfo.ZoneInfo(session.instansi.time_zone)  # the dates as the issuing instansi states them
    start = date_format(timezone.localtime(session.start_at, tz).date(), "j F Y")
    end = date_format(timezone.localtime(session.end_at, tz).date(), "j F Y")

    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=landscape(A4))
    pdf.setTitle(_("Sertifikat %(code)s") % {"code": certificate.code})
    pdf.setAuthor(session.instansi.name)
    pdf.setStrokeColor(colors.HexColor("#0b4f8a"))
    pdf.setLineWidth(6)
    pdf.rect(1 * cm, 1 * cm, width - 2 * cm, height - 2 * cm)

    pdf.setFillColor(colors.HexColor("#083a66"))
    pdf.setFont("Helvetica-Bold", 30)
    pdf.drawCentredString(width / 2, height - 4 * cm, _("SERTIFIKAT"))
    pdf.setFont("Helvetica", 13)
    pdf.setFillColor(colors.black)
    pdf.drawCentredString(width / 2, height - 5 * cm, session.instansi.name)
    pdf.drawCentredString(width / 2, height - 6.5 * cm, _("diberikan kepada"))
    pdf.setFont("Helvetica-Bold", 22)
    pdf.drawCentredString(width / 2, height - 8 * cm, pegawai.full_name)
    pdf.setFont("Helvetica", 12)
    pdf.drawCentredString(width / 2, height - 8.8 * cm, f"NIP {pegawai.nip}")
    pdf.setFont("Helvetica", 13)
    pdf.drawCentredString(width / 2, height - 10.2 * cm, _("telah menyelesaikan"))
    pdf.setFont("Helvetica-Bold", 17)
    pdf.drawCentredString(width / 2, height - 11.3 * cm, course.title[:90])
    pdf.setFont("Helvetica", 12)
    pdf.drawCentredString(
        width / 2,
        height - 12.3 * cm,
        _("%(session)s · %(start)s s.d. %(end)s · %(jp)s JP")
        % {"session": session.name, "start": start, "end": end, "jp": course.jp},
    )
    validity = (
        _("Berlaku sampai %(date)s") % {"date": date_format(certificate.valid_until, "j F Y")}
        if certificate.valid_until
        else _("Berlaku seterusnya")
    )
    pdf.drawCentredString(width / 2, height - 13.1 * cm, validity)

    pdf.drawImage(ImageReader(qr_png(url)), width - 6.5 * cm, 2 * cm, 4 * cm, 4 * cm)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(2 * cm, 2.8 * cm, _("Kode verifikasi: %(code)s") % {"code": certificate.code})
    pdf.drawString(2 * cm, 2.2 * cm, _("Periksa keaslian di %(url)s") % {"url": url})
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
