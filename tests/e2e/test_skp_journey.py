"""The SKP journey: pegawai.gorontalo, on a phone, writes an RHK that intervenes the supervisor's RHK (the draft saves
itself in the background), adds its IKI and submits through the confirmation dialog; atasan.gorontalo finds it in
the SKP waiting for them, counted on the menu's "SKP saya" and approves it; the employee sees it approved."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url


def test_employee_drafts_and_submits_on_a_phone_and_the_supervisor_approves(browser, server, login, screenshot, menu):
    phone = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    phone.set_default_timeout(15_000)
    login(phone, "pegawai.gorontalo")
    menu(phone, "SKP saya", "Kinerja")
    expect(phone.get_by_test_id("skp-status")).to_have_text(re.compile("Draf"))
    _fits(phone)
    screenshot(phone, "skp-1-draf-kosong-ponsel")

    # the RHK: typed, saved in the background before any button is pressed
    form = phone.locator("#rhk-baru")
    form.get_by_label("Rencana hasil kerja").fill("Terverifikasinya usul kenaikan pangkat ASN tepat waktu")
    form.get_by_label("RHK pimpinan yang diintervensi").select_option(index=1)
    expect(form.locator("[data-autosave-status]")).to_contain_text("Tersimpan", timeout=10_000)
    screenshot(phone, "skp-2-rhk-tersimpan-otomatis")
    form.get_by_role("button", name="Simpan RHK").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Rencana Hasil Kerja")

    # its IKI
    iki = phone.locator("#iki-baru")
    iki.get_by_label("Indikator kinerja individu").fill("Persentase usul layanan selesai tepat waktu")
    iki.get_by_label("Aspek").select_option("waktu")
    iki.get_by_label("Target").fill("95 %")
    iki.get_by_role("button", name="Simpan indikator").click()
    expect(phone.locator(".messages")).to_contain_text("Indikator tersimpan")
    _fits(phone)
    screenshot(phone, "skp-3-iki-ponsel")

    # submit, after the confirmation dialog
    phone.get_by_role("link", name="Kembali ke SKP").click()
    expect(phone.get_by_test_id("problems")).to_have_count(0)
    phone.get_by_role("button", name="Ajukan SKP").click()
    dialog = phone.locator("dialog.confirm-dialog")
    expect(dialog).to_be_visible()
    screenshot(phone, "skp-4-konfirmasi-ajukan")
    dialog.get_by_role("button", name="Ya, lanjutkan").click()
    expect(phone.locator(".messages")).to_contain_text("diajukan kepada")
    expect(phone.get_by_test_id("skp-status")).to_have_text(re.compile("Diajukan"))
    _fits(phone)
    screenshot(phone, "skp-5-diajukan-ponsel")
    name = phone.evaluate("document.querySelector('.user-name').textContent.trim()")

    # the supervisor: the menu counts what waits; approve from the SKP page
    desk = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 1366, "height": 900}).new_page()
    desk.set_default_timeout(15_000)
    login(desk, "atasan.gorontalo")
    nav = desk.get_by_role("navigation", name="Navigasi utama")
    nav.locator("summary", has_text="Kinerja").click()  # the dropdown shows a dot: something waits inside
    expect(nav.get_by_role("link", name=re.compile("SKP saya"))).to_contain_text(re.compile(r"\d"))
    nav.get_by_role("link", name=re.compile("SKP saya")).click()
    desk.get_by_role("link", name="Buka persetujuan SKP").click()
    screenshot(desk, "skp-6-antrean-atasan")
    desk.get_by_role("link", name=f"Periksa SKP {name}").click()
    expect(desk.get_by_text("Terverifikasinya usul kenaikan pangkat ASN tepat waktu")).to_be_visible()
    screenshot(desk, "skp-7-periksa-atasan")
    desk.get_by_role("button", name="Setujui SKP").click()
    expect(desk.locator(".messages")).to_contain_text("disetujui")

    phone.reload()
    expect(phone.get_by_test_id("skp-status")).to_have_text(re.compile("Disetujui"))
    expect(phone.locator(".history-list")).to_contain_text("Disetujui")
    screenshot(phone, "skp-8-disetujui-ponsel")
    phone.context.close()
    desk.context.close()
