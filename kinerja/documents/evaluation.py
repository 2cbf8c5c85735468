"""The evaluation document (Dokumen Evaluasi Kinerja Pegawai) in the layout of the PermenPANRB 6/2022 annex: the
employee, the pejabat penilai and the Atasan Pejabat Penilai; the plan with the realisation on each IKI and the
continuous feedback on each RHK; the Rating Hasil Kerja, the Perilaku Kerja with the Rating Perilaku Kerja, the
Predikat Kinerja, and the signature of the pejabat penilai."""

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.platypus import Spacer

from . import layout
from .layout import BOLD, grid, p
from .skp import as_table, heading_lines, parties, plan_rows, skp_context


def render_evaluation(evaluation) -> bytes:
    skp = evaluation.skp
    rhk, perilaku = skp_context(skp)
    realisations = {r.iki_id: r.text for r in evaluation.realisations.all()}
    feedback = {f.rhk_id: f.text for f in evaluation.feedback.all()}
    employee, evaluator = parties(skp)
    boss = skp.evaluator.atasan if skp.evaluator and skp.evaluator.atasan_id else None
    title = _("DOKUMEN EVALUASI KINERJA PEGAWAI")
    lines = heading_lines(skp, title)
    lines.insert(1, evaluation.label.upper())
    story = layout.heading(lines)
    story += layout.identity(employee, evaluator, extra=(_("ATASAN PEJABAT PENILAI KINERJA"), layout.person(boss)))
    story += [Spacer(1, 4 * layout.mm), p(_("HASIL KERJA"), BOLD), Spacer(1, 1 * layout.mm)]

    def outcome(item, iki, first):
        return [p(realisations.get(iki.pk, "—") if iki else ""), p(feedback.get(item.pk, "—") if first else "")]

    header = [p(h, BOLD) for h in (
        _("NO"), _("RHK PIMPINAN YANG DIINTERVENSI"), _("RENCANA HASIL KERJA"), _("ASPEK"),
        _("INDIKATOR KINERJA INDIVIDU"), _("TARGET"), _("REALISASI BERDASARKAN BUKTI DUKUNG"),
        _("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"),
    )]  # fmt: skip
    story.append(as_table(plan_rows(rhk, outcome), header, [0.04, 0.14, 0.14, 0.08, 0.16, 0.1, 0.17, 0.17]))
    rated = evaluation.rating_hasil_kerja
    story.append(
        grid(
            [
                [
                    p(_("RATING HASIL KERJA"), BOLD),
                    p(evaluation.get_rating_hasil_kerja_display() if rated else _("Belum dinilai")),
                ]
            ],
            [0.5, 0.5],
            header_rows=0,
        )
    )
    story += [Spacer(1, 4 * layout.mm), p(_("PERILAKU KERJA"), BOLD), Spacer(1, 1 * layout.mm)]
    rows = [[p(h, BOLD) for h in (_("NO"), _("PERILAKU KERJA"), _("EKSPEKTASI KHUSUS PIMPINAN"))]]
    for n, item in enumerate(perilaku, start=1):
        rows.append([p(n), p(f"{item.value.name}\n{item.value.guide}"), p(item.ekspektasi_khusus or "—")])
    story.append(grid(rows, [0.05, 0.6, 0.35]))
    story.append(grid([
        [p(_("RATING PERILAKU KERJA"), BOLD), p(evaluation.get_rating_perilaku_kerja_display() if rated else _("Belum dinilai"))],
        [p(_("PREDIKAT KINERJA PEGAWAI"), BOLD), p(evaluation.get_predikat_display() if evaluation.predikat else "—", BOLD)],
    ], [0.5, 0.5], header_rows=0))  # fmt: skip
    if evaluation.reason:
        story += [Spacer(1, 2 * layout.mm), p(_("Alasan penilaian: %(reason)s") % {"reason": evaluation.reason})]
    story.append(layout.signatures(
        skp.pegawai.instansi.issuing_place, timezone.localdate(evaluation.finalised_at) if evaluation.finalised_at else timezone.localdate(),
        (_("Pegawai yang Dinilai"), employee[0], employee[1]),
        (_("Pejabat Penilai Kinerja"), evaluator[0], evaluator[1] if skp.evaluator else ""),
    ))  # fmt: skip
    return layout.build(
        story, _("Evaluasi kinerja %(name)s %(label)s") % {"name": skp.pegawai.full_name, "label": evaluation.label}
    )
