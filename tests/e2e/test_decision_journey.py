"""The career decision journey: sdm.gorontalo opens the promotion list, proposes a promotion for an employee who
qualifies (the evidence is previewed, then sealed), pimpinan.gorontalo approves it on a phone, and the employee
sees the decision about them with its reasons and evidence."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def _context(browser, server, viewport):
    page = browser.new_context(base_url=server, locale="id-ID", viewport=viewport).new_page()
    page.set_default_timeout(15_000)
    return page


def test_hr_proposes_pimpinan_approves_employee_sees(browser, server, login, screenshot, menu):
    hr = _context(browser, server, DESK)
    login(hr, "sdm.gorontalo")
    menu(hr, "Kenaikan pangkat", "Kelola")
    hr.get_by_label("Status").select_option("ya")
    hr.get_by_role("button", name="Terapkan").click()
    row = hr.get_by_test_id("promotion-table").locator("tr", has=hr.get_by_test_id("propose-promotion")).first
    nip = row.get_attribute("data-nip")
    row.get_by_test_id("propose-promotion").click()

    expect(hr.get_by_role("heading", level=1)).to_have_text("Usulan keputusan karier")
    expect(hr.get_by_label("NIP pegawai")).to_have_value(nip)
    expect(hr.get_by_label("Jenis keputusan")).to_have_value("kenaikan_pangkat")
    hr.get_by_role("button", name="Simpan draf").click()
    expect(hr.locator(".field", has=hr.get_by_label("Dasar pertimbangan"))).to_contain_text(
        "harus diisi"
    )  # nothing lost
    expect(hr.get_by_label("Judul")).to_have_value(re.compile("Kenaikan pangkat periode"))
    hr.get_by_label("Dasar pertimbangan").fill(
        "Memenuhi masa kerja dalam pangkat, predikat Baik dua tahun terakhir, dan tidak sedang menjalani hukuman."
    )
    hr.get_by_role("button", name="Simpan draf").click()
    expect(hr.get_by_test_id("live-note")).to_be_visible()
    expect(hr.locator("[data-evidence=kelayakan]")).to_contain_text("Memenuhi syarat")
    expect(hr.locator("[data-evidence=predikat]")).to_contain_text("Baik")
    screenshot(hr, "keputusan-1-draf-dengan-bukti")
    hr.get_by_role("button", name="Usulkan").click()
    hr.get_by_role("dialog").get_by_role("button", name="Ya, lanjutkan").click()
    expect(hr.locator(".messages")).to_contain_text("Bukti pendukung sudah dikunci")
    expect(hr.get_by_test_id("sealed-note")).to_be_visible()
    decision_url = hr.url

    leader = _context(browser, server, PHONE)
    login(leader, "pimpinan.gorontalo")
    menu(leader, "Keputusan karier", "Kelola")
    leader.get_by_role("link", name=re.compile("^Diusulkan")).click()
    leader.locator(f"a[href='{decision_url.replace(server, '')}']").click()
    expect(leader.get_by_role("heading", name="Keputusan Anda")).to_be_visible()
    expect(leader.locator("[data-evidence=kelayakan]")).to_contain_text("Memenuhi syarat")
    leader.get_by_role("button", name="Tolak").click()
    expect(leader.locator(".field", has=leader.get_by_label("Catatan keputusan"))).to_contain_text(
        "Tulis alasan penolakan."
    )
    leader.get_by_label("Catatan keputusan").fill("Disetujui untuk periode berikutnya.")
    leader.get_by_role("button", name="Setujui").click()
    expect(leader.locator(".messages")).to_contain_text("Usulan disetujui.")
    expect(leader.locator(".page-head .tag-ok")).to_have_text("Disetujui")
    assert leader.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(leader, "keputusan-2-pimpinan-menyetujui-ponsel")

    employee = _context(browser, server, PHONE)
    login(employee, nip)
    employee.goto("/notifikasi/")
    employee.get_by_role("link", name=re.compile("Keputusan karier tentang Anda")).first.click()
    expect(employee.get_by_role("heading", level=1)).to_contain_text("Kenaikan pangkat periode")
    expect(employee.locator(".page-head .tag-ok")).to_have_text("Disetujui")
    expect(employee.get_by_test_id("sealed-note")).to_be_visible()
    expect(employee.locator("[data-evidence=kelayakan]")).to_contain_text("Memenuhi syarat")
    expect(employee.get_by_text("Disetujui untuk periode berikutnya.")).to_be_visible()
    assert employee.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(employee, "keputusan-3-pegawai-melihat-ponsel")
