"""Relevance on a generated 10,000-profile site (Tests/browser/generate_site.py): 45 queries made from
the generated profiles themselves — full names with and without diacritics, names with a typo,
collectives, position and school, titles and schools in the department's short forms, positions,
fields — each with the profiles a person would expect on top, measured as in test_relevance.py.

It builds the big site (a minute or two with a debug build). `GUONG_RELEVANCE_LARGE=0` skips it;
`GUONG_RELEVANCE_PROFILES` changes the size; `GUONG_RELEVANCE_BEFORE=<git revision>` also measures that
revision's search.js, as test_relevance.py does.
"""
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile

import pytest

from conftest import ROOT, Server, build_site, free_port
from test_relevance import measure, report, report_before

pytestmark = pytest.mark.skipif(os.environ.get("GUONG_RELEVANCE_LARGE") == "0", reason="GUONG_RELEVANCE_LARGE=0")

PROFILES = int(os.environ.get("GUONG_RELEVANCE_PROFILES", "10000"))
TARGET_PRECISION = 0.9
TARGET_FIRST = 0.9
SHORT = {"Phó Hiệu trưởng": "PHT", "Tổng phụ trách Đội": "TPT Đội", "Giáo viên Tin học": "GV tin học",
         "Giáo viên Toán": "GV toán", "Trường THCS": "THCS", "Trường Tiểu học": "TH", "Trường Mầm non": "MN"}


def fold(text):
    import unicodedata
    text = unicodedata.normalize("NFD", text)
    return re.sub("[\u0300-\u036f]", "", text).replace("đ", "d").replace("Đ", "d").lower()


def read_profiles(site):
    profiles = []
    for path in sorted((site / "content/profiles").rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("---\n")[1]
        values = dict(line.split(": ", 1) for line in head.strip().splitlines())
        values["slug"] = path.stem
        values["fields"] = values["fields"].strip("[]").split(", ")
        profiles.append(values)
    return profiles


def queries(profiles, units):
    rng = random.Random(16)
    people = [p for p in profiles if p["kind"] == "individual"]
    by_name = {}
    for p in profiles:
        by_name.setdefault(fold(p["name"]), []).append(p["slug"])
    out = []

    def add(q, relevant, kind):
        out.append({"q": q, "relevant": sorted(relevant), "kind": kind})

    for p in rng.sample(people, 10):
        add(fold(p["name"]), by_name[fold(p["name"])], "name without diacritics")
    for p in rng.sample(people, 5):
        add(p["name"], by_name[fold(p["name"])], "name")
    picked = 0
    for p in rng.sample(people, 40):
        words = p["name"].split()
        given = fold(words[-1])
        if len(given) < 5 or picked == 5:
            continue
        typo = given[:2] + given[3] + given[2] + given[4:]  # two neighbours swapped
        add(" ".join(fold(w) for w in words[:-1]) + " " + typo, by_name[fold(p["name"])], "typo")
        picked += 1
    for p in rng.sample([p for p in profiles if p["kind"] == "collective"], 5):
        add(fold(p["name"]), by_name[fold(p["name"])], "collective")
    for p in rng.sample(people, 8):
        unit = units[p["unit"]]
        relevant = [q["slug"] for q in people if q["position"] == p["position"] and q["unit"] == p["unit"]]
        if len(out) % 2:
            add(f"{p['position']} {unit}", relevant, "position and school")
        else:
            short = SHORT.get(p["position"], p["position"])
            school = unit
            for long, abbreviation in SHORT.items():
                school = school.replace(long, abbreviation)
            add(f"{short} {school}", relevant, "short forms")
    for position in ["Tổng phụ trách Đội", "Nhân viên thư viện", "Giáo viên Âm nhạc", "Phó Hiệu trưởng", "Kế toán",
                     "Nhân viên y tế học đường"]:
        add(fold(position), [p["slug"] for p in people if p["position"] == position], "position")
    for query, code in [("CNTT", "đ"), ("cchc", "d"), ("NTVT", "c"), ("lam theo bac", "b"), ("cong nghe thong tin", "đ"),
                        ("cai cach hanh chinh", "d")]:
        add(query, [p["slug"] for p in profiles if code in p["fields"]], "field")
    return out


@pytest.fixture(scope="module")
def large_site():
    port = free_port()
    temp = pathlib.Path(tempfile.mkdtemp(prefix="guong-relevance-"))
    site, output = temp / "site", temp / "public"
    subprocess.run([sys.executable, str(ROOT / "Tests/browser/generate_site.py"), "--profiles", str(PROFILES),
                    "--out", str(site)], check=True, capture_output=True)
    build_site(site, output, f"http://127.0.0.1:{port}/")
    server = Server(output, port)
    yield f"http://127.0.0.1:{port}/", site
    server.close()
    shutil.rmtree(temp, ignore_errors=True)


def test_relevance_on_a_generated_10000_site(large_site, browser):
    base, site = large_site
    units = dict(re.findall(r"- id: (\S+)\n\s+name: (.+)", (site / "content/units.yaml").read_text(encoding="utf-8")))
    set_ = queries(read_profiles(site), units)
    assert len(set_) >= 40 and all(q["relevant"] for q in set_)
    precision, first, rows = measure(browser, base, set_)
    report("now (generated site)", precision, first, rows)
    report_before(browser, base, set_, "before (generated site)")
    assert precision >= TARGET_PRECISION, f"P@3 {precision:.3f} below {TARGET_PRECISION}"
    assert first >= TARGET_FIRST, f"first-result share {first:.3f} below {TARGET_FIRST}"
