#!/usr/bin/env python3
"""Measures how soon `guong serve` serves an edited profile in a large site.

Generates a site of N profiles (default 10,000) from the sample site's settings and units, starts the
built `guong serve` on a free port, then edits one profile several times. For each save it records
  - page:   time from the write returning to the first GET of the profile's page that shows the edit
            (the page is polled every 2 ms over a kept-alive connection);
  - reload: time from the write to the `state` event that tells the page showing the profile to reload
            (its `changed` list names the page);
  - all:    the server's own count, from the change to the last file the edit touched (listings,
            registration table, data), as it prints it.
Prints the figures, then stops the server with SIGINT. See docs/serve.md.

--change says what each save changes besides the text:
  content  nothing else: the profile stays where it is (the server patches its last model);
  year     its year, so it moves between listings (its page goes out from the patched model, the rest
           from a new model);
  unit     its unit, so the site's rules may judge it differently (everything from a new model).

usage: scripts/serve-latency.py [--profiles N] [--edits K] [--change content|year|unit] [--binary PATH] [--keep DIR]
"""
import argparse, http.client, json, os, random, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quang", "Kim", "Hữu", "Thu", "Đức", "Bảo"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiệp", "Hòa", "Hùng", "Lan", "Linh", "Loan", "Lộc",
         "Mai", "Nam", "Nga", "Nhung", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thư", "Trang", "Tuấn", "Vinh", "Yến"]
POSITIONS = ["Giáo viên Toán", "Giáo viên Ngữ văn", "Giáo viên Tiếng Anh", "Nhân viên văn thư", "Phó Hiệu trưởng",
             "Giáo viên chủ nhiệm lớp 5", "Tổng phụ trách Đội", "Nhân viên thư viện"]
FIELDS = ["a", "b", "c", "d", "đ"]


def units_of(site):
    ids = []
    for line in open(os.path.join(site, "content", "units.yaml"), encoding="utf-8"):
        line = line.strip()
        if line.startswith("- id:"):
            ids.append(line.split(":", 1)[1].strip())
    return ids


