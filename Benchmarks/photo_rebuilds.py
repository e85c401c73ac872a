#!/usr/bin/env python3
"""The photos' extra cost on an unchanged rebuild, measured in many interleaved rounds (issue #15's target).

    python3 Benchmarks/photo_rebuilds.py                 # 30 rounds, N = 1,000, .build/release/guong
    python3 Benchmarks/photo_rebuilds.py --rounds 60 --guong /path/to/guong

`photos.py` times five runs of each way; an unchanged rebuild takes about 0.2 s of CPU, and this shared
machine moves that by ±10 % from one minute to the next, as much as the target's margin. Here each site is
built four times into its own output on tmpfs (the fourth starts from the spare tree, as the office's rebuilds
do), then the two sites are rebuilt unchanged in alternating order, `--rounds` times each: the medians of their
CPU (user + sys of the child) and of their wall time (what the office waits for), and the ratios, are printed
(measured as run.py measures). The corpora are those photos.py makes and keeps (run it once first):
`Benchmarks/.corpora/n<N>-s<seed>` and `…-photos`, with their caches warm.

    python3 Benchmarks/photo_rebuilds.py --count         # and what the host's load does not move
    python3 Benchmarks/photo_rebuilds.py --rounds 0 --count   # only that

On a shared host the rounds' ratios spread from ×1.00 to ×1.22 within one set, and sets minutes apart give
medians ×1.06 and ×1.13: the target's margin is inside that noise. `--count` measures what the noise does not
touch, after the timed rounds: the instructions each unchanged rebuild runs in user space (valgrind's
callgrind, on a copy of the binary without debug information, which valgrind cannot read) and the system calls
it makes (strace -f -c). Needs `valgrind` and `strace` (Debian packages of those names).
"""
import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "Benchmarks"))
import run  # noqa: E402  (the measuring comes from there)


def summary(what: str, without: list[float], with_photos: list[float]) -> str:
    """The medians of both sites, their ratio, and the median and quartiles of the rounds' ratios."""
    plain, photos = statistics.median(without) * 1000, statistics.median(with_photos) * 1000
    # Each round's two builds ran next to each other, so their ratio sees the same moment of the machine: the
    # median of those ratios is steadier than the ratio of the medians when the load drifts during the set.
    ratios = sorted(b / a for a, b in zip(without, with_photos))
    quartiles = statistics.quantiles(ratios, n=4)
    return (f"{what} medians: without photos {plain:.0f} ms, with photos {photos:.0f} ms: ×{photos / plain:.3f}, "
            f"the photos' extra {photos - plain:.0f} ms; median of the rounds' ratios ×{statistics.median(ratios):.3f} "
            f"(quartiles ×{quartiles[0]:.3f}–×{quartiles[2]:.3f})")


def counted(command: list[str]) -> tuple[int, int]:
    """The user-space instructions and the system calls of an unchanged rebuild by `command` (a debug-free binary)."""
    with tempfile.TemporaryDirectory() as scratch:
        # Twice first, natively: a new binary is a new renderer, whose first build renders every page again.
        for _ in range(2):
            run.run_measured(command)
        subprocess.run(["strace", "-f", "-c", "-o", f"{scratch}/strace.txt", *command], capture_output=True, check=True)
        total = [line for line in Path(f"{scratch}/strace.txt").read_text().splitlines() if line.rstrip().endswith("total")]
        # `% time  seconds  usecs/call  calls  errors  total`: the calls column (errors may be empty).
        calls = int(total[-1].split()[3])
        # Under valgrind, /proc/self/exe is valgrind's tool: another executable again, so the first run renders
        # everything and the second is the unchanged rebuild counted.
        valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/callgrind.out", *command]
        for _ in range(2):
            counted_run = subprocess.run(valgrind, capture_output=True, text=True, check=True)
        instructions = int(re.search(r"Collected : (\d+)", counted_run.stderr).group(1))
    return instructions, calls


def count(sites: dict[str, Path], outputs: dict[str, Path], guong: str) -> None:
    """Prints the instructions and system calls of an unchanged rebuild of each site, and their ratios."""
    missing = [tool for tool in ("valgrind", "strace", "strip") if shutil.which(tool) is None]
    if missing:
        sys.exit(f"--count needs {', '.join(missing)} (apt-get install -y valgrind strace binutils)")
    with tempfile.TemporaryDirectory() as scratch:
        binary = f"{scratch}/guong"
        subprocess.run(["strip", "--strip-debug", "-o", binary, guong], check=True)
        results = {}
        for name, site in sites.items():
            results[name] = counted([binary, "build", "--site", str(site), "--output", str(outputs[name])])
    (plain_instructions, plain_calls), (photo_instructions, photo_calls) = results["without photos"], results["with photos"]
    print(f"user-space instructions: without photos {plain_instructions / 1e6:.1f} M, with photos {photo_instructions / 1e6:.1f} M: "
          f"×{photo_instructions / plain_instructions:.3f}")
    print(f"system calls: without photos {plain_calls}, with photos {photo_calls}: ×{photo_calls / plain_calls:.3f}, "
          f"{photo_calls - plain_calls} more")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=49)
    parser.add_argument("--guong", default=str(ROOT / ".build/release/guong"))
    parser.add_argument("--count", action="store_true", help="also count instructions and system calls (valgrind, strace)")
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
            run.run_measured(command[name])
    cpu: dict[str, list[float]] = {name: [] for name in sites}
    wall: dict[str, list[float]] = {name: [] for name in sites}
    for round_number in range(args.rounds):
        order = list(sites) if round_number % 2 == 0 else list(sites)[::-1]
        for name in order:
            sample, _ = run.run_measured(command[name])
            cpu[name].append(sample.cpu)
            wall[name].append(sample.wall)
    print(f"{args.rounds} interleaved unchanged rebuilds, N = {args.size}, {args.guong} (target ×1.10)")
    if args.rounds > 0:
        print(summary("CPU", cpu["without photos"], cpu["with photos"]))
        print(summary("wall", wall["without photos"], wall["with photos"]))
    if args.count:
        count(sites, outputs, args.guong)
    for output in outputs.values():
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(output.parent / f".{output.name}.guong-spare", ignore_errors=True)


if __name__ == "__main__":
    main()
