"""Admin SDM imports pegawai from a CSV in the Wagtail admin: a bad NIP is shown and nothing is written; the
fixed file is previewed, confirmed and summarised."""

import random
import re

from playwright.sync_api import expect

HEADER = (
    "nip,nama,gelar_depan,gelar_belakang,status,kode_unit,kode_jabatan,golongan,tmt_pangkat,nip_atasan,email,telepon"
)


def _nip():
    # unique per run, so the journey does not depend on what other journeys imported
    return f"19900315201503{random.choice('12')}{random.randint(1, 999):03d}"


def _csv(*rows):
    return {"name": "pegawai.csv", "mimeType": "text/csv", "buffer": "\n".join([HEADER, *rows]).encode()}


def _upload(page, payload):
    page.goto("/admin/impor/")
    page.get_by_label("Jenis data").select_option(label="Pegawai")
    page.get_by_label("Berkas").set_input_files(payload)
    page.get_by_role("button", name="Unggah dan pratinjau").click()
    page.wait_for_load_state("networkidle")


def test_admin_sdm_imports_pegawai_with_preview_and_confirmation(page, login, screenshot):
    login(page, "sdm.gorontalo")
    page.goto("/admin/")
    screenshot(page, "import-admin-home")
    page.get_by_role("link", name="Impor data").click()
    expect(page.get_by_role("heading", name="Impor data")).to_be_visible()
    expect(page.get_by_role("link", name="XLSX").first).to_be_visible()
    screenshot(page, "import-index")

    kepala, staf = _nip(), _nip()
    while staf == kepala:
        staf = _nip()
    bad = _csv(
        f"{kepala},Rahmat Kepala,,S.Sos.,PNS,BKD-PK,,III/d,2020-04-01,,,",
        f"1990031520150,Nur Staf,,,PNS,BKD-PK,,III/a,,{kepala},,",
    )
    _upload(page, bad)
    errors = page.locator("#import-errors")
    expect(errors).to_be_visible()
    expect(errors.locator("tbody tr")).to_have_count(1)
    row = errors.locator("tbody tr").first
    expect(row).to_contain_text("3")
    expect(row).to_contain_text("nip")
    expect(row).to_contain_text("NIP harus 18 digit, yang dimasukkan 13 digit.")
    expect(page.get_by_role("button", name="Konfirmasi dan jalankan impor")).to_have_count(0)
    screenshot(page, "import-preview-errors")

    fixed = _csv(
        f"{kepala},Rahmat Kepala,,S.Sos.,PNS,BKD-PK,,III/d,2020-04-01,,,",
        f"{staf},Nur Staf,,,PNS,BKD-PK,,III/a,,{kepala},,",
    )
    _upload(page, fixed)
    expect(page.locator("#import-preview tbody tr")).to_have_count(2)
    expect(page.get_by_text(re.compile(r"2 data baru dan 0 data diperbarui"))).to_be_visible()
    screenshot(page, "import-preview-ok")

    page.get_by_role("button", name="Konfirmasi dan jalankan impor").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#import-summary")).to_contain_text("Impor selesai: 2 data baru dibuat dan 0 data diperbarui.")
    screenshot(page, "import-done")

    # the imported pegawai is in the admin listing, with the atasan from the same file
    page.goto(f"/admin/snippets/portal/pegawai/?q={staf}")
    expect(page.get_by_role("link", name=re.compile("Nur Staf"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Nur Staf")).click()
    expect(page.locator("body")).to_contain_text("Rahmat Kepala")
    screenshot(page, "import-pegawai-edit")
