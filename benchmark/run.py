#!/usr/bin/env python3
"""Build benchmark: prints how fast the site builds, how it scales, what its pages weigh, and
Lighthouse's scores. A script, not a test: it prints figures; benchmark/README.md explains them.

    benchmark/run.py            the full run (a few minutes; installs Lighthouse on first use)
    benchmark/run.py --quick    a smoke run for CI: small sizes, few runs, no Lighthouse

(a) Hooks overhead: our full build (every language) against a plain Material for MkDocs build of
    the same pages written as Markdown, alternating runs in this process, medians and their ratio.
(b) Scaling: 1, 10, 20, 100 and 200 copies of sheet 3.3 in every configured language, each size
    in its own Python process: build time, time per page, peak memory.
(c) Page weight: every file Chromium fetches for each page, raw and gzipped, by kind.
(d) Lighthouse (mobile) for the sheet page.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIG = ROOT / "mkdocs.yml"
SHEET_PAGE = "working-with-others/partnership/"
sys.path.insert(0, str(HERE))

from plain import write_plain_project  # noqa: E402
from sheets import generate_content  # noqa: E402

KIB, MIB = 1024, 1024 * 1024
TARGETS = {"ratio": 1.0, "seconds_200": 1.5, "flatness": 1.2, "peak_mib": 150, "page_kb": 78, "self_check_kb": 6}


def build(config_file: Path, site_dir: Path) -> float:
    """One full build, as `mkdocs build` does it; returns the seconds it took (wall clock).
    The CPU seconds of the last build are kept in ``CPU`` (other work on a shared machine
    lengthens the wall clock, much less the CPU time)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    start, cpu = time.perf_counter(), time.process_time()
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    CPU.append(time.process_time() - cpu)
    return time.perf_counter() - start


CPU: list[float] = []


def count_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def languages(site: Path) -> list[str]:
    return ["en"] + sorted(p.parent.name for p in site.glob("*/index.html") if len(p.parent.name) == 2)


def seconds(values: list[float]) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


# (a) ------------------------------------------------------------------------------------------

def overhead(tmp: Path, runs: int) -> dict:
    ours = tmp / "ours"
    cold = build(CONFIG, ours)
    langs = languages(ours)
    configs = {"plain": write_plain_project(ours, tmp / "plain")}
    if len(langs) > 1:  # Material's documented multilingual set-up: one project per language
        configs |= {f"plain-{code}": write_plain_project(ours, tmp / f"plain-{code}", code) for code in langs}
    for name, config in configs.items():
        build(config, tmp / f"{name}-site")
    wall: dict[str, list[float]] = {"ours": [], **{name: [] for name in configs}}
    cpu: dict[str, list[float]] = {name: [] for name in wall}
    for _ in range(runs):
        for name, config in [("ours", CONFIG), *configs.items()]:
            wall[name].append(build(config, ours if name == "ours" else tmp / f"{name}-site"))
            cpu[name].append(CPU[-1])
    median = {name: statistics.median(v) for name, v in wall.items()}
    median_cpu = {name: statistics.median(v) for name, v in cpu.items()}
    ratio = median["ours"] / median["plain"]
    print(f"\n(a) Hooks overhead: our build against plain Material, same pages ({runs} alternating runs each, "
          f"after one warm-up; first build in this process {cold:.3f} s)")
    rows = [("ours", f"our site, {count_pages(ours)} pages ({'+'.join(langs)}), one build"),
            ("plain", f"plain Material, the same {count_pages(tmp / 'plain-site')} pages as Markdown, one build")]
    rows += [(f"plain-{code}", f"plain Material, {code} pages only ({count_pages(tmp / f'plain-{code}-site')})")
             for code in langs if f"plain-{code}" in configs]
    for name, label in rows:
        print(f"  {label:62} median {median[name]:.3f} s (CPU {median_cpu[name]:.3f} s)  [{seconds(wall[name])}]")
    print(f"  ratio ours / plain (wall clock): {ratio:.2f}; CPU time: {median_cpu['ours'] / median_cpu['plain']:.2f}"
          f"  (target <= {TARGETS['ratio']}: {verdict(ratio <= TARGETS['ratio'])})")
    if len(configs) > 1:
        per_language = sum(median[f"plain-{code}"] for code in langs)
        print(f"  Material's one build per language: {per_language:.3f} s in all, {per_language / median['plain']:.2f} x one plain "
              f"build (run in this process; as separate `mkdocs build` commands each also pays a start-up)")
    return {"ratio": ratio, **median}


# (b) ------------------------------------------------------------------------------------------

def scale_child(content: str, runs: int) -> None:
    """In a fresh process: build the site from ``content`` ``runs`` times (a single build when 1, as
    `mkdocs build` does); print the times, the pages and the process's peak memory as JSON."""
    os.environ["GUIDANCE_CONTENT"] = content
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = [build(CONFIG, site) for _ in range(runs)]
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KIB  # Linux reports KiB
        print(json.dumps({"times": times, "pages": count_pages(site), "languages": languages(site), "peak_rss": peak_rss}))


