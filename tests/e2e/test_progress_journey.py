"""The progress journey at 390 px: pegawai.gorontalo logs today's work in "Progres harian" (the RHK of the last entry
is chosen already; the entry saves itself in the background) and uploads a bukti dukung for the Triwulan still being
evaluated; atasan.gorontalo, on a phone too, sees the file and the progress log on the evaluation page while rating,
and plans a dialog kinerja, which the employee then finds in their list."""

import re

from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url


def _phone(browser, server):
    page = browser.new_context(base_url=server, locale="id-ID", viewport=PHONE).new_page()
    page.set_default_timeout(15_000)
    return page


def test_employee_logs_progress_and_evidence_and_the_supervisor_sees_it_and_plans_a_dialog(
    browser, server, login, screenshot, menu
):
    phone = _phone(browser, server)
    login(phone, "pegawai.gorontalo")
    name = phone.evaluate("document.querySelector('.user-name').textContent.trim()")
    menu(phone, "Progres harian", "Kinerja")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Progres harian")
    expect(phone.get_by_test_id("progress-day").first).to_be_visible()
    _fits(phone)
    screenshot(phone, "progres-1-halaman-ponsel")

    # bad input first: a clear message, nothing lost
    phone.get_by_label("Yang dikerjakan").fill("Memverifikasi 7 berkas usul kenaikan pangkat")
    phone.get_by_label("Jumlah").fill("-3")
    expect(phone.locator("[data-autosave-status]")).to_contain_text("Belum tersimpan", timeout=10_000)
    phone.get_by_label("Jumlah").fill("7")
    expect(phone.locator("[data-autosave-status]")).to_contain_text("Tersimpan", timeout=10_000)
    screenshot(phone, "progres-2-tersimpan-otomatis")
    phone.get_by_role("button", name="Simpan progres").click()
    expect(phone.locator(".messages")).to_contain_text("Progres")
    expect(
        phone.locator(".progress-entry", has_text="Memverifikasi 7 berkas usul kenaikan pangkat").first
    ).to_be_visible()
    _fits(phone)
    screenshot(phone, "progres-3-dicatat-ponsel")

    # bukti dukung of the Triwulan being evaluated, from the realisation page
    menu(phone, "Hasil evaluasi saya", "Kinerja")
    phone.get_by_role("link", name=re.compile("Triwulan III")).click()
    expect(phone.get_by_test_id("rhk-evidence").first).to_contain_text("catatan progres harian")
    phone.get_by_role("link", name="Kelola bukti dukung").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Bukti dukung")
    phone.get_by_label("Keterangan").fill("Daftar berkas usul terverifikasi September")
    phone.get_by_label("Berkas", exact=True).set_input_files(
        {"name": "daftar-berkas.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    phone.get_by_role("button", name="Unggah bukti dukung").click()
    expect(phone.locator(".messages")).to_contain_text("Bukti dukung ditambahkan")
    expect(phone.get_by_test_id("evidence-item")).to_contain_text(["Daftar berkas usul terverifikasi September"])
    _fits(phone)
    screenshot(phone, "progres-4-bukti-dukung-ponsel")

    # the pejabat penilai sees it while rating, then plans a dialog kinerja
    boss = _phone(browser, server)
    login(boss, "atasan.gorontalo")
    menu(boss, "Penilaian tim", "Kinerja")
    boss.get_by_role("link", name=name).first.click()
    expect(boss.get_by_role("heading", level=1)).to_have_text(re.compile("Triwulan III"))
    evidence = boss.get_by_test_id("rhk-evidence").first
    expect(evidence).to_contain_text("Daftar berkas usul terverifikasi September")
    evidence.locator("summary").click()
    expect(evidence).to_contain_text("Memverifikasi 7 berkas usul")
    _fits(boss)
    screenshot(boss, "progres-5-evaluasi-penilai-ponsel")

    menu(boss, "Dialog kinerja", "Kinerja")
    boss.get_by_role("link", name="Dialog dengan tim saya").click()
    choice = boss.locator("#id_pegawai option", has_text=name).first.get_attribute("value")
    boss.get_by_label("Pegawai").select_option(choice)
    boss.get_by_label("Tanggal rencana").fill("2099-01-15")
    boss.get_by_label("Agenda").fill("Kemajuan RHK dan bukti dukung Triwulan III; rencana pelatihan.")
    boss.get_by_role("button", name="Rencanakan").click()
    expect(boss.locator(".messages")).to_contain_text("Dialog kinerja direncanakan")
    boss.get_by_label("Tindak lanjut yang disepakati").fill("Lengkapi rekap usul Oktober")
    boss.get_by_role("button", name="Tambah tindak lanjut").click()
    expect(boss.locator(".follow-up")).to_contain_text("Lengkapi rekap usul Oktober")
    _fits(boss)
    screenshot(boss, "progres-6-dialog-penilai-ponsel")

    menu(phone, "Dialog kinerja", "Kinerja")
    expect(phone.locator(".listing")).to_contain_text("Kemajuan RHK dan bukti dukung Triwulan III")
    _fits(phone)
    screenshot(phone, "progres-7-dialog-pegawai-ponsel")
    for page in (phone, boss):
        page.context.close()
