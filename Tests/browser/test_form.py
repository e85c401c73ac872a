"""/gui-ho-so/ in headless Chromium on the built sample site: a school fills the form (keyboard only),
downloads the file, and the built guong checks it and takes it in unchanged. Also: errors tied to their
controls, a phone's 360 px width, and axe-core 4 (from the axe-playwright-python wheel, see ./run)."""
import os
import pathlib
import shutil
import subprocess
import tempfile
import time
import unicodedata

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT, guong_command

WAIT = 15
CONTROLS = ["kind", "name", "position", "unit", "fields", "year", "lead", "achievements"]


@pytest.fixture(scope="module")
def downloads():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="guong-form-downloads-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def form_browser(downloads):
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900", "--lang=vi"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


@pytest.fixture()
def site_copy():
    """A copy of the sample site's content/ to take files into."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="guong-form-site-"))
    shutil.copytree(ROOT / "content", folder / "content")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def open_form(driver, base):
    driver.get(base + "gui-ho-so/")
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script(
        "const f = document.querySelector('[data-submission]'); return f && !f.hidden && !!window.GuongForm"))


def type_into(driver, name, text):
    """Focuses a control by keyboard (Tab from the one before is what a user does; focusing it is the same
    for the form) and types, Enter and all, with the keyboard."""
    element = driver.find_element(By.CSS_SELECTOR, f"[name={name}]")
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    for index, part in enumerate(text.split("\n")):
        if index:
            element.send_keys(Keys.SHIFT, Keys.ENTER) if element.tag_name == "input" else element.send_keys(Keys.ENTER)
        element.send_keys(part)


def press_space_on(driver, selector):
    driver.find_element(By.CSS_SELECTOR, selector).send_keys(Keys.SPACE)


def wait_for_download(folder, name):
    path = folder / name
    deadline = time.time() + WAIT
    while time.time() < deadline:
        if path.exists() and not list(folder.glob("*.crdownload")):
            return path
        time.sleep(0.1)
    pytest.fail(f"{name} was not downloaded; folder holds {sorted(p.name for p in folder.iterdir())}")


def guong(*arguments):
    return subprocess.run(guong_command() + list(arguments), cwd=ROOT, capture_output=True, text=True)


def fill_and_download(driver, base, downloads, values):
    open_form(driver, base)
    kind = values["kind"]
    if kind == "collective":
        press_space_on(driver, "input[name=kind][value=collective]")
    if values.get("name"):
        type_into(driver, "name", values["name"])
    if kind == "individual":
        type_into(driver, "position", values["position"])
    unit = driver.find_element(By.CSS_SELECTOR, "select[name=unit]")
    Select(unit).select_by_value(values["unit"])
    for code in values["fields"]:
        press_space_on(driver, f"input[name=fields][value='{code}']")
    for year in values["years"]:
        press_space_on(driver, f"input[name=year][value='{year}']")
    type_into(driver, "lead", values["lead"])
    type_into(driver, "achievements", "\n".join(values["achievements"]))
    type_into(driver, "other", values["other"])
    driver.find_element(By.CSS_SELECTOR, "[data-submission] button[type=submit]").send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return !!GuongForm.lastFile"))
    name = driver.execute_script("return GuongForm.lastFile.name")
    return wait_for_download(downloads, name), driver.execute_script("return GuongForm.lastFile.text")


CASES = {
    "individual": {
        "kind": "individual", "name": "Huỳnh Thị Ngọc Diễm", "position": "Giáo viên Tiếng Việt, Tổ trưởng khối 5",
        "unit": "mn-son-ca", "fields": ["a", "đ"], "years": ["2022", "2024"],
        "lead": "Cô Diễm gắn bó với trường hơn mười lăm năm.\nCô luôn đổi mới cách dạy: “học mà chơi”.",
        "achievements": ["Giải Nhất Hội thi giáo viên dạy giỏi cấp huyện năm học 2021–2022", "# Sáng kiến: ứng dụng CNTT"],
        "other": "Kinh nghiệm: chuẩn bị bài kỹ, lắng nghe học sinh.", "file": "huynh-thi-ngoc-diem.md",
    },
    "collective": {
        "kind": "collective", "name": "Tổ Khoa học Tự nhiên – Trường Mầm non Sơn Ca", "unit": "mn-son-ca",
        # Not field c: the plan gives its criteria for individuals only, so a collective there is warned.
        "fields": ["b", "d", "đ"], "years": ["2021", "2023", "2025"],
        "lead": "Tập thể đoàn kết, đổi mới.", "achievements": ["Tập thể lao động tiên tiến", "Đạt chuẩn “Xanh – Sạch – Đẹp”"],
        "other": "", "file": "to-khoa-hoc-tu-nhien-truong-mam-non-son-ca.md",
    },
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_file_made_in_the_form_passes_check_and_intake_unchanged(form_browser, sample_site, downloads, site_copy, case):
    base, _ = sample_site
    values = CASES[case]
    path, text = fill_and_download(form_browser, base, downloads, values)
    assert path.name == values["file"]
    data = path.read_bytes()
    decoded = data.decode("utf-8")
    assert decoded == text
    assert unicodedata.normalize("NFC", decoded) == decoded
    assert "\r" not in decoded and not data.startswith(b"\xef\xbb\xbf")
    assert (values.get("name") or "") in decoded
    checked = guong("check", "--site", str(site_copy), str(path))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 lỗi, 0 cảnh báo" in checked.stdout
    taken = guong("intake", "--site", str(site_copy), str(path))
    assert taken.returncode == 0, taken.stdout + taken.stderr
    filed = site_copy / "content/profiles" / path.stem / "index.md"
    assert filed.read_bytes() == data  # taken in unchanged
    assert guong("check", "--site", str(site_copy)).returncode == 0
    path.unlink()


def test_every_control_is_named_for_its_key_and_labelled(form_browser, sample_site):
    base, _ = sample_site
    open_form(form_browser, base)
    for name in CONTROLS:
        controls = form_browser.find_elements(By.CSS_SELECTOR, f"[name={name}]")
        assert controls, name
        for control in controls:
            labelled = form_browser.execute_script("return arguments[0].labels.length > 0", control)
            assert labelled, f"{name} has no label"


def test_errors_are_tied_to_their_controls_and_the_summary_takes_focus(form_browser, sample_site):
    base, _ = sample_site
    open_form(form_browser, base)
    form_browser.find_element(By.CSS_SELECTOR, "[data-submission] button[type=submit]").send_keys(Keys.ENTER)
    WebDriverWait(form_browser, WAIT).until(lambda d: d.execute_script(
        "return document.activeElement === document.querySelector('[data-errors]')"))
    name = form_browser.find_element(By.CSS_SELECTOR, "[name=name]")
    assert name.get_attribute("aria-invalid") == "true"
    error = form_browser.find_element(By.ID, "loi-name")
    assert error.is_displayed() and "họ và tên" in error.text
    assert "loi-name" in name.get_attribute("aria-describedby").split()
    assert form_browser.find_element(By.ID, "loi-achievements").is_displayed()
    # Typing fixes it as the user types.
    type_into(form_browser, "name", "Lê Văn Tám")
    WebDriverWait(form_browser, WAIT).until(lambda d: not d.find_element(By.ID, "loi-name").is_displayed())
    assert name.get_attribute("aria-invalid") is None
    # An invisible character is refused, named.
    type_into(form_browser, "name", "Lê Văn\u200bTám")
    WebDriverWait(form_browser, WAIT).until(lambda d: "U+200B" in d.find_element(By.ID, "loi-name").text)


def test_a_field_the_plan_gives_to_individuals_only_is_marked_for_collectives(form_browser, sample_site):
    """Field c's criteria are for individuals only: `guong check` warns a collective registered in it
    (field.no-criteria), so the form says so beside it, for collectives alone, in the checkbox's own name."""
    base, _ = sample_site
    open_form(form_browser, base)
    note = form_browser.find_element(By.CSS_SELECTOR, "label:has(input[name=fields][value=c]) .field-note")
    other = form_browser.find_elements(By.CSS_SELECTOR, "label:has(input[name=fields][value=a]) .field-note")
    assert other == [], "field a has criteria for both kinds: no note"
    assert not note.is_displayed()
    press_space_on(form_browser, "input[name=kind][value=collective]")
    WebDriverWait(form_browser, WAIT).until(lambda d: note.is_displayed())
    assert "cá nhân" in note.text and "tập thể" in note.text
    press_space_on(form_browser, "input[name=kind][value=individual]")
    WebDriverWait(form_browser, WAIT).until(lambda d: not note.is_displayed())


