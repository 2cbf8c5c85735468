"""The project's own apps bring their URLs (`<app>/urls.py` for pages, `<app>/api_urls.py` for the REST API); the
portal's urlconf includes what it finds, in INSTALLED_APPS order, without naming any app."""

from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import include, path


def _project_apps():
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        app_path = Path(config.path).resolve()
        if config.name != "portal" and base in app_path.parents and ".venv" not in app_path.parts:
            yield config


def includes(module: str, prefix: str = ""):
    return [
        path(prefix, include(f"{config.name}.{module}"))
        for config in _project_apps()
        if find_spec(f"{config.name}.{module}") is not None
    ]
