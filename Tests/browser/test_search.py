"""/tim-kiem/ in headless Chromium on the built sample site: what a reader types, sees, shares and uses
by keyboard. Run: python3 -m pytest Tests/browser (scripts/test does)."""
import json
import re
import unicodedata
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT

WAIT = 15
PAGE = 10  # results shown at first, and added by "Xem thêm kết quả" (search.js)


# ---- helpers ----

def wait(driver, condition, message=""):
    return WebDriverWait(driver, WAIT).until(condition, message)


def run_count(driver):
    return driver.execute_script("return (window.GuongSearch && GuongSearch.lastRun) ? GuongSearch.lastRun.sequence : 0")


def wait_for_results(driver, after=0):
    """Waits for a search run newer than `after` to finish for what the form now holds."""
    script = """
      const form = document.querySelector('[data-search]');
      const run = window.GuongSearch && GuongSearch.lastRun;
      return !!run && form.dataset.state === 'done' && run.sequence > arguments[0] && run.q === form.elements.q.value;
    """
    wait(driver, lambda d: d.execute_script(script, after), "search did not finish")


def open_search(driver, base, query=""):
    driver.get(base + "tim-kiem/" + query)
    wait(driver, lambda d: d.execute_script("return !!window.GuongSearch && !!GuongSearch.run"), "search.js did not start")
    if query:
        wait_for_results(driver)


def search_input(driver):
    return driver.find_element(By.ID, "q")


def type_query(driver, text):
    before = run_count(driver)
    box = search_input(driver)
    if box.get_attribute("value") == text:
        return
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    if text:
        box.send_keys(text)
    wait_for_results(driver, before)


def choose(driver, name, value):
    before = run_count(driver)
    driver.execute_script("document.querySelector('[data-search-filters]').open = true")  # folded under one control
    Select(driver.find_element(By.NAME, name)).select_by_value(value)
    wait_for_results(driver, before)


def results(driver):
    return driver.execute_script("""
      return [...document.querySelectorAll('[data-search-results] > li')].map(li => ({
        name: li.querySelector('h2').textContent,
        href: li.querySelector('h2 a').href,
        unit: li.querySelector('.search-result-unit').textContent,
        meta: li.querySelector('.search-result-meta').textContent,
        marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
      }));
    """)


def names(driver):
    return [r["name"] for r in results(driver)]


def show_all(driver):
    """Presses "Xem thêm kết quả" until every result is on the page."""
    more = driver.find_element(By.CSS_SELECTOR, "[data-search-more]")
    while more.is_displayed():
        shown = len(results(driver))
        more.click()
        wait(driver, lambda d: len(results(d)) > shown)
    return results(driver)


def status(driver):
    return driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text


def query_params(driver):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)


@pytest.fixture(scope="module")
def exemplars(sample_site):
    """The published profiles, from the site's own data file."""
    _, output = sample_site
    return json.loads((output / "du-lieu/dien-hinh.json").read_text(encoding="utf-8"))["exemplars"]


def programme_words(text):
    """What the index keeps of a profile's stage and honours keys: the names registration.yaml gives the
    stages it was given (by name or alias), and each honour's form, issuer and decision."""
    registration = unicodedata.normalize("NFC", (ROOT / "content/registration.yaml").read_text(encoding="utf-8"))
    process = registration.split("\nprocess:")[1].split("\n\n")[0]
    stages = re.findall(r"- id: \S+\n\s+name: (.+)(?:\n\s+aliases: \[(.*)\])?", process)
    words = []
    for value in re.findall(r"^(?:stage|giai đoạn):(.*)$", text, re.M):
        value = value.lower()
        for name, aliases in stages:
            forms = [name] + [a.strip() for a in aliases.split(",") if a.strip()]
            if any(re.search(r"(?<!\w)" + re.escape(form.lower()) + r"(?!\w)", value) for form in forms):
                words.append(name)
    for honour in re.findall(r"^\s+- \{(.*)\}$", text.split("---")[1], re.M):
        words += [v for k, v in re.findall(r"(form|issuer|decision):\s*([^,}]+)", honour)]
    return " ".join(words)


