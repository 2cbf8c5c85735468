"""The search page finds a policy by a stemmed word (PostgreSQL's `indonesian` configuration)."""

import os

import pytest
from playwright.sync_api import expect


def test_search_finds_policy_by_stemmed_word(page, login, screenshot):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        if os.environ.get("CI"):
            pytest.fail("the stemming journey needs PostgreSQL in CI")
        pytest.skip("stemming needs PostgreSQL: set DATABASE_URL")
    login(page, "pegawai.gorontalo")
    page.get_by_role("navigation", name="Navigasi utama").get_by_role("link", name="Cari").click()
    # "berlatih" appears nowhere; the policy says "dilatih" and "pelatihan" (stem: latih)
    page.get_by_label("Kata kunci").fill("berlatih")
    page.get_by_label("Jenis halaman").select_option("kebijakan")
    page.get_by_role("button", name="Cari").click()
    results = page.locator(".search-results")
    expect(results).to_contain_text("Kebijakan Pengembangan Kompetensi ASN 20 JP per Tahun")
    screenshot(page, "home-search-stemmed")
    results.get_by_role("link", name="Kebijakan Pengembangan Kompetensi ASN 20 JP per Tahun").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kebijakan Pengembangan Kompetensi")