@pytest.mark.parametrize("page", ["gui-ho-so/", "huong-dan/"])
def test_usable_at_360_px(form_browser, sample_site, page):
    base, _ = sample_site
    form_browser.set_window_size(360, 800)
    try:
        if page == "gui-ho-so/":
            open_form(form_browser, base)
        else:
            form_browser.get(base + page)
        width = form_browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 360, f"the page is {width} px wide at 360 px"
        shot = os.environ.get("GUONG_FORM_SCREENSHOT")
        if shot:
            form_browser.save_screenshot(shot.replace(".png", "-" + page.strip("/") + ".png"))
    finally:
        form_browser.set_window_size(1200, 900)


def axe_source():
    path = os.environ.get("AXE_JS")
    if not path or not pathlib.Path(path).exists():
        pytest.fail("AXE_JS must name axe.min.js (Tests/browser/run unpacks it from the axe-playwright-python wheel)")
    return pathlib.Path(path).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ["gui-ho-so/", "huong-dan/"])
def test_axe_core_finds_nothing(form_browser, sample_site, page):
    base, _ = sample_site
    form_browser.get(base + page)
    form_browser.execute_script(axe_source())
    if page == "gui-ho-so/":
        # With every error showing, too.
        form_browser.find_element(By.CSS_SELECTOR, "[data-submission] button[type=submit]").send_keys(Keys.ENTER)
    result = form_browser.execute_async_script("""
      const done = arguments[arguments.length - 1];
      axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
        .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
        .catch(e => done(['axe failed: ' + e]));
    """)
    assert result == [], "\n".join(result)


def test_keyboard_alone_reaches_every_control_in_order(form_browser, sample_site):
    base, _ = sample_site
    open_form(form_browser, base)
    form_browser.find_element(By.CSS_SELECTOR, "input[name=kind]:checked").click()
    seen = []
    for _ in range(60):
        name = form_browser.execute_script("const a = document.activeElement; return a.closest('[data-submission]') ? (a.name || a.type) : ''")
        if name and (not seen or seen[-1] != name):
            seen.append(name)
        if name == "submit":
            break
        form_browser.switch_to.active_element.send_keys(Keys.TAB)
    order = [n for n in seen if n in CONTROLS + ["other", "photo", "submit"]]
    assert order[:3] == ["kind", "name", "position"] and order[-1] == "submit", order
    positions = [order.index(n) for n in ["kind", "name", "position", "unit", "fields", "year", "lead", "achievements"]]
    assert positions == sorted(positions), order
