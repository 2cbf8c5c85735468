"""Beyond one machine: the settings that switch on a read replica, object storage and an external search engine
come from the environment, and the replica router sends only marked reads there."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import override_settings

from portal.db_router import REPLICA, ReplicaRouter, from_replica
from portal.models import Pegawai

ROOT = Path(__file__).resolve().parents[2]


def _settings_with(**environ):
    """The settings as a process started with this environment reads them."""
    script = (
        # the settings module alone: a deployment installs the storage and search packages it names
        "import json; import portal.settings.dev as s; "
        "print(json.dumps({'databases': sorted(s.DATABASES), 'media': s.STORAGES['default'], "
        "'private': s.STORAGES['private']['BACKEND'], 'search': s.WAGTAILSEARCH_BACKENDS['default']}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", **environ}
    env.pop("DATABASE_REPLICA_URL", None) if "DATABASE_REPLICA_URL" not in environ else None
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_defaults_are_one_machine():
    found = _settings_with()
    assert found["databases"] == ["default"]
    assert found["media"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert found["search"]["BACKEND"] == "portal.search_backend"


def test_environment_switches_on_replica_object_storage_and_search_engine():
    found = _settings_with(
        DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:5432/lentera_replica",
        MEDIA_STORAGE_BACKEND="storages.backends.s3.S3Storage",
        MEDIA_STORAGE_OPTIONS=json.dumps({"bucket_name": "lentera-media"}),
        PRIVATE_STORAGE_BACKEND="storages.backends.s3.S3Storage",
        SEARCH_BACKEND="wagtail.search.backends.elasticsearch8",
        SEARCH_URLS="http://search-1:9200,http://search-2:9200",
    )
    assert found["databases"] == ["default", "replica"]
    assert found["media"] == {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"bucket_name": "lentera-media"}}
    assert found["private"] == "storages.backends.s3.S3Storage"
    assert found["search"]["URLS"] == ["http://search-1:9200", "http://search-2:9200"]


def test_router_reads_from_replica_only_inside_from_replica():
    router = ReplicaRouter()
    assert router.db_for_read(Pegawai) is None
    with from_replica():
        assert router.db_for_read(Pegawai) is None  # no replica configured: the primary
    with override_settings(DATABASES={"default": {}, REPLICA: {}}):
        assert router.db_for_read(Pegawai) is None
        with from_replica():
            assert router.db_for_read(Pegawai) == REPLICA
        assert router.db_for_read(Pegawai) is None
    assert router.db_for_write(Pegawai) == "default"
    assert router.allow_migrate(REPLICA, "portal") is False and router.allow_migrate("default", "portal") is True
