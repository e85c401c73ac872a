"""Fixtures for the browser tests: build a site with `guong`, serve it over HTTP, drive headless Chromium.

Needs Debian's `chromium` and `chromium-driver` (`scripts/install-deps --test`) and Selenium from PyPI.
`GUONG_BIN` may name a built `guong` binary; otherwise `swift run guong` is used.
"""
import functools
import http.server
import os
import pathlib
import shlex
import shutil
import socket
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
SUBFOLDER = "dien-hinh-tien-tien/"  # the site is served from a sub-folder, as on the portal


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any real web server does
    disable_nagle_algorithm = True  # else headers and body wait on delayed ACKs (40 ms a file)

    def log_message(self, *args):
        pass


class Server:
    """Serves `root` on 127.0.0.1 in a thread."""

    def __init__(self, root, port):
        handler = functools.partial(QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def guong_command():
    return shlex.split(os.environ["GUONG_BIN"]) if os.environ.get("GUONG_BIN") else ["swift", "run", "guong"]


def build_site(site, output, base_url):
    """Runs `guong build`; fails the test run with guong's output if it fails."""
    command = guong_command() + ["build", "--site", str(site), "--output", str(output), "--base-url", base_url]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@pytest.fixture(scope="session")
def sample_site():
    """The sample site in content/, built and served; yields (base URL, output folder)."""
    temp = pathlib.Path(tempfile.mkdtemp(prefix="guong-browser-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}/{SUBFOLDER}"
    output = temp / SUBFOLDER.strip("/")
    build_site(ROOT, output, base)
    server = Server(temp, port)
    yield base, output
    server.close()
    shutil.rmtree(temp, ignore_errors=True)


def chromium(javascript=True):
    options = Options()
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900", "--lang=vi"]:
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture(scope="session")
def browser():
    driver = chromium()
    yield driver
    driver.quit()
