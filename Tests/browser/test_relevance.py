"""Relevance of /tim-kiem/, measured, not guessed: a set of realistic queries with the profiles a
person would expect on top (Tests/browser/relevance/sample.json), run through the page's own engine in
headless Chromium on the built sample site. Measures precision at 3 (of the first three results, the
share that are relevant, out of at most as many as there are relevant profiles) and the share of
queries whose first result is one a person expects, and holds them to targets (docs/search.md).

`GUONG_RELEVANCE_BEFORE=<git revision>` also runs the same queries through that revision's search.js
on the same index, with the terms it did not know stripped out (phrases) — the "before" figures.
`GUONG_RELEVANCE_REPORT=<file>` writes every query's results as JSON.
"""
import json
import os
import pathlib
import subprocess

from conftest import ROOT

SET = pathlib.Path(__file__).parent / "relevance" / "sample.json"
TARGET_PRECISION = 0.95
TARGET_FIRST = 0.95

RUN = """
const [queries, source, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
let api = window.GuongSearch;
let load;
if (source) {
  const module = { exports: {} };
  new Function("module", source)(module);
  api = module.exports;
  load = (url, fresh) => fetch(url, fresh ? { cache: "no-cache" } : {}).then((r) => r.json()).then((json) => {
    if (/\\/tu(-[^/]*)?\\.json/.test(url)) for (const term of Object.keys(json)) if (term.includes(" ")) delete json[term];
    return json;
  });
}
const form = document.querySelector("[data-search]");
const engine = new api.Engine(form.dataset.index, load);
(async () => {
  const out = [];
  for (const q of queries) {
    const found = await engine.search(q, {});
    const top = await engine.documents(found.ids.slice(0, 3), "{slug}");
    out.push({ q, count: found.ids.length, top: top.map((d) => d.url), corrected: found.corrected || [] });
  }
  done(out);
})().catch((e) => done({ error: String(e) }));
"""


def measure(browser, base, queries, source=None):
    browser.get(base + "tim-kiem/")
    browser.set_script_timeout(120)
    results = browser.execute_async_script(RUN, [q["q"] for q in queries], source)
    assert not isinstance(results, dict), results
    precision = first = 0.0
    rows = []
    for query, result in zip(queries, results):
        relevant = set(query["relevant"])
        top = result["top"]
        p3 = len([slug for slug in top if slug in relevant]) / min(3, len(relevant))
        ok = bool(top) and top[0] in set(query.get("first", query["relevant"]))
        precision += p3
        first += ok
        rows.append({**result, "p3": p3, "first": ok})
    return precision / len(queries), first / len(queries), rows


def report(name, precision, first, rows):
    print(f"\n{name}: P@3 {precision:.3f}, first {first:.3f} over {len(rows)} queries")
    for row in rows:
        if row["p3"] < 1 or not row["first"]:
            print(f"  {row['q']!r}: P@3 {row['p3']:.2f} first {row['first']} top {row['top']} of {row['count']}")


def report_before(browser, base, queries, label):
    """With GUONG_RELEVANCE_BEFORE=REV, the same figures for search.js as it was at REV (for docs/search.md)."""
    revision = os.environ.get("GUONG_RELEVANCE_BEFORE")
    if revision:
        source = subprocess.run(["git", "show", revision + ":theme/assets/search.js"],
                                cwd=ROOT, capture_output=True, text=True, check=True).stdout
        report(label, *measure(browser, base, queries, source))


def test_relevance_on_the_sample_site(sample_site, browser):
    base, _ = sample_site
    queries = json.loads(SET.read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 40
    precision, first, rows = measure(browser, base, queries)
    report("now", precision, first, rows)
    report_before(browser, base, queries, "before")
    if os.environ.get("GUONG_RELEVANCE_REPORT"):
        pathlib.Path(os.environ["GUONG_RELEVANCE_REPORT"]).write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    assert precision >= TARGET_PRECISION, f"P@3 {precision:.3f} below {TARGET_PRECISION}"
    assert first >= TARGET_FIRST, f"first-result share {first:.3f} below {TARGET_FIRST}"


def test_a_typo_says_what_it_searched(sample_site, browser):
    """`dong thnah` finds Đông Thạnh and says it searched for the corrected words."""
    base, _ = sample_site
    queries = [{"q": "dong thnah", "relevant": ["thcs-dong-thanh"]}]
    _, _, rows = measure(browser, base, queries)
    assert rows[0]["count"] > 0
    assert rows[0]["corrected"] == [{"from": "thnah", "to": "thạnh"}]
