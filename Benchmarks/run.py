#!/usr/bin/env python3
"""Times `guong build` against Hugo on the same generated corpus, side by side.

    python3 Benchmarks/run.py                  # N = 1,000, 10,000 and 50,000; 3 runs each, alternating
    python3 Benchmarks/run.py --sizes 10000 --runs 5
    python3 Benchmarks/run.py --smoke          # N = 1,000, one run each: checks that the benchmark still works
    python3 Benchmarks/run.py --rebuild --sizes 10000   # rebuilds into the existing output after a one-profile edit

For every N the corpus is generated once (Benchmarks/generate_corpus.py, seeded) and cached under
Benchmarks/.corpora/. Each repetition builds with guong, then with Hugo, then runs `guong check`, each into
an empty output folder (guong also without its parse cache, `.guong-cache/`, unless `--warm-cache`), and records wall time, CPU time (user + sys) and peak resident memory of that
process (os.wait4, the same figures `/usr/bin/time -v` prints). Medians are reported, with the ratios.

Output goes to /dev/shm (tmpfs) when it exists: on a disk, each run deletes the tens of thousands of files
of the one before, and some file systems (ext4 without a journal, as on our build machine) then spend
seconds of kernel time per run skipping recently freed inodes, whoever writes next. `--output-root DIR`
puts it elsewhere.

`--rebuild` times the office's everyday case instead: each tool builds once, then, for every run, one profile's
lead is edited (the same profile in both corpora) and the site is rebuilt into its existing output. Besides the
times it counts the files each rebuild wrote (files whose inode or modification time changed), and a rebuild
with nothing changed, after which no file's modification time may move. The edited profile is put back after.

Timing never fails the run: only errors do (a build that fails, a corpus that does not check clean).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate_corpus  # noqa: E402


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # user + sys, seconds
    rss_mb: float  # peak resident set size, MiB


def run_measured(command: list[str], cwd: Path | None = None) -> tuple[Sample, str]:
    """Runs `command`, returning its wall time, CPU time and peak RSS; raises if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # Read output first so a chatty child cannot block on a full pipe, then reap it for its rusage.
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"error: {' '.join(command)} exited with {process.returncode}:\n{output[-4000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024), output


def corpus(count: int, seed: int, with_hugo: bool) -> tuple[Path, Path]:
    """The cached guong and Hugo sites for `count` profiles, regenerated when the generator changes."""
    root = HERE / ".corpora" / f"n{count}-s{seed}"
    stamp = root / "generator.stamp"
    generator = (HERE / "generate_corpus.py").read_bytes()
    fingerprint = f"{len(generator)}-{hash_bytes(generator)}"
    site, hugo = root / "guong", root / "hugo"
    fresh = stamp.exists() and stamp.read_text() == fingerprint
    if not fresh or not (site / "content").exists() or (with_hugo and not (hugo / "content").exists()):
        print(f"  generating {count:,} profiles → {root.relative_to(REPO)}", flush=True)
        root.mkdir(parents=True, exist_ok=True)
        stamp.unlink(missing_ok=True)
        units, profiles = generate_corpus.generate(count, seed)
        generate_corpus.write_guong_site(site, count, units, profiles)
        generate_corpus.write_hugo_site(hugo, count, units, profiles)
        stamp.write_text(fingerprint)
    return site, hugo


def hash_bytes(data: bytes) -> str:
    import hashlib
    return hashlib.sha256(data).hexdigest()[:16]


def count_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)


def guong_binary(args: argparse.Namespace) -> Path:
    if args.guong:
        return Path(args.guong).resolve()
    configuration = "debug" if args.debug else "release"
    if not args.no_build:
        print(f"building guong ({configuration}) …", flush=True)
        subprocess.run(["swift", "build", "-c", configuration, "--product", "guong"], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "-c", configuration, "--show-bin-path"], cwd=REPO, check=True,
                              capture_output=True, text=True).stdout.strip()
    return Path(bin_path) / "guong"


