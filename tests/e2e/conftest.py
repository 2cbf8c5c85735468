"""Browser journeys: a real server (runserver, its own database with the demo data) driven by Debian's
Chromium through Playwright. The server runs as a subprocess, so the browser sees exactly what a user would.

Fixtures: `server` (base URL), `browser`, `page` (fresh context per test), `login(page, username)`,
`screenshot(page, name)` which writes tests/e2e/screenshots/<name>.png, `axe_check(page, label)` (tests/e2e/a11y.py).
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
DEMO_PASSWORD = "lentera-demo"


# journeys that need the demo as it was loaded run before the others change it: the open Triwulan III of
# pegawai.gorontalo (finalised by the evaluation journey), and their overdue reading and JP shortfall (the reading and
# training journeys make them "beres" on the team page)
RUN_FIRST = ("test_progress_journey.py", "test_team_journey.py")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
    # the browser journeys run last: Playwright's sync API leaves an event loop in the main thread, where Django then
    # refuses synchronous database work for every later test
    items.sort(key=lambda item: ("tests/e2e/" in str(item.fspath), Path(str(item.fspath)).name not in RUN_FIRST))


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _e2e_database_url(tmpdir):
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        return f"sqlite:///{tmpdir}/e2e.sqlite3"
    import psycopg

    prefix, _, name = base.rpartition("/")
    e2e_name = f"{name or 'lentera'}_e2e"
    with psycopg.connect(f"{prefix}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{e2e_name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{e2e_name}"')
    return f"{prefix}/{e2e_name}"


@pytest.fixture(scope="session")
def server():
    # E2E_SERVER_URL reuses a server already running with the demo data (quicker when iterating on one test file)
    if os.environ.get("E2E_SERVER_URL"):
        yield os.environ["E2E_SERVER_URL"].rstrip("/")
        return
    tmpdir = tempfile.mkdtemp(prefix="lentera-e2e-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": _e2e_database_url(tmpdir),
        "MEDIA_ROOT": f"{tmpdir}/media",
        "CELERY_BROKER_URL": "",
        "DEBUG": "1",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "load_demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    port = _free_port()
    log = open(f"{tmpdir}/server.log", "w")  # noqa: SIM115 (kept open for the server's lifetime)
    proc = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base_url}/healthz", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"server did not start; see {tmpdir}/server.log") from None
            time.sleep(0.3)
    yield base_url
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, locale="id-ID", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login():
    def _login(page, username, password=DEMO_PASSWORD):
        page.goto("/masuk/")
        page.get_by_label("NIP atau nama pengguna").fill(username)
        page.get_by_label("Kata sandi").fill(password)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_load_state("networkidle")
        return page

    return _login


@pytest.fixture
def menu():
    """`menu(page, "SKP saya", "Kinerja")` follows a main-menu entry as a user would: on a phone through the Menu
    button, inside a dropdown ("Pengembangan", "Kinerja", "Kelola") through its summary."""

    def _follow(page, label, dropdown=None):
        toggle = page.get_by_role("button", name="Menu")
        if toggle.is_visible():
            toggle.click()
        nav = page.get_by_role("navigation", name="Navigasi utama")
        name = re.compile(rf"^{re.escape(label)}(\s+\d+.*)?$")
        link = nav.get_by_role("link", name=name)
        if dropdown:
            nav.locator("summary", has_text=dropdown).click()
        elif not link.first.is_visible():  # an entry that lives in one of the dropdowns: open the one holding it
            # (the inner locator of `has` is matched inside each <details>, so it must not start from the nav)
            nav.locator("details", has=page.get_by_role("link", name=name, include_hidden=True)).first.locator(
                "summary"
            ).click()
        link.click()

    return _follow


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def _shot(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shot


@pytest.fixture
def axe_check():
    """`axe_check(page, label)` fails the test on any serious or critical WCAG 2.1 AA violation on the page as it
    is now; `collect=list` gathers them instead so a crawl can report every page at once."""
    from tests.e2e.a11y import axe_violations, format_violations

    def _check(page, label="", collect=None):
        violations = axe_violations(page)
        report = format_violations(violations, label or page.url)
        if collect is not None:
            if violations:
                collect.append(report)
            return violations
        assert not violations, "axe found serious/critical violations:\n" + report
        return violations

    return _check
