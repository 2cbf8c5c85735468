import re

from playwright.sync_api import expect


def test_pegawai_logs_in_and_sees_home(page, login, screenshot):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/masuk/\?next=/"))
    login(page, "pegawai.gorontalo")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")
    expect(page.locator(".brand-instansi")).to_have_text("Pemerintah Provinsi Gorontalo")
    expect(page.get_by_role("heading", name="Profil saya")).to_be_visible()
    expect(page.get_by_text("WITA")).to_be_visible()
    screenshot(page, "foundation-home-pegawai")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_role("heading", name="Profil saya")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "foundation-home-pegawai-phone")


def test_wrong_password_is_explained_in_indonesian(page, login, screenshot):
    login(page, "pegawai.gorontalo", "salah-sandi")
    expect(page.get_by_role("alert")).to_contain_text("kata sandi salah")
    screenshot(page, "foundation-login-error")


def test_login_with_nip(page, login, server):
    # the NIP of pegawai.gorontalo is shown on their own profile
    login(page, "pegawai.gorontalo")
    nip = page.locator(".facts dd").first.inner_text().strip()
    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Keluar").click()
    login(page, nip)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")


def test_admin_refuses_an_employee_plainly_on_a_phone(page, login, screenshot):
    """No login redirect loop: the 403 page in the site's frame, with the way home. (The 404 page shares its frame,
    templates/errors/error.html, but this server runs with DEBUG on, which shows Django's debug 404 instead.)"""
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "pegawai.gorontalo")
    response = page.goto("/admin/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Halaman admin hanya untuk pengelola konten dan admin")
    screenshot(page, "errors-admin-refused-phone")
    page.get_by_role("link", name="Kembali ke beranda").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")
