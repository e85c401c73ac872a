"""The annexes printed from Chromium (what an office does with Ctrl+P, "Save as PDF"): no page ends with a
table's caption or header row left behind by its first row (a "II. CÁ NHÂN" stranded at the foot of a page),
and nothing of the screen's frame (menus, share links) is printed.
Read back with pdftotext (poppler-utils, installed by scripts/install-deps --test)."""
import base64
import re
import shutil
import subprocess
import tempfile
import pathlib

import pytest

from conftest import chromium

CAPTION = re.compile(r"^(I|II|III|IV|V)\.\s+\S")
# A row of the table: its number, or the line an empty table shows.
ROW = re.compile(r"^(\d{1,3}\s|Chưa có)")


@pytest.fixture(scope="module")
def printer():
    driver = chromium()
    yield driver
    driver.quit()


def printed_pages(driver, url):
    driver.get(url)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    with tempfile.TemporaryDirectory(prefix="guong-annex-print-") as folder:
        path = pathlib.Path(folder) / "annex.pdf"
        path.write_bytes(base64.b64decode(pdf["data"]))
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def annex_urls(base, output):
    years = sorted(p.name for p in (output / "dang-ky").iterdir() if p.is_dir())
    units = sorted(p.relative_to(output).as_posix() for p in output.glob("don-vi/*/dang-ky/*") if p.is_dir())
    return [base + f"dang-ky/{year}/" for year in years] + [base + unit + "/" for unit in units[:3]]


def test_annexes_print_without_stranded_captions_or_screen_parts(printer, sample_site):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (scripts/install-deps --test installs poppler-utils)")
    base, output = sample_site
    urls = annex_urls(base, output)
    assert len(urls) > 3, urls
    stranded = []
    for url in urls:
        pages = printed_pages(printer, url)
        for number, page in enumerate(pages[:-1], start=1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            # The last caption or header row on the page must be followed there by a row of the table.
            heads = [i for i, line in enumerate(lines) if CAPTION.match(line) or line.startswith("STT")]
            if heads and not any(ROW.match(line) for line in lines[heads[-1] + 1:]):
                stranded.append(f"{url} page {number} ends with {lines[heads[-1]]!r} and no row of its table")
        text = "\n".join(pages)
        for screen_only in ["Chia sẻ", "Sao chép liên kết", "Bỏ qua, đến nội dung chính", "Tìm kiếm"]:
            if screen_only in text:
                stranded.append(f"{url} prints {screen_only!r}")
    assert stranded == [], "\n".join(stranded)
