#!/usr/bin/env python3
"""Build benchmark: prints every target of the build, editing and page weight, with its figure.
A script, not a test: it prints figures; benchmark/README.md explains them.

    benchmark/run.py            the full run (several minutes; installs Lighthouse on first use)
    benchmark/run.py --quick    a smoke run for CI (well under a minute)
    benchmark/run.py --only a --no-plain-at-scale    builds only, plain Material only for the site as it is

(a) Whole-process builds: `mkdocs build` of this project and of plain Material for MkDocs with the
    same pages, alternating, each in a fresh process; median wall time, ratio, peak memory.
(b) Editing under `mkdocs serve`: from saving one sheet (or a shared file) to the rebuilt page.
(c) Page weight: every file Chromium fetches for each page before the reader does anything, raw and
    gzipped, by kind; and what opening search fetches.
(d) Lighthouse (mobile) for the sheet page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIG = ROOT / "mkdocs.yml"
SHEET_PAGE = "working-with-others/partnership/"
sys.path.insert(0, str(HERE))

from editing import Edit, Server  # noqa: E402
from plain import write_plain_project  # noqa: E402
from process import mkdocs_build  # noqa: E402
from sheets import generate_content  # noqa: E402

MIB = 1024 * 1024
TARGETS = {"ratio_site": 1.0, "ratio_200": 0.30, "peak_mib_200": 100, "rebuild_s": 1.0, "page_kb": 78, "self_check_kb": 6}
SUMMARY: list[tuple[str, str, bool | None]] = []  # (target, figure, met), printed at the end


def verdict(met: bool | None) -> str:
    return "-" if met is None else ("met" if met else "MISSED")


def target(name: str, figure: str, met: bool | None) -> str:
    SUMMARY.append((name, figure, met))
    return f"(target {name}: {verdict(met)})"


def seconds(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def count_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


# (a) ------------------------------------------------------------------------------------------

def paired(tmp: Path, label: str, content: Path | None, pairs: int, with_plain: bool = True) -> dict:
    """`mkdocs build` of our project (with ``content``) and of plain Material with the same pages,
    alternating, each a fresh process. The first build of each is a warm-up (disk cache, .pyc).
    Without ``with_plain``, only ours (plain Material takes minutes at 200 sheets): no ratio."""
    env = {"GUIDANCE_CONTENT": str(content)} if content else {}
    ours_site, plain_site = tmp / f"ours-{label}", tmp / f"plain-{label}-site"
    mkdocs_build(CONFIG, ours_site, env)
    plain = write_plain_project(ours_site, tmp / f"plain-{label}") if with_plain else None
    if plain:
        mkdocs_build(plain, plain_site)
    runs: dict[str, list] = {"ours": [], "plain": []}
    for _ in range(pairs):
        runs["ours"].append(mkdocs_build(CONFIG, ours_site, env))
        if plain:
            runs["plain"].append(mkdocs_build(plain, plain_site))
    result = {name: {"seconds": statistics.median(r.seconds for r in rs), "all": [r.seconds for r in rs],
                     "cpu": statistics.median(r.cpu for r in rs),
                     "peak_mib": statistics.median(r.peak_rss for r in rs) / MIB,
                     "max_mib": max(r.peak_rss for r in rs) / MIB} for name, rs in runs.items() if rs}
    result["pages"] = count_pages(ours_site)
    result["ratio"] = result["ours"]["seconds"] / result["plain"]["seconds"] if plain else None
    result["cpu_ratio"] = result["ours"]["cpu"] / result["plain"]["cpu"] if plain else None
    result["site"] = ours_site
    return result


def whole_process(tmp: Path, sizes: list[int], pairs: int, plain_at_scale: bool = True) -> Path:
    """(a) for the site as it is and for each size of generated content; returns the built site.
    Without ``plain_at_scale``, plain Material is built only for the site as it is."""
    print(f"\n(a) Whole-process `mkdocs build`, ours and plain Material of the same pages, alternating, "
          f"{pairs} pairs after one warm-up each; median wall time, peak RSS of the process (median, max); median CPU time (user + system) in brackets")
    print(f"  {'content':28} {'pages':>5}  {'ours':>8} {'plain':>8} {'ratio':>6}  {'ours RSS':>17}  {'plain RSS':>17}")
    site = None
    for size in [0, *sizes]:
        content = generate_content(ROOT / "content_src", size, tmp / f"content-{size}") if size else None
        label = f"{size} sheets x languages" if size else "the site as it is"
        r = paired(tmp, str(size or "site"), content, pairs, with_plain=plain_at_scale or not size)
        ours, plain = r["ours"], r.get("plain")
        if plain:
            print(f"  {label:28} {r['pages']:5d}  {ours['seconds']:6.2f} s {plain['seconds']:6.2f} s {r['ratio']:6.2f}  "
                  f"{ours['peak_mib']:6.1f} ({ours['max_mib']:5.1f}) MiB  {plain['peak_mib']:6.1f} ({plain['max_mib']:5.1f}) MiB"
                  f"   [ours {seconds(ours['all'])}; plain {seconds(plain['all'])}; CPU {ours['cpu']:.2f} s / {plain['cpu']:.2f} s"
                  f" = {r['cpu_ratio']:.2f}]")
        else:
            print(f"  {label:28} {r['pages']:5d}  {ours['seconds']:6.2f} s {'-':>8} {'-':>6}  "
                  f"{ours['peak_mib']:6.1f} ({ours['max_mib']:5.1f}) MiB  {'plain Material not built':>17}"
                  f"   [ours {seconds(ours['all'])}; CPU {ours['cpu']:.2f} s]")
        if not size:
            site = r["site"]
            print("    " + target(f"ratio, site as it is <= {TARGETS['ratio_site']}", f"{r['ratio']:.2f}",
                                 r["ratio"] <= TARGETS["ratio_site"]))
        if size == 200:
            ratio = r["ratio"]
            print("    " + target(f"ratio at 200 sheets <= {TARGETS['ratio_200']}", "not measured" if ratio is None else f"{ratio:.2f}",
                                 None if ratio is None else ratio <= TARGETS["ratio_200"]))
            print("    " + target(f"peak memory at 200 sheets <= {TARGETS['peak_mib_200']} MiB", f"{ours['peak_mib']:.1f} MiB",
                                 ours["peak_mib"] <= TARGETS["peak_mib_200"]))
    return site


# (b) ------------------------------------------------------------------------------------------

def sheet_edit(n: int, tag: str) -> Edit:
    new = f"You may lose autonomy ({tag})."
    return Edit(f"sheet 3.{n}", f"content_src/sheets/3.{n}-copy-{n}/sheet.yml", "You may lose autonomy.", new,
                f"working-with-others/copy-{n}/", new)


def shared_edits() -> list[Edit]:
    """One edit to each kind of shared file; each shows on a page that depends on it."""
    return [
        Edit("site.yml", "content_src/site.yml", "For further information contact", "For further information, contact",
             "working-with-others/copy-1/", "For further information, contact"),
        Edit("Welsh catalogue", "content_src/locale/cy/LC_MESSAGES/guidance.po",
             'msgstr "Efallai y byddwch yn colli eich annibyniaeth."',
             'msgstr "Efallai y byddwch yn colli eich annibyniaeth (golygwyd)."',
             "cy/gweithio-gydag-eraill/copy-1/", "colli eich annibyniaeth (golygwyd)."),
        Edit("a page template", "hooks/guidance/site/templates/sheet.html", '<p class="gd-masthead__publisher">',
             '<p class="gd-masthead__publisher" data-edited>', "working-with-others/copy-2/", 'gd-masthead__publisher" data-edited'),
        Edit("the core's Python", "hooks/guidance/languages/dates.py", '"d MMMM y"', '"EEEE d MMMM y"',
             "working-with-others/copy-3/", "Friday 30 June 2017"),
    ]


def editing(tmp: Path, size: int, edits: int, patience: float) -> None:
    print(f"\n(b) Editing under `mkdocs serve` with {size} sheets in every language: from saving a file to the "
          f"page served with the change (MkDocs' 0.1 s wait for more changes included); MkDocs' own build time beside it")
    content = generate_content(ROOT / "content_src", size, tmp / f"serve-content-{size}")
    server = Server(ROOT, content, tmp / "serve")
    try:
        first = server.wait_for("working-with-others/copy-1/", "You may lose autonomy.")
        print(f"  first build and serve: {first:.2f} s")
        try:
            timings = [server.edit(sheet_edit(2 + i % (size - 1), f"edit {i}"), patience) for i in range(edits)]
        except TimeoutError as why:
            print(f"  one sheet saved: NOT REBUILT: {why} "
                  + target(f"rebuild after saving one sheet <= {TARGETS['rebuild_s']} s", f"> {patience:.0f} s", False))
            return
        for t in timings:
            print(f"  saved {t.label:28} page updated after {t.seconds:5.2f} s (build {t.build:.2f} s)")
        median = statistics.median(t.seconds for t in timings)
        print(f"  one sheet saved: median {median:.2f} s  "
              + target(f"rebuild after saving one sheet <= {TARGETS['rebuild_s']} s", f"{median:.2f} s", median <= TARGETS["rebuild_s"]))
        for change in shared_edits():
            try:
                t = server.edit(change, patience)
            except AssertionError as why:
                print(f"  saved {change.label:28} skipped: {why}")
                continue
            except TimeoutError as why:
                print(f"  saved {change.label:28} NOT REBUILT: {why}")
                continue
            print(f"  saved {t.label:28} page updated after {t.seconds:5.2f} s (build {t.build:.2f} s): "
                  f"what depends on it rebuilt")
    finally:
        server.stop()


# (c) ------------------------------------------------------------------------------------------

def page_weight(site: Path) -> None:
    from weight import measure_pages, opening_search

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    weights = measure_pages(site, pages)
    print("\n(c) Page weight before interaction: every file the page loads in Chromium (JavaScript on, phone viewport) "
          "until the network is idle, raw / gzipped (level 6), in KB (1000 bytes)")
    print(f"  {'page':48} {'HTML':>13} {'CSS':>13} {'JS':>13} {'fonts':>9} {'other':>11} {'total':>14} {'self-check':>12}")
    kb = lambda pair: f"{pair[0] / 1000:5.1f}/{pair[1] / 1000:5.1f}"  # noqa: E731
    for w in weights:
        other = tuple(a - b for a, b in zip(w.total(), [sum(x) for x in zip(*(w.total(k) for k in ("HTML", "CSS", "JS", "fonts")))]))
        print(f"  {w.page:48} {kb(w.total('HTML')):>13} {kb(w.total('CSS')):>13} {kb(w.total('JS')):>13} "
              f"{kb(w.total('fonts')):>9} {kb(other):>11} {kb(w.total()):>14} {kb(w.self_check()):>12}")
    sheet = next(w for w in weights if w.page == SHEET_PAGE + "index.html")
    print("  files of the sheet page: " + "; ".join(f"{path} {gz / 1000:.1f}" for path, (_, _, gz) in sheet.files.items()))
    total, own = sheet.total()[1] / 1000, sheet.self_check()[1] / 1000
    print(f"  sheet page: {total:.1f} KB gzipped before interaction "
          + target(f"sheet page <= {TARGETS['page_kb']} KB", f"{total:.1f} KB", total <= TARGETS["page_kb"]))
    print(f"  self-check: {own:.1f} KB, its files and its strings in the page "
          + target(f"self-check part <= {TARGETS['self_check_kb']} KB", f"{own:.1f} KB", own <= TARGETS["self_check_kb"]))
    search = opening_search(site, sheet.page)
    print(f"  opening search on the sheet page then fetches {search.total()[1] / 1000:.1f} KB: "
          + "; ".join(f"{path} {gz / 1000:.1f}" for path, (_, _, gz) in search.files.items()))


# (d) ------------------------------------------------------------------------------------------

def lighthouse_scores(site: Path, runs: int = 3) -> None:
    import lighthouse
    from weight import serve

    print(f"\n(d) Lighthouse {lighthouse.VERSION} (mobile defaults, simulated throttling) on the sheet page, served gzipped; "
          f"{runs} runs, median of each score")
    base, server = serve(site)
    try:
        results = [lighthouse.run(f"{base}/{SHEET_PAGE}") for _ in range(runs)]
    except lighthouse.LighthouseUnavailable as why:
        print(f"  could not run Lighthouse: {why}")
        SUMMARY.append(("Lighthouse 100/100/100/100", f"not run: {why}", None))
        return
    finally:
        server.shutdown()
    scores = {c: statistics.median(r["scores"][c] for r in results) for c in lighthouse.CATEGORIES}
    figure = "/".join(f"{v:g}" for v in scores.values())
    print("  " + "  ".join(f"{c} {v:g} [{', '.join(str(r['scores'][c]) for r in results)}]" for c, v in scores.items())
          + "  " + target("Lighthouse 100/100/100/100", figure, all(v == 100 for v in scores.values())))
    for r in results:
        print("  run: " + "  ".join(f"{k} {v}" for k, v in r["metrics"].items()))
    for line in sorted({line for r in results for line in r["failing"].values()}):
        print(f"  below full marks in some run: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="smoke run for CI: the site and 10 sheets, 1 pair, 2 edits with 10 sheets, no Lighthouse")
    parser.add_argument("--pairs", type=int, default=None, help="timed pairs of builds per size (at least 5 for figures)")
    parser.add_argument("--sizes", default=None, help="comma-separated sheet counts for (a), besides the site as it is")
    parser.add_argument("--serve-sheets", type=int, default=None, help="sheets in the site served for (b)")
    parser.add_argument("--edits", type=int, default=None, help="sheet edits timed in (b)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--only", default="abcd", help="the parts to run, e.g. 'a' (builds) or 'bc' (default: all)")
    parser.add_argument("--no-plain-at-scale", action="store_true",
                        help="in (a), build plain Material only for the site as it is (it takes minutes at 200 sheets)")
    args = parser.parse_args()
    pairs = args.pairs or (1 if args.quick else 5)
    sizes = [int(s) for s in (args.sizes or ("10" if args.quick else "200")).split(",") if s]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} "
          f"(other work on the machine lengthens wall-clock times); {'quick smoke run' if args.quick else 'full run'}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if "a" in args.only:
            site = whole_process(tmp, sizes, pairs, plain_at_scale=not args.no_plain_at_scale)
        elif "c" in args.only or "d" in args.only:
            site = tmp / "ours-site"
            mkdocs_build(CONFIG, site)
        if "b" in args.only:
            editing(tmp, args.serve_sheets or (10 if args.quick else 200), args.edits or (2 if args.quick else 5),
                    patience=30 if args.quick else 120)
        if "c" in args.only:
            page_weight(site)
        if "d" in args.only and not (args.quick or args.no_lighthouse):
            lighthouse_scores(site)
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    print("\nTargets (issue 15):")
    for name, figure, met in SUMMARY:
        print(f"  {name:48} {figure:>14}  {verdict(met)}")


if __name__ == "__main__":
    main()
