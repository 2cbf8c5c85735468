"""The SKP document in the layout of the PermenPANRB 6/2022 annex: the identity of the employee and their pejabat
penilai, Hasil Kerja (utama and tambahan: RHK pimpinan yang diintervensi, RHK, aspek, IKI, target), Perilaku Kerja
(the BerAKHLAK values with the ekspektasi khusus pimpinan), the lampiran, and the signatures."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from reportlab.platypus import Spacer

from ..skp.models import Rhk
from . import layout
from .layout import BOLD, grid, p, section

APPROACH = {"kuantitatif": _lazy("KUANTITATIF"), "kualitatif": _lazy("KUALITATIF")}


def skp_context(skp):
    """The SKP's plan in print order (three queries)."""
    rhk = list(skp.rhk.select_related("intervened").prefetch_related("iki").order_by("kind", "order", "pk"))
    perilaku = list(skp.perilaku.select_related("value").order_by("value__order"))
    return rhk, perilaku


def heading_lines(skp, title):
    return [
        title,
        _("PENDEKATAN HASIL KERJA %(approach)s") % {"approach": APPROACH.get(skp.approach, skp.approach.upper())},
        skp.pegawai.instansi.name.upper(),
        _("PERIODE PENILAIAN: %(start)s SAMPAI DENGAN %(end)s")
        % {"start": date_format(skp.valid_from, "j F Y").upper(), "end": date_format(skp.valid_to, "j F Y").upper()},
    ]


def parties(skp):
    employee = layout.person(skp.pegawai, skp.jabatan_name, skp.unit_name)
    evaluator = (
        layout.person(skp.evaluator, skp.evaluator_position)
        if skp.evaluator
        else [skp.evaluator_name or "—"] + ["—"] * 4
    )
    return employee, evaluator


def plan_rows(rhk, extra_columns=None):
    """Hasil Kerja rows: one per IKI, the RHK and its intervened RHK on the first IKI row of each RHK;
    `extra_columns(rhk, iki)` adds cells (the realisation and feedback of an evaluation)."""
    rows = []
    for kind, label in ((Rhk.Kind.UTAMA, _("A. Utama")), (Rhk.Kind.TAMBAHAN, _("B. Tambahan"))):
        items = [item for item in rhk if item.kind == kind]
        rows.append(("section", label))
        if not items:
            rows.append(("empty", _("Tidak ada")))
        for n, item in enumerate(items, start=1):
            ikis = list(item.iki.all()) or [None]
            for i, iki in enumerate(ikis):
                first = i == 0
                cells = [
                    p(n if first else ""),
                    p(item.intervened.text if first and item.intervened_id else ("—" if first else "")),
                    p(item.text if first else ""),
                    p(iki.get_aspek_display() if iki else ""),
                    p(iki.text if iki else _("(belum ada indikator)")),
                    p(iki.target if iki else ""),
                ]
                rows.append(("row", cells + (extra_columns(item, iki, first) if extra_columns else [])))
    return rows


def as_table(rows, header, widths):
    data, spans = [header], []
    for kind, value in rows:
        if kind == "row":
            data.append(value)
        else:
            spans += [("SPAN", (0, len(data)), (-1, len(data)))]
            data.append(section(value, len(header)))
    return grid(data, widths, spans=spans)


def render_skp(skp) -> bytes:
    rhk, perilaku = skp_context(skp)
    employee, evaluator = parties(skp)
    story = layout.heading(heading_lines(skp, _("SASARAN KINERJA PEGAWAI")))
    story += layout.identity(employee, evaluator)
    story += [Spacer(1, 4 * layout.mm), p(_("HASIL KERJA"), BOLD), Spacer(1, 1 * layout.mm)]
    header = [p(h, BOLD) for h in (_("NO"), _("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI"), _("RENCANA HASIL KERJA"),
                                   _("ASPEK"), _("INDIKATOR KINERJA INDIVIDU"), _("TARGET"))]  # fmt: skip
    story.append(as_table(plan_rows(rhk), header, [0.05, 0.22, 0.22, 0.1, 0.26, 0.15]))
    story += [Spacer(1, 4 * layout.mm), p(_("PERILAKU KERJA"), BOLD), Spacer(1, 1 * layout.mm)]
    rows = [[p(h, BOLD) for h in (_("NO"), _("PERILAKU KERJA"), _("EKSPEKTASI KHUSUS PIMPINAN"))]]
    for n, item in enumerate(perilaku, start=1):
        rows.append([p(n), p(f"{item.value.name}\n{item.value.guide}"), p(item.ekspektasi_khusus or "—")])
    story.append(grid(rows, [0.05, 0.6, 0.35]))
    story += [Spacer(1, 4 * layout.mm), p(_("LAMPIRAN SASARAN KINERJA PEGAWAI"), BOLD), Spacer(1, 1 * layout.mm)]
    rows = [
        [p(_("DUKUNGAN SUMBER DAYA"), BOLD), p(skp.dukungan_sumber_daya or "—")],
        [p(_("SKEMA PERTANGGUNGJAWABAN"), BOLD), p(skp.skema_pertanggungjawaban or "—")],
        [p(_("KONSEKUENSI"), BOLD), p(skp.konsekuensi or "—")],
    ]
    story.append(grid(rows, [0.3, 0.7], header_rows=0))
    story.append(layout.signatures(
        skp.pegawai.instansi.issuing_place, timezone.localdate(),
        (_("Pegawai yang Dinilai"), employee[0], employee[1]),
        (_("Pejabat Penilai Kinerja"), evaluator[0], evaluator[1] if skp.evaluator else ""),
    ))  # fmt: skip
    return layout.build(story, _("SKP %(name)s %(year)s") % {"name": skp.pegawai.full_name, "year": skp.period.year})