def source_names_containing(word):
    """Names of the sample profiles whose Markdown has a word starting with `word` (diacritics and all)."""
    units = dict(re.findall(r"- id: (\S+)\n\s+name: (.+)", (ROOT / "content/units.yaml").read_text(encoding="utf-8")))
    found = set()
    pattern = re.compile(r"(?<!\w)" + re.escape(word))
    for path in (ROOT / "content/profiles").rglob("*.md"):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        # The department's keys are searched as the index keeps them (programme_words), not as typed.
        searched = re.sub(r"^(stage|giai đoạn|honours|spread):.*\n(?:(?:[ \t]|- ).*\n)*", "", text, flags=re.M)
        searched += "\n" + programme_words(text)
        if "draft: true" in text or not pattern.search(searched.lower()):
            continue
        front = dict(re.findall(r"^([^:\n]+):\s*(.+)$", text.split("---")[1], re.M))
        name = front.get("name") or front.get("tên") or front.get("ten")
        unit = front.get("unit") or front.get("đơn vị") or front.get("don vi")
        found.add(name or units[unit])
    return found


# ---- what a reader types ----

def test_a_query_without_diacritics_finds_names_with_them(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base)
    type_query(browser, "nguyen van")
    first = results(browser)[0]
    assert first["name"] == "Nguyễn Văn Thành"
    assert first["marks"][:2] == ["Nguyễn", "Văn"]
    assert query_params(browser) == {"q": ["nguyen van"]}
    assert "Lĩnh vực:" in first["meta"] and "Năm:" in first["meta"]
    assert first["href"] == base + "dien-hinh/nguyen-van-thanh/"


def test_dong_thanh_finds_everything_of_dong_thanh(browser, sample_site, exemplars):
    base, _ = sample_site
    open_search(browser, base)
    type_query(browser, "dong thanh")
    found = names(browser)
    of_dong_thanh = {e["name"] for e in exemplars if e["unit"]["name"].endswith("Đông Thạnh")}
    assert of_dong_thanh and of_dong_thanh <= set(found)
    assert "Đông Thạnh" in found[0], "a name match ranks above a unit match"


def test_every_word_must_match_by_prefix(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base)
    type_query(browser, "nguy thi minh")
    assert names(browser)[0] == "Nguyễn Thị Minh Thư"
    type_query(browser, "nguyen zzzz")
    assert results(browser) == []
    assert status(browser) == "Không có kết quả phù hợp."


def test_a_query_with_diacritics_ranks_exact_matches_first(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base)
    exact = {"đường": source_names_containing("đường"), "dương": source_names_containing("dương")}
    assert exact["đường"] and exact["dương"]
    type_query(browser, "đường")
    with_marks = [r["name"] for r in show_all(browser)]
    type_query(browser, "dương")
    other = [r["name"] for r in show_all(browser)]
    type_query(browser, "duong")
    plain = [r["name"] for r in show_all(browser)]
    assert set(with_marks) == set(other) == set(plain), "all three fold to the same word"
    assert set(with_marks[: len(exact["đường"])]) == exact["đường"]
    assert set(other[: len(exact["dương"])]) == exact["dương"]


def test_matched_words_are_marked_as_text(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base)
    type_query(browser, '<img src=x onerror="window.pwned=1"> loc')
    assert browser.execute_script("return document.querySelectorAll('[data-search-results] img').length") == 0
    assert browser.execute_script("return window.pwned === undefined")
    type_query(browser, "dang loc")
    first = results(browser)[0]
    assert first["name"] == "Đặng Văn Lộc" and first["marks"][:2] == ["Đặng", "Lộc"]
    html = browser.execute_script("return document.querySelector('[data-search-results] h2 a').innerHTML")
    assert html == "<mark>Đặng</mark> Văn <mark>Lộc</mark>"


# ---- filters and the URL ----

def test_filters_narrow_results_and_live_in_the_url(browser, sample_site, exemplars):
    base, _ = sample_site
    open_search(browser, base)
    choose(browser, "nam", "2022")
    in_2022 = [e for e in exemplars if 2022 in e["years"]]
    assert len(results(browser)) == min(len(in_2022), PAGE)
    assert status(browser).startswith(f"Tìm thấy {len(in_2022)} kết quả.")
    assert query_params(browser) == {"nam": ["2022"]}

    choose(browser, "loai", "collective")
    expected = {e["name"] for e in in_2022 if e["kind"] == "collective"}
    assert {r["name"] for r in show_all(browser)} == expected
    assert all(r["unit"].startswith("Tập thể") for r in results(browser))

    type_query(browser, "tin")
    assert set(names(browser)) < expected
    assert query_params(browser) == {"q": ["tin"], "nam": ["2022"], "loai": ["collective"]}
    assert browser.current_url.endswith("?q=tin&nam=2022&loai=collective")

    type_query(browser, "")
    choose(browser, "loai", "")
    choose(browser, "nam", "")
    assert results(browser) == [] and status(browser) == ""
    assert urllib.parse.urlsplit(browser.current_url).query == ""


