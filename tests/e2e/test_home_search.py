"""Search from the header on a phone: a policy found by a stemmed word, the matching words marked, type chips with
their counts, a typo answered with “Apakah maksud Anda”, and an empty state that says what to do; on SQLite
(Sastrawi) as on PostgreSQL."""

import re

from playwright.sync_api import expect

POLICY = "Kebijakan Pengembangan Kompetensi ASN 20 JP per Tahun"


def _search(page, words):
    page.get_by_role("main").get_by_label("Kata kunci").fill(words)
    page.get_by_role("main").get_by_role("button", name="Cari").click()


def _fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_search_finds_policy_by_stemmed_word(page, login, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "pegawai.gorontalo")
    page.get_by_role("link", name="Cari", exact=True).click()  # the magnifier of the phone header
    # "berlatih" appears nowhere; the policy says "dilatih" and "pelatihan" (stem: latih)
    _search(page, "berlatih")
    chips = page.get_by_role("navigation", name="Saring menurut jenis")
    chips.get_by_role("link", name=re.compile(r"^Kebijakan & regulasi \d+")).click()
    expect(chips.locator('[aria-current="true"]')).to_contain_text("Kebijakan & regulasi")
    results = page.locator(".search-results")
    expect(results).to_contain_text(POLICY)
    expect(results.locator("mark").first).to_be_visible()
    _fits_the_phone(page)
    screenshot(page, "home-search-stemmed-phone")
    results.get_by_role("link", name=POLICY).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kebijakan Pengembangan Kompetensi")


def test_phone_journey_marks_chips_typo_and_empty_state(page, login, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "pegawai.gorontalo")
    page.get_by_role("link", name="Cari", exact=True).click()
    _search(page, "pelatihan")

    # every result says its type, its matching words are marked in the title or the snippet
    results = page.locator(".search-results > li")
    expect(results.first).to_be_visible()
    assert results.count() >= 2
    for i in range(min(results.count(), 5)):
        expect(results.nth(i).locator(".tag")).not_to_be_empty()
    expect(page.locator(".search-results mark").first).to_be_visible()
    marked = {text.lower() for text in page.locator(".search-results mark").all_inner_texts()}
    assert marked and all("latih" in word for word in marked), marked

    # the chips: "Semua" chosen, one per type found, each with its count; the counts add up
    chips = page.get_by_role("navigation", name="Saring menurut jenis").get_by_role("link")
    labels = chips.all_inner_texts()
    counts = [int(re.search(r"(\d+)", label).group(1)) for label in labels]
    assert labels[0].startswith("Semua") and counts[0] == sum(counts[1:]) and len(labels) >= 3, labels
    expect(chips.first).to_have_attribute("aria-current", "true")
    _fits_the_phone(page)
    screenshot(page, "home-search-results-phone")

    # a chip narrows the results to its type, and is marked as chosen
    chip = next(i for i, label in enumerate(labels) if label.startswith("Pelatihan"))
    chips.nth(chip).click()
    expect(chips.nth(chip)).to_have_attribute("aria-current", "true")
    expect(chips.first).not_to_have_attribute("aria-current", "true")
    shown = page.locator(".search-results > li")
    expect(shown.first).to_be_visible()
    assert shown.count() == min(counts[chip], 20)
    for tag in shown.locator(".search-result-type .tag").all_inner_texts():
        assert tag == "Pelatihan"
    expect(page.get_by_role("heading", level=2).first).to_contain_text("di Pelatihan")
    _fits_the_phone(page)
    screenshot(page, "home-search-chip-phone")

    # a typo: no result, the suggestion from the titles, one tap to the right words
    page.get_by_role("navigation", name="Saring menurut jenis").get_by_role("link", name=re.compile("^Semua")).click()
    _search(page, "pelatiahn")
    suggestion = page.locator(".search-suggestion")
    expect(suggestion).to_contain_text("Apakah maksud Anda: pelatihan?")
    expect(page.locator(".search-empty")).to_contain_text("Periksa ejaan kata kunci")
    _fits_the_phone(page)
    screenshot(page, "home-search-typo-phone")
    suggestion.get_by_role("link", name="pelatihan").click()
    expect(page.locator(".search-results mark").first).to_be_visible()
    expect(page.get_by_role("main").get_by_label("Kata kunci")).to_have_value("pelatihan")

    # nothing at all: what was searched, what to try, where to browse
    _search(page, "xylofon kuantum")
    empty = page.locator(".search-empty")
    expect(empty).to_contain_text("Tidak ada halaman yang cocok dengan “xylofon kuantum”.")
    expect(empty).to_contain_text("lebih sedikit kata")
    expect(empty.get_by_role("link").first).to_be_visible()
    _fits_the_phone(page)
    screenshot(page, "home-search-empty-phone")


def test_header_search_on_desktop(page, login, screenshot):
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, "pegawai.gorontalo")
    search = page.get_by_role("search", name="Pencarian situs")
    search.get_by_label("Kata kunci").fill("kebijakan")
    search.get_by_label("Kata kunci").press("Enter")
    expect(page.locator(".search-results")).to_contain_text("Kebijakan")
    expect(page.get_by_role("navigation", name="Saring menurut jenis")).to_be_visible()
    screenshot(page, "home-search-desktop")