def generate(site, count, rng):
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(site, "content"),
                    ignore=shutil.ignore_patterns("profiles"))
    units = units_of(site)
    seen = set()
    for index in range(count):
        folder = os.path.join(site, "content", "profiles", str(2021 + index % 5))
        os.makedirs(folder, exist_ok=True)
        unit = units[index % len(units)]
        while True:
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {index:05d}"
            if name not in seen:
                seen.add(name)
                break
        collective = index % 10 == 0
        fields = sorted(set(rng.sample(FIELDS, rng.choice([1, 1, 2]))), key=FIELDS.index)
        years = sorted(set([2021 + index % 5] + ([2021 + (index + 1) % 5] if index % 7 == 0 else [])))
        lines = ["---", f"kind: {'collective' if collective else 'individual'}",
                 f"name: {'Tổ chuyên môn ' + name if collective else name}"]
        if not collective:
            lines.append(f"position: {rng.choice(POSITIONS)}")
        lines += [f"unit: {unit}", f"fields: [{', '.join(fields)}]",
                  f"year: {years[0] if len(years) == 1 else '[' + ', '.join(map(str, years)) + ']'}", "---", "",
                  f"{name} là tấm gương tiêu biểu của đơn vị, luôn tận tụy với học sinh và đồng nghiệp.", "",
                  "## Thành tích nổi bật", "",
                  f"- Hoàn thành xuất sắc nhiệm vụ năm học {years[0] - 1}–{years[0]}.",
                  "- Sáng kiến kinh nghiệm được công nhận cấp huyện.", "",
                  "## Kinh nghiệm, cách làm hay", "",
                  "Xây dựng kế hoạch cụ thể, phối hợp chặt chẽ với cha mẹ học sinh và các đoàn thể.", ""]
        with open(os.path.join(folder, f"p{index:05d}.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Events(threading.Thread):
    """Reads the server's event stream and records when each `state` event arrives."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.times, self.lock = port, [], threading.Lock()
        self.changed = []

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        conn.request("GET", "/__guong/events")
        response = conn.getresponse()
        while True:
            line = response.fp.readline()
            if not line:
                return
            if line.startswith(b"data: "):
                state = json.loads(line[6:])
                with self.lock:
                    self.times.append(time.perf_counter())
                    self.changed.append(state.get("changed"))

    def count(self):
        with self.lock:
            return len(self.times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "guong"))
    parser.add_argument("--keep", help="generate the site here and keep it")
    parser.add_argument("--change", choices=["content", "year", "unit"], default="content")
    args = parser.parse_args()
    site = args.keep or tempfile.mkdtemp(prefix="guong-latency-")
    if not os.path.exists(os.path.join(site, "content")):
        generate(site, args.profiles, random.Random(49))
    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen([args.binary, "serve", "--site", site, "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    rebuilds = []
    try:
        for line in server.stdout:
            if "127.0.0.1" in line:
                break

        def read_log():
            for line in server.stdout:
                match = re.search(r"trong (\d+) ms \(trang vừa sửa: (\d+) ms\)", line)
                if match:
                    rebuilds.append((int(match.group(2)), int(match.group(1))))
        threading.Thread(target=read_log, daemon=True).start()
        print(f"{args.profiles} profiles: first build and start took {time.perf_counter() - started:.1f} s", flush=True)
        base = "/dien-hinh-tien-tien/"
        events = Events(port)
        events.start()
        while events.count() == 0:
            time.sleep(0.01)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        index = args.profiles // 2 + 3
        path = os.path.join(site, "content", "profiles", str(2021 + index % 5), f"p{index:05d}.md")
        original = open(path, encoding="utf-8").read()
        slug = None
        for line in original.splitlines():
            if line.startswith("name: "):
                slug = line[6:]
        url = None
        pages, reloads, totals = [], [], []
        for edit in range(args.edits):
            marker = f"Lần sửa số {edit} {random.random()}"
            text = original.replace("là tấm gương tiêu biểu", marker)
            if args.change == "year":
                year = re.search(r"^year: (\d+)$", original, re.M).group(1)
                text = re.sub(r"^year: \d+$", f"year: {2021 + (int(year) - 2021 + 1 + edit) % 5}", text, flags=re.M)
            elif args.change == "unit":
                units = units_of(site)
                unit = re.search(r"^unit: (.+)$", original, re.M).group(1)
                text = re.sub(r"^unit: .+$", f"unit: {units[(units.index(unit) + 1 + edit) % len(units)]}", text, flags=re.M)
            seen_events = events.count()
            time.sleep(0.3)
            t0 = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            t_written = time.perf_counter()
            if url is None:
                # The slug of the name, as the site makes it.
                import unicodedata
                folded = unicodedata.normalize("NFD", slug.replace("Đ", "D").replace("đ", "d"))
                folded = "".join(c for c in folded if unicodedata.category(c) != "Mn").lower()
                url = base + "dien-hinh/" + "-".join("".join(c if c.isalnum() else " " for c in folded).split()) + "/"
            deadline = t0 + 10
            while time.perf_counter() < deadline:
                conn.request("GET", url)
                body = conn.getresponse().read().decode("utf-8")
                if marker in body:
                    break
                time.sleep(0.002)
            else:
                sys.exit(f"edit {edit}: the page never showed the edit ({url})")
            t_page = time.perf_counter()
            t_reload = None
            while t_reload is None and time.perf_counter() < deadline:
                with events.lock:
                    for at, changed in zip(events.times[seen_events:], events.changed[seen_events:]):
                        if changed is None or url in changed:
                            t_reload = at
                            break
                time.sleep(0.001)
            while len(rebuilds) <= edit and time.perf_counter() < deadline + 20:
                time.sleep(0.01)
            pages.append((t_page - t_written) * 1000)
            reloads.append((t_reload - t_written) * 1000)
            totals.append(rebuilds[-1][1] if rebuilds else float("nan"))
            print(f"edit {edit}: page served after {pages[-1]:.0f} ms, its reload event after {reloads[-1]:.0f} ms, "
                  f"all files of the edit after {totals[-1]} ms (server)", flush=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        print(f"page:   median {statistics.median(pages):.0f} ms, max {max(pages):.0f} ms over {len(pages)} edits")
        print(f"reload: median {statistics.median(reloads):.0f} ms, max {max(reloads):.0f} ms")
        print(f"all:    median {statistics.median(totals):.0f} ms, max {max(totals):.0f} ms")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        if not args.keep:
            shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
