#!/usr/bin/env python3
"""Checks every internal link of a built Gương site; standard library only.

    scripts/check-links.py DIR --base-url https://host/sub/folder/

Reads every .html file under DIR and every href, src, srcset and form action in it, plus the <loc>
and <link href> entries of sitemap.xml and feed.xml. A link is internal when it is relative, starts
with the base URL's path, or starts with the full base URL. Each internal link must resolve to a file
of the output (`/sub/folder/x/` → `x/index.html`), its `#fragment` must name an id on the target page,
and it must stay inside the base path: a root-relative link outside it (`/assets/…` when the site
lives in `/sub/folder/`) breaks once the site is dropped into the portal. 404.html is served at any
address, so its links must not be relative.

It also checks what a reader's assistive technology relies on and a validator does not: `lang` on
<html>, one <main>, exactly one <h1>, a skip link first in <body> that reaches the page's main
content, and an `alt` on every <img>. Prints each problem with the page it is on; exits 1 if any.
"""
import argparse
import html.parser
import pathlib
import posixpath
import re
import sys
import urllib.parse

# Attributes that hold one URL, by element; srcset is parsed separately.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "base": ("href",),
    "img": ("src",), "script": ("src",), "source": ("src",), "iframe": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "embed": ("src",),
    "form": ("action",), "object": ("data",),
    "input": ("src",), "button": ("formaction",),
}


