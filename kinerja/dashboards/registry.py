"""The charts of the HR and leaders' dashboard. A chart is a table (the figures a reader can check and export) that
the page also draws; each package registers its own, so the dashboard imports none of the packages that report."""

from dataclasses import dataclass, field

from portal.registry import Registry


@dataclass
class Table:
    headers: list  # column titles
    rows: list  # lists of cells; the first column names the row (a unit, a year, a period)
    series: tuple = ()  # indexes of the columns drawn (default: every column after the first)
    stacked: bool = False
    percent: bool = False  # the drawn values are percentages (axis 0..100)
    note: str = ""

    @property
    def drawn(self):
        return self.series or tuple(range(1, len(self.headers)))


@dataclass(frozen=True)
class Chart:
    key: str  # the export's name and the anchor on the page
    title: object
    build: object  # callable(context) -> Table | None (None: nothing to show for this instansi yet)
    kind: str = "bar"  # "bar" or "line"
    description: object = ""
    link: object = None  # callable(context) -> url of the page that holds the details, or None


@dataclass(frozen=True)
class Context:
    user: object
    instansi_id: int
    year: int
    extra: dict = field(default_factory=dict)


charts = Registry("dashboard charts")


def register_chart(chart: Chart, order=100):
    charts.add(chart.key, chart, order=order)
