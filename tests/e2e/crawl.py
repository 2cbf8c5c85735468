"""The pages a role reaches: the links in the main menu and on the home page, as a user would follow them (same
site, no downloads, not the Wagtail admin, which has its own checks). Shared by the layout crawl and the
accessibility crawl so both walk the same pages."""

import re
from urllib.parse import urlparse

ROLES = ["pegawai.gorontalo", "atasan.gorontalo", "sdm.gorontalo", "konten.gorontalo", "pelatihan.gorontalo",
         "pimpinan.gorontalo", "pegawai.malut"]  # fmt: skip
# Pages a role reaches only sometimes from the menu (a queue shown while something waits, a "Kelola" entry the first
# 16-18 links may not get to): walked first, so every role's daily pages are always in the crawl.
ROLE_PATHS = {
    "pegawai.gorontalo": ["/kinerja/skp/"],
    "atasan.gorontalo": ["/kinerja/skp/persetujuan/", "/kinerja/skp/"],
    "sdm.gorontalo": ["/kinerja/periode/", "/kinerja/plt-plh/"],
}
SKIP = re.compile(
    r"^/(admin|keluar|dokumen|media|static|api)/|/(unduh|ekspor|sertifikat|kalender)|\.(ics|pdf|xlsx|csv)$"
)
LINKS = """(selector) => [...document.querySelectorAll(selector)].map(a => a.getAttribute('href'))"""
MENU_AND_CONTENT = ".main-nav a, main a"
# the account menu, search and bell too: the profile, password and search pages are reached from there
WHOLE_HEADER = ".site-header a, main a"
# a path segment that names one object (an id, a NIP, a uuid): pages differing only there share one template
_OBJECT_SEGMENT = re.compile(r"/(\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/)")


def reachable_paths(page, selector=MENU_AND_CONTENT):
    """Same-site paths linked from the menu and the main content of the current page, in order, without repeats."""
    seen = []
    for href in page.evaluate(LINKS, selector):
        if not href:
            continue
        url = urlparse(href)
        if url.netloc or not url.path.startswith("/") or SKIP.search(url.path) or url.path in seen:
            continue
        seen.append(url.path)
    return seen


def url_pattern(path):
    """`/pegawai/199001012015011001/` and `/pegawai/198501.../` are one page shape: `/pegawai/#/`."""
    return _OBJECT_SEGMENT.sub("/#", path)
