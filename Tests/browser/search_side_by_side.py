"""Two or more built sites measured side by side, interleaved query by query, so a busy machine's load
falls on each alike (docs/search.md, Speed):

    python3 Tests/browser/search_side_by_side.py before=<output>,after=<output> <reps> <cpu rate> [report.json]

Each output folder is a built site (base URL path `/`), for instance one build copied with `cp -al`
and its `assets/search.js` replaced by another revision's. For every repetition and query, each site
is measured as test_search_performance.py does (a cold engine, then typed in the page), alternating
which goes first; prints the load average, per query the files, bytes and median ms, and the median
over the queries of those medians. Not a test (pytest does not collect it).
"""
import json
import os
import pathlib
import statistics
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from conftest import Server, chromium, free_port  # noqa: E402
import test_search_performance as perf  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def page_ready(driver):
    return driver.execute_script("return !!window.GuongSearch && !!GuongSearch.engine")


def measure_once(driver, base, query, row):
    driver.get(base + "tim-kiem/")
    WebDriverWait(driver, 30).until(page_ready)
    cold = driver.execute_async_script(perf.COLD_ENGINE, query)
    assert "error" not in cold, cold
    row["cold"].append(cold["ms"])
    row["files"], row["bytes"] = cold["files"], cold["bytes"]

    driver.get(base + "tim-kiem/")
    WebDriverWait(driver, 30).until(page_ready)
    assert driver.execute_async_script(perf.MANIFEST_READY)
    driver.find_element(By.ID, "q").send_keys(query)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
        "const r = GuongSearch.lastRun; return !!r && r.q === arguments[0] && "
        "document.querySelector('[data-search]').dataset.state === 'done'", query))
    row["typed"].append(driver.execute_script("return GuongSearch.lastRun")["ms"])


def main(sites, reps, rate, report):
    servers, bases = [], {}
    for site in sites.split(","):
        name, folder = site.split("=")
        port = free_port()
        servers.append(Server(folder, port))
        bases[name] = f"http://127.0.0.1:{port}/"
    driver = chromium()
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": rate})
    driver.set_script_timeout(30)
    results = {name: {q: {"cold": [], "typed": []} for q in perf.QUERIES} for name in bases}
    loads = []
    try:
        for rep in range(reps):
            loads.append(round(os.getloadavg()[0], 1))
            for query in perf.QUERIES:
                order = list(bases) if rep % 2 == 0 else list(reversed(bases))
                for name in order:
                    measure_once(driver, bases[name], query, results[name][query])
    finally:
        driver.quit()
        for server in servers:
            server.close()
    if report:
        pathlib.Path(report).write_text(json.dumps({"loads": loads, "rate": rate, "reps": reps, "results": results},
                                                   indent=1, ensure_ascii=False))
    print("load average during the run:", loads)
    print("query".ljust(16), *[f"{name}: files bytes cold typed".rjust(36) for name in bases])
    for query in perf.QUERIES:
        cells = []
        for name in bases:
            row = results[name][query]
            cells.append(f"{row['files']:>4} {row['bytes']:>7} {statistics.median(row['cold']):>7.1f} "
                         f"{statistics.median(row['typed']):>7.1f}".rjust(36))
        print(query.ljust(16), *cells)
    for name in bases:
        rows = results[name].values()
        print(f"{name}: median of the queries' medians, cold {statistics.median(statistics.median(r['cold']) for r in rows):.1f} ms, "
              f"typed {statistics.median(statistics.median(r['typed']) for r in rows):.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else None)
