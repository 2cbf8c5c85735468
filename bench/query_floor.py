"""Queries and time of the employee pages, per demo role, on whatever database DATABASE_URL names (the demo data of
`make run` is enough; the figures in docs/benchmarks.md say which data they ran on).

    DATABASE_URL=sqlite:///db.sqlite3 .venv/bin/python bench/query_floor.py

Each page is asked twice and the second request measured (caches warm, as for a user clicking around). A page that
redirects (the home page sends a user to their instansi's home) counts both requests. Not a test: no aim is asserted.
"""

import time

from _django import setup

PAGES = ["/", "/pelatihan/", "/pelatihan/saya/", "/cari/?q=pelatihan", "/notifikasi/", "/tim/", "/gorontalo/kebijakan/"]
ROLES = ["pegawai.gorontalo", "atasan.gorontalo", "pimpinan.gorontalo"]


def measure():
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    rows = []
    client = Client(HTTP_HOST="127.0.0.1")
    for username in ROLES:
        client.force_login(get_user_model().objects.get(username=username))
        for path in PAGES:
            client.get(path, follow=True)
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(path, follow=True)
                elapsed = (time.perf_counter() - start) * 1000
            rows.append((username, path, response.status_code, len(queries.captured_queries), elapsed))
    return rows


def main():
    setup()
    print(f"{'role':20} {'page':24} {'status':>6} {'queries':>8} {'ms':>7}")
    for username, path, status, count, elapsed in measure():
        print(f"{username:20} {path:24} {status:>6} {count:>8} {elapsed:7.1f}")


if __name__ == "__main__":
    main()
