"""bench_sitemap: sitemap.xml with 10,000 and 100,000 meetings, against django's own paging.

How to run it (from the project root, with the project's virtualenv; not part of `pytest`):

    .venv/bin/python tests/bench/bench_sitemap.py                  # 10,000 then 100,000
    .venv/bin/python tests/bench/bench_sitemap.py --sizes 5000 50000

For each size it builds that many meetings in a fresh SQLite file under /tmp, then renders,
in this process, the sitemap index, the meetings sitemap's first page and its last page,
and times each and measures its peak Python memory (tracemalloc). Pages hold --per-page
addresses (1,000 by default, not the 50,000 served): rendering a page costs the same
whatever the table's size, and tracing the memory of 50,000 rendered addresses would take
minutes, while what the benchmark is about, how a page's rows are read, is unchanged. The
same pages are then rendered by django.contrib.sitemaps' stock i18n Sitemap over the same
rows, which builds every (meeting, language) pair in memory on each request. It prints a
table and, per implementation, how much the peak memory grew from the smallest size to the
largest: ours should stay flat (one page of rows), the stock one grows with the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BATCH = 5000
PER_PAGE = 1000


def setup(path: str) -> None:
    """Point Django at a fresh SQLite file and migrate it."""
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(start_at: int, n: int) -> None:
    """Meetings numbered start_at to n - 1, dated over twenty years (the sitemap reads only
    pk, slug and updated_at)."""
    from meetings.models import DatePrecision, Meeting

    start = dt.date(2005, 1, 1)
    for first in range(start_at, n, BATCH):
        Meeting.objects.bulk_create(
            Meeting(
                title=f"Görüşme {i}",
                slug=f"gorusme-{i}",
                date=start + dt.timedelta(days=i % 7300),
                date_precision=DatePrecision.DAY,
            )
            for i in range(first, min(first + BATCH, n))
        )


def measure(view, request, **kwargs) -> tuple[float, float, int]:
    """Milliseconds, peak MiB, and body bytes of one rendered response: timed on its own
    (after a warm-up), then rendered again under tracemalloc for the memory."""
    view(request, **kwargs).render()  # templates compiled, URL resolvers filled
    began = time.perf_counter()
    response = view(request, **kwargs)
    response.render()
    elapsed = (time.perf_counter() - began) * 1000
    assert response.status_code == 200, response.status_code
    tracemalloc.start()
    view(request, **kwargs).render()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return elapsed, peak, len(response.content)


def stock_sitemaps(per_page: int):
    """The same sections as django's stock i18n Sitemap would serve them."""
    from django.contrib.sitemaps import Sitemap

    from meetings.models import Meeting

    class StockMeetings(Sitemap):
        i18n = True
        alternates = True
        x_default = True
        limit = per_page  # django pages over (meeting, language) pairs: as many as ours

        def items(self):
            return Meeting.objects.only("pk", "slug", "updated_at").order_by("pk")

        def lastmod(self, item):
            return item.updated_at

    return {"meetings": StockMeetings}


LABELS = ("index", "page 1", "last page")


def run(per_page: int) -> dict[str, list[tuple[float, float, int]]]:
    from django.contrib.sitemaps import views
    from django.test import RequestFactory

    from meetings.discovery.sitemaps import SITEMAPS

    factory = RequestFactory()
    results = {}
    for name, maps in (
        ("ours", {"meetings": SITEMAPS["meetings"]}),
        ("stock", stock_sitemaps(per_page)),
    ):
        pages = maps["meetings"]().paginator.num_pages
        rows = [
            measure(
                views.index,
                factory.get("/sitemap.xml"),
                sitemaps=maps,
                sitemap_url_name="sitemap-section",
            ),
            measure(
                views.sitemap,
                factory.get("/sitemap-meetings.xml"),
                sitemaps=maps,
                section="meetings",
            ),
            measure(
                views.sitemap,
                factory.get(f"/sitemap-meetings.xml?p={pages}"),
                sitemaps=maps,
                section="meetings",
            ),
        ]
        results[name] = rows
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--per-page", type=int, default=PER_PAGE)
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    with tempfile.TemporaryDirectory() as folder:
        setup(f"{folder}/sitemap.sqlite3")
        from django.test import override_settings

        from meetings.models import Meeting

        table = {}
        for n in sizes:
            fill(Meeting.objects.count(), n)
            print(f"{n:,} meetings built; measuring", flush=True)
            with override_settings(SITEMAP_URLS_PER_PAGE=args.per_page):
                table[n] = run(args.per_page)
    print(f"{'meetings':>9} {'code':>6} {'request':>11} {'ms':>8} {'peak MiB':>9} {'KiB':>7}")
    for n, results in table.items():
        for name, rows in results.items():
            for label, (ms, peak, size) in zip(LABELS, rows, strict=True):
                print(f"{n:>9,} {name:>6} {label:>11} {ms:>8.0f} {peak:>9.1f} {size / 1024:>7.0f}")
    small, large = table[sizes[0]], table[sizes[-1]]
    for name in ("ours", "stock"):
        growth = max(r[1] for r in large[name]) / max(r[1] for r in small[name])
        print(f"{name}: peak memory at {sizes[-1]:,} is {growth:.2f}× that at {sizes[0]:,}")


if __name__ == "__main__":
    main()
