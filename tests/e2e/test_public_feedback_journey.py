"""The public feedback journey at 390 px: sdm.gorontalo finds the public link of the demo service point on its
poster; a member of the public opens it on a phone without logging in and rates the service with a comment;
sdm.gorontalo approves the comment with one click; the comment then shows on the unit's page for an employee."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
COMMENT = "Berkas kenaikan pangkat saya diperiksa dengan teliti, terima kasih."


def _phone(browser, server):
    page = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    page.set_default_timeout(15_000)
    return page


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_public_rates_hr_approves_and_the_unit_page_shows_it(browser, server, login, screenshot, menu):
    hr = _phone(browser, server)
    login(hr, "sdm.gorontalo")
    menu(hr, "Umpan balik masyarakat", "Kelola")
    expect(hr.get_by_role("heading", level=1)).to_have_text("Umpan balik masyarakat")
    screenshot(hr, "umpan-balik-1-titik-layanan")
    _fits(hr)
    hr.get_by_role("link", name="Poster").first.click()
    expect(hr.get_by_role("heading", name="Bagaimana layanan kami?")).to_be_visible()
    screenshot(hr, "umpan-balik-2-poster")
    link = hr.locator(".poster-url").inner_text().strip()
    path = re.sub(r"^https?://[^/]+", "", link)
    assert path.startswith("/umpan-balik/")

    public = _phone(browser, server)
    public.goto(path)
    expect(public.get_by_role("heading", name="Layanan Kenaikan Pangkat")).to_be_visible()
    expect(public.get_by_role("button", name="Menu")).to_have_count(0)
    expect(public.get_by_role("navigation", name="Navigasi utama")).to_have_count(0)
    public.get_by_role("radio", name="4 bintang: puas").check()
    public.get_by_label("Komentar atau saran (opsional)").fill(COMMENT)
    screenshot(public, "umpan-balik-3-formulir-publik")
    _fits(public)
    public.wait_for_timeout(3200)  # a person takes a few seconds; a quicker answer is refused as a program's
    public.get_by_role("button", name="Kirim penilaian").click()
    expect(public.get_by_role("heading", name="Terima kasih")).to_be_visible()
    screenshot(public, "umpan-balik-4-terima-kasih")

    hr.goto("/kinerja/umpan-balik/")
    hr.get_by_role("link", name=re.compile("Moderasi komentar")).click()
    row = hr.locator("tr", has_text=COMMENT)
    expect(row).to_be_visible()
    screenshot(hr, "umpan-balik-5-moderasi")
    row.get_by_role("button", name="Setujui").click()
    expect(hr.locator(".messages")).to_contain_text("1 komentar disetujui")
    expect(hr.locator("tr", has_text=COMMENT)).to_have_count(0)

    employee = _phone(browser, server)
    login(employee, "pegawai.gorontalo")
    hr.goto("/kinerja/umpan-balik/")
    unit_url = (
        hr.locator("tbody tr", has_text="Layanan Kenaikan Pangkat").get_by_role("link").first.get_attribute("href")
    )
    employee.goto(unit_url)
    expect(employee.get_by_role("heading", name="Komentar masyarakat")).to_be_visible()
    expect(employee.locator(".feedback-comment").first).to_contain_text(COMMENT)
    expect(employee.get_by_text("nomor WhatsApp layanan")).to_have_count(0)  # a demo comment still waiting
    screenshot(employee, "umpan-balik-6-halaman-unit")
    _fits(employee)
