// form.js in Node: its checks and the file it makes, on data shaped as `guong build` writes it
// (SubmissionData). The browser half, with guong check and intake on the downloaded file: test_form.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const form = require("../../theme/assets/form.js");
const search = require("../../theme/assets/search.js");

const data = {
  phase: [2021, 2025],
  units: [{ id: "thcs-dong-thanh", name: "Trường THCS Đông Thạnh" }],
  fields: [{ code: "a", name: "Giáo dục – đào tạo" }, { code: "đ", name: "Công nghệ thông tin" }],
  kinds: { individual: "Cá nhân", collective: "Tập thể" },
  photoTypes: ["jpg", "jpeg", "png", "webp"],
  invisible: [[0, 8], [0x200b, 0x200f], [0x202a, 0x202e]],
  messages: {
    form_error_kind: "kind", form_error_name: "name", form_error_name_slug: "slug", form_error_position: "position",
    form_error_unit: "unit", form_error_fields: "fields", form_error_year: "year {phase}",
    form_error_achievements: "achievements", form_error_invisible: "invisible {code}", form_error_photo: "photo {types}",
    achievements: "Thành tích nổi bật", other: "Kinh nghiệm, cách làm hay",
  },
};

const good = {
  kind: "individual", name: "  Nguyễn   Thị Minh Thư ", position: "Giáo viên Ngữ văn", unit: "thcs-dong-thanh",
  fields: ["đ", "a"], year: ["2023", "2022"], lead: "Cô Thư dạy giỏi.", achievements: "- Giải Nhất\n\n2. Sáng kiến\n",
  other: "", photo: "thu.jpg",
};

test("a complete individual has no problem", () => {
  assert.deepEqual(form.check(good, data), []);
});

test("each rule names its control", () => {
  const bad = { kind: "individual", name: "", position: "", unit: "x", fields: [], year: ["2020"], achievements: " \n- ",
                photo: "../a.gif", lead: "a\u202eb" };
  assert.deepEqual(form.check(bad, data).map((p) => p.name),
    ["name", "position", "unit", "fields", "year", "lead", "achievements", "photo"]);
  assert.equal(form.check(bad, data).find((p) => p.name === "lead").message, "invisible U+202E");
  assert.equal(form.check(bad, data).find((p) => p.name === "year").message, "year 2021–2025");
});

test("a collective needs no name nor position, and is named after its unit", () => {
  const collective = { ...good, kind: "collective", name: "", position: "" };
  assert.deepEqual(form.check(collective, data), []);
  assert.equal(form.fileName(collective, data), "truong-thcs-dong-thanh.md");
  assert.ok(!form.profileText(collective, data).includes("position:"));
});

test("the file is the profile format, NFC, fields and years in order, bullets typed by hand dropped", () => {
  const text = form.profileText({ ...good, name: "Nguye\u0302\u0303n Thị Minh Thư" }, data);
  assert.equal(text, [
    "---", "kind: individual", "name: \"Nguyễn Thị Minh Thư\"", "position: \"Giáo viên Ngữ văn\"", "unit: thcs-dong-thanh",
    "fields: [a, đ]", "year: [2022, 2023]", "photo: \"thu.jpg\"", "---", "", "Cô Thư dạy giỏi.", "",
    "## Thành tích nổi bật", "", "- Giải Nhất", "- Sáng kiến", "",
  ].join("\n"));
  assert.equal(text, text.normalize("NFC"));
  assert.equal(form.fileName(good, data), "nguyen-thi-minh-thu.md");
});

test("the slug is search.js's, the one copy of the rule", () => {
  assert.equal(form.slug("Đỗ Văn Ánh"), search.slug("Đỗ Văn Ánh"));
});
