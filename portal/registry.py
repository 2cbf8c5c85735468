"""One shape for every extension point of the platform.

`portal` names no app: each app adds what it offers (dashboard panels, navigation, search types, profile sections,
imports, demo steps, beat entries, onboarding steps, roles) to a registry that portal owns, from the app's own
`registrations.py`. `discover()` imports that module of every installed app once, the way Django's admin and
Wagtail's hooks find theirs, so the web process, the Celery worker and a management command all see the same
registrations.

    panels = Registry("dashboard panels")

    @panels.register("jp", order=20)
    def jp_panel(request): ...

    imports.add("pegawai", ImportKind(...))
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Entry:
    key: str
    value: Any
    order: int


class Registry:
    def __init__(self, name: str):
        self.name = name
        self._entries: dict[str, Entry] = {}

    def add(self, key: str, value: Any, *, order: int = 100) -> Any:
        existing = self._entries.get(key)
        if existing is not None and existing.value != value:
            # the same module imported twice registers the same value again; two apps claiming a key is a bug
            raise ValueError(f"{self.name}: {key!r} is already registered")
        self._entries[key] = Entry(key, value, order)
        return value

    def register(self, key: str | None = None, *, order: int = 100) -> Callable:
        """Decorator form of `add`: the decorated function (or class) is the value, its name the default key."""

        def decorator(value):
            self.add(key or value.__name__, value, order=order)
            return value

        return decorator

    def remove(self, key: str) -> None:
        self._entries.pop(key, None)

    def get(self, key: str, default: Any = None) -> Any:
        discover()
        entry = self._entries.get(key)
        return default if entry is None else entry.value

    def entries(self) -> list[Entry]:
        discover()
        return sorted(self._entries.values(), key=lambda entry: (entry.order, entry.key))

    def values(self) -> list[Any]:
        return [entry.value for entry in self.entries()]

    def keys(self) -> list[str]:
        return [entry.key for entry in self.entries()]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.values())

    def __contains__(self, key: str) -> bool:
        discover()
        return key in self._entries

    def __len__(self) -> int:
        discover()
        return len(self._entries)

    def __repr__(self):
        return f"<Registry {self.name}: {len(self._entries)} entries>"


_discovered = False


def discover() -> None:
    """Import `registrations.py` of every installed app (once per process)."""
    global _discovered
    if _discovered:
        return
    _discovered = True
    autodiscover_modules("registrations")
