#!/usr/bin/env python3
"""Writes a large, deterministic site for measuring search: the sample site's configuration and units,
with N profiles whose bodies are the sample profiles' bodies and whose names are generated.

    python3 Tests/browser/generate_site.py --profiles 10000 --out /tmp/guong-10k

The same arguments always give the same files.
"""
import argparse
import pathlib
import random
import re
import shutil
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Đường", "Lý", "Trương", "Đinh", "Mai", "Tô", "Lâm", "Cao", "Hà", "Kiều", "Trịnh"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Thu", "Kim", "Hoàng", "Bảo", "Xuân", "Diệu"]
GIVEN = ["An", "Anh", "Bình", "Châu", "Chi", "Cường", "Dũng", "Duy", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiếu",
         "Hoa", "Hòa", "Hùng", "Hương", "Huy", "Khánh", "Khoa", "Lan", "Linh", "Loan", "Long", "Mai", "Minh", "My",
         "Nam", "Nga", "Ngân", "Nhung", "Oanh", "Phong", "Phúc", "Phương", "Quân", "Quyên", "Sơn", "Tâm", "Tài",
         "Thảo", "Thắng", "Thanh", "Thành", "Thư", "Thủy", "Tiến", "Trang", "Trí", "Trinh", "Trung", "Tú", "Tuấn",
         "Tùng", "Uyên", "Vân", "Vinh", "Vy", "Yến", "Dương", "Đông"]
POSITIONS = ["Giáo viên Toán", "Giáo viên Ngữ văn", "Giáo viên Tiếng Anh", "Giáo viên Mầm non", "Giáo viên Tiểu học",
             "Giáo viên Tin học", "Tổng phụ trách Đội", "Nhân viên văn thư", "Nhân viên thư viện", "Kế toán",
             "Phó Hiệu trưởng", "Giáo viên Âm nhạc", "Giáo viên Thể dục", "Nhân viên y tế học đường"]
GROUPS = ["Tổ Toán", "Tổ Ngữ văn", "Tổ Tiếng Anh", "Tổ Văn phòng", "Tổ Khoa học tự nhiên", "Tổ Lịch sử – Địa lý",
          "Liên đội", "Công đoàn cơ sở", "Chi đoàn", "Tổ khối Một", "Tổ khối Năm", "Tổ khối Lá", "Tổ Tin học",
          "Tổ Nghệ thuật", "Tổ Thể dục"]
FIELDS = ["a", "b", "c", "d", "đ"]
YEARS = [2021, 2022, 2023, 2024, 2025]


def slug(text):
    folded = unicodedata.normalize("NFD", text)
    folded = re.sub("[\u0300-\u036f]", "", folded).replace("đ", "d").replace("Đ", "d").lower()
    return re.sub("[^a-z0-9]+", "-", folded).strip("-")


def sample_bodies():
    bodies = []
    for path in sorted((ROOT / "content/profiles").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        parts = text.split("---\n", 2)
        if len(parts) == 3:
            bodies.append(parts[2].strip() + "\n")
    return bodies


def units():
    text = (ROOT / "content/units.yaml").read_text(encoding="utf-8")
    return re.findall(r"- id: (\S+)\n\s+name: (.+)", text)


def generate(count, out):
    rng = random.Random(49)
    content = out / "content"
    marker = out / ".generated-site"
    if out.exists() and any(out.iterdir()):
        if not marker.exists():
            raise SystemExit(f"{out} is not empty and was not made by this script; choose another folder")
        shutil.rmtree(out)
    (content / "profiles").mkdir(parents=True)
    marker.write_text("made by Tests/browser/generate_site.py\n")
    for name in ["site.yaml", "registration.yaml", "units.yaml"]:
        shutil.copy(ROOT / "content" / name, content / name)
    shutil.copytree(ROOT / "content/pages", content / "pages")
    bodies = sample_bodies()
    all_units = units()
    collectives = [(f"{group} {unit_name}", unit_id) for group in GROUPS for unit_id, unit_name in all_units]
    rng.shuffle(collectives)
    collectives = collectives[: count // 20]
    slugs = set()
    written = 0
    while written < count:
        if written < len(collectives):
            name, unit = collectives[written]
            kind, position = "collective", ""
        else:
            middles = rng.sample(MIDDLE, rng.choice([1, 1, 2]))
            name = " ".join([rng.choice(FAMILY), *middles, rng.choice(GIVEN)])
            unit = rng.choice(all_units)[0]
            kind, position = "individual", rng.choice(POSITIONS)
        file_slug = slug(name)
        if file_slug in slugs:
            continue
        slugs.add(file_slug)
        first = rng.choice(YEARS)
        years = [first] if first == 2025 or rng.random() < 0.8 else [first, first + 1]
        fields = sorted(rng.sample(FIELDS, rng.choice([1, 1, 2])), key=FIELDS.index)
        front = ["---", f"kind: {kind}", f"name: {name}"]
        if position:
            front.append(f"position: {position}")
        front += [f"unit: {unit}", f"fields: [{', '.join(fields)}]",
                  f"year: {years[0] if len(years) == 1 else '[' + ', '.join(map(str, years)) + ']'}", "---", ""]
        folder = content / "profiles" / str(years[-1])
        folder.mkdir(exist_ok=True)
        (folder / f"{file_slug}.md").write_text("\n".join(front) + "\n" + rng.choice(bodies), encoding="utf-8")
        written += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=10000)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    args = parser.parse_args()
    generate(args.profiles, args.out.resolve())
    print(f"{args.profiles} profiles in {args.out}")


if __name__ == "__main__":
    main()
