"""Fixtures of the HR service desk: the default request types of Gorontalo by code, a PDF upload, and a request
filed by the employee of the shared organisation."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from kinerja.service_desk import queries, services

from ...kompetensi.conftest import forget_cached_identity

PDF = b"%PDF-1.4 uji"


def pdf(name="dokumen.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _commit_callbacks_at_once():
    """The services tell people on commit; a test's transaction never commits, so the callbacks run at once."""
    with mock.patch.object(transaction, "on_commit", lambda callback, using=None, robust=False: callback()):
        yield


@pytest.fixture
def types(org):
    forget_cached_identity(org)
    return {t.code: t for t in queries.types_for(org.gorontalo.pk)}


def file(org, types, code="surat_keterangan", who=None, description="Surat keterangan masih bekerja."):
    request_type = types[code]
    uploads = {item.pk: pdf() for item in request_type.checklist.all() if item.required}
    return services.file_request(
        actor=(who or org.pegawai).user, request_type=request_type, description=description, documents=uploads
    )


@pytest.fixture
def filed(org, types):
    return file(org, types)
