"""Everywhere Wagtail reaches, another instansi's objects stay invisible (issue 7)."""

import pytest
from wagtail.log_actions import log

from tests.home.builders import policy

pytestmark = pytest.mark.django_db


def raw(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def text(response):
    return raw(response).decode()


# --- 1. audit log ------------------------------------------------------------------------------------------


@pytest.fixture
def audit(intranet, org):
    log(org.pegawai_malut, "wagtail.edit", user=org.sdm_malut.user)
    log(org.pegawai, "wagtail.edit", user=org.sdm.user)
    return {
        "own_page": policy(intranet.gorontalo.policies, title="Pergub Gorontalo Terbuka"),
        "foreign_page": policy(intranet.malut.policies, title="Pergub Maluku Utara Rahasia"),
    }


@pytest.mark.parametrize("query", ["", "?export=csv"])
def test_site_history_lists_own_instansi_entries_only(audit, org, login, query):
    body = text(login(org.sdm).get(f"/admin/reports/site-history/{query}"))
    assert "Siti Pegawai" in body
    assert "Fadli Malut" not in body
    assert "Muhammad SDM" not in body


def test_site_history_pages_of_other_instansi_are_hidden(audit, org, login):
    client = login(org.konten)
    body = client.get("/admin/reports/site-history/").content.decode()
    assert "Pergub Gorontalo Terbuka" in body
    assert "Pergub Maluku Utara Rahasia" not in body


def test_site_history_xlsx_export_is_scoped(audit, org, login):
    from io import BytesIO

    from openpyxl import load_workbook

    response = login(org.sdm).get("/admin/reports/site-history/?export=xlsx")
    rows = [" ".join(str(cell) for cell in row) for row in load_workbook(BytesIO(raw(response))).active.values]
    assert any("Siti Pegawai" in row for row in rows)
    assert not any("Fadli Malut" in row for row in rows)


def test_site_history_results_and_user_filter_are_scoped(audit, org, login):
    client = login(org.sdm)
    body = client.get("/admin/reports/site-history/results/").content.decode()
    assert "Fadli Malut" not in body and "Siti Pegawai" in body
    assert "sdm_malut" not in client.get("/admin/reports/site-history/").content.decode()


def test_superuser_sees_every_instansi(audit, org, login):
    body = login(org.superadmin).get("/admin/reports/site-history/").content.decode()
    assert "Fadli Malut" in body and "Pergub Maluku Utara Rahasia" in body
