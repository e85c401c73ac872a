#!/usr/bin/env python3
"""The photos' extra cost on an unchanged rebuild, measured in many interleaved rounds (issue #15's target).

    python3 Benchmarks/photo_rebuilds.py                 # 30 rounds, N = 1,000, .build/release/guong
    python3 Benchmarks/photo_rebuilds.py --rounds 60 --guong /path/to/guong

`photos.py` times five runs of each way; an unchanged rebuild takes about 0.2 s of CPU, and this shared
machine moves that by ±10 % from one minute to the next, as much as the target's margin. Here each site is
built four times into its own output on tmpfs (the fourth starts from the spare tree, as the office's rebuilds
do), then the two sites are rebuilt unchanged in alternating order, `--rounds` times each: the medians of their
CPU (user + sys of the child) and the ratio are printed. The corpora are those photos.py makes and keeps
(run it once first): `Benchmarks/.corpora/n<N>-s<seed>` and `…-photos`, with their caches warm.
"""
import argparse
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_of(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=49)
    parser.add_argument("--guong", default=str(ROOT / ".build/release/guong"))
    args = parser.parse_args()
    corpora = ROOT / "Benchmarks/.corpora"
    sites = {"without photos": corpora / f"n{args.size}-s{args.seed}" / "guong",
             "with photos": corpora / f"n{args.size}-s{args.seed}-photos" / "guong"}
    for site in sites.values():
        if not (site / "content").is_dir():
            sys.exit(f"{site} is missing: run python3 Benchmarks/photos.py --sizes {args.size} first")
    outputs = {name: Path(f"/dev/shm/guong-photo-rebuilds-{index}") for index, name in enumerate(sites)}
    for output in outputs.values():
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(output.parent / f".{output.name}.guong-spare", ignore_errors=True)
    command = {name: [args.guong, "build", "--site", str(site), "--output", str(outputs[name])] for name, site in sites.items()}
    for name in sites:
        for _ in range(4):
            cpu_of(command[name])
    cpu: dict[str, list[float]] = {name: [] for name in sites}
    for round_number in range(args.rounds):
        order = list(sites) if round_number % 2 == 0 else list(sites)[::-1]
        for name in order:
            cpu[name].append(cpu_of(command[name]))
    medians = {name: statistics.median(values) * 1000 for name, values in cpu.items()}
    plain, photos = medians["without photos"], medians["with photos"]
    # Each round's two builds ran next to each other, so their ratio sees the same moment of the machine: the
    # median of those ratios is steadier than the ratio of the medians when the load drifts during the set.
    ratios = sorted(with_photo / without for with_photo, without in zip(cpu["with photos"], cpu["without photos"]))
    quartiles = statistics.quantiles(ratios, n=4)
    print(f"{args.rounds} interleaved unchanged rebuilds, N = {args.size}, {args.guong}")
    print(f"CPU medians: without photos {plain:.0f} ms, with photos {photos:.0f} ms: "
          f"×{photos / plain:.3f}, the photos' extra {photos - plain:.0f} ms (target ×1.10)")
    print(f"median of the rounds' ratios ×{statistics.median(ratios):.3f} (quartiles ×{quartiles[0]:.3f}–×{quartiles[2]:.3f})")
    for output in outputs.values():
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(output.parent / f".{output.name}.guong-spare", ignore_errors=True)


if __name__ == "__main__":
    main()
