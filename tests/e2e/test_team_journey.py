"""The supervisor's Tim saya on a desktop: atasan.gorontalo sees each report's reading, JP and requests, and
reminds one of them; the report opens the reminder on a phone, which marks it read."""

from playwright.sync_api import expect


def test_supervisor_reminds_a_report_who_reads_it_on_a_phone(browser, server, page, login, screenshot):
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, "atasan.gorontalo")
    expect(page.locator(".approvals-panel")).to_be_visible()
    page.get_by_role("navigation", name="Navigasi utama").get_by_role("link", name="Tim saya").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tim saya")
    row = page.locator("tr", has_text="Siti Gobel")
    expect(row).to_contain_text("JP")
    screenshot(page, "team-1-tim-saya-desktop")
    row.get_by_role("button", name="Ingatkan Siti Gobel").click()
    expect(page.locator(".messages")).to_contain_text("Pengingat terkirim")
    row.get_by_role("button", name="Ingatkan Siti Gobel").click()
    expect(page.locator(".messages")).to_contain_text("sudah diingatkan hari ini")

    phone = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 390, "height": 844}).new_page()
    login(phone, "pegawai.gorontalo")
    phone.get_by_role("link", name="Notifikasi").first.click()
    item = phone.locator("li.notification", has_text="Pengingat dari")
    expect(item).to_have_class("notification unread")
    expect(phone.get_by_role("heading", name="Hari ini")).to_be_visible()
    screenshot(phone, "team-2-pengingat-di-ponsel")
    item.get_by_role("link").click()
    phone.goto("/notifikasi/")
    expect(phone.locator("li.notification", has_text="Pengingat dari")).to_have_class("notification")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()
