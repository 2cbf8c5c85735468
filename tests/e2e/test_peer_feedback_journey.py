"""The peer feedback journey at 390 px: pegawai.gorontalo answers the umpan balik rekan waiting for them (the menu
counts it; once sent it cannot be reopened); atasan.gorontalo sees the aggregate of the released round on
pegawai.gorontalo (on its page and on the evaluation page) and only "not enough answers" for the round with two."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
RATINGS = ["Sesuai Ekspektasi", "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi",
           "Sesuai Ekspektasi", "Di Atas Ekspektasi", "Sesuai Ekspektasi"]  # fmt: skip


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url


def _phone(browser, server):
    page = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    page.set_default_timeout(15_000)
    return page


def test_employee_answers_and_the_supervisor_sees_only_the_aggregate(browser, server, login, screenshot, menu):
    phone = _phone(browser, server)
    login(phone, "pegawai.gorontalo")
    name = phone.evaluate("document.querySelector('.user-name').textContent.trim()")
    menu(phone, "Umpan balik rekan", "Kinerja")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Umpan balik rekan")
    pending = phone.locator("section", has=phone.get_by_role("heading", name="Menunggu jawaban Anda"))
    expect(pending.locator(".listing > li")).to_have_count(1)
    _fits(phone)
    screenshot(phone, "rekan-1-menunggu-ponsel")

    pending.get_by_role("link", name="Isi umpan balik").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Umpan balik untuk")
    phone.get_by_role("button", name="Kirim umpan balik").click()  # nothing chosen: a clear message, nothing saved
    expect(phone.locator(".error").first).to_contain_text("Pilih salah satu")
    fieldsets = phone.locator("fieldset")
    expect(fieldsets).to_have_count(7)
    for n, label in enumerate(RATINGS):
        fieldsets.nth(n).get_by_label(label).check()
    fieldsets.nth(0).get_by_label("Komentar (opsional)").fill("Selalu membantu rekan yang baru bergabung.")
    _fits(phone)
    screenshot(phone, "rekan-2-formulir-ponsel")
    phone.get_by_role("button", name="Kirim umpan balik").click()
    expect(phone.locator(".messages")).to_contain_text("tanpa nama Anda")
    expect(phone.get_by_text("Tidak ada umpan balik yang menunggu jawaban Anda.")).to_be_visible()
    _fits(phone)
    screenshot(phone, "rekan-3-terkirim-ponsel")

    # the supervisor: the released round shows the aggregate, the other only that answers are too few
    boss = _phone(browser, server)
    login(boss, "atasan.gorontalo")
    menu(boss, "Umpan balik rekan", "Kinerja")
    managed = boss.locator("section", has=boss.get_by_role("heading", name="Putaran yang saya kelola"))
    expect(managed.locator("tbody tr")).to_have_count(3)
    _fits(boss)
    screenshot(boss, "rekan-4-putaran-atasan-ponsel")
    managed.locator("tr", has_text="Hasil tersedia").get_by_role("link", name=name).click()
    expect(boss.get_by_role("heading", level=1)).to_contain_text(name)
    expect(boss.locator("#results").locator("..")).to_contain_text("Gabungan jawaban 4 penilai")
    expect(boss.locator(".stacked-row")).to_have_count(7)
    _fits(boss)
    screenshot(boss, "rekan-5-hasil-atasan-ponsel")

    menu(boss, "Umpan balik rekan", "Kinerja")
    managed.locator("tr", has_text="Belum cukup jawaban").get_by_role("link").click()
    expect(boss.locator(".alert-warn")).to_contain_text("Belum cukup jawaban")
    expect(boss.locator(".stacked-row")).to_have_count(0)
    _fits(boss)
    screenshot(boss, "rekan-6-belum-cukup-ponsel")

    # the pejabat penilai sees the same aggregate on the evaluation page
    menu(boss, "Penilaian tim", "Kinerja")
    boss.get_by_role("link", name=name).first.click()
    expect(boss.get_by_role("heading", level=1)).to_have_text(re.compile("Triwulan III"))
    section = boss.locator("section", has=boss.get_by_role("heading", name="Umpan balik rekan (BerAKHLAK)"))
    expect(section).to_contain_text("Gabungan jawaban 4 penilai")
    section.scroll_into_view_if_needed()
    _fits(boss)
    screenshot(boss, "rekan-7-evaluasi-ponsel")
    for page in (phone, boss):
        page.context.close()
