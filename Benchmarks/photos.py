#!/usr/bin/env python3
"""Times guong on the benchmark corpora with phone-sized photos, against the same corpora without them.

    python3 Benchmarks/photos.py                    # N = 1,000 (1 in 3 with a photo) and 10,000 (1 in 30)
    python3 Benchmarks/photos.py --sizes 1000 --runs 5
    nice -n 19 python3 Benchmarks/photos.py --sizes 10000 --runs 3

Not part of CI's smoke run (it makes hundreds of 3–5 MB photos). The corpora are those of run.py
(Benchmarks/generate_corpus.py); this script copies one, gives every third (N = 1,000) or thirtieth
(N = 10,000) profile a photo and caches the result under Benchmarks/.corpora/. The photos are made
with Pillow and NumPy, seeded: 4000 × 3000 JPEGs of 3–5 MB, each different, stored in the four
orientations a phone uses (EXIF 1, 3, 6, 8) and carrying a GPS position, like a school's phone photos.

For each N: the first build with photos (empty photo cache, `--cold-runs` times, 1 by default: it is
the slow one), then, for every run, the site without photos and the site with photos (warm cache), in
alternating order, each built three ways:

- `empty`: into an empty output folder (as run.py builds);
- `first rebuild`: rebuilt into that output with nothing changed, right after it was made: the staging
  folder starts empty (there is no spare tree yet), so every file is linked into it;
- `unchanged`: rebuilt again with nothing changed (the office's rebuild: from the third build on, the
  staging folder starts as the spare tree, the build before last's output);
- `edited`: rebuilt into it after one profile's lead was edited (the first profile, which has a photo;
  put back after).

Reported: wall, CPU (user + sys) and peak memory, medians; the ratio of the site with photos to the one
without for each way (the target: at most 1.10 on a rebuild with unchanged photos); the files each
rebuild wrote (new inode or modification time); the published photo bytes; and the largest profile page
plus its largest JPEG (the target: at most 250 KB). Timing never fails the run, only errors do.
"""
import argparse
import io
import json
import multiprocessing
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402  (the corpora, the measuring and the binary come from there)

POOL = HERE / ".corpora" / "photo-pool"
POOL_SIZE = 334  # enough for both sizes: 1,000 / 3 and 10,000 / 30