def test_field_and_unit_filters(browser, sample_site, exemplars):
    base, _ = sample_site
    open_search(browser, base)
    choose(browser, "linh-vuc", "đ")
    with_it = {e["name"] for e in exemplars if any(f["code"] == "đ" for f in e["fields"])}
    assert status(browser).startswith(f"Tìm thấy {len(with_it)} kết quả.")
    assert "linh-vuc=%C4%91" in browser.current_url
    choose(browser, "don-vi", "thcs-dong-thanh")
    assert {r["name"] for r in show_all(browser)} == {n for n in with_it
                                   for e in exemplars if e["name"] == n and e["unit"]["id"] == "thcs-dong-thanh"}
    assert all("Trường THCS Đông Thạnh" in r["unit"] for r in results(browser))


def test_a_shared_link_shows_its_results(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base, "?q=dong+thanh&loai=collective")
    assert search_input(browser).get_attribute("value") == "dong thanh"
    assert Select(browser.find_element(By.NAME, "loai")).first_selected_option.get_attribute("value") == "collective"
    found = show_all(browser)
    assert found and all(r["unit"].startswith("Tập thể") for r in found)
    assert status(browser) == f"Tìm thấy {len(found)} kết quả."


def test_the_search_box_on_every_page_leads_here(browser, sample_site):
    base, _ = sample_site
    browser.get(base)
    box = browser.find_element(By.ID, "o-tim-kiem")
    box.send_keys("hoa hong", Keys.ENTER)
    wait(browser, lambda d: "/tim-kiem/" in d.current_url)
    wait(browser, lambda d: d.execute_script("return !!window.GuongSearch && !!GuongSearch.lastRun"))
    wait_for_results(browser)
    assert browser.current_url == base + "tim-kiem/?q=hoa+hong"
    assert names(browser)[0] == "Trường Mầm non Hoa Hồng"


# ---- the live region and long lists ----

def test_the_count_is_announced_and_more_results_load_on_request(browser, sample_site, exemplars):
    base, _ = sample_site
    open_search(browser, base)
    live = browser.find_element(By.CSS_SELECTOR, "[data-search-status]")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    type_query(browser, "truong")
    total = len(exemplars)
    assert total > 2 * PAGE
    assert status(browser) == f"Tìm thấy {total} kết quả. Đang hiện {PAGE} kết quả đầu."
    more = browser.find_element(By.CSS_SELECTOR, "[data-search-more]")
    assert more.is_displayed()
    more.send_keys(Keys.ENTER)
    wait(browser, lambda d: len(results(d)) > PAGE)
    assert len(results(browser)) == 2 * PAGE
    assert browser.switch_to.active_element.get_attribute("href") == results(browser)[PAGE]["href"], "focus moves to the first new result"
    assert status(browser) == f"Tìm thấy {total} kết quả. Đang hiện {2 * PAGE} kết quả đầu."
    assert len(show_all(browser)) == total
    assert status(browser) == f"Tìm thấy {total} kết quả."


# ---- keyboard ----

def active(driver):
    return driver.switch_to.active_element


