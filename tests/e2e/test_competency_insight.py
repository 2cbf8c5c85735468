"""Competency insight journeys at 390 px and 1366 px: pegawai.gorontalo sees their gaps (Kompetensi saya), finds the
sessions that fit them on the home page and in the catalogue ("Sesuai kesenjangan saya"), and enrols from the
"Rekomendasi untuk Anda" panel; sdm.gorontalo opens Peta kompetensi from Kelola, reads the heatmap and the band
distribution, drills into a unit and exports both."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_employee_sees_gaps_and_enrols_in_a_recommended_session(browser, server, login, screenshot, axe_check, menu):
    page = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    login(page, "pegawai.gorontalo")

    # the gaps, largest first, on Kompetensi saya
    menu(page, "Kompetensi saya", "Pengembangan")
    rows = page.get_by_test_id("competency-row")
    expect(rows.first).to_contain_text("M.03 Komunikasi")
    expect(rows.first.get_by_test_id("gap")).to_have_text("kurang 2 level")
    screenshot(page, "insight-1-kesenjangan-saya-390")

    # the home page recommends sessions whose course targets those gaps above the level held
    page.goto("/")
    panel = page.get_by_test_id("panel-recommendations")
    expect(panel).to_contain_text("Rekomendasi untuk Anda")
    expect(panel).to_contain_text("Komunikasi (kurang 2 level)")
    item = panel.locator("li", has_text="Integritas dan Budaya Antikorupsi ASN")
    expect(item).to_contain_text("Integritas: sasaran level 3")
    panel.scroll_into_view_if_needed()
    _fits(page, PHONE["width"])
    axe_check(page, "beranda dengan rekomendasi @390")
    screenshot(page, "insight-2-rekomendasi-beranda-390")

    # the catalogue's personal filter lists the same courses, the largest gap first
    panel.get_by_role("link", name="Semua yang sesuai kesenjangan saya").click()
    expect(page.get_by_role("checkbox", name="Sesuai kesenjangan kompetensi saya")).to_be_checked()
    cards = page.locator(".course-card")
    expect(cards.first).to_contain_text("Manajemen Kinerja ASN")
    expect(cards.first.get_by_test_id("gap-fit")).to_have_text("Menutup kesenjangan Anda 2 level")
    expect(page.locator(".course-card", has_text="Integritas dan Budaya Antikorupsi ASN")).to_be_visible()
    _fits(page, PHONE["width"])
    screenshot(page, "insight-3-katalog-sesuai-kesenjangan-390")

    # enrol from the panel
    page.goto("/")
    item = page.get_by_test_id("panel-recommendations").locator("li", has_text="Integritas dan Budaya Antikorupsi ASN")
    item.get_by_role("button", name=re.compile(r"^Daftar")).click()
    expect(page.locator(".messages")).to_contain_text("Anda terdaftar")
    expect(page.get_by_test_id("panel-recommendations")).not_to_contain_text("Integritas dan Budaya Antikorupsi")
    screenshot(page, "insight-4-terdaftar-390")

    # the same at 1366 px
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    screenshot(page, "insight-5-beranda-1366")
    page.context.close()


def test_hr_opens_the_heatmap_drills_into_a_unit_and_exports(browser, server, login, screenshot, axe_check, menu):
    page = browser.new_context(base_url=server, locale="id-ID", viewport=DESKTOP).new_page()
    login(page, "sdm.gorontalo")
    menu(page, "Peta kompetensi", "Kelola")
    expect(page.get_by_role("heading", level=1)).to_have_text("Peta kompetensi")
    heat = page.get_by_test_id("heatmap")
    expect(heat.locator("tbody tr").first).to_be_visible()
    expect(heat.locator("td.heat").first).to_contain_text(re.compile(r"\d"))
    expect(page.locator(".stacked-row").first).to_contain_text("pegawai")
    axe_check(page, "peta kompetensi @1366")
    screenshot(page, "insight-6-peta-kompetensi-1366")

    with page.expect_download() as download:
        page.get_by_test_id("export-xlsx").click()
    assert download.value.suggested_filename == "peta-kompetensi.xlsx"

    # the gap view of the managerial competencies
    page.get_by_label("Kelompok kompetensi").select_option("manajerial")
    page.get_by_label("Isi sel").select_option("kesenjangan")
    page.get_by_role("button", name="Terapkan").click()
    expect(page.locator(".heat-legend")).to_contain_text("Tanpa kesenjangan")
    screenshot(page, "insight-7-peta-kesenjangan-1366")

    page.set_viewport_size(PHONE)
    _fits(page, PHONE["width"])
    axe_check(page, "peta kompetensi @390")
    screenshot(page, "insight-8-peta-kompetensi-390")

    # drill into the first unit
    unit = heat.locator("tbody th a").first
    name = unit.text_content().strip()
    unit.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    grid = page.get_by_test_id("unit-grid")
    expect(grid.locator("tbody tr").first).to_be_visible()
    _fits(page, PHONE["width"])
    axe_check(page, "peta unit @390")
    screenshot(page, "insight-9-unit-390")
    page.set_viewport_size(DESKTOP)
    screenshot(page, "insight-10-unit-1366")
    with page.expect_download() as download:
        page.get_by_test_id("unit-export-xlsx").click()
    assert download.value.suggested_filename.startswith("peta-kompetensi-")
    assert download.value.suggested_filename.endswith(".xlsx")
    page.context.close()