def make_photo(index: int) -> None:
    import numpy
    from PIL import Image, ImageDraw

    path = POOL / f"anh-{index:04d}.jpg"
    if path.exists():
        return
    rng = numpy.random.default_rng(4900 + index)
    width, height = 4000, 3000
    # A gradient in a colour of its own, shapes, and sensor-like noise: each photo differs, and its JPEG
    # is as large as a phone's (the noise is what makes phone photos 3–5 MB).
    colour = rng.integers(30, 140, size=3)
    rows = numpy.linspace(0, rng.uniform(30, 80), height, dtype=numpy.float32)[:, None]
    columns = numpy.linspace(0, rng.uniform(30, 80), width, dtype=numpy.float32)[None, :]
    picture = numpy.empty((height, width, 3), dtype=numpy.uint8)
    for band in range(3):
        picture[..., band] = (colour[band] + (rows if band != 1 else columns) + (columns if band == 2 else 0)).astype(numpy.uint8)
    picture += rng.integers(0, int(rng.uniform(20, 30)), size=(height, width, 1), dtype=numpy.uint8)
    image = Image.fromarray(picture)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        cx, cy, r = (int(v) for v in (rng.integers(0, width), rng.integers(0, height), rng.integers(100, 700)))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=tuple(int(v) for v in rng.integers(0, 256, size=3)), width=int(rng.integers(10, 60)))
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh thử"
    exif[0x0112] = (1, 3, 6, 8)[index % 4]
    exif[0x8825] = {1: "N", 2: (10.0, 50.0 + index % 9, float(index % 60)), 3: "E", 4: (106.0, 30.0 + index % 20, 5.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())


def photo_pool() -> list[Path]:
    POOL.mkdir(parents=True, exist_ok=True)
    missing = [i for i in range(POOL_SIZE) if not (POOL / f"anh-{i:04d}.jpg").exists()]
    if missing:
        print(f"  making {len(missing)} photos → {POOL.relative_to(run.REPO)}", flush=True)
        with multiprocessing.Pool(os.cpu_count()) as pool:
            pool.map(make_photo, missing, chunksize=4)
    return [POOL / f"anh-{i:04d}.jpg" for i in range(POOL_SIZE)]


def photo_corpus(count: int, seed: int, every: int) -> tuple[Path, Path, list[Path]]:
    """The corpus of run.py without and with photos (every `every`-th profile), and the profiles given one.

    The photo corpus is made once and kept, with its photo cache (`.guong-cache`), while the corpus of run.py
    it was made from is the same: rewriting its profiles before every invocation put them in the parse
    cache's racy window (a file changed within two seconds of a build is parsed again), so the first builds
    of an invocation parsed every profile. Its photos are hard links to the pool's (the same files, inode,
    size and time, each time it is made).
    """
    plain, _ = run.corpus(count, seed, with_hugo=False)
    site = plain.parent.parent / f"n{count}-s{seed}-photos" / "guong"
    stamp = site.parent / "corpus.stamp"
    made_from = f"{(plain.parent / 'generator.stamp').read_text()} every {every} pool {POOL_SIZE}\n"
    photos = photo_pool()
    files = sorted((site / "content" / "profiles").rglob("*.md"))
    if stamp.exists() and stamp.read_text() == made_from and files:
        return plain, site, [md for md in files if md.with_suffix(".jpg").exists()]
    stamp.unlink(missing_ok=True)
    kept = site.parent / "kept-cache"
    if (site / ".guong-cache").exists():
        shutil.rmtree(kept, ignore_errors=True)
        (site / ".guong-cache").rename(kept)
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(plain, site, ignore=shutil.ignore_patterns(".guong-cache", "out", "public"))
    if kept.exists():
        kept.rename(site / ".guong-cache")
    files = sorted((site / "content" / "profiles").rglob("*.md"))
    given = []
    for number, md in enumerate(files):
        if number % every:
            continue
        photo = photos[len(given) % len(photos)]
        os.link(photo, md.with_suffix(".jpg"))
        text = md.read_text(encoding="utf-8")
        end = text.index("\n---", 3)
        md.write_text(text[:end] + f"\nphoto: {md.with_suffix('.jpg').name}" + text[end:], encoding="utf-8")
        given.append(md)
    stamp.write_text(made_from)
    return plain, site, given


def build(guong: Path, site: Path, out: Path) -> run.Sample:
    sample, _ = run.run_measured([str(guong), "build", "--site", str(site), "--output", str(out)])
    return sample


def three_ways(guong: Path, site: Path, edited: Path, out: Path, number: int) -> dict[str, tuple[run.Sample, int]]:
    """Builds `site` into an empty `out`, rebuilds it unchanged twice (the second from the spare tree), then
    after an edit of `edited`; each with the number of files it wrote (for the first, every file)."""
    run.fresh(out)
    run.fresh(out.parent / f".{out.name}.guong-spare")  # a true first build: no spare tree left to delete
    sample = build(guong, site, out)
    before = run.file_stamps(out)
    samples = {"empty": (sample, len(before))}
    sample = build(guong, site, out)
    after = run.file_stamps(out)
    samples["first rebuild"] = (sample, run.written(before, after))
    sample = build(guong, site, out)
    before, after = after, run.file_stamps(out)
    samples["unchanged"] = (sample, run.written(before, after))
    original = edited.read_bytes()
    try:
        run.edit_lead(edited, number)
        sample = build(guong, site, out)
        samples["edited"] = (sample, run.written(after, run.file_stamps(out)))
    finally:
        edited.write_bytes(original)
    # The profile put back is a file changed just now: the parse cache does not trust a file changed within two
    # seconds of a build (its racy window), so the next run's builds would parse it again and save the cache.
    time.sleep(2.1)
    return samples


def largest_page_with_photo(out: Path) -> tuple[int, str]:
    best = (0, "")
    for page in (out / "dien-hinh").glob("*/index.html"):
        jpegs = sorted(page.parent.glob("anh-[0-9]*.jpg"), key=lambda p: p.stat().st_size)
        if jpegs:
            total = page.stat().st_size + jpegs[-1].stat().st_size
            best = max(best, (total, page.parent.name))
    return best


WAYS = ("empty", "first rebuild", "unchanged", "edited")


def median(samples: list[run.Sample]) -> dict[str, float]:
    return {m: statistics.median(getattr(s, m) for s in samples) for m in ("wall", "cpu", "rss_mb")}


def measure(count: int, args: argparse.Namespace, guong: Path, out: Path) -> dict:
    every = 3 if count <= 1000 else 30
    print(f"\nN = {count:,}, one profile in {every} with a photo; load average {os.getloadavg()[0]:.2f}", flush=True)
    plain, site, given = photo_corpus(count, args.seed, every)
    edited = {"without": sorted((plain / "content" / "profiles").rglob("*.md"))[0], "with": given[0]}
    source = sum(p.stat().st_size for p in (site / "content" / "profiles").rglob("*.jpg"))
    first = []
    for number in range(args.cold_runs):
        shutil.rmtree(site / ".guong-cache", ignore_errors=True)
        run.fresh(out / "photos")
        first.append(build(guong, site, out / "photos"))
        print("  first build with photos (empty cache): %.2f s wall, %.2f s CPU, %.0f MiB" % (
            first[-1].wall, first[-1].cpu, first[-1].rss_mb), flush=True)
    samples = {(photos, way): [] for photos in ("without", "with") for way in WAYS}
    written = {(photos, way): [] for photos in ("without", "with") for way in WAYS}
    for number in range(args.runs):
        order = ("without", "with") if number % 2 == 0 else ("with", "without")
        for photos in order:
            results = three_ways(guong, plain if photos == "without" else site, edited[photos],
                                 out / ("plain" if photos == "without" else "photos"), number)
            for way, (sample, files) in results.items():
                samples[(photos, way)].append(sample)
                written[(photos, way)].append(files)
            print(f"  run {number + 1}, {photos:7} photos: " + "; ".join(
                f"{way} {s.wall:.2f} s wall {s.cpu:.2f} s CPU {s.rss_mb:.0f} MiB {files:,} files"
                for way, (s, files) in results.items()), flush=True)
    page_bytes, page = largest_page_with_photo(out / "photos")
    published = sum(p.stat().st_size for p in (out / "photos" / "dien-hinh").rglob("anh*"))
    run.fresh(out)
    return {"count": count, "photos": len(given), "source_mb": source / 1e6, "published_mb": published / 1e6,
            "page_kb": page_bytes / 1000, "page": page, "first": median(first) if first else None,
            "medians": {f"{photos} {way}": median(values) for (photos, way), values in samples.items()},
            "ranges": {f"{photos} {way}": [min(s.wall for s in values), max(s.wall for s in values)]
                       for (photos, way), values in samples.items()},
            "written": {f"{photos} {way}": statistics.median(values) for (photos, way), values in written.items()},
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def report(rows: list[dict]) -> str:
    lines = ["| N | build | without photos: wall / CPU (s) | with photos: wall / CPU (s) | with ÷ without: wall / CPU "
             "| peak RSS without / with (MiB) | files written without / with |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        for way in WAYS:
            a, b = r["medians"][f"without {way}"], r["medians"][f"with {way}"]
            lines.append(f"| {r['count']:,} | {way} | {a['wall']:.2f} / {a['cpu']:.2f} | {b['wall']:.2f} / {b['cpu']:.2f} "
                         f"| {b['wall'] / a['wall']:.2f} / {b['cpu'] / a['cpu']:.2f} | {a['rss_mb']:.0f} / {b['rss_mb']:.0f} "
                         f"| {r['written'][f'without {way}']:,.0f} / {r['written'][f'with {way}']:,.0f} |")
    lines.append("")
    for r in rows:
        first = r["first"]
        lines.append(f"N = {r['count']:,}: {r['photos']} photos ({r['source_mb']:.0f} MB of source photos), "
                     f"{r['published_mb']:.1f} MB of published photo files; largest profile page + its largest JPEG "
                     f"{r['page_kb']:.0f} KB ({r['page']}); load average at the end {r['load_average']}")
        if first:
            lines.append(f"  first build with photos (empty cache): {first['wall']:.2f} s wall, {first['cpu']:.2f} s CPU, "
                         f"{first['rss_mb']:.0f} MiB peak")
        for way in WAYS:
            for photos in ("without", "with"):
                low, high = r["ranges"][f"{photos} {way}"]
                lines.append(f"  {way:13} {photos:7} photos: wall {low:.2f}–{high:.2f} s")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold-runs", type=int, default=1, help="first builds with an empty photo cache (0: none; "
                        "the cache left by the run before is used)")
    parser.add_argument("--seed", type=int, default=49)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--guong")
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    try:
        import numpy  # noqa: F401  (checked here: a missing one otherwise fails inside the pool that makes the photos)
        import PIL  # noqa: F401
    except ImportError as error:
        sys.exit(f"photos.py needs Pillow and NumPy to make its photos ({error}): on Debian, "
                 "`apt-get install python3-pil python3-numpy` and run it with /usr/bin/python3, or `pip install pillow numpy`")
    guong = run.guong_binary(args)
    root = Path("/dev/shm") if Path("/dev/shm").is_dir() else run.HERE / ".corpora"
    out = root / f"guong-photos-{os.getpid()}"
    try:
        rows = [measure(int(s), args, guong, out) for s in args.sizes.split(",")]
    finally:
        run.fresh(out)
    print("\n" + report(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
