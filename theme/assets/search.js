// Gương — search for /tim-kiem/, with or without diacritics. No framework, nothing from a CDN.
//
// It reads the index `guong build` writes under tim-kiem/chi-muc/ (format: docs/search.md): a small
// manifest, then only the term shards the query's words can match and the document chunks of the
// results it shows. Folding and word splitting mirror Sources/GuongKit (VietnameseFolding,
// SearchText); Tests/GuongKitTests/Fixtures/folding-vectors.json checks both sides. The pure
// functions are exported for Node (`require`), the page wiring runs only in a browser.
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else if (typeof document !== "undefined") {
    root.GuongSearch = api;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { api.start(document); });
    } else {
      api.start(document);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // ---- Text: the same definitions as the Swift side ----

  var MARKS = /[\u0300-\u036f]/g;
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var COMBINING = /^\p{M}$/u;

  /** "Đông Thạnh" → "dong thanh": NFD, drop U+0300–U+036F, đ/Đ → d, lowercase (VietnameseFolding.fold). */
  function fold(text) {
    return String(text).normalize("NFD").replace(MARKS, "").replace(/[\u0110\u0111]/g, "d").toLowerCase();
  }

  /** The words of a text, lowercased NFC: runs of letters, marks and digits (SearchText.words). */
  function words(text) {
    return String(text).toLowerCase().normalize("NFC").match(WORD) || [];
  }

  /** "Nguyễn Văn Hiệp" → "nguyen-van-hiep" (VietnameseFolding.slug). */
  function slug(text) {
    return fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // ---- The index format ----

  var LAST = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < 32; d++) {
    DIGIT[LAST.charCodeAt(d)] = d;
    DIGIT[MORE.charCodeAt(d)] = 32 + d;
  }

  /** Numbers from their postings coding: five bits a character, the last character of each from LAST. */
  function decode(text) {
    var out = [];
    var pending = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit < 32) {
        out.push(pending * 32 + digit);
        pending = 0;
      } else {
        pending = pending * 32 + digit - 32;
      }
    }
    return out;
  }

  /** The document ids of a facet list (gaps from the previous id). */
  function decodeIds(text) {
    var ids = decode(text);
    for (var i = 1; i < ids.length; i++) ids[i] += ids[i - 1];
    return ids;
  }

  /** The file of a term shard: "" → tu.json, "ng" → tu-ng.json, other characters as _hex_ (SearchShards.fileName). */
  function shardFile(key) {
    if (!key) return "tu.json";
    var name = "tu-";
    for (var ch of key) name += /^[a-z0-9]$/.test(ch) ? ch : "_" + ch.codePointAt(0).toString(16) + "_";
    return name + ".json";
  }

  /** The shards that can hold terms matching a folded query word: the longest key that prefixes it,
   *  and (for prefix matching) every key that starts with it. */
  function shardsFor(folded, keys, prefix) {
    var best = null;
    var out = [];
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      if (folded.lastIndexOf(key, 0) === 0) {
        if (best === null || key.length > best.length) best = key;
      } else if (prefix && key.lastIndexOf(folded, 0) === 0) {
        out.push(key);
      }
    }
    if (best !== null) out.push(best);
    return out;
  }

  // ---- Queries and ranking ----

  /** Words shorter than this match whole words only: a single letter would pull in a large part of the index. */
  var MIN_PREFIX = 2;
  /** A word typed with diacritics that matches them exactly outranks everything else. */
  var EXACT = 65536;
  var WHOLE_WORD = 5;
  /** By place: body, summary and achievements, details (position, unit, field, year), name. */
  var PLACE_WEIGHT = [10, 20, 50, 100];

  /** The query's distinct words with their folded form. */
  function parseQuery(text) {
    var seen = Object.create(null);
    var out = [];
    words(text).forEach(function (form) {
      if (seen[form]) return;
      seen[form] = true;
      var folded = fold(form);
      out.push({ form: form, folded: folded, marked: form !== folded, prefix: folded.length >= MIN_PREFIX });
    });
    return out;
  }

  /** For one query word, each document's best score + 1 (0: no match) over the given shards. */
  function matchWord(word, shards, count) {
    var hits = new Int32Array(count);
    shards.forEach(function (shard) {
      for (var term in shard) {
        if (word.prefix ? term.lastIndexOf(word.folded, 0) !== 0 : term !== word.folded) continue;
        var entry = shard[term];
        var forms = typeof entry === "string" ? [[term, entry]] : entry;
        var whole = term === word.folded ? WHOLE_WORD : 0;
        for (var f = 0; f < forms.length; f++) {
          var form = forms[f][0];
          var exact = word.marked && (word.prefix ? form.lastIndexOf(word.form, 0) === 0 : form === word.form);
          var base = 1 + whole + (exact ? EXACT : 0);
          // decode() inlined: this loop runs for every posting of every matching term.
          var text = forms[f][1];
          var doc = 0;
          var pending = 0;
          for (var c = 0; c < text.length; c++) {
            var digit = DIGIT[text.charCodeAt(c)];
            if (digit >= 32) {
              pending = pending * 32 + digit - 32;
              continue;
            }
            var number = pending * 32 + digit;
            pending = 0;
            doc += Math.floor(number / 4);
            var score = base + PLACE_WEIGHT[number & 3];
            if (score > hits[doc]) hits[doc] = score;
          }
        }
      }
    });
    return hits;
  }

  /** Document ids matching every word and every filter, best first; ties in index order (by name). */
  function rank(hitsByWord, filter, count) {
    var found = [];
    for (var doc = 0; doc < count; doc++) {
      if (filter && !filter[doc]) continue;
      var total = 0;
      var all = true;
      for (var w = 0; w < hitsByWord.length; w++) {
        var hit = hitsByWord[w][doc];
        if (!hit) { all = false; break; }
        total += hit - 1;
      }
      if (all) found.push({ doc: doc, score: total });
    }
    found.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return found.map(function (r) { return r.doc; });
  }

  /** The facets of the manifest, by the URL parameter a filter uses. */
  var FACETS = { "linh-vuc": "fields", nam: "years", loai: "kinds", "don-vi": "units" };

  /** Where a filter value sits in the manifest's tables, or -1. */
  function facetIndex(manifest, facet, value) {
    var table = manifest[facet] || [];
    for (var i = 0; i < table.length; i++) {
      var id = Array.isArray(table[i]) ? table[i][0] : table[i];
      if (String(id) === String(value)) return i;
    }
    return -1;
  }

  /** Splits text into [piece, highlighted] pairs: the prefix of each word that a query word matches. */
  function highlight(text, query) {
    var parts = [];
    var last = 0;
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var length = matchedLength(match[0], query);
      if (!length) continue;
      if (match.index > last) parts.push([text.slice(last, match.index), false]);
      parts.push([match[0].slice(0, length), true]);
      last = match.index + length;
    }
    if (last < text.length) parts.push([text.slice(last), false]);
    return parts;
  }

  /** How much of `token` (in UTF-16 units) the longest matching query word covers; 0 if none. */
  function matchedLength(token, query) {
    var folded = fold(token);
    var want = 0;
    query.forEach(function (word) {
      var hit = word.prefix ? folded.lastIndexOf(word.folded, 0) === 0 : folded === word.folded;
      if (hit && word.folded.length > want) want = word.folded.length;
    });
    if (!want) return 0;
    var offset = 0;
    var covered = 0;
    for (var ch of token) {
      if (covered >= want && !COMBINING.test(ch)) break;
      covered += fold(ch).length;
      offset += ch.length;
    }
    return offset;
  }

  // ---- Loading the index ----

  function fetchJSON(url, fresh) {
    return fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  /** The index under `url` (ending in /); every file is fetched once. `load(url, fresh)` returns a promise of JSON. */
  function Engine(url, load) {
    this.url = url;
    this.load = load || fetchJSON;
    this.files = Object.create(null);
  }

  Engine.prototype.manifest = function () {
    return this.file("chi-muc.json", true);
  };

  Engine.prototype.file = function (name, fresh) {
    var self = this;
    if (!this.files[name]) {
      var url = this.url + name;
      this.files[name] = (fresh ? this.load(url, true) : this.manifest().then(function (manifest) {
        return self.load(url + "?v=" + encodeURIComponent(manifest.id), false);
      })).catch(function (error) {
        delete self.files[name];
        throw error;
      });
    }
    return this.files[name];
  };

  /** Searches `text` with `filters` ({"nam": "2022", …}); resolves to {ids, query, empty}. */
  Engine.prototype.search = function (text, filters) {
    var self = this;
    return this.manifest().then(function (manifest) {
      if (manifest.format !== 1) throw new Error("search index format " + manifest.format);
      var query = parseQuery(text);
      var active = [];
      Object.keys(FACETS).forEach(function (name) {
        var value = filters && filters[name];
        if (value) active.push([FACETS[name], facetIndex(manifest, FACETS[name], value)]);
      });
      if (!query.length && !active.length) return { ids: [], query: query, empty: true };

      var keysByWord = query.map(function (word) { return shardsFor(word.folded, manifest.shards, word.prefix); });
      var names = [];
      keysByWord.forEach(function (keys) {
        keys.forEach(function (key) { if (names.indexOf(key) < 0) names.push(key); });
      });
      var loads = names.map(function (key) { return self.file(shardFile(key)); });
      var facets = active.length ? self.file("loc.json") : Promise.resolve(null);
      return Promise.all([Promise.all(loads), facets]).then(function (loaded) {
        var shardByKey = Object.create(null);
        names.forEach(function (key, i) { shardByKey[key] = loaded[0][i]; });
        var count = manifest.count;
        var filter = null;
        if (active.length) {
          filter = new Uint8Array(count);
          var passes = new Uint8Array(count);
          active.forEach(function (pair) {
            var list = pair[1] < 0 ? "" : loaded[1][pair[0]][pair[1]] || "";
            decodeIds(list).forEach(function (id) { passes[id]++; });
          });
          for (var i = 0; i < count; i++) filter[i] = passes[i] === active.length ? 1 : 0;
        }
        var hits = query.map(function (word, i) {
          return matchWord(word, keysByWord[i].map(function (key) { return shardByKey[key]; }), count);
        });
        return { ids: rank(hits, filter, count), query: query, empty: false };
      });
    });
  };

  /** The documents `ids`, in that order, as the results show them. `profileURL` has "{slug}" in it. */
  Engine.prototype.documents = function (ids, profileURL) {
    var self = this;
    return this.manifest().then(function (manifest) {
      var chunks = [];
      ids.forEach(function (id) {
        var chunk = Math.floor(id / manifest.chunkSize);
        if (chunks.indexOf(chunk) < 0) chunks.push(chunk);
      });
      return Promise.all(chunks.map(function (n) { return self.file("tai-lieu-" + n + ".json"); })).then(function (loaded) {
        return ids.map(function (id) {
          var row = loaded[chunks.indexOf(Math.floor(id / manifest.chunkSize))][id % manifest.chunkSize];
          var unit = manifest.units[row[4]] || ["", ""];
          return {
            id: id,
            name: row[0],
            url: (profileURL || "{slug}").replace("{slug}", function () { return row[1] || slug(row[0]); }),
            position: row[2],
            kind: (manifest.kinds[row[3]] || ["", ""])[1],
            unit: unit[1],
            fields: row[5].map(function (i) { return (manifest.fields[i] || ["", ""])[1]; }),
            years: row[6],
          };
        });
      });
    });
  };

  // ---- The page ----

  var PAGE = 10;  // results per page: each can need its own document chunk, so the first answer stays fast
  var DEBOUNCE_MS = 150;

  function start(doc) {
    var form = doc.querySelector("[data-search]");
    if (!form) return;
    var win = doc.defaultView;
    var input = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[name]"));
    var status = doc.querySelector("[data-search-status]");
    var list = doc.querySelector("[data-search-results]");
    var more = doc.querySelector("[data-search-more]");
    var t = form.dataset;
    var engine = new Engine(t.index);
    var api = win.GuongSearch;
    var sequence = 0;
    var timer = 0;
    var current = { ids: [], query: [], shown: 0 };

    function say(text) {
      if (status.textContent !== text) status.textContent = text;
    }

    function state() {
      var filters = {};
      selects.forEach(function (select) { if (select.value) filters[select.name] = select.value; });
      return { q: input.value, filters: filters };
    }

    function writeURL(s) {
      var params = new URLSearchParams();
      if (s.q.trim()) params.set("q", s.q);
      selects.forEach(function (select) { if (s.filters[select.name]) params.set(select.name, s.filters[select.name]); });
      var search = params.toString();
      var url = win.location.pathname + (search ? "?" + search : "") + win.location.hash;
      if (url !== win.location.pathname + win.location.search + win.location.hash) win.history.replaceState(null, "", url);
    }

    function readURL() {
      var params = new URLSearchParams(win.location.search);
      input.value = params.get("q") || "";
      selects.forEach(function (select) { select.value = params.get(select.name) || ""; });
    }

    function count(n) {
      return n.toLocaleString("vi-VN");
    }

    function announce() {
      var total = current.ids.length;
      if (!total) return say(t.none);
      var text = t.found.replace("{n}", count(total));
      if (current.shown < total) text += " " + t.showing.replace("{n}", count(current.shown));
      say(text);
    }

    function line(className) {
      var p = doc.createElement("p");
      p.className = className;
      return p;
    }

    function marked(parent, text, query) {
      highlight(text, query).forEach(function (part) {
        if (part[1]) {
          var mark = doc.createElement("mark");
          mark.textContent = part[0];
          parent.appendChild(mark);
        } else {
          parent.appendChild(doc.createTextNode(part[0]));
        }
      });
    }

    function item(result, query) {
      var li = doc.createElement("li");
      li.className = "search-result";
      var heading = doc.createElement("h2");
      var link = doc.createElement("a");
      link.href = result.url;
      marked(link, result.name, query);
      heading.appendChild(link);
      li.appendChild(heading);

      var who = line("search-result-unit");
      [result.kind, result.position, result.unit].filter(Boolean).forEach(function (text, i) {
        if (i) who.appendChild(doc.createTextNode(" · "));
        marked(who, text, query);
      });
      li.appendChild(who);

      var when = line("search-result-meta");
      if (result.fields.length) {
        when.appendChild(doc.createTextNode(t.field + ": "));
        marked(when, result.fields.join("; "), query);
      }
      if (result.years.length) {
        if (result.fields.length) when.appendChild(doc.createTextNode(" · "));
        when.appendChild(doc.createTextNode(t.year + ": "));
        marked(when, result.years.join(", "), query);
      }
      li.appendChild(when);
      return li;
    }

    /** Renders the next page of the current results; resolves to the first new link. */
    function showMore(mine) {
      var ids = current.ids.slice(current.shown, current.shown + PAGE);
      return engine.documents(ids, t.profileUrl).then(function (results) {
        if (mine !== sequence) return null;
        var first = null;
        results.forEach(function (result) {
          var li = item(result, current.query);
          list.appendChild(li);
          first = first || li.querySelector("a");
        });
        current.shown += results.length;
        more.hidden = current.shown >= current.ids.length;
        announce();
        return first;
      });
    }

    function run() {
      win.clearTimeout(timer);
      var mine = ++sequence;
      var started = win.performance.now();
      var s = state();
      writeURL(s);
      list.setAttribute("aria-busy", "true");
      form.dataset.state = "loading";
      return engine.search(s.q, s.filters).then(function (found) {
        if (mine !== sequence) return null;
        current = { ids: found.ids, query: found.query, shown: 0 };
        list.textContent = "";
        more.hidden = true;
        if (found.empty) {
          say("");
          return null;
        }
        return showMore(mine);
      }).then(function () {
        if (mine !== sequence) return;
        list.removeAttribute("aria-busy");
        form.dataset.state = "done";
        // For tests and measurements: what ran, and how long from the search to the results on screen.
        api.lastRun = { sequence: mine, q: s.q, filters: s.filters, count: current.ids.length, ms: win.performance.now() - started };
      }).catch(function (error) {
        if (mine !== sequence) return;
        list.removeAttribute("aria-busy");
        form.dataset.state = "error";
        say(t.error);
        if (win.console) win.console.error(error);
      });
    }

    function later() {
      win.clearTimeout(timer);
      timer = win.setTimeout(run, DEBOUNCE_MS);
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    input.addEventListener("input", later);
    selects.forEach(function (select) { select.addEventListener("change", run); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    more.addEventListener("click", function () {
      showMore(sequence).then(function (first) { if (first) first.focus(); });
    });
    // Arrow keys are a shortcut; Tab still walks the page in its natural order.
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) {
        event.preventDefault();
        links()[0].focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var all = links();
      var at = all.indexOf(doc.activeElement);
      if (at < 0) return;
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else if (next < all.length) all[next].focus();
    });
    win.addEventListener("popstate", function () {
      readURL();
      run();
    });

    api.engine = engine;
    api.run = run;
    readURL();
    if (input.value.trim() || selects.some(function (select) { return select.value; })) {
      run();
    } else {
      engine.manifest().catch(function () {});  // warm up: the manifest is small and every query needs it
    }
  }

  return {
    fold: fold,
    words: words,
    slug: slug,
    decode: decode,
    decodeIds: decodeIds,
    shardFile: shardFile,
    shardsFor: shardsFor,
    parseQuery: parseQuery,
    matchWord: matchWord,
    rank: rank,
    highlight: highlight,
    Engine: Engine,
    start: start,
  };
});
