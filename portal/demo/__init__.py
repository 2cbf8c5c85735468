"""Demo data: a registry of steps that each app contributes (`<app>/demo.py`), run by `load_demo`."""

from collections.abc import Callable
from dataclasses import dataclass

from ..registry import Registry


@dataclass(frozen=True)
class DemoStep:
    name: str
    run: Callable  # (stdout) -> None; must be idempotent


steps = Registry("demo steps")


def register_demo_step(name, order=100):
    def decorator(run):
        steps.add(name, DemoStep(name=name, run=run), order=order)
        return run

    return decorator


def demo_steps():
    return steps.values()


# the portal's own step; other apps register theirs in `<app>/demo.py`, found by load_demo
from . import organisation  # noqa: E402, F401
