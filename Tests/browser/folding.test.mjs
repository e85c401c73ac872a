// The script's half of the shared vectors (the Swift half: Tests/GuongKitTests/SearchFoldingTests.swift),
// and the script's query engine on a small index written here by hand.
// Run: node --test Tests/browser/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const search = require("../../theme/assets/search.js");
const vectors = JSON.parse(readFileSync(new URL("../GuongKitTests/Fixtures/folding-vectors.json", import.meta.url), "utf8"));

test("folds like VietnameseFolding.fold", () => {
  for (const { input, output } of vectors.fold) assert.equal(search.fold(input), output, input);
});

test("splits words like SearchText.words", () => {
  for (const { input, output } of vectors.words) assert.deepEqual(search.words(input), output, input);
});

test("slugs like VietnameseFolding.slug", () => {
  for (const { input, output } of vectors.slug) assert.equal(search.slug(input), output, input);
});

test("decodes postings like PostingsCoding", () => {
  for (const { numbers, text } of vectors.postings) assert.deepEqual(search.decode(text), numbers, text);
  assert.deepEqual(search.decodeIds("231"), [2, 5, 6]);
});

test("names shard files like SearchShards.fileName", () => {
  for (const { key, output } of vectors.shardFile) assert.equal(search.shardFile(key), output, key);
});

test("finds the shards a word can match", () => {
  const keys = ["", "d", "du", "duong", "n", "ng", "ngu", "nguyen"];
  const sorted = (list) => [...list].sort();
  assert.deepEqual(sorted(search.shardsFor("duo", keys, true)), ["du", "duong"]);
  assert.deepEqual(sorted(search.shardsFor("ng", keys, true)), ["ng", "ngu", "nguyen"]);
  assert.deepEqual(sorted(search.shardsFor("nguyenx", keys, true)), ["nguyen"]);
  assert.deepEqual(sorted(search.shardsFor("x", keys, false)), [""]);
  assert.deepEqual(sorted(search.shardsFor("d", keys, false)), ["d"]);
});

test("parses a query into distinct words with their folded form", () => {
  assert.deepEqual(search.parseQuery("Đường  đường, dương D"), [
    { form: "đường", folded: "duong", marked: true, prefix: true },
    { form: "dương", folded: "duong", marked: true, prefix: true },
    { form: "d", folded: "d", marked: false, prefix: false },
  ]);
});

test("highlights the matched prefix of each word, diacritics and all", () => {
  const query = search.parseQuery("nguyen tha");
  assert.deepEqual(search.highlight("Nguyễn Thạnh, Đông Thạnh", query), [
    ["Nguyễn", true], [" ", false], ["Thạ", true], ["nh, Đông ", false], ["Thạ", true], ["nh", false],
  ]);
  // A mark typed apart from its letter (NFD) stays with it.
  assert.deepEqual(search.highlight("Nguye\u0302\u0303n", search.parseQuery("nguye")), [["Nguye\u0302\u0303", true], ["n", false]]);
  assert.deepEqual(search.highlight("Đông", search.parseQuery("d")), [["Đông", false]]);
  assert.deepEqual(search.highlight("Lê A", search.parseQuery("a")), [["Lê ", false], ["A", true]]);
});

