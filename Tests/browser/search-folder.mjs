// Runs search.js's engine on a built index folder, from disk: for tests that compare the search of
// two builds (Tests/GuongKitTests/SearchStableIDsTests.swift).
//
//   node Tests/browser/search-folder.mjs <site>/tim-kiem/chi-muc/ "query" ["query" …]
//
// Prints one JSON object: query → the names of its results, best first.
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import path from "node:path";

const require = createRequire(import.meta.url);
const search = require("../../theme/assets/search.js");

const [folder, ...queries] = process.argv.slice(2);
if (!folder || !queries.length) {
  console.error("usage: node search-folder.mjs <index folder> <query>…");
  process.exit(2);
}
const engine = new search.Engine("/", async (url) => {
  const name = url.slice(1).split("?")[0];
  return JSON.parse(await readFile(path.join(folder, name), "utf8"));
});
const out = {};
for (const query of queries) {
  const found = await engine.search(query, {});
  out[query] = (await engine.documents(found.ids, "{slug}")).map((doc) => doc.name);
}
console.log(JSON.stringify(out));
