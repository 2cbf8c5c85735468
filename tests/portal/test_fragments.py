"""portal.frame_fragments: keys carry the language and their tokens; production renders with the cached template
loader (each template compiled once per process)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.utils import translation

from portal import frame, frame_fragments


def test_the_language_is_in_every_key():
    with translation.override("id"):
        indonesian = frame_fragments.key_of("card", 1, 2)
    with translation.override("en"):
        english = frame_fragments.key_of("card", 1, 2)
    assert indonesian != english


@pytest.mark.django_db
def test_content_keys_change_with_content_not_with_the_organisation(org):
    user = org.pegawai.user
    key = frame_fragments.shared_key(user, "card", 1)
    frame.forget_cached(user)
    frame.forget_shared(content=False)  # e.g. an employee record saved
    assert frame_fragments.shared_key(user, "card", 1) == key
    frame.forget_cached(user)
    frame.forget_shared()  # e.g. a page published
    assert frame_fragments.shared_key(user, "card", 1) != key


@pytest.mark.django_db
def test_render_many_renders_only_what_is_missing(org):
    rendered = []

    def context(item):
        rendered.append(item)
        return {"s": item}

    first = frame_fragments.render_many(
        "components/pagination.html", ["a", "b"], key=lambda i: frame_fragments.key_of("t", i), context=context
    )
    again = frame_fragments.render_many(
        "components/pagination.html", ["a", "b", "c"], key=lambda i: frame_fragments.key_of("t", i), context=context
    )
    assert rendered == ["a", "b", "c"] and len(first) == 2 and len(again) == 3


def test_production_uses_the_cached_template_loader():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "uji-" + "x" * 60,
        "ALLOWED_HOSTS": "lentera.example.go.id",
    }
    code = (
        "from django.template import engines; "
        "print(' '.join(type(l).__module__ for l in engines['django'].engine.template_loaders))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1].split() == ["django.template.loaders.cached"]
