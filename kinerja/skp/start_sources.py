"""Starting points of a new SKP that sibling packages offer (the RHK templates of the employee's jabatan) without
this package importing them: each registers a source here from its `registrations.py`. A source only reads and
answers the plan; `services.start_skp` writes it, so SKP rows keep one writer."""

from collections.abc import Callable
from dataclasses import dataclass

from portal.registry import Registry


@dataclass(frozen=True)
class PlannedIki:
    text: str
    aspek: str
    target: str


@dataclass(frozen=True)
class PlannedRhk:
    kind: str
    text: str
    perspektif: str = ""
    iki: tuple[PlannedIki, ...] = ()


@dataclass(frozen=True)
class StartSource:
    """`count(pegawai)` is how many RHK the source would give (0: not offered, one query); `label(n)` the choice
    shown on the start page; `plan(pegawai)` the RHK with their IKI, in order (a fixed number of queries);
    `empty_message` what the employee reads when there turns out to be nothing to start from."""

    label: Callable[[int], str]
    count: Callable[..., int]
    plan: Callable[..., list[PlannedRhk]]
    empty_message: Callable[[], str]


start_sources = Registry("SKP start sources")


def register_source(key: str, source: StartSource, order: int = 100) -> None:
    start_sources.add(key, source, order=order)


def offered(pegawai) -> list[tuple[str, str]]:
    """(key, label) of every source that has something for the employee now."""
    choices = []
    for entry in start_sources.entries():
        n = entry.value.count(pegawai)
        if n:
            choices.append((entry.key, entry.value.label(n)))
    return choices


def source_keys() -> list[str]:
    return start_sources.keys()


def source(key: str) -> StartSource | None:
    return start_sources.get(key)
