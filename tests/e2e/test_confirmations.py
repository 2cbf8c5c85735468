"""Irreversible actions ask first, in an accessible dialog: an employee on a phone starts cancelling a place, says
"Batal" (nothing happens), then confirms."""

from playwright.sync_api import expect


def test_cancelling_a_place_asks_for_confirmation(page, login, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "pegawai.gorontalo")
    page.goto("/pelatihan/")
    page.get_by_role("button", name="Daftar", exact=True).first.click()
    expect(page.locator(".messages")).to_contain_text("Anda terdaftar")
    page.goto("/pelatihan/saya/")
    cancel = page.get_by_role("button", name="Batalkan").first
    expect(cancel).to_be_visible()
    rows_before = page.get_by_role("button", name="Batalkan").count()
    cancel.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Batalkan pendaftaran Anda")
    expect(dialog.get_by_role("button", name="Batal")).to_be_focused()
    screenshot(page, "confirm-1-batalkan-pendaftaran-phone")
    dialog.get_by_role("button", name="Batal").click()
    expect(dialog).to_be_hidden()
    assert page.get_by_role("button", name="Batalkan").count() == rows_before
    cancel.click()
    page.get_by_role("dialog").get_by_role("button", name="Ya, lanjutkan").click()
    expect(page.locator(".messages")).to_be_visible()
    assert page.get_by_role("button", name="Batalkan").count() == rows_before - 1
