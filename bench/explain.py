"""The query plans of bench/run.py's pages: every SELECT a page sends, run again under EXPLAIN (ANALYZE, BUFFERS).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_scale .venv/bin/python bench/explain.py \\
        [--pages catalogue,my-learning,...] [--cold] [--out /tmp/lentera-plans]

Same environment as bench/run.py's server (bench/settings.py, DEBUG off, Redis as the cache). The SQL is captured
with CaptureQueriesContext around the second request of each page through the test client (caches warm, as
bench/run.py counts them; `--cold` empties the cache before it, so the frame's and the fragments' own queries are
sent too). Each distinct SELECT is explained once; the summary lists them slowest first with the plan's node types
and flags a sequential scan of a table over 10,000 rows or a sort that spilled to disk. The full plans, with the
SQL, go to `--out/<page>.txt`. EXPLAIN ANALYZE runs the query: only SELECTs are explained. The Redis database
BENCH_EXPLAIN_REDIS_URL (default redis://127.0.0.1:6379/13) is emptied first.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _django import chosen_pages, server_environment  # noqa: E402

REDIS_URL = os.environ.get("BENCH_EXPLAIN_REDIS_URL", "redis://127.0.0.1:6379/13")
PAGES = (
    "home", "catalogue", "catalogue-filtered", "course", "my-learning", "search", "policy", "notifications",
    "compliance", "reading", "notifications-bench",
)  # fmt: skip
BIG = 10_000


def plans(connection, queries):
    seen = set()
    for query in queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT") or sql in seen:
            continue
        seen.add(sql)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
            (plan,) = cursor.fetchone()
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            text = "\n".join(row[0] for row in cursor.fetchall())
        yield sql, plan[0], text


def nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from nodes(child)


def flags(plan, sizes):
    found = []
    for node in nodes(plan["Plan"]):
        relation = node.get("Relation Name")
        if node["Node Type"] == "Seq Scan" and sizes.get(relation, 0) > BIG:
            found.append(f"SEQ SCAN {relation} ({sizes[relation]:,} rows)")
        if node.get("Sort Space Type") == "Disk":
            found.append(f"SORT ON DISK ({node.get('Sort Space Used')} kB)")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, of {', '.join(PAGES)}")
    parser.add_argument("--cold", action="store_true", help="empty the cache before the measured request")
    parser.add_argument("--out", default="/tmp/lentera-plans")
    args = parser.parse_args()
    wanted = chosen_pages(args.pages, PAGES)
    server_environment(REDIS_URL)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import redis
    import run
    from django.db import connection
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext

    from portal.models import Pegawai

    cache = redis.Redis.from_url(REDIS_URL)
    cache.flushdb()
    employee, hr = run.employee_pages()
    pages = dict(zip(PAGES, employee + hr, strict=False))
    # the notifications of a bench employee: the generated ones are where the table is big
    busiest = (
        Pegawai.objects.filter(user__username__startswith="bench-")
        .annotate(n=Count("user__notifications"))
        .order_by("-n", "pk")
        .select_related("user")
        .first()
    )
    pages["notifications-bench"] = (f"Notifications of a bench employee ({busiest.n})", "/notifikasi/", busiest.user)
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r'")
        sizes = dict(cursor.fetchall())
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in wanted:
        if name not in pages:
            continue
        label, path, user = pages[name]
        client, _cookie = run.logged_in(user)
        client.get(path, follow=True)
        if args.cold:
            cache.flushdb()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, follow=True)
        assert response.status_code == 200, (path, response.status_code)
        explained = sorted(plans(connection, captured.captured_queries), key=lambda p: -p[1]["Execution Time"])
        total = sum(plan["Execution Time"] for _sql, plan, _text in explained)
        print(f"\n## {name}: {label} — {len(captured.captured_queries)} queries, {total:.1f} ms executing the SELECTs")
        with open(out / f"{name}.txt", "w") as listing:
            for sql, plan, text in explained:
                kinds = sorted({node["Node Type"] for node in nodes(plan["Plan"])})
                tables = sorted({n["Relation Name"] for n in nodes(plan["Plan"]) if "Relation Name" in n})
                warning = flags(plan, sizes)
                print(
                    f"  {plan['Execution Time']:8.2f} ms  {', '.join(tables)[:70]:70}  {', '.join(kinds)[:80]}"
                    + ("  <-- " + "; ".join(warning) if warning else "")
                )
                listing.write(f"-- {plan['Execution Time']:.2f} ms {'; '.join(warning)}\n{sql}\n\n{text}\n\n")
        print(f"  plans: {out / name}.txt")
    cache.flushdb()


if __name__ == "__main__":
    main()
