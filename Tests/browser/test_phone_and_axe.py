"""The frame on a phone (360×800, as a parent's phone shows it) and accessibility with axe-core 4.

Screenshots at 360 px are kept as test artefacts under Tests/browser/artefacts/ (git-ignored): look at
them after a run. axe-core 4 comes from the `axe-playwright-python` wheel on PyPI (its axe.min.js; not
the 3.x of axe-selenium-python): Tests/browser/run unpacks it under .build/axe/ and
names it in `AXE_JS`.
"""
import json
import os
import pathlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import chromium

HERE = pathlib.Path(__file__).parent
ARTEFACTS = HERE / "artefacts"
AXE = pathlib.Path(os.environ.get("AXE_JS", HERE.parent.parent / ".build" / "axe" / "axe_playwright_python" / "axe.min.js"))
PHONE = {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True}
HEADER_MAX = 120  # px of header and menu at 360 px


@pytest.fixture
def phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def shot(driver, name):
    ARTEFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTEFACTS / f"{name}-360.png"))


def rect(driver, selector):
    return driver.execute_script("const e = document.querySelector(arguments[0]); if (!e) return null;"
                                 "const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, height: r.height};",
                                 selector)


def wait_done(driver):
    WebDriverWait(driver, 15).until(lambda d: d.execute_script(
        "return !!window.GuongSearch && !!GuongSearch.lastRun && document.querySelector('[data-search]').dataset.state === 'done'"))


PAGES = ["", "tim-kiem/?q=hieu+truong", "dien-hinh/le-quang-vinh/", "linh-vuc/", "nam/2022/", "don-vi/"]


@pytest.mark.parametrize("path", PAGES)
def test_header_and_menu_fit_in_120_px_on_a_phone(phone, sample_site, path):
    base, _ = sample_site
    phone.get(base + path)
    header = rect(phone, ".site-header")
    assert header["height"] <= HEADER_MAX, f"{path or 'home'}: header {header['height']} px"
    width = phone.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], "nothing scrolls sideways"
    shot(phone, (path.strip("/").split("?")[0].replace("/", "-") or "home"))


def test_the_menu_is_one_row_that_scrolls_sideways_on_a_phone(phone, sample_site):
    base, _ = sample_site
    phone.get(base)
    assert len(phone.find_elements(By.CSS_SELECTOR, "nav a[href]")) == len(
        phone.find_elements(By.CSS_SELECTOR, ".site-nav a")) + len(phone.find_elements(By.CSS_SELECTOR, ".breadcrumbs a")), \
        "one menu for both layouts"
    links = phone.find_elements(By.CSS_SELECTOR, ".site-nav a")
    assert links and links[0].is_displayed()
    tops = {round(link.rect["y"]) for link in links}
    assert len(tops) == 1, f"one row, not {len(tops)}"
    last = links[-1]
    phone.execute_script("arguments[0].focus()", last)
    box = phone.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right]", last)
    assert 0 <= box[0] and box[1] <= PHONE["width"] + 1, f"the focused last item scrolls into view: {box}"
    shot(phone, "menu-row")


def test_the_search_page_shows_the_first_result_in_the_first_screen(phone, sample_site):
    base, _ = sample_site
    phone.get(base + "tim-kiem/?q=hieu+truong")
    wait_done(phone)
    first = rect(phone, "[data-search-results] > li")
    assert first and first["top"] < PHONE["height"] - 40, f"first result at {first and first['top']} px"
    boxes = [e for e in phone.find_elements(By.CSS_SELECTOR, "input[type=search]") if e.is_displayed()]
    assert len(boxes) == 1, "one search box on the search page"
    assert not phone.find_element(By.CSS_SELECTOR, ".filters").is_displayed(), "filters folded"
    shot(phone, "search-results")


def test_without_javascript_the_search_page_says_so_first(sample_site):
    base, _ = sample_site
    from selenium.webdriver.chrome.options import Options  # noqa: F401  (chromium() builds the options)
    driver = chromium(javascript=False)
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        driver.get(base)
        box = driver.find_element(By.CSS_SELECTOR, ".header-search-link")
        box.click()
        WebDriverWait(driver, 10).until(lambda d: "/tim-kiem/" in d.current_url)
        notice = rect(driver, ".notice")
        assert notice and notice["top"] < 300, "the page says search needs JavaScript, at the top"
        assert len(driver.find_elements(By.CSS_SELECTOR, "noscript + form .filters-fold")) == 1
        assert not driver.find_element(By.CSS_SELECTOR, ".filters-fold").is_displayed(), "no screen of dead filters"
        shot(driver, "search-no-js")
    finally:
        driver.quit()


AXE_PAGES = ["", "tim-kiem/?q=dong+thanh", "tim-kiem/?q=xyzxyz", "dien-hinh/le-quang-vinh/", "linh-vuc/",
             "nam/2022/", "don-vi/", "dang-ky/"]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_axe_violations(browser, sample_site, path):
    if not AXE.is_file():
        pytest.fail(f"axe-core 4 not found at {AXE}: run Tests/browser/run, or set AXE_JS")
    base, _ = sample_site
    browser.get(base + path)
    if path.startswith("tim-kiem/"):
        wait_done(browser)
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    assert browser.execute_script("return axe.version").startswith("4.")
    browser.set_script_timeout(60)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations.map((v) => "
        "({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}))));")
    assert result == [], json.dumps(result, ensure_ascii=False, indent=1)


def test_share_links_are_plain_links_and_the_copy_button_shows_with_script(browser, sample_site):
    base, _ = sample_site
    browser.get(base + "dien-hinh/le-quang-vinh/")
    canonical = browser.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    links = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".share a")}
    from urllib.parse import quote
    assert links["Zalo"] == "https://sp.zalo.me/share_to_zalo?url=" + quote(canonical, safe="/:")
    assert links["Facebook"] == "https://www.facebook.com/sharer/sharer.php?u=" + quote(canonical, safe="/:")
    button = browser.find_element(By.CSS_SELECTOR, ".share-copy")
    assert button.is_displayed(), "the copy button shows where the browser can copy (it copies the canonical URL)"
    row = browser.find_element(By.CSS_SELECTOR, ".share").get_attribute("outerHTML")
    assert row.count(quote(canonical, safe="/:")) == 2, "the URL only in the two share links of the row"
    assert not browser.find_elements(By.CSS_SELECTOR, "script[src^='http']"), "no third-party script"


def test_the_profile_links_its_fields_criteria_and_the_field_page_opens_them(browser, sample_site):
    base, _ = sample_site
    browser.get(base + "dien-hinh/le-quang-vinh/")
    link = browser.find_element(By.CSS_SELECTOR, ".criteria a[href$='#tieu-chi-ke-hoach']")
    assert not browser.find_elements(By.CSS_SELECTOR, ".criteria blockquote"), "the plan's text is on the field page"
    link.click()
    WebDriverWait(browser, 10).until(lambda d: "/linh-vuc/" in d.current_url)
    quoted = browser.find_element(By.CSS_SELECTOR, "#tieu-chi-ke-hoach blockquote")
    WebDriverWait(browser, 5).until(lambda d: quoted.is_displayed())
    assert browser.find_element(By.CSS_SELECTOR, "details.criteria").get_attribute("open") is not None