def child(content: Path, runs: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--scale-child", str(content), "--runs", str(runs)],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    if out.returncode:
        raise SystemExit(f"scaling run on {content} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def scaling(tmp: Path, sizes: list[int], runs: int) -> dict[int, dict]:
    print(f"\n(b) Scaling: N copies of sheet 3.3 in every language. Time: a fresh process builds {runs + 1} times, "
          f"the first (imports, cold caches) shown apart, median of the rest. Memory: peak RSS of a fresh process "
          f"that builds once, as `mkdocs build` does")
    print("  sheets  pages  first build  median   per page   peak RSS")
    results = {}
    for size in sizes:
        content = generate_content(ROOT / "content_src", size, tmp / f"content-{size}")
        timed, once = child(content, runs + 1), child(content, 1)
        r = {**timed, "cold": timed["times"][0], "times": timed["times"][1:], "peak_rss": once["peak_rss"]}
        r["median"] = statistics.median(r["times"])
        r["per_page"] = r["median"] / r["pages"]
        results[size] = r
        print(f"  {size:6d}  {r['pages']:5d}  {r['cold']:9.3f} s  {r['median']:.3f} s  {r['per_page'] * 1000:6.2f} ms"
              f"  {r['peak_rss'] / MIB:6.1f} MiB   [{seconds(r['times'])}]")
    languages_built = "+".join(results[sizes[-1]]["languages"])
    if 200 in results:
        r = results[200]
        print(f"  200 sheets ({languages_built}): {r['median']:.3f} s, {r['per_page'] * 1000:.2f} ms per page, "
              f"{r['median'] / 200 * 1000:.2f} ms per sheet in all its languages "
              f"(target <= {TARGETS['seconds_200']} s: {verdict(r['median'] <= TARGETS['seconds_200'])})")
    if all(n in results for n in (10, 20, 100, 200)):
        flat = results[200]["per_page"] / results[20]["per_page"]
        marginal_hi = (results[200]["median"] - results[100]["median"]) / (results[200]["pages"] - results[100]["pages"])
        marginal_lo = (results[20]["median"] - results[10]["median"]) / (results[20]["pages"] - results[10]["pages"])
        print(f"  per page at {results[200]['pages']} pages / at {results[20]['pages']} pages: {flat:.2f} "
              f"(target <= {TARGETS['flatness']}: {verdict(flat <= TARGETS['flatness'])}); "
              f"marginal cost of a page: {marginal_lo * 1000:.2f} ms (10->20 sheets), {marginal_hi * 1000:.2f} ms (100->200 sheets)")
    peak = max(r["peak_rss"] for r in results.values()) / MIB
    print(f"  peak memory (RSS of the whole process): {peak:.1f} MiB "
          f"(target <= {TARGETS['peak_mib']} MiB: {verdict(peak <= TARGETS['peak_mib'])})")
    return results


# (c) ------------------------------------------------------------------------------------------

def page_weight(site: Path) -> None:
    from weight import measure_pages

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    weights = measure_pages(site, pages)
    print("\n(c) Page weight: every file the page loads in Chromium (JavaScript on), raw / gzipped (level 6), in KB (1000 bytes)")
    print(f"  {'page':48} {'HTML':>13} {'CSS':>13} {'JS':>13} {'fonts':>9} {'other':>11} {'total':>14} {'self-check':>12}")
    kb = lambda pair: f"{pair[0] / 1000:5.1f}/{pair[1] / 1000:5.1f}"  # noqa: E731
    for w in weights:
        other = tuple(a - b for a, b in zip(w.total(), [sum(x) for x in zip(*(w.total(k) for k in ("HTML", "CSS", "JS", "fonts")))]))
        print(f"  {w.page:48} {kb(w.total('HTML')):>13} {kb(w.total('CSS')):>13} {kb(w.total('JS')):>13} "
              f"{kb(w.total('fonts')):>9} {kb(other):>11} {kb(w.total()):>14} {kb(w.self_check()):>12}")
    sheet = next(w for w in weights if w.page.startswith(SHEET_PAGE))
    print(f"  files of the sheet page: " + "; ".join(f"{path} {gz / 1000:.1f}" for path, (_, _, gz) in sheet.files.items()))
    total, own = sheet.total()[1] / 1000, sheet.self_check()[1] / 1000
    print(f"  sheet page: {total:.1f} KB gzipped in all (target <= {TARGETS['page_kb']} KB: {verdict(total <= TARGETS['page_kb'])}); "
          f"self-check {own:.1f} KB (target <= {TARGETS['self_check_kb']} KB: "
          f"{verdict(own <= TARGETS['self_check_kb']) if own else 'no self-check on the page yet'})")


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
        return
    finally:
        server.shutdown()
    scores = {c: statistics.median(r["scores"][c] for r in results) for c in lighthouse.CATEGORIES}
    print("  " + "  ".join(f"{c} {v:g} [{', '.join(str(r['scores'][c]) for r in results)}]" for c, v in scores.items())
          + f"  (target 100 in all four: {verdict(all(v == 100 for v in scores.values()))})")
    for r in results:
        print("  run: " + "  ".join(f"{k} {v}" for k, v in r["metrics"].items()))
    for line in sorted({line for r in results for line in r["failing"].values()}):
        print(f"  below full marks in some run: {line}")


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run for CI: sizes 1 and 10, 2 runs, no Lighthouse")
    parser.add_argument("--runs", type=int, default=None, help="timed runs per measurement")
    parser.add_argument("--sizes", default=None, help="comma-separated sheet counts for (b)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--scale-child", metavar="CONTENT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="  %(name)s %(levelname)s: %(message)s")
    runs = args.runs or (2 if args.quick else 7)
    if args.scale_child:
        return scale_child(args.scale_child, runs)
    sizes = [int(s) for s in (args.sizes or ("1,10" if args.quick else "1,10,20,100,200")).split(",")]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} "
          f"(other work on the machine lengthens wall-clock times); {'quick smoke run' if args.quick else 'full run'}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        overhead(tmp, runs)
        scaling(tmp, sizes, runs if not args.quick else 1)
        page_weight(tmp / "ours")
        if not (args.quick or args.no_lighthouse):
            lighthouse_scores(tmp / "ours")
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