// A hand-written index in the format of docs/search.md: postings are (gap << 2 | place).
function code(numbers) {
  const last = "0123456789abcdefghijklmnopqrstuv", more = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
  return numbers.map((n) => {
    let text = last[n % 32];
    for (n = Math.floor(n / 32); n > 0; n = Math.floor(n / 32)) text = more[n % 32] + text;
    return text;
  }).join("");
}
function postings(pairs) {
  let previous = 0;
  return code(pairs.map(([doc, place]) => { const n = (doc - previous) * 4 + place; previous = doc; return n; }));
}
const NAME = 3, DETAILS = 2, SUMMARY = 1, BODY = 0;
const files = {
  "chi-muc.json": {
    format: 2, id: "test", count: 4, space: 6, chunkSize: 3, shards: ["", "d", "ng"],
    kinds: [["collective", "Tập thể"], ["individual", "Cá nhân"]],
    units: [["thcs-dong-thanh", "Trường THCS Đông Thạnh"], ["th-nhi-binh", "Trường Tiểu học Nhị Bình"]],
    fields: [["a", "Giáo dục – đào tạo"], ["đ", "Công nghệ thông tin và truyền thông"]],
    years: [2022, 2023],
  },
  "tai-lieu-0.json": [
    ["Trường THCS Đông Thạnh", "", "", 0, 0, [0], [2022]],
    ["Nguyễn Văn Dương", "", "Giáo viên", 1, 1, [1], [2023]],
    ["Phạm Thị Đường", "pham-thi-duong-2", "Nhân viên", 1, 0, [0, 1], [2022, 2023]],
  ],
  // Ids are slots (SearchIDs): 3 and 4 hold no document.
  "tai-lieu-1.json": [0, 0, ["Nguyễn Thị Ngọc", "", "Kế toán", 1, 1, [0], [2023]]],
  "loc.json": { fields: [code([0, 2, 3]), code([1, 1])], kinds: [code([0]), code([1, 1, 3])], units: [code([0, 2]), code([1, 4])], years: [code([0, 2]), code([1, 1, 3])] },
  "tu.json": { cong: [["công", postings([[1, SUMMARY], [5, SUMMARY]])]], van: [["văn", postings([[1, NAME]])]], thi: [["thị", postings([[2, NAME], [5, NAME]])]], thanh: [["thạnh", postings([[0, NAME]])]] },
  "tu-d.json": {
    dong: [["đông", postings([[0, NAME], [2, DETAILS]])]],
    duong: [["dương", postings([[1, NAME], [5, BODY]])], ["đường", postings([[2, NAME]])]],
  },
  "tu-ng.json": { ngoc: [["ngọc", postings([[5, NAME]])]], nguyen: [["nguyễn", postings([[1, NAME], [5, NAME]])]] },
};
function engine() {
  const fetched = [];
  const e = new search.Engine("/chi-muc/", async (url, fresh) => {
    const [name, version] = url.slice("/chi-muc/".length).split("?v=");
    assert.ok(fresh || version === "test", `${url} carries the index id`);
    fetched.push(name);
    return files[name];
  });
  return { e, fetched };
}
const names = async (e, q, filters = {}) => {
  const found = await e.search(q, filters);
  return (await e.documents(found.ids, "/dien-hinh/{slug}/")).map((d) => d.name);
};

test("matches every word by prefix, with or without diacritics", async () => {
  const { e } = engine();
  // Equal scores go alphabetically, whatever the ids.
  assert.deepEqual(await names(e, "nguyen"), ["Nguyễn Thị Ngọc", "Nguyễn Văn Dương"]);
  assert.deepEqual(await names(e, "nguyen ngo"), ["Nguyễn Thị Ngọc"]);
  assert.deepEqual(await names(e, "NGUYỄN thi"), ["Nguyễn Thị Ngọc"]);
  assert.deepEqual(await names(e, "dong thanh"), ["Trường THCS Đông Thạnh"]);
  assert.deepEqual(await names(e, "nguyen xyz"), []);
});

test("ranks exact diacritics first when the query has them", async () => {
  const { e } = engine();
  assert.deepEqual(await names(e, "đường"), ["Phạm Thị Đường", "Nguyễn Văn Dương", "Nguyễn Thị Ngọc"]);
  assert.deepEqual(await names(e, "dương"), ["Nguyễn Văn Dương", "Nguyễn Thị Ngọc", "Phạm Thị Đường"]);
  assert.deepEqual(await names(e, "duong"), ["Nguyễn Văn Dương", "Phạm Thị Đường", "Nguyễn Thị Ngọc"]);
});

test("among equal scores, a result whose lines show the words comes first, then by name", async () => {
  const { e } = engine();
  // Both have "công" in their summary; only Nguyễn Văn Dương's field (Công nghệ thông tin…) shows it.
  assert.deepEqual(await names(e, "công"), ["Nguyễn Văn Dương", "Nguyễn Thị Ngọc"]);
});

test("filters by field, year, kind and unit, with or without a query", async () => {
  const { e } = engine();
  assert.deepEqual(await names(e, "", { nam: "2022" }), ["Trường THCS Đông Thạnh", "Phạm Thị Đường"]);
  assert.deepEqual(await names(e, "", { "linh-vuc": "đ", loai: "individual" }), ["Nguyễn Văn Dương", "Phạm Thị Đường"]);
  assert.deepEqual(await names(e, "duong", { "don-vi": "th-nhi-binh" }), ["Nguyễn Văn Dương", "Nguyễn Thị Ngọc"]);
  assert.deepEqual(await names(e, "", { nam: "1999" }), []);
  assert.equal((await e.search("", {})).empty, true);
});

