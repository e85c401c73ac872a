#!/usr/bin/env python3
"""Times `guong check` on pathological profiles (docs/design.md, Promises: no input hangs the tool).

Usage: Fuzz/pathological.py [path/to/guong]   (default .build/release/guong)
Each case is a valid front matter followed by a hostile body; the file is checked alone against
the test fixtures' basic site. Prints one row per case: name, size, seconds, exit status, codes.
"""
import os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GUONG = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/guong")
SITE = os.path.join(ROOT, "Tests/GuongKitTests/Fixtures/basic-site")
HEAD = ("---\nloại: cá nhân\ntên: Phạm Văn Thử\nchức vụ: Giáo viên\nđơn vị: th-nhi-binh\n"
        "lĩnh vực: [a]\nnăm: 2023\n---\n\nLời giới thiệu.\n\n## Thành tích nổi bật\n\n- Một thành tích.\n\n")
KB = 1024

def cases(budget):
    """(name, body) pairs; `budget` is how many bytes of body fit under the file limit."""
    n = budget
    yield "10,000 nested >", "> " * 10_000 + "x\n"
    yield "nested > to the limit", "> " * (n // 2) + "x\n"
    yield "10,000 nested list levels", "".join("  " * i + "- x\n" for i in range(300)) + "".join("- " * 10_000 + "x\n")
    yield "list items nested by indent", "".join(" " * (2 * i) + "- a\n" for i in range(700))
    yield "5 MB line", "a" * (5 * KB * KB) + "\n"
    yield "one line to the limit", "a" * n + "\n"
    yield "1,000,000 *", "*" * 1_000_000 + "\n"
    yield "* to the limit", "*" * n + "\n"
    yield "*a to the limit", "*a" * (n // 2) + "\n"
    yield "_ and * alternating", "*_" * (n // 2) + "\n"
    yield "nested brackets [", "[" * n + "\n"
    yield "nested links [a](", "[a](" * (n // 4) + "\n"
    yield "nested brackets [x]( )", "[" * (n // 5) + "x" + "](y)" * (n // 5) + "\n"
    yield "image brackets ![", "![" * (n // 2) + "\n"
    yield "backtick runs", "".join("`" * i + " " for i in range(1, 1000))[: n] + "\n"
    yield "table of backticks", ("| " + "`" * 10 + " |" + " ` |" * 50 + "\n") * (n // 220)
    yield "raw HTML on one line", "<a>" * (n // 3) + "\n"
    yield "images on one line", "![](x)" * (n // 6) + "\n"
    yield "unsafe links on one line", "[x](javascript:a)" * (n // 17) + "\n"
    yield "HTML comments opened", "<!--" * (n // 4) + "\n"
    yield "entities", "&#x41;" * (n // 6) + "\n"
    yield "emphasis ** __", "**a __b " * (n // 8) + "\n"
    yield "link reference definitions", "".join(f"[r{i}]: http://x/{i}\n" for i in range(n // 24))
    yield "reference uses", "[r]: http://x\n\n" + "[a][r]" * (n // 6) + "\n"
    yield "many headings", "## h\n" * (n // 5)
    yield "many paragraphs", "p\n\n" * (n // 3)
    yield "many list items", "- i\n" * (n // 4)
    yield "code fence unclosed", "```\n" + "x\n" * (n // 2)
    yield "<pre> opened", "<pre>\n" * (n // 6)
    yield "backslashes", "\\" * n + "\n"
    yield "autolinks <http:", "<http:" * (n // 6) + "\n"
    yield "NUL bytes", "\0" * n + "\n"
    yield "combining marks", "a" + "\u0301" * (n // 2) + "\n"
    # libcmark 0.30.2's published pathological inputs (cmark's test/pathological_tests.py, its security
    # advisories, cmark-gfm's CVE-2023-22483/22484/26485/24824 lists), each filled to the limit.
    yield "![[]() repeated (CVE-2023-22486)", "![[]()" * (n // 6) + "\n"
    yield "![[]() in paragraphs under the budget", (("![[]()" * 1400) + "\n\n") * 5
    yield "[ (]( repeated", "[ (](" * (n // 5) + "\n"
    yield "unclosed <!--", "</" + "<!--" * (n // 4) + "\n"
    yield "unclosed <?", "</" + "<?" * (n // 2) + "\n"
    yield "unclosed <!X", "</" + "<!A " * (n // 4) + "\n"
    yield "unclosed <![CDATA[", "</" + "<![CDATA[" * (n // 9) + "\n"
    yield "<> pairs", "<>" * (n // 2) + "\n"
    yield "unclosed links [a](<b", "[a](<b" * (n // 6) + "\n"
    yield "unclosed links [a](b", "[a](b" * (n // 5) + "\n"
    yield "link closers a]", "a]" * (n // 2) + "\n"
    yield "link openers and emph closers [ a_", "[ a_" * (n // 4) + "\n"
    yield "mismatched openers and closers *a_", "*a_ " * (n // 4) + "\n"
    yield "openers and closers multiple of 3", "a**b" + "c* " * (n // 3) + "\n"
    yield "nested strong emph", "*a **a " * (n // 14) + "b" + " a** a*" * (n // 14) + "\n"
    yield "emph closers with no openers a_", "a_ " * (n // 3) + "\n"
    yield "emph openers with no closers _a", "_a " * (n // 3) + "\n"
    yield "nested inlines * a *", "*" * (n // 2) + "a" + "*" * (n // 2) + "\n"
    yield "reference labels [\\", "[\\" * (n // 2) + "\n"
    yield "escaped backticks \\``", "\\``" * (n // 3) + "\n"
    yield "unclosed autolinks <<x", "<<x" * (n // 3) + "\n"
    yield "link labels [x][", "[x][" * (n // 4) + "\n"
    yield "empty lines in nested lists", "- " * 16 + "x" + "\n" * (n - 40)
    yield "> tabs", ">\t" * (n // 2) + "\n"

FM_BUDGET = 16 * KB - 200
BODY = "\nLời giới thiệu.\n\n## Thành tích nổi bật\n\n- Một thành tích.\n"
BASE = "loại: cá nhân\ntên: Phạm Văn Thử\nchức vụ: Giáo viên\nđơn vị: th-nhi-binh\nlĩnh vực: [a]\nnăm: 2023\n"

def front_matter_cases():
    """(name, front matter) pairs: hostile YAML under the front-matter limit (16 KB)."""
    n = FM_BUDGET
    yield "YAML [ nested to the limit", BASE + "x: " + "[" * (n - 3) + "\n"
    yield "YAML [[ ]] balanced to the limit", BASE + "x: " + "[" * (n // 2 - 100) + "]" * (n // 2 - 100) + "\n"
    yield "YAML {a: } balanced to the limit", BASE + "x: " + "{a: " * (n // 5 - 50) + "}" * (n // 5 - 50) + "\n"
    yield "YAML { nested to the limit", BASE + "x: " + "{a: " * (n // 4) + "\n"
    yield "YAML - nested by indent", BASE + "x:\n" + "".join(" " * i + "-\n" for i in range(170))
    yield "YAML billion laughs", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    yield "YAML aliases without anchors", BASE + "x: [" + ", ".join(["*a"] * (n // 5)) + "]\n"
    yield "YAML 1,500 unknown keys", BASE + "".join(f"k{i}: v\n" for i in range(1500))
    yield "YAML one long unknown key", BASE + "k" * (n - 200) + ": v\n"
    yield "YAML long unit value", BASE.replace("th-nhi-binh", "x" * (n - 200))
    yield "YAML 4,000 fields", BASE.replace("lĩnh vực: [a]", "lĩnh vực: [" + ",".join(["a"] * 4000) + "]")
    yield "YAML 10,000-item list", BASE + "x: [" + ",".join(["1"] * (n // 2 - 100)) + "]\n"
    yield "YAML long quoted scalar", BASE + 'x: "' + "\\u00e9" * (n // 6 - 100) + '"\n'

def main():
    tmp = tempfile.mkdtemp(prefix="guong-patho-")
    try:
        shutil.copytree(os.path.join(SITE, "content"), os.path.join(tmp, "content"))
        budget = 512 * KB - len(HEAD.encode()) - 64
        print(f"{'case':34} {'KB':>7} {'seconds':>8}  exit  codes")
        files = [(name, HEAD + body) for name, body in cases(budget)]
        files += [(name, "---\n" + yaml + "---\n" + BODY) for name, yaml in front_matter_cases()]
        for name, text in files:
            path = os.path.join(tmp, "p.md")
            data = text.encode("utf-8", "surrogatepass")
            with open(path, "wb") as f:
                f.write(data)
            start = time.monotonic()
            try:
                run = subprocess.run([GUONG, "check", "--site", tmp, "--format", "json", path],
                                     capture_output=True, timeout=120)
                seconds, code, out = time.monotonic() - start, run.returncode, run.stdout.decode(errors="replace")
            except subprocess.TimeoutExpired:
                seconds, code, out = 120.0, "TIMEOUT", ""
            codes = sorted(set(re.findall(r'"code" : "([^"]+)"', out)))
            print(f"{name:34} {len(data) // KB:7} {seconds:8.2f}  {code!s:4}  {' '.join(codes)}", flush=True)
    finally:
        shutil.rmtree(tmp)

if __name__ == "__main__":
    main()
