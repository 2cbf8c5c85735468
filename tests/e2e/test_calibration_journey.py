"""The calibration journey: sdm.gorontalo opens the demo calibration from the Kelola menu, tries another organisation
rating in the what-if and adjusts one employee with a reason; pimpinan.gorontalo reads it on a phone, where the page
fits the screen."""

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def test_hr_simulates_and_adjusts_and_the_leader_reads_it_on_a_phone(browser, server, login, screenshot, menu):
    desk = browser.new_context(base_url=server, locale="id-ID", viewport=DESK).new_page()
    desk.set_default_timeout(15_000)
    login(desk, "sdm.gorontalo")
    menu(desk, "Kalibrasi kinerja", "Kelola")
    expect(desk.get_by_role("heading", level=1)).to_have_text("Kalibrasi kinerja")
    screenshot(desk, "kalibrasi-1-daftar")
    desk.get_by_role("link", name="Seluruh instansi").first.click()
    expect(desk.get_by_role("heading", name="Sebaran predikat pegawai")).to_be_visible()
    desk.locator(".choice-row a", has_text="Istimewa").click()
    expect(desk.get_by_role("heading", name="Jika predikat organisasi Istimewa")).to_be_visible()
    screenshot(desk, "kalibrasi-2-simulasi")

    first = desk.locator("details.adjust").first
    first.locator("summary").click()
    first.get_by_label("Rating Hasil Kerja").select_option("DI_ATAS")
    first.get_by_label("Rating Perilaku Kerja").select_option("DI_ATAS")
    first.get_by_label("Alasan").fill("Inovasi layanan kenaikan pangkat diakui tim penilai kinerja.")
    first.get_by_role("button", name="Simpan perubahan").click()
    expect(desk.locator(".messages")).to_contain_text("diubah melalui kalibrasi")
    expect(desk.locator(".history")).to_contain_text("Inovasi layanan kenaikan pangkat")
    screenshot(desk, "kalibrasi-3-diubah")

    phone = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    phone.set_default_timeout(15_000)
    login(phone, "pimpinan.gorontalo")
    menu(phone, "Kalibrasi kinerja", "Kelola")
    phone.get_by_role("link", name="Seluruh instansi").first.click()
    expect(phone.locator(".history")).to_contain_text("Inovasi layanan kenaikan pangkat")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "kalibrasi-4-pimpinan-ponsel")
