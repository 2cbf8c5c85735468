"""Data health before a performance period opens: what would block an employee's SKP (no supervisor to evaluate it,
a supervisor chain that loops or leaves the instansi, an inactive supervisor, a missing jabatan or golongan). One
query for the instansi's active employees with their supervisor, checked in Python."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal.models import Pegawai
from portal.rules import format_name

NO_SUPERVISOR = "no_supervisor"
SEVERAL_TOPS = "several_tops"
SUPERVISOR_INACTIVE = "supervisor_inactive"
SUPERVISOR_ELSEWHERE = "supervisor_elsewhere"
CHAIN_LOOPS = "chain_loops"
NO_JABATAN = "no_jabatan"
NO_PANGKAT = "no_pangkat"
UNIT_ELSEWHERE = "unit_elsewhere"

PROBLEMS = {
    NO_SUPERVISOR: _("Tanpa atasan langsung: SKP-nya tidak mempunyai pejabat penilai."),
    SEVERAL_TOPS: _("Puncak rantai atasan lebih dari satu: cascade RHK instansi terpecah."),
    SUPERVISOR_INACTIVE: _("Atasan langsung tidak aktif lagi."),
    SUPERVISOR_ELSEWHERE: _("Atasan langsung berada di instansi lain."),
    CHAIN_LOOPS: _("Rantai atasan melingkar."),
    NO_JABATAN: _("Jabatan belum diisi."),
    NO_PANGKAT: _("Pangkat/golongan belum diisi."),
    UNIT_ELSEWHERE: _("Unit kerja milik instansi lain."),
}
# a second top of the chain is worth fixing, but nobody's SKP is blocked by it
WARNINGS = {SEVERAL_TOPS}


@dataclass
class Finding:
    pk: int
    nip: str
    name: str
    unit: str
    problems: list = field(default_factory=list)

    @property
    def blocking(self) -> bool:
        return any(code not in WARNINGS for code in self.problems)

    @property
    def messages(self):
        return [PROBLEMS[code] for code in self.problems]


def _loops(pk, supervisor_of) -> bool:
    seen, node = set(), pk
    while node is not None:
        if node in seen:
            return True
        seen.add(node)
        node = supervisor_of.get(node)
    return False


def findings(instansi_id) -> list[Finding]:
    """Every active employee of the instansi with something to fix, blockers first (one query)."""
    rows = list(
        Pegawai.objects.filter(instansi_id=instansi_id, is_active=True)
        .order_by("unit__name", "nama")
        .values(
            "pk", "nip", "nama", "gelar_depan", "gelar_belakang", "unit__name", "unit__instansi_id", "jabatan_id",
            "pangkat_id", "atasan_id", "atasan__is_active", "atasan__instansi_id",
        )
    )  # fmt: skip
    supervisor_of = {row["pk"]: row["atasan_id"] for row in rows}
    has_reports = {row["atasan_id"] for row in rows if row["atasan_id"]}
    tops = [row["pk"] for row in rows if row["atasan_id"] is None and row["pk"] in has_reports]
    found = []
    for row in rows:
        problems = []
        if row["atasan_id"] is None:
            if row["pk"] not in has_reports:
                problems.append(NO_SUPERVISOR)
            elif len(tops) > 1:
                problems.append(SEVERAL_TOPS)
        elif row["atasan__instansi_id"] != instansi_id:
            problems.append(SUPERVISOR_ELSEWHERE)
        elif not row["atasan__is_active"]:
            problems.append(SUPERVISOR_INACTIVE)
        elif _loops(row["pk"], supervisor_of):
            problems.append(CHAIN_LOOPS)
        if row["unit__instansi_id"] != instansi_id:
            problems.append(UNIT_ELSEWHERE)
        if row["jabatan_id"] is None:
            problems.append(NO_JABATAN)
        if row["pangkat_id"] is None:
            problems.append(NO_PANGKAT)
        if problems:
            name = format_name(row["nama"], row["gelar_depan"], row["gelar_belakang"])
            found.append(Finding(row["pk"], row["nip"], name, row["unit__name"], problems))
    found.sort(key=lambda finding: not finding.blocking)
    return found


def summary(found) -> dict:
    counts = dict.fromkeys(PROBLEMS, 0)
    for finding in found:
        for code in finding.problems:
            counts[code] += 1
    return {
        "blocked": sum(1 for finding in found if finding.blocking),
        "warnings": sum(1 for finding in found if not finding.blocking),
        "by_problem": [(PROBLEMS[code], n) for code, n in counts.items() if n],
    }
