"""Where a page's time goes: the employee pages of bench/run.py rendered in-process, timed and profiled with
pyinstrument (a developer's tool, not in the lock files: `.venv/bin/pip install pyinstrument`).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_bench_run .venv/bin/python bench/profile_pages.py \\
        [--pages catalogue,home,course] [--requests 50] [--out /tmp/profiles]

Same environment as bench/run.py's server (bench/settings.py, DEBUG off, Redis as the cache, persistent
connections), on the data bench/run.py built. For each page: the in-process time per request and this process's CPU
time (medians of `--requests` after 10 warm-up requests, without the profiler), then a pyinstrument profile of the same number of
requests, written to `--out` as a call tree (`NAME.txt`, `NAME.html`) and as flat lists of the functions by their own time
(`NAME.self.txt`) and by the time spent under them (`NAME.total.txt`). The Redis database BENCH_PROFILE_REDIS_URL (default
redis://127.0.0.1:6379/13) is emptied first.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _django import chosen_pages, server_environment  # noqa: E402

REDIS_URL = os.environ.get("BENCH_PROFILE_REDIS_URL", "redis://127.0.0.1:6379/13")
# the short names of bench/run.py's employee pages, in its order
PAGES = ("home", "catalogue", "catalogue-filtered", "course", "my-learning", "search", "policy", "notifications")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="catalogue,home,course", help=f"comma-separated, of {', '.join(PAGES)}")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--out", default="/tmp/lentera-profiles")
    parser.add_argument("--no-profile", action="store_true", help="only the in-process times")
    parser.add_argument(
        "--root", default=str(ROOT), help="the checkout whose code is measured (e.g. main's, for a before/after)"
    )
    args = parser.parse_args()
    wanted = chosen_pages(args.pages, PAGES)
    server_environment(REDIS_URL)
    root = Path(args.root).resolve()
    os.chdir(root)
    sys.path.insert(0, str(ROOT / "bench"))  # this checkout's run.py picks the pages
    sys.path.insert(0, str(root))
    import django

    django.setup()
    import redis
    import run

    redis.Redis.from_url(REDIS_URL).flushdb()
    employee, _hr = run.employee_pages()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, (label, path, user) in zip(PAGES, employee, strict=True):
        if name not in wanted:
            continue
        client, _cookie = run.logged_in(user)

        def get(path=path, client=client):
            response = client.get(path, follow=True)
            assert response.status_code == 200, (path, response.status_code)

        for _ in range(10):
            get()
        times, cpu = [], []
        for _ in range(args.requests):
            started, started_cpu = time.perf_counter(), time.process_time()
            get()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        # the CPU time of this process (Django, templates, the ORM; not the database's or Redis's) depends least on
        # what else the machine is doing
        print(
            f"{name}: {label} — in-process median {statistics.median(times):.1f} ms, "
            f"CPU {statistics.median(cpu):.1f} ms over {args.requests}"
        )
        if args.no_profile:
            continue
        from pyinstrument import Profiler
        from pyinstrument.renderers import ConsoleRenderer

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.requests):
            get()
        profiler.stop()
        (out / f"{name}.txt").write_text(profiler.output_text(unicode=True, show_all=False))
        # the functions that spent the time themselves, and those under which it was spent, heaviest first
        (out / f"{name}.self.txt").write_text(profiler.output(ConsoleRenderer(flat=True, flat_time="self")))
        (out / f"{name}.total.txt").write_text(profiler.output(ConsoleRenderer(flat=True, flat_time="total")))
        (out / f"{name}.html").write_text(profiler.output_html())
        print(f"  profile: {out / name}.txt")


if __name__ == "__main__":
    main()
