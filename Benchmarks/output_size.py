#!/usr/bin/env python3
"""Reports a built site's size per page kind, and what an HTML page's bytes are spent on.

    python3 Benchmarks/output_size.py PUBLIC_DIR              # a Markdown table per kind and per part
    python3 Benchmarks/output_size.py PUBLIC_DIR --json FILE  # also the figures as JSON
    python3 Benchmarks/output_size.py OLD_DIR --against NEW_DIR   # the two side by side, with the difference

Sizes are apparent sizes (bytes in the files, what `du -sb --apparent-size` adds up, without the directories'
own blocks). Photos and their derivatives (`*.jpg`, `*.jpeg`, `*.png`, `*.webp`, `*.avif`, `*.gif` outside
`assets/`) are counted apart, as issue #17's 200 MB target leaves them out.

A page kind is the folder a file is in (`dien-hinh/`, `linh-vuc/`, …), with a few finer kinds: a unit's annex
pages (`don-vi/<unit>/dang-ky/…`), the search index's excerpt files (`tim-kiem/tom-tat-*.json`) and the rest
of the search index. For HTML pages, the parts are cut at the layout's landmarks: `<head>`, the site header
with its menu, the breadcrumbs, `<main>` (and within it the `<aside>`s of related profiles), the share row,
the footer, and what is left (scripts, closing tags). The script reads the output only; it builds nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"}

# Parts of a page, in the order the layout writes them; each is the span from its opening pattern
# to the end of its closing tag.
PARTS = [
    ("head", re.compile(rb"<head>"), b"</head>"),
    ("header + menu", re.compile(rb"<header class=\"site-header"), b"</header>"),
    ("breadcrumbs", re.compile(rb"<nav class=\"breadcrumbs"), b"</nav>"),
    ("main", re.compile(rb"<main[ >]"), b"</main>"),
    ("share", re.compile(rb"<aside class=\"share"), b"</aside>"),
    ("footer", re.compile(rb"<footer[ >]"), b"</footer>"),
]
RELATED = re.compile(rb"<aside class=\"related.*?</aside>", re.S)
PART_NAMES = [name for name, _, _ in PARTS] + ["  of main: related asides", "rest"]


def kind_of(relative: str) -> str:
    parts = relative.split("/")
    if len(parts) == 1:
        return "root files (home page, 404, feed, sitemap, robots.txt, .guong-output)"
    top = parts[0]
    if top == "don-vi" and len(parts) >= 4 and parts[2] == "dang-ky":
        return "don-vi/ unit annex pages"
    if top == "tim-kiem":
        if parts[-1].startswith("tom-tat-"):
            return "tim-kiem/ search excerpts"
        return "tim-kiem/ search index and page"
    return top + "/"


def is_photo(relative: str) -> bool:
    return Path(relative).suffix.lower() in PHOTO_SUFFIXES and not relative.startswith("assets/")


def page_parts(data: bytes) -> dict[str, int]:
    sizes: dict[str, int] = {}
    counted = 0
    position = 0
    for name, opening, closing in PARTS:
        match = opening.search(data, position)
        if match is None:
            continue
        end = data.find(closing, match.start())
        if end < 0:
            continue
        end += len(closing)
        sizes[name] = end - match.start()
        counted += end - match.start()
        if name == "main":
            sizes["  of main: related asides"] = sum(len(m.group(0)) for m in RELATED.finditer(data, match.start(), end))
        position = end
    sizes["rest"] = len(data) - counted
    return sizes


def measure(root: Path) -> dict:
    kinds: dict[str, dict] = defaultdict(lambda: {"files": 0, "bytes": 0, "pages": 0, "parts": defaultdict(int)})
    photos = {"files": 0, "bytes": 0}
    folders = root.lstat().st_size
    for folder, subfolders, names in os.walk(root):
        folders += sum((Path(folder) / sub).lstat().st_size for sub in subfolders)
        for name in names:
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            size = path.stat().st_size
            if is_photo(relative):
                photos["files"] += 1
                photos["bytes"] += size
                continue
            kind = kinds[kind_of(relative)]
            kind["files"] += 1
            kind["bytes"] += size
            if name.endswith(".html"):
                kind["pages"] += 1
                for part, bytes_ in page_parts(path.read_bytes()).items():
                    kind["parts"][part] += bytes_
    total_files = sum(k["files"] for k in kinds.values())
    total_bytes = sum(k["bytes"] for k in kinds.values())
    return {
        "root": str(root),
        "kinds": {name: {**k, "parts": dict(k["parts"])} for name, k in sorted(kinds.items())},
        "photos": photos,
        "files": total_files,
        "bytes": total_bytes,
        "folders": folders,
    }


def mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def kb(n: float) -> str:
    return f"{n / 1e3:,.1f} KB"


def size_table(result: dict, other: dict | None) -> list[str]:
    lines = []
    if other is None:
        lines += ["| kind | files | size | a file |", "| --- | ---: | ---: | ---: |"]
    else:
        lines += ["| kind | files | before | after | difference |", "| --- | ---: | ---: | ---: | ---: |"]
    names = sorted(set(result["kinds"]) | set((other or {}).get("kinds", {})), key=lambda n: -result["kinds"].get(n, {"bytes": 0})["bytes"])
    for name in names:
        k = result["kinds"].get(name, {"files": 0, "bytes": 0})
        if other is None:
            average = kb(k["bytes"] / k["files"]) if k["files"] else "–"
            lines.append(f"| {name} | {k['files']:,} | {mb(k['bytes'])} | {average} |")
        else:
            o = other["kinds"].get(name, {"files": 0, "bytes": 0})
            lines.append(f"| {name} | {o['files']:,} | {mb(k['bytes'])} | {mb(o['bytes'])} | {mb(o['bytes'] - k['bytes'])} |")
    if other is None:
        lines.append(f"| **the whole output** | {result['files']:,} | **{mb(result['bytes'])}** | |")
    else:
        lines.append(f"| **the whole output** | {other['files']:,} | **{mb(result['bytes'])}** | **{mb(other['bytes'])}** "
                     f"| {mb(other['bytes'] - result['bytes'])} |")
    lines.append("")
    for r in [result] + ([other] if other else []):
        whole = r["bytes"] + r["photos"]["bytes"] + r["folders"]
        lines.append(f"With the folders themselves and any photos, what `du -sb --apparent-size` reports ({r['root']}): "
                     f"{whole:,} bytes.")
    for r in [result] + ([other] if other else []):
        p = r["photos"]
        lines.append(f"Photos and derivatives, not counted above ({r['root']}): {p['files']:,} files, {mb(p['bytes'])}.")
    return lines


def parts_table(result: dict, other: dict | None) -> list[str]:
    kinds = [n for n, k in result["kinds"].items() if k["pages"]]
    kinds.sort(key=lambda n: -result["kinds"][n]["bytes"])
    lines = ["Average bytes of an HTML page, per part" + (" (before → after)" if other else "") + ":", "",
             "| kind | pages | " + " | ".join(PART_NAMES) + " | page |",
             "| --- | ---: | " + " | ".join("---:" for _ in PART_NAMES) + " | ---: |"]

    def average(r: dict, name: str, part: str | None) -> str:
        k = r["kinds"].get(name)
        if not k or not k["pages"]:
            return "–"
        html = sum(k["parts"].get(p, 0) for p in PART_NAMES if not p.startswith("  "))
        value = html if part is None else k["parts"].get(part, 0)
        return f"{value / k['pages']:,.0f}"

    for name in kinds:
        cells = []
        for part in PART_NAMES + [None]:
            before = average(result, name, part)
            cells.append(f"{before} → {average(other, name, part)}" if other else before)
        lines.append(f"| {name} | {result['kinds'][name]['pages']:,} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="a built site (guong build's output folder)")
    parser.add_argument("--against", type=Path, help="a second output, reported beside the first with the difference")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    for folder in [args.output] + ([args.against] if args.against else []):
        if not folder.is_dir():
            sys.exit(f"output_size.py: {folder} is not a folder")
    result = measure(args.output)
    other = measure(args.against) if args.against else None
    print("\n".join(size_table(result, other) + [""] + parts_table(result, other)))
    if args.json:
        args.json.write_text(json.dumps({"output": result, "against": other}, indent=2) + "\n")


if __name__ == "__main__":
    main()
