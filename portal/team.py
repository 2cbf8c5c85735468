"""Tim saya: a supervisor's direct reports with what each module knows about them (a column per module, filled for
the whole team at once so the page costs the same few queries for 3 or 30 reports), and a reminder per report."""

from collections.abc import Callable
from dataclasses import dataclass

from .models import Pegawai
from .registry import Registry
from .scoping import pegawai_of


@dataclass(frozen=True)
class TeamCell:
    text: str
    tone: str = ""  # "", "ok", "warn", "error": the badge colour
    url: str = ""
    # what a reminder says about this cell ("2 bacaan wajib lewat batas waktu"); empty: nothing to remind of
    reminder: str = ""


@dataclass(frozen=True)
class TeamColumn:
    label: str
    # (reports: list[Pegawai]) -> {pegawai_id: TeamCell}
    cells: Callable


team_columns = Registry("team columns")


def register_team_column(key, label, cells, order=100):
    team_columns.add(key, TeamColumn(label=label, cells=cells), order=order)


def direct_reports(user):
    me = pegawai_of(user)
    if me is None:
        return Pegawai.objects.none()
    return (
        Pegawai.objects.filter(atasan=me, is_active=True)
        .select_related("user", "unit", "jabatan", "instansi")
        .order_by("nama", "pk")
    )


def team_rows(reports):
    """[(pegawai, [cell per column], reminders)] and the columns, for the team page."""
    reports = list(reports)
    columns = team_columns.values()
    cells_by_column = [column.cells(reports) for column in columns]
    rows = []
    for pegawai in reports:
        cells = [cells.get(pegawai.pk) or TeamCell("—") for cells in cells_by_column]
        rows.append((pegawai, cells, [cell.reminder for cell in cells if cell.reminder]))
    return columns, rows


def reminders_for(pegawai):
    """What a reminder to this report would say, from every column."""
    _columns, rows = team_rows([pegawai])
    return rows[0][2] if rows else []
