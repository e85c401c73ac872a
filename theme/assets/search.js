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

  /** The index this script reads: ids are stable slots of `manifest.space` (SearchIDs), not 0…count-1. */
  var FORMAT = 2;

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
  /** Two query words found next to each other, in order (SearchPhrases): in a detail, opening a
   *  detail (`Hiệu trưởng` before `Phó Hiệu trưởng`), in the name. */
  var PHRASE_WEIGHT = [0, 60, 80, 120];
  /** The first results, re-ordered among ties by the length of their names (Engine.refine). */
  var REFINED = 10;
  /** Words this long or longer are tried one edit away when a query finds nothing. */
  var TYPO_MIN = 4;

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

  /** For one query word, each document's best score + 1 (0: no match) over the given shards. A word
   *  matches words only; a phrase (`"dong thanh"`, folded words and one space) matches phrase terms,
   *  scored by `weights` (PHRASE_WEIGHT). */
  function matchWord(word, shards, count, weights, places) {
    var hits = new Int32Array(count);
    var phrase = word.folded.indexOf(" ") >= 0;
    weights = weights || PLACE_WEIGHT;
    shards.forEach(function (shard) {
      for (var term in shard) {
        if (word.prefix ? term.lastIndexOf(word.folded, 0) !== 0 : term !== word.folded) continue;
        if (!phrase && word.prefix && term.indexOf(" ") >= 0) continue;
        var entry = shard[term];
        var forms = typeof entry === "string" ? [[term, entry]] : entry;
        var whole = term === word.folded;
        for (var f = 0; f < forms.length; f++) {
          var form = forms[f][0];
          var exact = word.marked && (word.prefix ? form.lastIndexOf(word.form, 0) === 0 : form === word.form);
          var base = 1 + (whole ? WHOLE_WORD : 0) + (exact ? EXACT : 0);
          var shift = whole ? 0 : 1;  // a prefix match counts half its place: whole words rank first
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
            var score = base + (weights[number & 3] >> shift);
            if (places && (number & 3) + 1 > places[doc]) places[doc] = (number & 3) + 1;
            if (score > hits[doc]) hits[doc] = score;
          }
        }
      }
    });
    return hits;
  }

  /** Document ids matching every word and every filter, best first; ties in order of id (stable, from
   *  the slug: Engine.refine puts the first page's ties in order of name), except the tie that the
   *  first page cuts through, whose places on it go to few chunks (firstPageByChunk).
   *  `bonus` (optional) adds to each document's score: phrases. */
  function rank(hitsByWord, filter, count, bonus, chunkSize) {
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
      if (all) found.push({ doc: doc, score: total + (bonus ? bonus[doc] : 0) });
    }
    found.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    if (chunkSize) found = firstPageByChunk(found, chunkSize);
    var ids = found.map(function (r) { return r.doc; });
    ids.scores = found.map(function (r) { return r.score; });
    return ids;
  }

  /** `found` (sorted by score, then id) with the first page's places that a tie shares taken by the
   *  tied documents of the fewest chunks: those the better results already need, then the chunks with
   *  the most of the tie (the lower number first), each in order of id; the rest of the tie follows in
   *  order of id. Stable ids scatter a tie over the index (`nguyen van`: 1,888 results, most tied),
   *  and each chunk is a request: ten results in ten chunks cost a phone several times one chunk. A
   *  tie's order is arbitrary anyway, and Engine.refine orders the page's ties again by what they show. */
  function firstPageByChunk(found, chunkSize) {
    if (found.length <= REFINED) return found;
    var cut = found[REFINED - 1].score;
    if (found[REFINED].score !== cut) return found;
    var start = REFINED - 1;
    while (start > 0 && found[start - 1].score === cut) start--;
    var end = REFINED;
    while (end < found.length && found[end].score === cut) end++;
    var needed = Object.create(null);
    for (var i = 0; i < start; i++) needed[Math.floor(found[i].doc / chunkSize)] = true;
    var tied = Object.create(null);  // chunk → its tied documents, in order of id
    var chunks = [];
    for (var t = start; t < end; t++) {
      var chunk = Math.floor(found[t].doc / chunkSize);
      if (!tied[chunk]) { tied[chunk] = []; chunks.push(chunk); }
      tied[chunk].push(found[t]);
    }
    chunks.sort(function (a, b) {
      return (needed[b] ? 1 : 0) - (needed[a] ? 1 : 0) || tied[b].length - tied[a].length || a - b;
    });
    var page = [];
    for (var c = 0; c < chunks.length && start + page.length < REFINED; c++) {
      var members = tied[chunks[c]];
      for (var m = 0; m < members.length && start + page.length < REFINED; m++) page.push(members[m]);
    }
    page.sort(function (a, b) { return a.doc - b.doc; });
    var taken = Object.create(null);
    page.forEach(function (r) { taken[r.doc] = true; });
    var rest = found.slice(start, end).filter(function (r) { return !taken[r.doc]; });
    return found.slice(0, start).concat(page, rest, found.slice(end));
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

  // ---- The department's words, phrases and typos ----

  /** The query's words in groups: each group one word or a run of words that is a short form or the
   *  words it stands for (manifest `words`, SearchVocabulary), with its alternatives — the words as
   *  typed, and what they stand for. `HT` → [[ht], [hieu, truong]]; `trung hoc co so` → […, [thcs]]. */
  function expandQuery(query, vocabulary) {
    var other = Object.create(null);
    (vocabulary || []).forEach(function (pair) {
      (other[pair[0]] = other[pair[0]] || []).push(pair[1]);
      (other[pair[1]] = other[pair[1]] || []).push(pair[0]);
    });
    var groups = [];
    for (var i = 0; i < query.length;) {
      var run = 0;
      for (var n = Math.min(6, query.length - i); n >= 1 && !run; n--) {
        var key = query.slice(i, i + n).map(function (word) { return word.folded; }).join(" ");
        if (other[key]) run = n;
      }
      if (!run) {
        groups.push({ alternatives: [[query[i]]] });
        i += 1;
        continue;
      }
      var typed = query.slice(i, i + run);
      var key2 = typed.map(function (word) { return word.folded; }).join(" ");
      // A short form typed whole is a word, not a prefix: `th` stands for Tiểu học, not every "th…".
      if (run === 1 && typed[0].folded.length <= 3) typed = [Object.assign({}, typed[0], { prefix: false })];
      var alternatives = [typed];
      other[key2].forEach(function (phrase) {
        alternatives.push(phrase.split(" ").map(function (folded) {
          return { form: folded, folded: folded, marked: false, prefix: false };
        }));
      });
      groups.push({ alternatives: alternatives });
      i += run;
    }
    return groups;
  }

  /** Every word of every alternative, for highlighting. */
  function allWords(groups) {
    var out = [];
    groups.forEach(function (group) {
      group.alternatives.forEach(function (words) { out.push.apply(out, words); });
    });
    return out;
  }

  function pairsOf(words) {
    var out = [];
    for (var i = 0; i + 1 < words.length; i++) out.push([words[i], words[i + 1]]);
    return out;
  }

  /** Two neighbouring query words as a phrase term (SearchPhrases): the first whole, the second a prefix if it is one. */
  function phraseOf(first, second) {
    var folded = first.folded + " " + second.folded;
    return { form: folded, folded: folded, marked: false, prefix: second.prefix };
  }

  function addBonus(bonus, hits) {
    for (var doc = 0; doc < hits.length; doc++) if (hits[doc]) bonus[doc] += hits[doc] - 1;
  }

  /** Whether `a` and `b` are one edit apart: a letter added, dropped or changed, or two neighbours
   *  swapped (`thnah` → `thanh`); never in the first letter. */
  function oneEdit(a, b) {
    if (a === b || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;  // changed
      return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);  // swapped
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);  // dropped, added
  }

  var LETTERS = "abcdefghijklmnopqrstuvwxyz";

  /** The strings one edit from `word` (after its first letter): where their terms would be, to fetch those shards. */
  function oneEditVariants(word) {
    var out = [];
    for (var i = 1; i <= word.length; i++) {
      var head = word.slice(0, i);
      var tail = word.slice(i);
      if (tail) out.push(head + tail.slice(1));
      if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2));
      for (var l = 0; l < LETTERS.length; l++) {
        out.push(head + LETTERS[l] + tail);
        if (tail) out.push(head + LETTERS[l] + tail.slice(1));
      }
    }
    return out;
  }

  /** How many postings an entry has, roughly: its coded length. */
  function postingsLength(entry) {
    if (typeof entry === "string") return entry.length;
    return entry.reduce(function (sum, form) { return sum + form[1].length; }, 0);
  }

  /** The form of a term that document `doc` has at its most prominent place, or null. */
  function formIn(term, entry, doc) {
    var forms = typeof entry === "string" ? [[term, entry]] : entry;
    var best = null;
    var bestPlace = -1;
    forms.forEach(function (form) {
      var numbers = decode(form[1]);
      var id = 0;
      for (var i = 0; i < numbers.length; i++) {
        id += Math.floor(numbers[i] / 4);
        if (id === doc && (numbers[i] & 3) > bestPlace) {
          best = form[0];
          bestPlace = numbers[i] & 3;
        }
        if (id >= doc) break;
      }
    });
    return best;
  }

  /** The form of a term most documents have (`thanh` → `thạnh` on a site of Đông Thạnh). */
  function commonForm(term, entry) {
    if (typeof entry === "string") return term;
    var best = entry[0];
    entry.forEach(function (form) { if (form[1].length > best[1].length) best = form; });
    return best[0];
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

  /** Searches `text` with `filters` ({"nam": "2022", …}); resolves to {ids, query, empty, corrected}.
   *  `corrected` lists the words tried one edit away ({from, to}) when the words as typed found nothing. */
  Engine.prototype.search = function (text, filters) {
    var self = this;
    return this.manifest().then(function (manifest) {
      if (manifest.format !== FORMAT) throw new Error("search index format " + manifest.format);
      var query = parseQuery(text);
      var active = [];
      Object.keys(FACETS).forEach(function (name) {
        var value = filters && filters[name];
        if (value) active.push([FACETS[name], facetIndex(manifest, FACETS[name], value)]);
      });
      if (!query.length && !active.length) return { ids: [], query: query, empty: true, corrected: [] };

      var groups = expandQuery(query, manifest.words);
      var facets = active.length ? self.file("loc.json") : Promise.resolve(null);
      return Promise.all([self.scoreGroups(manifest, groups), facets]).then(function (loaded) {
        var count = manifest.space;
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
        var scored = loaded[0];
        var ids = rank(scored.hits, filter, count, scored.bonus, manifest.chunkSize);
        var done = { ids: ids, query: allWords(groups), empty: false, corrected: [], weakest: scored.weakest };
        if (ids.length) return self.refine(done);
        if (!query.length) return done;
        // Words that match no term are corrected first; if that is not enough, one word that does
        // match (a typo that is also a word: `chua` for `chau`) at a time, the last typed first.
        var tries = [null];
        for (var g = groups.length - 1; g >= 0; g--) tries.push(g);
        function attempt(n) {
          if (n >= tries.length) return done;
          return self.correct(manifest, groups, tries[n]).then(function (fixed) {
            if (!fixed.corrected.length) return attempt(n + 1);
            return self.scoreGroups(manifest, fixed.groups).then(function (again) {
              var found = rank(again.hits, filter, count, again.bonus, manifest.chunkSize);
              if (!found.length) return attempt(n + 1);
              return self.refine({ ids: found, query: allWords(fixed.groups), empty: false, corrected: fixed.corrected,
                                   weakest: again.weakest })
                .then(function (result) {
                  // Say the correction as the first result writes it: "thạnh" on a page of Đông Thạnh.
                  result.corrected = result.corrected.map(function (c) {
                    return { from: c.from, to: formIn(c.term, c.entry, result.ids[0]) || c.to };
                  });
                  return result;
                });
            });
          });
        }
        return attempt(0);
      });
    });
  };

  /** Among the first results, those that tie go first by how many words of their result lines other
   *  than the name (kind, position, unit, fields) the query matches — `cchc` puts a profile of the field
   *  *Cải cách hành chính* before one whose achievements only mention it — then by how much of their
   *  name the query leaves out: `thcs dong thanh` is the school *Trường THCS Đông Thạnh* before *Tổ
   *  Toán – Tin Trường THCS Đông Thạnh*; equal ones go alphabetically (folded name), then by id. The
   *  page shows these documents next anyway, so this fetches nothing more. */
  Engine.prototype.refine = function (found) {
    if (!found.query.length) return Promise.resolve(found);
    var top = found.ids.slice(0, REFINED);
    var scores = found.ids.scores || [];
    return this.documents(top).then(function (docs) {
      var order = docs.map(function (doc, i) {
        var missed = words(doc.name).filter(function (token) { return !matchedLength(token, found.query); }).length;
        var lines = [doc.kind, doc.position, doc.unit].concat(doc.fields).join(" ");
        var shown = words(lines).filter(function (token) { return matchedLength(token, found.query); }).length;
        return { id: doc.id, score: scores[i] || 0, shown: shown, missed: missed, name: fold(doc.name), at: i };
      });
      order.sort(function (a, b) {
        return b.score - a.score || b.shown - a.shown || a.missed - b.missed ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : a.at - b.at);
      });
      var ids = order.map(function (o) { return o.id; }).concat(found.ids.slice(REFINED));
      return { ids: ids, query: found.query, empty: found.empty, corrected: found.corrected, weakest: found.weakest };
    });
  };

  /** Fetches what `groups` need; resolves to {hits: per group, each document's score + 1, bonus: phrases}. */
  Engine.prototype.scoreGroups = function (manifest, groups) {
    var self = this;
    var lookups = [];  // {word, weights, keys}
    var byName = Object.create(null);
    function lookup(word, weights) {
      var name = (weights === PHRASE_WEIGHT ? "p:" : "w:") + word.folded + (word.prefix ? "*" : "") + (word.marked ? ":" + word.form : "");
      if (!(name in byName)) {
        byName[name] = lookups.length;
        lookups.push({ word: word, weights: weights, keys: shardsFor(word.folded, manifest.shards, word.prefix), places: null });
      }
      return byName[name];
    }
    // Where each typed word is found at best, per document (place + 1), to say why a result matched.
    var typed = [];
    groups.forEach(function (group) {
      group.alternatives[0].forEach(function (word) { typed.push(lookup(word, PLACE_WEIGHT)); });
    });
    var plan = groups.map(function (group) {
      return group.alternatives.map(function (words) {
        return {
          words: words.map(function (word) { return lookup(word, PLACE_WEIGHT); }),
          phrases: pairsOf(words).map(function (pair) { return lookup(phraseOf(pair[0], pair[1]), PHRASE_WEIGHT); }),
        };
      });
    });
    var between = [];
    for (var g = 0; g + 1 < groups.length; g++) {
      var left = groups[g].alternatives[0];
      between.push(lookup(phraseOf(left[left.length - 1], groups[g + 1].alternatives[0][0]), PHRASE_WEIGHT));
    }
    var names = [];
    lookups.forEach(function (entry) {
      entry.keys.forEach(function (key) { if (names.indexOf(key) < 0) names.push(key); });
    });
    return Promise.all(names.map(function (key) { return self.file(shardFile(key)); })).then(function (shards) {
      var shardByKey = Object.create(null);
      names.forEach(function (key, i) { shardByKey[key] = shards[i]; });
      var count = manifest.space;
      typed.forEach(function (at) { lookups[at].places = new Int8Array(count); });
      var hits = lookups.map(function (entry) {
        return matchWord(entry.word, entry.keys.map(function (key) { return shardByKey[key]; }), count, entry.weights, entry.places);
      });
      var weakest = new Int8Array(count);
      typed.forEach(function (at) {
        var places = lookups[at].places;
        for (var doc = 0; doc < count; doc++) {
          if (places[doc] && (!weakest[doc] || places[doc] < weakest[doc])) weakest[doc] = places[doc];
        }
      });
      var bonus = new Int32Array(count);
      between.forEach(function (at) { addBonus(bonus, hits[at]); });
      return {
        hits: plan.map(function (alternatives) {
          var best = new Int32Array(count);
          // One group is one thing meant (`HT` as `hieu truong`, `cai cach hanh chinh` as `cchc`): it
          // scores as one word, by its weakest word plus its phrases per word — so *Hạnh* in a name
          // with the rest in the body does not outrank the field *Cải cách hành chính* itself.
          alternatives.forEach(function (alternative) {
            var size = alternative.words.length;
            for (var doc = 0; doc < count; doc++) {
              var total = -1;
              for (var w = 0; w < alternative.words.length; w++) {
                var hit = hits[alternative.words[w]][doc];
                if (!hit) { total = -1; break; }
                if (total < 0 || hit - 1 < total) total = hit - 1;
              }
              if (total < 0) continue;
              var phrases = 0;
              for (var p = 0; p < alternative.phrases.length; p++) {
                var phrase = hits[alternative.phrases[p]][doc];
                if (phrase) phrases += phrase - 1;
              }
              total = 1 + total + Math.round(phrases / size);
              if (total > best[doc]) best[doc] = total;
            }
          });
          return best;
        }),
        bonus: bonus,
        weakest: weakest,
      };
    });
  };

  /** For groups that match nothing, the terms one edit away (TYPO_MIN letters or more); resolves to
   *  {groups, corrected: [{from, to}]} with those groups replaced by their corrections. With `also`
   *  (a group's index), that group too, though its word matches terms as typed. */
  Engine.prototype.correct = function (manifest, groups, also) {
    var self = this;
    var wanted = groups.map(function (group) {
      var word = group.alternatives[0].length === 1 && group.alternatives.length === 1 ? group.alternatives[0][0] : null;
      if (!word || word.folded.length < TYPO_MIN || /\d/.test(word.folded)) return null;
      var keys = [];
      oneEditVariants(word.folded).forEach(function (variant) {
        shardsFor(variant, manifest.shards, false).forEach(function (key) { if (keys.indexOf(key) < 0) keys.push(key); });
      });
      return { word: word, keys: keys };
    });
    return Promise.all(wanted.map(function (want) {
      if (!want) return null;
      return Promise.all(want.keys.map(function (key) { return self.file(shardFile(key)); }));
    })).then(function (loaded) {
      var corrected = [];
      var fixed = groups.map(function (group, g) {
        var want = wanted[g];
        if (!want) return group;
        var word = want.word;
        var own = false;
        var candidates = [];
        loaded[g].forEach(function (shard) {
          for (var term in shard) {
            if (term.indexOf(" ") >= 0) continue;
            if (word.prefix ? term.lastIndexOf(word.folded, 0) === 0 : term === word.folded) own = true;
            else if (oneEdit(word.folded, term)) candidates.push([term, shard[term]]);
          }
        });
        if ((own && g !== also) || !candidates.length) return group;
        candidates.sort(function (a, b) { return postingsLength(b[1]) - postingsLength(a[1]) || (a[0] < b[0] ? -1 : 1); });
        candidates = candidates.slice(0, 3);
        corrected.push({ from: word.form, to: commonForm(candidates[0][0], candidates[0][1]), term: candidates[0][0], entry: candidates[0][1] });
        return {
          alternatives: candidates.map(function (c) {
            return [{ form: c[0], folded: c[0], marked: false, prefix: false }];
          }),
        };
      });
      return { groups: fixed, corrected: corrected };
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

  /** The lead and achievements of document `id` ([] when the index has none): fetched only for results
   *  whose words are in them or in the body, a KB or two each. */
  Engine.prototype.excerpts = function (id) {
    var self = this;
    return this.manifest().then(function (manifest) {
      var size = manifest.excerptChunkSize;
      if (!size) return [];
      return self.file("tom-tat-" + Math.floor(id / size) + ".json").then(function (rows) {
        var row = rows[id % size];
        return Array.isArray(row) ? row : [];
      });
    });
  };

  var EXCERPT = 160;  // characters a result shows of its lead or an achievement

  /** What a result shows of `texts` (its lead, then its achievements): about EXCERPT characters around the
   *  first word the query matches, cut at words, "…" where cut; the lead's start when no word matches
   *  (the word was in the body). */
  function excerptOf(texts, query) {
    if (!texts.length) return "";
    var text = texts[0], at = -1;
    for (var i = 0; i < texts.length && at < 0; i++) {
      WORD.lastIndex = 0;
      var match;
      while ((match = WORD.exec(texts[i])) !== null) {
        if (matchedLength(match[0], query)) { text = texts[i]; at = match.index; break; }
      }
    }
    var chars = Array.from(text);
    if (chars.length <= EXCERPT) return text;
    var startChar = at < 0 ? 0 : Math.max(0, Array.from(text.slice(0, at)).length - 40);
    var end = Math.min(chars.length, startChar + EXCERPT);
    var piece = chars.slice(startChar, end).join("");
    if (startChar > 0) piece = "…" + piece.replace(/^\S*\s+/, "");
    if (end < chars.length) piece = piece.replace(/\s+\S*$/, "") + "…";
    return piece;
  }

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
    var corrected = doc.querySelector("[data-search-corrected]");
    var empty = doc.querySelector("[data-search-empty]");
    var filtersFold = form.querySelector("[data-search-filters]");
    if (filtersFold) filtersFold.hidden = false;  // without JavaScript the filters would do nothing
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
      if (filtersFold && selects.some(function (select) { return select.value; })) filtersFold.open = true;
    }

    function count(n) {
      return n.toLocaleString("vi-VN");
    }

    /** "Hiển thị kết quả cho «đông thạnh»": the query with its corrected words, when there are. */
    function showCorrected(found) {
      if (!corrected) return;
      corrected.textContent = "";
      corrected.hidden = !found.corrected.length;
      if (!found.corrected.length) return;
      var words = found.typed.map(function (word) {
        var fix = found.corrected.filter(function (c) { return c.from === word; })[0];
        return fix ? fix.to : word;
      });
      var parts = t.corrected.split("{q}");
      corrected.appendChild(doc.createTextNode(parts[0]));
      var em = doc.createElement("em");
      em.textContent = words.join(" ");
      corrected.appendChild(em);
      corrected.appendChild(doc.createTextNode(parts.slice(1).join("{q}")));
    }

    function announce() {
      var total = current.ids.length;
      if (empty) empty.hidden = total > 0;
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
      // A word found only in the achievements or the body: say so, since the lines above cannot show it.
      var weakest = current.weakest ? current.weakest[result.id] : 0;
      if (weakest === 1 || weakest === 2) {
        var why = line("search-result-why");
        why.textContent = weakest === 1 ? t.matchedBody : t.matchedSummary;
        li.appendChild(why);
        // And the lead, its words marked, once it is here: the result is shown without waiting for it.
        var excerpt = line("search-result-excerpt");
        li.appendChild(excerpt);
        engine.excerpts(result.id).then(function (texts) {
          var text = excerptOf(texts, query);
          if (text) marked(excerpt, text, query); else excerpt.remove();
        }, function () { excerpt.remove(); });
      }
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
        current = { ids: found.ids, query: found.query, shown: 0, weakest: found.weakest };
        list.textContent = "";
        more.hidden = true;
        found.typed = words(s.q);
        showCorrected(found);
        if (found.empty) {
          if (empty) empty.hidden = true;
          say("");
          return null;
        }
        if (!found.ids.length) {
          announce();
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
    expandQuery: expandQuery,
    oneEdit: oneEdit,
    oneEditVariants: oneEditVariants,
    highlight: highlight,
    excerptOf: excerptOf,
    Engine: Engine,
    start: start,
  };
});