class Page(html.parser.HTMLParser):
    """The links and fragment targets of one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # (line, url)
        self.ids = set()
        self.lang = None
        self.h1 = 0
        self.main_ids = []
        self.first_link = None  # (line, href) of the first element a keyboard reaches in <body>
        self.in_body = False
        self.missing_alt = []  # lines

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "body":
            self.in_body = True
        elif tag == "h1":
            self.h1 += 1
        elif tag == "main":
            self.main_ids.append(attributes.get("id"))
        elif tag == "img" and attributes.get("alt") is None:
            self.missing_alt.append(self.getpos()[0])
        if self.in_body and self.first_link is None and tag in ("a", "button", "input", "select", "textarea"):
            self.first_link = (self.getpos()[0], attributes.get("href") if tag == "a" else None)
        for name in ("id",) + (("name",) if tag == "a" else ()):
            if attributes.get(name):
                self.ids.add(attributes[name])
        line = self.getpos()[0]
        for name in URL_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name)
            if value is not None:
                self.links.append((line, value.strip()))
        for name in ("srcset", "imagesrcset"):
            for candidate in (attributes.get(name) or "").split(","):
                if candidate.strip():
                    self.links.append((line, candidate.split()[0]))

    handle_startendtag = handle_starttag


class Checker:
    def __init__(self, root, base_url):
        self.root = root.resolve()
        parts = urllib.parse.urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SystemExit(f"check-links: --base-url must be an absolute http(s) URL, not {base_url!r}")
        self.base_path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.pages = {}  # relative path → Page
        self.problems = []  # (page, line, url, reason)
        self.internal = 0
        self.external = 0

    def parse_all(self):
        for path in sorted(self.root.rglob("*.html")):
            page = Page()
            page.feed(path.read_text(encoding="utf-8"))
            page.close()
            self.pages[path.relative_to(self.root).as_posix()] = page

    def site_path(self, url, page_path):
        """The link's path inside the site ('' for the home page), or a reason it is not one."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme or parts.netloc:
            if f"{parts.scheme}://{parts.netloc}" != self.origin or not (parts.path + "/").startswith(self.base_path):
                return None, None  # external
            path = parts.path
        elif parts.path.startswith("/"):
            path = parts.path
        else:
            page_url = self.base_path + page_path
            path = urllib.parse.urljoin(page_url, parts.path) if parts.path else page_url
        path = urllib.parse.unquote(path)
        normalised = posixpath.normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
        if not (normalised if normalised.endswith("/") else normalised + "/").startswith(self.base_path):
            return None, f"escapes the base path {self.base_path}"
        if normalised + "/" == self.base_path:
            return None, "points to a folder without the trailing /"
        return normalised[len(self.base_path):], None

    def target_file(self, site_path):
        """The output file a site path is served from, or None."""
        if site_path == "" or site_path.endswith("/"):
            candidate = site_path + "index.html"
        else:
            candidate = site_path
        file = self.root / candidate
        if file.is_file():
            return candidate, None
        if (self.root / site_path).is_dir():
            return None, "points to a folder without the trailing /"
        return None, f"no file {candidate} in the output"

    def check(self, page_path, line, url):
        parts = urllib.parse.urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in ("javascript", "data", "vbscript"):
            return self.problem(page_path, line, url, f"{scheme}: links are not allowed")
        if scheme in ("mailto", "tel"):
            return
        if page_path == "404.html" and not scheme and not url.startswith(("/", "#")):
            return self.problem(page_path, line, url, "404.html is served at any address, so its links must not be relative")
        if url == "" or url.startswith("#"):
            target = page_path  # the page itself (the validator flags attributes that must not be empty)
        else:
            site_path, reason = self.site_path(url, page_path)
            if reason:
                return self.problem(page_path, line, url, reason)
            if site_path is None:
                self.external += 1
                return
            target, reason = self.target_file(site_path)
            if reason:
                return self.problem(page_path, line, url, reason)
        self.internal += 1
        fragment = urllib.parse.unquote(parts.fragment)
        if fragment and fragment != "top" and target in self.pages and fragment not in self.pages[target].ids:
            self.problem(page_path, line, url, f'no id="{fragment}" on {target}')

    def problem(self, page_path, line, url, reason):
        self.problems.append((page_path, line, url, reason))

    def check_page_rules(self, page_path, page):
        """What assistive technology relies on (404.html included: it is a page like the others)."""
        if not page.lang:
            self.problem(page_path, 1, "", "<html> has no lang")
        if page.h1 != 1:
            self.problem(page_path, 1, "", f"{page.h1} <h1> elements; a page has exactly one")
        if len(page.main_ids) != 1:
            self.problem(page_path, 1, "", f"{len(page.main_ids)} <main> elements; a page has exactly one")
        line, href = page.first_link or (1, None)
        if not href or not href.startswith("#") or href[1:] not in page.main_ids:
            self.problem(page_path, line, href or "", "the first link in <body> must skip to <main>'s id")
        for line in page.missing_alt:
            self.problem(page_path, line, "", "<img> without alt")

    def check_xml(self, name, pattern):
        file = self.root / name
        if not file.is_file():
            return
        for number, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            for url in re.findall(pattern, text):
                url = html.unescape(url)
                if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                    self.problems.append((name, number, url, "must be a full URL (https://…)"))
                    continue
                self.check(name, number, url)

    def run(self):
        self.parse_all()
        for page_path, page in self.pages.items():
            for line, url in page.links:
                self.check(page_path, line, url)
            self.check_page_rules(page_path, page)
        self.check_xml("sitemap.xml", r"<loc>([^<]*)</loc>")
        self.check_xml("feed.xml", r'<link[^>]*href="([^"]*)"')
        return self.problems


def main():
    parser = argparse.ArgumentParser(description="Check the internal links of a built Gương site.")
    parser.add_argument("root", type=pathlib.Path, help="the output folder")
    parser.add_argument("--base-url", required=True, help="the base URL the site was built with")
    args = parser.parse_args()
    if not args.root.is_dir():
        raise SystemExit(f"check-links: {args.root} is not a folder")
    checker = Checker(args.root, args.base_url)
    problems = checker.run()
    for page, line, url, reason in problems:
        print(f"{page}:{line}: \"{url}\": {reason}" if url else f"{page}:{line}: {reason}")
    print(f"links: {len(checker.pages)} pages, {checker.internal} internal links resolved, "
          f"{checker.external} external skipped, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
