"""pegawai.gorontalo opens the required-reading item from the dashboard, reads, acknowledges (passing the short
comprehension check), and it disappears from the list."""

from playwright.sync_api import expect

TITLE = "Sosialisasi Manajemen Kinerja ASN"


def test_pegawai_acknowledges_required_reading(page, login, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})  # employees read on their phones
    login(page, "pegawai.gorontalo")
    panel = page.get_by_test_id("panel-required-reading")
    expect(panel).to_contain_text(TITLE)
    screenshot(page, "home-reading-1-dashboard-phone")

    panel.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(page.get_by_role("heading", name="Bacaan wajib")).to_be_visible()
    # comprehension check: dialog kinerja is periodic (option 2); the legal basis is PermenPANRB 6/2022 (option 1)
    page.get_by_role("group", name="1. Berapa kali").get_by_label("Secara berkala setiap triwulan").check()
    page.get_by_role("group", name="2. Apa dasar hukum").get_by_label("PermenPANRB Nomor 6 Tahun 2022").check()
    page.get_by_label("Saya telah membaca dan memahami").check()
    screenshot(page, "home-reading-2-page-phone")
    page.get_by_role("button", name="Konfirmasi").click()

    expect(page.get_by_role("status").first).to_contain_text("konfirmasi baca Anda telah tercatat")
    expect(page.locator(".reading-box")).to_contain_text("Anda telah mengonfirmasi halaman ini")
    screenshot(page, "home-reading-3-acknowledged-phone")

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="Beranda").click()
    expect(page.get_by_test_id("panel-required-reading")).not_to_contain_text(TITLE)
    expect(page.get_by_test_id("panel-required-reading")).to_contain_text("Tidak ada bacaan wajib")
    screenshot(page, "home-reading-4-dashboard-done")
