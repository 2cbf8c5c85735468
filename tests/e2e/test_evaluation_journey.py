"""The evaluation journey: atasan.gorontalo rates pegawai.gorontalo's Triwulan III from the Kinerja menu and the
predikat appears from the matrix; they finalise it; pegawai.gorontalo, on a phone, sees the result and appeals;
the Atasan Pejabat Penilai (the supervisor's own supervisor) grants it with new ratings and the employee sees the
new predikat."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url


def test_rate_finalise_appeal_and_decide(browser, server, login, screenshot, menu):
    phone = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    phone.set_default_timeout(15_000)
    login(phone, "pegawai.gorontalo")
    name = phone.evaluate("document.querySelector('.user-name').textContent.trim()")

    desk = browser.new_context(base_url=server, locale="id-ID", viewport=DESK).new_page()
    desk.set_default_timeout(15_000)
    login(desk, "atasan.gorontalo")
    menu(desk, "Penilaian tim", "Kinerja")
    screenshot(desk, "evaluasi-1-daftar-penilai")
    desk.get_by_role("link", name=name).first.click()
    expect(desk.get_by_role("heading", level=1)).to_have_text(re.compile("Triwulan III"))
    desk.get_by_role("group", name="Rating Hasil Kerja").get_by_label("Di Bawah Ekspektasi").check()
    desk.get_by_role("group", name="Rating Perilaku Kerja").get_by_label("Sesuai Ekspektasi").check()
    desk.get_by_label("Alasan penilaian").fill("Dua dari tiga target IKI belum tercapai menurut bukti dukung.")
    desk.get_by_role("button", name="Simpan penilaian").click()
    expect(desk.locator(".messages")).to_contain_text("Penilaian disimpan")
    expect(desk.get_by_test_id("predikat").first).to_have_text("Butuh Perbaikan")
    screenshot(desk, "evaluasi-2-dinilai")
    desk.get_by_role("button", name="Finalkan").click()
    desk.locator("dialog.confirm-dialog").get_by_role("button", name="Ya, lanjutkan").click()
    expect(desk.get_by_test_id("evaluation-status")).to_have_text("Final")

    menu(phone, "Hasil evaluasi saya", "Kinerja")
    phone.get_by_role("link", name=re.compile("Triwulan III")).click()
    expect(phone.get_by_test_id("predikat").first).to_have_text("Butuh Perbaikan")
    _fits(phone)
    screenshot(phone, "evaluasi-3-hasil-ponsel")
    phone.get_by_label("Alasan keberatan").fill(
        "Laporan realisasi triwulan III sudah saya unggah tetapi belum dinilai."
    )
    phone.get_by_role("button", name="Ajukan keberatan").click()
    phone.locator("dialog.confirm-dialog").get_by_role("button", name="Ya, lanjutkan").click()
    expect(phone.locator(".messages")).to_contain_text("Keberatan diajukan")
    expect(phone.get_by_test_id("appeal-status")).to_have_text("Diajukan")
    _fits(phone)
    screenshot(phone, "evaluasi-4-keberatan-ponsel")

    decider = browser.new_context(base_url=server, locale="id-ID", viewport=DESK).new_page()
    decider.set_default_timeout(15_000)
    login(decider, "pimpinan.gorontalo")
    menu(decider, "Keberatan", "Kinerja")
    decider.get_by_role("link", name=name).click()
    screenshot(decider, "evaluasi-5-putuskan-keberatan")
    decider.get_by_label("Kabulkan: tetapkan rating baru").check()
    decider.get_by_label("Rating Hasil Kerja baru").select_option("SESUAI")
    decider.get_by_label("Rating Perilaku Kerja baru").select_option("SESUAI")
    decider.get_by_label("Alasan keputusan").fill("Bukti dukung triwulan III lengkap dan memenuhi target.")
    decider.get_by_role("button", name="Simpan keputusan").click()
    decider.locator("dialog.confirm-dialog").get_by_role("button", name="Ya, lanjutkan").click()
    expect(decider.locator(".messages")).to_contain_text("bersifat final")

    phone.reload()
    expect(phone.get_by_test_id("appeal-status")).to_have_text("Dikabulkan")
    expect(phone.get_by_test_id("predikat").first).to_have_text("Baik")
    screenshot(phone, "evaluasi-6-dikabulkan-ponsel")
    for page in (phone, desk, decider):
        page.context.close()