def machine() -> dict:
    info = {"cores": os.cpu_count(), "system": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    info["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return info


def median(samples: list[Sample], key: str) -> float:
    return statistics.median(getattr(s, key) for s in samples)


def benchmark_size(count: int, args: argparse.Namespace, guong: Path, hugo: str | None) -> dict:
    print(f"\nN = {count:,}", flush=True)
    site, hugo_site = corpus(count, args.seed, hugo is not None)
    out = args.output_root / f"guong-benchmark-{os.getpid()}" if args.output_root else site.parent / "out"
    results: dict[str, list[Sample]] = {"guong": [], "hugo": [], "check": []}
    pages: dict[str, int] = {}
    for run in range(args.runs):
        # Alternate the tools so load from other users of the machine falls on both alike.
        order = ["guong", "hugo"] if run % 2 == 0 else ["hugo", "guong"]
        for tool in order:
            if tool == "hugo" and hugo is None:
                continue
            target = out / tool
            fresh(target)
            if tool == "guong" and not args.warm_cache:
                # A first build is the first: nothing kept from an earlier one, the parse cache included.
                fresh(site / ".guong-cache")
            if tool == "guong":
                sample, output = run_measured([str(guong), "build", "--site", str(site), "--output", str(target)])
            else:
                sample, output = run_measured([hugo, "--source", str(hugo_site), "--destination", str(target),
                                               "--quiet", "--noBuildLock"])
            results[tool].append(sample)
            pages[tool] = count_pages(target)
            print(f"  run {run + 1}: {tool:5} {sample.wall:7.2f} s wall {sample.cpu:7.2f} s CPU {sample.rss_mb:8.1f} MiB",
                  flush=True)
        sample, output = run_measured([str(guong), "check", "--site", str(site)])
        if not output.strip().endswith(f"0 lỗi, 0 cảnh báo trong {count} hồ sơ"):
            raise SystemExit(f"error: the generated corpus does not check clean:\n{output[-2000:]}")
        results["check"].append(sample)
        print(f"  run {run + 1}: check {sample.wall:7.2f} s wall {sample.cpu:7.2f} s CPU {sample.rss_mb:8.1f} MiB", flush=True)
    fresh(out)
    summary = {"count": count, "pages": pages, "runs": {k: [asdict(s) for s in v] for k, v in results.items() if v}}
    for tool, samples in results.items():
        if samples:
            summary[tool] = {"wall": median(samples, "wall"), "cpu": median(samples, "cpu"),
                             "rss_mb": median(samples, "rss_mb"),
                             "wall_range": [min(s.wall for s in samples), max(s.wall for s in samples)]}
    return summary


def file_stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file's (inode, modification time in ns), by path."""
    stamps = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            stamps[str(path.relative_to(folder))] = (info.st_ino, info.st_mtime_ns)
    return stamps


def written(before: dict, after: dict) -> int:
    """How many files a rebuild wrote: new paths, and paths whose inode or modification time moved."""
    return sum(1 for path, stamp in after.items() if before.get(path) != stamp)


def edit_lead(path: Path, run: int) -> None:
    """Puts a sentence at the start of the profile's body (its lead), different for every run."""
    text = path.read_text(encoding="utf-8")
    close = text.index("\n---\n", 4) + len("\n---\n")
    path.write_text(text[:close] + f"\nLần sửa thứ {run + 1} của bộ đo.\n\n" + text[close:], encoding="utf-8")


def benchmark_rebuild(count: int, args: argparse.Namespace, guong: Path, hugo: str | None) -> dict:
    print(f"\nN = {count:,}, rebuild after a one-profile edit", flush=True)
    site, hugo_site = corpus(count, args.seed, hugo is not None)
    _, profiles = generate_corpus.generate(count, args.seed)
    edited = {"guong": site / "content" / "profiles" / profiles[0].path,
              "hugo": hugo_site / "content" / "dien-hinh" / f"{profiles[0].slug}.md"}
    originals = {tool: path.read_bytes() for tool, path in edited.items() if tool == "guong" or hugo}
    out = args.output_root / f"guong-benchmark-{os.getpid()}" if args.output_root else site.parent / "out"
    tools = ["guong"] + (["hugo"] if hugo else [])

    def build(tool: str) -> Sample:
        target = out / tool
        if tool == "guong":
            return run_measured([str(guong), "build", "--site", str(site), "--output", str(target)])[0]
        return run_measured([hugo, "--source", str(hugo_site), "--destination", str(target), "--quiet",
                             "--noBuildLock"])[0]

    results: dict[str, list[Sample]] = {tool: [] for tool in tools}
    files: dict[str, list[int]] = {tool: [] for tool in tools}
    unchanged: dict[str, int] = {}
    try:
        for tool in tools:
            fresh(out / tool)
            build(tool)
            before = file_stamps(out / tool)
            build(tool)  # nothing changed
            unchanged[tool] = written(before, file_stamps(out / tool))
            print(f"  {tool:5} rebuild with nothing changed: {unchanged[tool]:,} files written", flush=True)
        for run in range(args.runs):
            order = tools if run % 2 == 0 else list(reversed(tools))
            for tool in order:
                edit_lead(edited[tool], run)
                before = file_stamps(out / tool)
                sample = build(tool)
                files[tool].append(written(before, file_stamps(out / tool)))
                results[tool].append(sample)
                print(f"  run {run + 1}: {tool:5} {sample.wall:7.2f} s wall {sample.cpu:7.2f} s CPU "
                      f"{sample.rss_mb:8.1f} MiB, {files[tool][-1]:,} files written", flush=True)
    finally:
        for tool, data in originals.items():
            edited[tool].write_bytes(data)
        fresh(out)
    summary = {"count": count, "mode": "rebuild", "unchanged_written": unchanged, "files_written": files,
               "runs": {k: [asdict(s) for s in v] for k, v in results.items()}}
    for tool, samples in results.items():
        summary[tool] = {"wall": median(samples, "wall"), "cpu": median(samples, "cpu"),
                         "rss_mb": median(samples, "rss_mb"), "files": statistics.median(files[tool]),
                         "wall_range": [min(s.wall for s in samples), max(s.wall for s in samples)]}
    return summary


def rebuild_report(results: list[dict], info: dict) -> str:
    lines = [f"machine: {info.get('cpu', '?')}, {info['cores']} cores; load average {info['load_average']} at the start; "
             f"output in {info['output']}", f"guong {info['guong']} ({info['build']} build); {info.get('hugo', 'no Hugo')}", "",
             "| N | tool | rebuild wall (s) | CPU (s) | peak RSS (MiB) | files written | files written, nothing changed |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        for tool in ["guong", "hugo"]:
            if tool in r:
                t = r[tool]
                lines.append(f"| {r['count']:,} | {tool} | {t['wall']:.2f} | {t['cpu']:.2f} | {t['rss_mb']:.0f} "
                             f"| {t['files']:,.0f} | {r['unchanged_written'][tool]:,} |")
    lines.append("")
    for r in results:
        g = r["guong"]
        if "hugo" in r:
            h = r["hugo"]
            lines.append(f"{'met    ' if g['wall'] * 4 <= h['wall'] else 'NOT met'}  {r['count']:,}: guong rebuild "
                         f"{g['wall']:.2f} s ≤ ¼ of Hugo's {h['wall']:.2f} s (ratio {g['wall'] / h['wall']:.2f})")
        lines.append(f"{'met    ' if g['files'] < 100 else 'NOT met'}  {r['count']:,}: {g['files']:,.0f} files written (< 100)")
        lines.append(f"{'met    ' if r['unchanged_written']['guong'] == 0 else 'NOT met'}  {r['count']:,}: nothing changed → "
                     f"{r['unchanged_written']['guong']} files written (0)")
    return "\n".join(lines)


def report(results: list[dict], info: dict) -> str:
    lines = [f"machine: {info.get('cpu', '?')}, {info['cores']} cores, {info.get('memory_gib', '?')} GiB; "
             f"load average {info['load_average']} at the start; output in {info['output']}",
             f"guong {info['guong']} ({info['build']} build); {info.get('hugo', 'no Hugo')}", ""]
    header = "| N | tool | wall (s) | CPU (s) | per profile (ms) | peak RSS (MiB) | pages |"
    lines += [header, "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        for tool in ["guong", "hugo"]:
            if tool in r:
                t = r[tool]
                lines.append(f"| {r['count']:,} | {tool} | {t['wall']:.2f} | {t['cpu']:.2f} | {t['wall'] / r['count'] * 1000:.3f} "
                             f"| {t['rss_mb']:.0f} | {r['pages'].get(tool, 0):,} |")
    lines += ["", "| N | Hugo wall ÷ guong wall | Hugo RSS ÷ guong RSS | Hugo CPU ÷ guong CPU | guong check (s) |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        if "hugo" in r:
            g, h = r["guong"], r["hugo"]
            lines.append(f"| {r['count']:,} | {h['wall'] / g['wall']:.1f}× | {h['rss_mb'] / g['rss_mb']:.1f}× "
                         f"| {h['cpu'] / g['cpu']:.1f}× | {r['check']['wall']:.2f} |")
        else:
            lines.append(f"| {r['count']:,} | – | – | – | {r['check']['wall']:.2f} |")
    lines.append("")
    lines += targets(results)
    return "\n".join(lines)


def targets(results: list[dict]) -> list[str]:
    """The issue's targets, judged on this run's medians (informational: never an exit status)."""
    by_count = {r["count"]: r for r in results}
    verdicts = []

    def verdict(ok: bool, text: str) -> None:
        verdicts.append(f"{'met    ' if ok else 'NOT met'}  {text}")

    ten = by_count.get(10_000)
    if ten and "hugo" in ten:
        g, h = ten["guong"], ten["hugo"]
        verdict(g["wall"] * 4 <= h["wall"], f"10,000: guong wall {g['wall']:.2f} s ≤ ¼ of Hugo's {h['wall']:.2f} s")
        verdict(g["rss_mb"] * 4 <= h["rss_mb"], f"10,000: guong peak {g['rss_mb']:.0f} MiB ≤ ¼ of Hugo's {h['rss_mb']:.0f} MiB")
    if ten:
        verdict(ten["check"]["wall"] < 1, f"10,000: guong check {ten['check']['wall']:.2f} s < 1 s")
    big, small = by_count.get(50_000), by_count.get(1_000)
    if big:
        verdict(big["guong"]["rss_mb"] < 1024, f"50,000: guong peak {big['guong']['rss_mb']:.0f} MiB < 1 GiB")
        if small:
            ratio = (big["guong"]["wall"] / 50_000) / (small["guong"]["wall"] / 1_000)
            verdict(ratio <= 1.3, f"50,000: time per profile {ratio:.2f}× that at 1,000 (≤ 1.3×)")
    return verdicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="comma-separated profile counts")
    parser.add_argument("--runs", type=int, default=3, help="repetitions per size (alternating guong and Hugo)")
    parser.add_argument("--seed", type=int, default=49)
    parser.add_argument("--smoke", action="store_true", help="N = 1,000, one run, debug build: checks the benchmark works")
    parser.add_argument("--debug", action="store_true", help="time a debug build instead of a release build")
    parser.add_argument("--no-build", action="store_true", help="use the guong already built")
    parser.add_argument("--guong", help="path of a guong binary to time (implies --no-build)")
    parser.add_argument("--no-hugo", action="store_true", help="time guong only")
    parser.add_argument("--rebuild", action="store_true", help="time rebuilds into the existing output after a "
                                                                "one-profile edit instead of first builds")
    parser.add_argument("--warm-cache", action="store_true", help="first builds keep the site's .guong-cache (the parse "
                        "cache) from the run before, as a build into a new output folder does; by default it is deleted")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--output-root", type=Path, help="where the sites are built (default: /dev/shm if present, "
                                                         "else beside the corpus)")
    args = parser.parse_args()
    if args.output_root is None and Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
        args.output_root = Path("/dev/shm")
    if args.smoke:
        args.sizes, args.runs = "1000", 1
        args.debug = args.debug or not args.guong
    sizes = [int(s) for s in args.sizes.split(",") if s]

    hugo = None if args.no_hugo else shutil.which("hugo")
    if hugo is None and not args.no_hugo:
        print("hugo is not installed: timing guong only", flush=True)
    guong = guong_binary(args)
    info = machine()
    if hugo:
        info["hugo"] = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    info["guong"] = (f"binary {guong}" if args.guong else
                     subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                    text=True).stdout.strip())
    info["build"] = "debug" if args.debug else "release"
    info["output"] = str(args.output_root or "beside the corpus")
    if args.rebuild:
        results = [benchmark_rebuild(count, args, guong, hugo) for count in sizes]
        text = rebuild_report(results, info)
    else:
        results = [benchmark_size(count, args, guong, hugo) for count in sizes]
        text = report(results, info)
    print("\n" + text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