test("fetches only the shards and chunks a query needs, once", async () => {
  const { e, fetched } = engine();
  const found = await e.search("ngọc", {});
  await e.documents(found.ids, "/dien-hinh/{slug}/");
  assert.deepEqual(fetched, ["chi-muc.json", "tu-ng.json", "tai-lieu-1.json"]);
  // A search fetches the chunks of its first results itself (to order ties); the page shows those next.
  await e.search("nguyen", {});
  assert.deepEqual(fetched, ["chi-muc.json", "tu-ng.json", "tai-lieu-1.json", "tai-lieu-0.json"]);
});

test("documents carry their URL, unit, fields and years", async () => {
  const { e } = engine();
  const [thanh, duong] = await e.documents([0, 2], "/base/dien-hinh/{slug}/");
  assert.equal(thanh.url, "/base/dien-hinh/truong-thcs-dong-thanh/");
  assert.equal(duong.url, "/base/dien-hinh/pham-thi-duong-2/");
  assert.equal(duong.unit, "Trường THCS Đông Thạnh");
  assert.deepEqual(duong.fields, ["Giáo dục – đào tạo", "Công nghệ thông tin và truyền thông"]);
  assert.deepEqual(duong.years, [2022, 2023]);
  assert.equal(duong.kind, "Cá nhân");
});

test("the first page's places in a tie go to the fewest chunks, the rest of the tie by id", () => {
  // 40 ids, chunks of 8: ids 1 and 2 score higher (chunk 0), the rest tie; chunk 3 (24–31) holds the most of the tie.
  const count = 40;
  const hit = new Int32Array(count);
  const tiedIds = [3, 9, 13, 17, 21, 24, 25, 26, 27, 28, 29, 30, 31, 33, 38];
  tiedIds.forEach((id) => { hit[id] = 11; });
  hit[1] = hit[2] = 21;
  const byId = search.rank([hit], null, count);
  assert.deepEqual(Array.from(byId), [1, 2, ...tiedIds]);
  const ranked = search.rank([hit], null, count, null, 8);
  // 8 places left: 3 (chunk 0, fetched for 1 and 2 anyway), then chunk 3's seven.
  assert.deepEqual(ranked.slice(0, 10), [1, 2, 3, 24, 25, 26, 27, 28, 29, 30]);
  assert.deepEqual(ranked.slice(10), [9, 13, 17, 21, 31, 33, 38]);
  assert.deepEqual(Array.from(ranked.scores), [20, 20, ...tiedIds.map(() => 10)]);
  const chunks = new Set(ranked.slice(0, 10).map((id) => Math.floor(id / 8)));
  assert.deepEqual([...chunks].sort(), [0, 3]);
  // No tie across the tenth place: nothing moves.
  const distinct = new Int32Array(count);
  for (let id = 0; id < 12; id++) distinct[id * 3] = 100 - id;
  assert.deepEqual(search.rank([distinct], null, count, null, 8), search.rank([distinct], null, count));
});

test("a result's excerpt is its lead or the achievement with the first matched word, around that word", () => {
  const lead = "Anh Nguyễn Văn Thành là nhân viên phục vụ kiêm chăm sóc cây xanh của Trường Mầm non Tân Xuân. "
    + "Ngoài công việc hằng ngày, anh là thành viên tích cực nhất của “Bếp cháo yêu thương” và là người sẵn sàng giúp đỡ.";
  const achievement = "Giấy khen của Ủy ban nhân dân huyện năm 2022.";
  // In the lead, past the first 160 characters: the excerpt starts near it, cut at a word, with "…" both ends.
  const inLead = search.excerptOf([lead, achievement], search.parseQuery("cháo"));
  assert.ok(inLead.startsWith("…") && inLead.includes("cháo"), inLead);
  assert.ok(Array.from(inLead).length <= 162, inLead);
  assert.ok(!/^…\S*\s/.test(inLead.slice(0, 3)) && !inLead.slice(1).startsWith(" "));
  // In an achievement: that achievement, whole (it is short).
  assert.equal(search.excerptOf([lead, achievement], search.parseQuery("giay khen")), achievement);
  // Not in them (the body): the lead's start.
  const inBody = search.excerptOf([lead, achievement], search.parseQuery("thất lạc"));
  assert.ok(inBody.startsWith("Anh Nguyễn Văn Thành") && inBody.endsWith("…"), inBody);
  assert.equal(search.excerptOf([], search.parseQuery("x")), "");
});
