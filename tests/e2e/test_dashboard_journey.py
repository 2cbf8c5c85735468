"""Pimpinan opens the dashboards: pimpinan.gorontalo finds Dasbor SDM under Kelola, sees each chart drawn from its
table (Chart.js from the project's own static files), opens a table, exports one chart, and reads the same page on
a phone without sideways scrolling."""

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def test_pimpinan_reads_the_dashboard(browser, server, login, screenshot, menu):
    desk = browser.new_context(base_url=server, locale="id-ID", viewport=DESK).new_page()
    desk.set_default_timeout(15_000)
    external = []
    desk.on("request", lambda request: external.append(request.url) if not request.url.startswith(server) else None)
    login(desk, "pimpinan.gorontalo")
    menu(desk, "Dasbor SDM", "Kelola")
    expect(desk.get_by_role("heading", level=1)).to_have_text("Dasbor SDM")
    for key in ("predikat-unit", "predikat-tahun", "jp", "kesesuaian", "kenaikan-pangkat"):
        card = desk.get_by_test_id(f"chart-{key}")
        expect(card.locator("canvas")).to_be_visible()
        # Chart.js sized the canvas: it was drawn, not left blank
        assert card.locator("canvas").evaluate("c => c.width > 0 && c.height > 0 && !!Chart.getChart(c)")
    assert external == []  # nothing fetched from outside the intranet
    unit = desk.get_by_test_id("chart-predikat-unit")
    unit.locator("summary", has_text="Tabel").click()
    expect(unit.locator("table")).to_be_visible()
    screenshot(desk, "dasbor-1-pimpinan")
    with desk.expect_download() as download:
        unit.get_by_role("link", name="Ekspor Excel").click()
    assert download.value.suggested_filename.startswith("dasbor-predikat-unit-")

    phone = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    phone.set_default_timeout(15_000)
    login(phone, "pimpinan.gorontalo")
    phone.goto("/dasbor/")
    expect(phone.get_by_test_id("chart-jp").locator("canvas")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "dasbor-2-ponsel")
