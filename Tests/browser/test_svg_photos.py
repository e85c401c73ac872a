"""Every SVG of the hostile corpus, opened directly in headless Chromium as a reader would open a photo's URL:
what `guong check` accepts runs no script and fetches nothing (docs/security.md, SVG photos).

Each file is served alone by a loopback server that records every request; Chromium's DevTools log records
every request it makes, to any host. A file that `guong check` refuses may be live; those listed in LIVE
must be, which shows the attack is real and that this test sees it when it happens.
"""
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from conftest import ROOT, free_port, guong_command

HOSTILE = ROOT / "Tests/GuongKitTests/Fixtures/hostile"
BASIC_SITE = ROOT / "Tests/GuongKitTests/Fixtures/basic-site"
SVGS = sorted(path.name for path in HOSTILE.glob("*.svg"))
# Run script or fetch from the network when opened, if nothing stopped them.
LIVE = {
    "evil-onload.svg", "evil-script.svg", "evil-iso-2022-jp.svg", "evil-css-escape.svg", "evil-css-image-set.svg",
    "evil-css-property.svg", "evil-attribute-escape.svg",
}
# Dialogs become requests too, so a payload that only calls alert() is seen.
SPY = "for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = () => fetch('/beacon/' + f);"
PROFILE = """---
loại: cá nhân
tên: Thử Ảnh SVG
chức vụ: Giáo viên
đơn vị: th-nhi-binh
lĩnh vực: [a]
năm: 2023
ảnh: {photo}
---

Lời.

## Thành tích nổi bật

- Một thành tích.
"""


class Recorder(http.server.SimpleHTTPRequestHandler):
    """Serves the hostile folder and notes each path asked for."""

    seen = []

    def do_GET(self):
        Recorder.seen.append(self.path)
        super().do_GET()

    def end_headers(self):
        if self.path.endswith(".svg"):
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


Recorder.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".svg": "image/svg+xml"}


@pytest.fixture(scope="module")
def recorder():
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Recorder, directory=str(HOSTILE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def spying_browser():
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=800,600"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SPY})
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def verdicts():
    """`guong check` on one profile per SVG naming it as its photo (one run): the photo codes, by file."""
    temp = pathlib.Path(tempfile.mkdtemp(prefix="guong-svg-"))
    try:
        shutil.copytree(BASIC_SITE / "content", temp / "content")
        folder = temp / "content/profiles/svg"
        folder.mkdir()
        profiles = {}
        for index, name in enumerate(SVGS):
            shutil.copy(HOSTILE / name, folder / name)
            profile = folder / f"anh-{index}.md"
            # Each its own exemplar, so that none is a duplicate of another.
            profile.write_text(PROFILE.format(photo=name).replace("Thử Ảnh SVG", f"Thử Ảnh SVG {chr(0x41 + index)}"),
                               encoding="utf-8")
            profiles[name] = profile
        run = subprocess.run(guong_command() + ["check", "--site", str(temp), "--format", "json"]
                             + [str(path) for path in profiles.values()], cwd=ROOT, capture_output=True, text=True)
        assert run.stdout.strip(), f"guong check printed nothing: {run.stderr[:500]}"
        diagnostics = json.loads(run.stdout)["diagnostics"]
        result = {}
        for name, profile in profiles.items():
            mine = [d for d in diagnostics if d["file"].endswith(profile.name)]
            result[name] = sorted({d["code"] for d in mine if d["code"].startswith("photo.")})
            others = sorted({d["code"] for d in mine if d["severity"] == "error" and not d["code"].startswith("photo.")})
            assert others == [], f"{name}: the profile itself has errors {others}"
        return result
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def activity(driver, base, name):
    """What opening `name` directly made happen: requests beyond the file itself, and an open dialog."""
    driver.get_log("performance")
    Recorder.seen.clear()
    driver.get(f"{base}/{name}")
    time.sleep(0.5)  # let a script's or a style's fetch start
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    own = {f"{base}/{name}", f"{base}/favicon.ico"}
    found = sorted({url for url in requests if url not in own} | {path for path in Recorder.seen if path not in {"/" + name, "/favicon.ico"}})
    try:
        found.append("dialog: " + driver.switch_to.alert.text)
    except Exception:
        pass
    return found


def test_the_corpus_has_svgs():
    assert "clean.svg" in SVGS and LIVE <= set(SVGS)


@pytest.mark.parametrize("name", SVGS)
def test_an_accepted_svg_is_inert_when_opened(name, verdicts, recorder, spying_browser):
    happened = activity(spying_browser, recorder, name)
    if name in LIVE:
        assert happened, f"{name} was expected to be live in Chromium: the test would not see an attack"
        assert verdicts[name] == ["photo.unsafe"], f"{name} is live in Chromium and guong said {verdicts[name]}"
    elif not verdicts[name]:
        assert happened == [], f"guong accepts {name}, and opening it made: {happened}"
    if name == "clean.svg":
        assert verdicts[name] == [], "the clean drawing is refused"
