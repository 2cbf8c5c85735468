"""The one registry shape, and what the apps register into it (portal names no app)."""

import ast
import pathlib
import re

import pytest
from django.conf import settings

from portal.beat import beat_schedule
from portal.dashboard import panels, profile_sections
from portal.demo import steps as demo_steps
from portal.importing.registry import imports
from portal.navigation import nav_templates
from portal.onboarding import onboarding_steps
from portal.registry import Registry
from portal.roles import needs_by_module
from portal.search_types import search_types


def test_entries_come_in_order_then_key():
    registry = Registry("test")
    registry.add("b", 2, order=20)
    registry.add("a", 1, order=20)
    registry.add("z", 0, order=10)
    assert registry.keys() == ["z", "a", "b"]
    assert registry.values() == [0, 1, 2]
    assert "a" in registry and len(registry) == 3
    assert registry.get("missing", "default") == "default"


def test_decorator_registers_the_function_under_its_name():
    registry = Registry("test")

    @registry.register(order=5)
    def step():
        return "ran"

    assert registry.get("step") is step
    assert step() == "ran"


def test_the_same_value_again_is_harmless_but_two_values_for_one_key_are_a_bug():
    registry = Registry("test")
    registry.add("x", "one")
    registry.add("x", "one")
    with pytest.raises(ValueError, match="already registered"):
        registry.add("x", "two")


@pytest.mark.parametrize(
    ("registry", "keys"),
    [
        (panels, {"profile", "notifications", "required_reading", "news", "kompetensi-jp"}),
        (profile_sections, {"kompetensi-training"}),
        (search_types, {"kebijakan", "berita", "panduan", "sosialisasi", "pelatihan"}),
        (imports, {"unit_kerja", "jabatan", "pegawai", "hasil_pelatihan"}),
        (beat_schedule, {"home-reading-reminders", "home-publish-scheduled", "kompetensi-session-reminders"}),
        (onboarding_steps, {"role_groups", "home", "catalogue_editors"}),
        (needs_by_module, {"portal", "home", "kompetensi"}),
    ],
    ids=lambda value: getattr(value, "name", ""),
)
def test_apps_register_what_they_offer(registry, keys):
    assert keys <= set(registry.keys())


def test_navigation_is_discovered_in_order():
    templates = nav_templates()
    assert templates.index("home/nav.html") < templates.index("kompetensi/nav.html")


def test_onboarding_gives_groups_before_pages_before_catalogue_editors():
    assert onboarding_steps.keys().index("role_groups") < onboarding_steps.keys().index("home")
    assert onboarding_steps.keys().index("home") < onboarding_steps.keys().index("catalogue_editors")


def test_demo_steps_are_found_by_load_demo():
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("demo")
    assert {"organisation", "home-pages", "kompetensi-training"} <= set(demo_steps.keys())


APPS = ("home", "kompetensi", "kinerja")
APP_REFERENCE = re.compile(r"^(home|kompetensi|kinerja)([./:]|$)")


def _docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                yield first.value


def _inside_assignments(tree, names):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) in names for target in node.targets):
            yield from (id(inner) for inner in ast.walk(node.value))


def app_references(source, allowed_assignments=()):
    """Imports of an app and string literals naming an app's module, template or label (docstrings aside)."""
    tree = ast.parse(source)
    docstrings = {id(node) for node in _docstrings(tree)} | set(_inside_assignments(tree, allowed_assignments))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] in APPS]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] if node.module.split(".")[0] in APPS else []
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found += [node.value] if APP_REFERENCE.match(node.value) else []
    return found


def test_the_check_finds_an_app_reference():
    assert app_references('import kompetensi.models\nx = "home/nav.html"\n"""kompetensi docs"""') == [
        "kompetensi.models",
        "home/nav.html",
    ]


def test_portal_names_no_app():
    """portal's code (urls included) and the base template never name a module above it."""
    root = pathlib.Path(settings.BASE_DIR)
    offenders = []
    for path in root.joinpath("portal").rglob("*.py"):
        if "migrations" in path.parts or "settings" in path.parts:
            continue
        offenders += [f"{path.relative_to(root)}: {ref}" for ref in app_references(path.read_text())]
    base = (root / "templates" / "base.html").read_text()
    offenders += [f"base.html: {ref}" for ref in re.findall(r"[\"'](?:home|kompetensi|kinerja)[/.][^\"']*", base)]
    assert offenders == []


def test_settings_name_apps_only_to_install_them():
    """The settings compose the project (INSTALLED_APPS); no app's task, url, enum or template is named there."""
    text = (pathlib.Path(settings.BASE_DIR) / "portal" / "settings" / "base.py").read_text()
    assert app_references(text, allowed_assignments={"INSTALLED_APPS"}) == []
    assert settings.CELERY_BEAT_SCHEDULE == {}