def test_keyboard_alone_reaches_and_opens_a_result_and_back_restores_it(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(60):
        if active(browser).get_attribute("id") == "q":
            break
        active(browser).send_keys(Keys.TAB)
    assert active(browser).get_attribute("id") == "q", "the search field is reachable with Tab"
    before = run_count(browser)
    active(browser).send_keys("Lộc")
    wait_for_results(browser, before)
    first = results(browser)[0]
    assert first["name"] == "Đặng Văn Lộc"

    tabs = 0
    while active(browser).tag_name != "a" and tabs < 10:
        active(browser).send_keys(Keys.TAB)
        tabs += 1
    assert tabs == 3, "field → button → the folded filters → first result, in page order"
    assert active(browser).get_attribute("href") == first["href"]
    active(browser).send_keys(Keys.ENTER)
    wait(browser, lambda d: d.current_url == first["href"])
    assert browser.find_element(By.TAG_NAME, "h1").text == "Đặng Văn Lộc"

    browser.back()
    wait(browser, lambda d: "/tim-kiem/" in d.current_url)
    wait(browser, lambda d: d.execute_script("return !!window.GuongSearch && !!GuongSearch.lastRun"))
    wait_for_results(browser)
    assert search_input(browser).get_attribute("value") == "Lộc"
    assert names(browser)[0] == "Đặng Văn Lộc"


def test_arrow_keys_move_between_the_field_and_results(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base, "?q=nguyen")
    links = [r["href"] for r in results(browser)]
    assert len(links) >= 2
    box = search_input(browser)
    box.click()
    box.send_keys(Keys.ARROW_DOWN)
    assert active(browser).get_attribute("href") == links[0]
    active(browser).send_keys(Keys.ARROW_DOWN)
    assert active(browser).get_attribute("href") == links[1]
    active(browser).send_keys(Keys.ARROW_UP)
    active(browser).send_keys(Keys.ARROW_UP)
    assert active(browser).get_attribute("id") == "q"


def test_the_page_fits_a_phone(browser, sample_site):
    base, _ = sample_site
    browser.set_window_size(400, 900)
    try:
        open_search(browser, base, "?q=nguyen+van&linh-vuc=b")
        assert results(browser)
        width = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], "nothing scrolls sideways (long field names in the filters)"
    finally:
        browser.set_window_size(1200, 900)


# ---- typos, the empty state, why a result matched ----

def test_a_typo_is_corrected_and_the_page_says_so(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base, "?q=dong+thnah")
    assert results(browser)
    note = browser.find_element(By.CSS_SELECTOR, "[data-search-corrected]")
    assert note.is_displayed()
    assert note.find_element(By.TAG_NAME, "em").text == "dong thạnh"
    type_query(browser, "dong thanh")
    assert not note.is_displayed()


def test_nothing_found_offers_tips_and_ways_to_browse(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base, "?q=xyzxyz")
    assert status(browser) == "Không có kết quả phù hợp."
    empty = browser.find_element(By.CSS_SELECTOR, "[data-search-empty]")
    assert empty.is_displayed()
    assert len(empty.find_elements(By.CSS_SELECTOR, "a")) == 3
    type_query(browser, "nguyen")
    assert not empty.is_displayed()


def test_a_result_found_only_in_its_text_says_where(browser, sample_site):
    base, _ = sample_site
    open_search(browser, base, "?q=th%E1%BA%A5t+l%E1%BA%A1c")  # "thất lạc": only in Đặng Văn Lộc's body
    first = browser.find_element(By.CSS_SELECTOR, "[data-search-results] > li")
    assert first.find_element(By.CSS_SELECTOR, ".search-result-why").text == "Có từ tìm trong bài giới thiệu."
    # The lead comes after: the reader sees who this is (the body's words are not in it).
    WebDriverWait(browser, 10).until(lambda d: first.find_element(By.CSS_SELECTOR, ".search-result-excerpt").text)
    assert "Lộc" in first.find_element(By.CSS_SELECTOR, ".search-result-excerpt").text
    open_search(browser, base, "?q=ch%C3%A1o")  # "cháo": in a lead
    first = browser.find_element(By.CSS_SELECTOR, "[data-search-results] > li")
    assert first.find_element(By.CSS_SELECTOR, ".search-result-why").text == "Có từ tìm trong lĩnh vực, phần tóm tắt hoặc thành tích."
    # The lead with the word marked, as text: where in it the result matched.
    WebDriverWait(browser, 10).until(lambda d: first.find_elements(By.CSS_SELECTOR, ".search-result-excerpt mark"))
    assert [m.text.lower() for m in first.find_elements(By.CSS_SELECTOR, ".search-result-excerpt mark")] == ["cháo"]
    type_query(browser, "Lê Quang Vinh")
    first = browser.find_element(By.CSS_SELECTOR, "[data-search-results] > li")
    assert not first.find_elements(By.CSS_SELECTOR, ".search-result-why")
    assert not first.find_elements(By.CSS_SELECTOR, ".search-result-excerpt")
