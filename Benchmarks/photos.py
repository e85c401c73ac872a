#!/usr/bin/env python3
"""Times guong on the benchmark corpora with phone-sized photos: first build, and rebuild with warm cache.

    python3 Benchmarks/photos.py                    # N = 1,000 (1 in 3 with a photo) and 10,000 (1 in 30)
    python3 Benchmarks/photos.py --sizes 1000 --runs 1

Not part of CI's smoke run (it makes hundreds of 3–5 MB photos). The corpora are those of run.py
(Benchmarks/generate_corpus.py); this script copies one, gives every third (N = 1,000) or thirtieth
(N = 10,000) profile a photo and caches the result under Benchmarks/.corpora/. The photos are made
with Pillow and NumPy, seeded: 4000 × 3000 JPEGs of 3–5 MB, each different, stored in the four
orientations a phone uses (EXIF 1, 3, 6, 8) and carrying a GPS position, like a school's phone photos.

Reported for each N: the build of the same corpus without photos, the first build with photos (empty
photo cache), the rebuild with photos (cache warm, output folder empty, as run.py builds), their
ratio, peak memory, and the largest profile page plus its largest JPEG in bytes.
"""
import argparse
import io
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
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


def photo_corpus(count: int, seed: int, every: int) -> tuple[Path, Path, int]:
    """The corpus of run.py without and with photos (every `every`-th profile), and the photo count."""
    plain, _ = run.corpus(count, seed, with_hugo=False)
    site = plain.parent.parent / f"n{count}-s{seed}-photos" / "guong"
    photos = photo_pool()
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(plain, site, ignore=shutil.ignore_patterns(".guong-cache", "out", "public"))
    files = sorted((site / "content" / "profiles").rglob("*.md"))
    given = 0
    for number, md in enumerate(files):
        if number % every:
            continue
        photo = photos[given % len(photos)]
        os.link(photo, md.with_suffix(".jpg"))
        text = md.read_text(encoding="utf-8")
        end = text.index("\n---", 3)
        md.write_text(text[:end] + f"\nphoto: {md.with_suffix('.jpg').name}" + text[end:], encoding="utf-8")
        given += 1
    return plain, site, given


def build(guong: Path, site: Path, out: Path) -> run.Sample:
    run.fresh(out)
    sample, _ = run.run_measured([str(guong), "build", "--site", str(site), "--output", str(out)])
    return sample


def largest_page_with_photo(out: Path) -> tuple[int, str]:
    best = (0, "")
    for page in (out / "dien-hinh").glob("*/index.html"):
        jpegs = sorted(page.parent.glob("anh-[0-9]*.jpg"), key=lambda p: p.stat().st_size)
        if jpegs:
            total = page.stat().st_size + jpegs[-1].stat().st_size
            best = max(best, (total, page.parent.name))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=49)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--guong")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args()
    guong = run.guong_binary(args)
    root = Path("/dev/shm") if Path("/dev/shm").is_dir() else run.HERE / ".corpora"
    out = root / f"guong-photos-{os.getpid()}"
    rows = []
    for count in (int(s) for s in args.sizes.split(",")):
        every = 3 if count <= 1000 else 30
        print(f"\nN = {count:,}, one profile in {every} with a photo", flush=True)
        plain, site, given = photo_corpus(count, args.seed, every)
        source = sum(p.stat().st_size for p in (site / "content" / "profiles").rglob("*.jpg"))
        samples = {"without": [], "first": [], "rebuild": []}
        for number in range(args.runs):
            samples["without"].append(build(guong, plain, out / "plain"))
            shutil.rmtree(site / ".guong-cache", ignore_errors=True)
            samples["first"].append(build(guong, site, out / "photos"))
            samples["rebuild"].append(build(guong, site, out / "photos"))
            print("  run %d: without %.2f s, first %.2f s, rebuild %.2f s; peak %.0f / %.0f / %.0f MiB" % (
                number + 1, samples["without"][-1].wall, samples["first"][-1].wall, samples["rebuild"][-1].wall,
                samples["without"][-1].rss_mb, samples["first"][-1].rss_mb, samples["rebuild"][-1].rss_mb), flush=True)
        page_bytes, page = largest_page_with_photo(out / "photos")
        published = sum(p.stat().st_size for p in (out / "photos" / "dien-hinh").rglob("anh*"))
        row = {"count": count, "photos": given, "source_mb": source / 1e6, "published_mb": published / 1e6,
               "page_kb": page_bytes / 1000, "page": page}
        for key, values in samples.items():
            row[key] = {m: statistics.median(getattr(s, m) for s in values) for m in ("wall", "cpu", "rss_mb")}
        rows.append(row)
    run.fresh(out)
    print("\n| N | photos (source) | build without photos (s) | first build with photos (s) | rebuild with photos (s) "
          "| rebuild ÷ without | peak RSS without / first / rebuild (MiB) | published photo files | largest page + its JPEG |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['count']:,} | {r['photos']} ({r['source_mb']:.0f} MB) | {r['without']['wall']:.2f} | {r['first']['wall']:.2f} "
              f"| {r['rebuild']['wall']:.2f} | {r['rebuild']['wall'] / r['without']['wall']:.2f}× "
              f"| {r['without']['rss_mb']:.0f} / {r['first']['rss_mb']:.0f} / {r['rebuild']['rss_mb']:.0f} "
              f"| {r['published_mb']:.0f} MB | {r['page_kb']:.0f} KB |")
        print(f"  CPU (s): without {r['without']['cpu']:.2f}, first {r['first']['cpu']:.2f}, rebuild {r['rebuild']['cpu']:.2f}")


if __name__ == "__main__":
    main()
