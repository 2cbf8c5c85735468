"""The promotion eligibility journey: sdm.gorontalo opens Kenaikan pangkat from the Kelola menu, filters by status,
opens an employee's reasons (each pointing to its evidence) and exports the list; the same page fits a phone."""

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def test_hr_opens_filters_reads_reasons_and_exports(browser, server, login, screenshot, menu):
    desk = browser.new_context(base_url=server, locale="id-ID", viewport=DESK).new_page()
    desk.set_default_timeout(15_000)
    login(desk, "sdm.gorontalo")
    menu(desk, "Kenaikan pangkat", "Kelola")
    expect(desk.get_by_role("heading", level=1)).to_have_text("Kenaikan pangkat")
    expect(desk.get_by_test_id("promotion-counts")).to_contain_text("memenuhi syarat")
    screenshot(desk, "kenaikan-pangkat-1-daftar")

    desk.get_by_label("Status").select_option("tidak")
    desk.get_by_role("button", name="Terapkan").click()
    expect(desk.get_by_test_id("promotion-table")).to_be_visible()
    expect(desk.get_by_test_id("promotion-table").locator(".tag-ok", has_text="Memenuhi syarat")).to_have_count(0)
    sanctioned = desk.locator("tr", has=desk.locator("[data-rule=hukuman_disiplin] .tag-error")).first
    sanctioned.locator("summary").click()
    expect(sanctioned.locator("[data-rule=hukuman_disiplin]")).to_contain_text("hukuman disiplin")
    low = desk.locator("tr", has=desk.locator("[data-rule=predikat] .tag-error")).first
    low.locator("summary").click()
    expect(low.locator("[data-rule=predikat] a", has_text="Lihat evaluasi").first).to_be_visible()
    screenshot(desk, "kenaikan-pangkat-2-alasan")

    with desk.expect_download() as download:
        desk.get_by_test_id("export-xlsx").click()
    assert download.value.suggested_filename.startswith("kenaikan-pangkat-")

    low.locator("[data-rule=predikat] a", has_text="Lihat evaluasi").first.click()
    expect(desk.get_by_role("heading", level=1)).to_be_visible()
    assert "/kinerja/evaluasi/" in desk.url

    phone = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    phone.set_default_timeout(15_000)
    login(phone, "sdm.gorontalo")
    menu(phone, "Kenaikan pangkat", "Kelola")
    phone.get_by_label("Status").select_option("ya")
    phone.get_by_role("button", name="Terapkan").click()
    expect(phone.get_by_test_id("promotion-table")).to_be_visible()
    phone.get_by_test_id("promotion-table").locator("summary").first.click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "kenaikan-pangkat-3-ponsel")
