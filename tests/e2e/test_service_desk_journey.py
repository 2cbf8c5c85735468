"""The HR service desk journey: pegawai.gorontalo files a request for a certificate on a phone, sdm.gorontalo takes it
up on a desktop, keeps an internal note and completes it, and the employee reads the answer (never the note) and
rates the service."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}
NOTE = "Dicek di SIASN: masa kerja sesuai."


def _context(browser, server, viewport):
    page = browser.new_context(base_url=server, locale="id-ID", viewport=viewport).new_page()
    page.set_default_timeout(15_000)
    return page


def test_employee_files_hr_completes_employee_rates(browser, server, login, screenshot, menu):
    employee = _context(browser, server, PHONE)
    login(employee, "pegawai.gorontalo")
    menu(employee, "Layanan SDM", "Kinerja")
    expect(employee.get_by_role("heading", level=1)).to_have_text("Layanan SDM")
    employee.get_by_role("link", name="Ajukan permohonan").click()
    employee.get_by_role("link", name="Ajukan Surat keterangan").click()
    expect(employee.get_by_role("heading", level=1)).to_have_text("Surat keterangan")
    employee.get_by_role("button", name="Kirim permohonan").click()
    expect(employee.locator(".field", has=employee.get_by_label("Uraian permohonan"))).to_contain_text("harus diisi")
    employee.get_by_label("Uraian permohonan").fill("Surat keterangan masih bekerja untuk pengajuan kredit rumah.")
    employee.get_by_role("button", name="Kirim permohonan").click()
    expect(employee.locator(".messages")).to_contain_text("Permohonan terkirim")
    expect(employee.locator(".page-head .tag")).to_have_text("Diajukan")
    expect(employee.get_by_test_id("timeline")).to_contain_text("permohonan diajukan")
    number = employee.locator(".page-head .muted").inner_text()
    request_url = employee.url
    assert employee.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(employee, "layanan-1-pegawai-mengajukan-ponsel")

    hr = _context(browser, server, DESK)
    login(hr, "sdm.gorontalo")
    menu(hr, "Antrean layanan SDM", "Kelola")
    hr.get_by_test_id("queue-table").locator(f"tr[data-number='{number}']").get_by_role("link").click()
    hr.get_by_role("button", name="Tangani permohonan ini").click()
    expect(hr.locator(".messages")).to_contain_text("ditangani oleh Anda")
    hr.get_by_role("textbox", name="Catatan internal").fill(NOTE)
    hr.get_by_role("button", name="Simpan catatan").click()
    expect(hr.get_by_test_id("internal-notes")).to_contain_text(NOTE)
    hr.get_by_text("Selesaikan", exact=True).click()
    hr.get_by_label("Catatan penyelesaian").fill("Surat nomor 800/BKD/2026 dapat diambil di loket BKD.")
    hr.get_by_role("button", name="Tandai selesai").click()
    expect(hr.locator(".page-head .tag-ok")).to_have_text("Selesai")
    screenshot(hr, "layanan-2-sdm-menyelesaikan")

    employee.goto("/notifikasi/")
    employee.get_by_role("link", name=re.compile("Permohonan Surat keterangan Anda selesai")).first.click()
    expect(employee).to_have_url(re.compile(re.escape(request_url.replace(server, ""))))
    expect(employee.get_by_test_id("closing-note")).to_contain_text("800/BKD/2026")
    expect(employee.get_by_text(NOTE)).to_have_count(0)
    employee.get_by_label("5 bintang: sangat puas").check()
    employee.get_by_label("Komentar (bila ada)").fill("Cepat, tidak perlu datang ke kantor.")
    employee.get_by_role("button", name="Kirim penilaian").click()
    expect(employee.locator(".messages")).to_contain_text("Terima kasih atas penilaian Anda.")
    expect(employee.get_by_test_id("survey-answer")).to_contain_text("Cepat, tidak perlu datang ke kantor.")
    assert employee.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(employee, "layanan-3-pegawai-menilai-ponsel")
