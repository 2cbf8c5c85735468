"""Bytes an employee's browser fetches for each page, first visit and repeat visit, on whatever database
DATABASE_URL names (the demo data of `make run` is enough):

    DATABASE_URL=sqlite:///db.sqlite3 .venv/bin/python bench/page_weight.py

First visit: the HTML and every stylesheet, script and image it references, gzip-compressed as whitenoise serves
them in production (CompressedManifestStaticFilesStorage). Repeat visit: the HTML only, since static files carry
their content hash in the name and a far-future cache lifetime in production. Not a test: no aim is asserted.
"""

import gzip
import re
from pathlib import Path

from _django import ROOT, setup

PAGES = ["/", "/pelatihan/", "/pelatihan/saya/", "/cari/?q=pelatihan", "/notifikasi/", "/gorontalo/kebijakan/"]
ASSET = re.compile(r'(?:href|src)="(/static/[^"?#]+)')


def measure(username="pegawai.gorontalo"):
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles import finders
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=username))
    rows = []
    for path in PAGES:
        response = client.get(path, follow=True)
        html = response.content
        assets = sorted(set(ASSET.findall(html.decode())))
        asset_bytes = 0
        for url in assets:
            found = finders.find(url.removeprefix("/static/"))
            if found:
                asset_bytes += len(gzip.compress(Path(found).read_bytes()))
        html_gz = len(gzip.compress(html))
        rows.append((path, len(html), html_gz, len(assets), html_gz + asset_bytes, html_gz))
    return rows


def main():
    setup()
    assert ROOT
    print(f"{'page':24} {'html':>8} {'html gz':>8} {'assets':>6} {'first KB':>9} {'repeat KB':>9}")
    for path, raw, gz, count, first, repeat in measure():
        print(f"{path:24} {raw:>8} {gz:>8} {count:>6} {first / 1024:>9.1f} {repeat / 1024:>9.1f}")


if __name__ == "__main__":
    main()
