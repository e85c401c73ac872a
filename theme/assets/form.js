// Gương — the submission form /gui-ho-so/: makes a profile file in the reader's browser. Nothing is sent.
//
// The site's rules come from the form's data-schema attribute, which `guong build` writes from the
// site's own data (units, fields, the phase's years, photo types, the invisible characters the check
// refuses, the messages of theme/strings.yaml). The file name uses search.js's slug, the one copy of
// the rule in JavaScript (tested against the Swift vectors). The pure functions are exported for Node.
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else if (typeof document !== "undefined") {
    root.GuongForm = api;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { api.start(document); });
    } else {
      api.start(document);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var ORDER = ["kind", "name", "position", "unit", "fields", "year", "lead", "achievements", "other", "photo"];

  function nfc(text) { return String(text || "").normalize("NFC"); }
  function line(text) { return nfc(text).replace(/\s+/g, " ").trim(); }
  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (_, key) { return key in values ? values[key] : ""; });
  }

  /** The achievements typed one per line, without the bullets or numbers people type before them. */
  function achievementLines(text) {
    return nfc(text).split(/\r?\n/).map(function (item) {
      return item.replace(/^\s*(?:[-*+•–]\s*|\d{1,3}[.)]\s+)?/, "").replace(/\s+/g, " ").trim();
    }).filter(function (item) { return item.length > 0; });
  }

  /** The first character the check refuses as invisible, as `U+200B`, or "". */
  function firstInvisible(text, ranges) {
    for (var i = 0; i < text.length; i++) {
      var code = text.codePointAt(i);
      if (code > 0xffff) i++;
      for (var r = 0; r < ranges.length; r++) {
        if (code >= ranges[r][0] && code <= ranges[r][1]) {
          var hex = code.toString(16).toUpperCase();
          return "U+" + "0000".slice(hex.length) + hex;
        }
      }
    }
    return "";
  }

  function unitOf(values, data) {
    for (var i = 0; i < data.units.length; i++) if (data.units[i].id === values.unit) return data.units[i];
    return null;
  }

  /** The problems of `values` (the form's, by control name) as { name, message }, in the form's order. */
  function check(values, data) {
    var m = data.messages, problems = [];
    function add(name, message) { problems.push({ name: name, message: message }); }
    var individual = values.kind === "individual";
    if (!(values.kind in data.kinds)) add("kind", m.form_error_kind);
    var name = line(values.name);
    if (individual && !name) add("name", m.form_error_name);
    else if (name && !api.slug(name)) add("name", m.form_error_name_slug);
    if (individual && !line(values.position)) add("position", m.form_error_position);
    if (!unitOf(values, data)) add("unit", m.form_error_unit);
    var codes = data.fields.map(function (f) { return f.code; });
    var fields = (values.fields || []).filter(function (c) { return codes.indexOf(c) >= 0; });
    if (fields.length === 0) add("fields", m.form_error_fields);
    var years = (values.year || []).map(Number).filter(function (y) { return y >= data.phase[0] && y <= data.phase[1]; });
    if (years.length === 0 || years.length !== (values.year || []).length) {
      add("year", format(m.form_error_year, { phase: data.phase[0] + "–" + data.phase[1] }));
    }
    if (achievementLines(values.achievements).length === 0) add("achievements", m.form_error_achievements);
    var photo = line(values.photo);
    if (photo) {
      var dot = photo.lastIndexOf(".");
      var type = dot < 0 ? "" : photo.slice(dot + 1).toLowerCase();
      if (/[\/\\]/.test(photo) || photo.indexOf("://") >= 0 || data.photoTypes.indexOf(type) < 0) {
        add("photo", format(m.form_error_photo, { types: data.photoTypes.map(function (t) { return "." + t; }).join(", ") }));
      }
    }
    ["name", "position", "lead", "achievements", "other", "photo"].forEach(function (key) {
      var code = firstInvisible(nfc(values[key]), data.invisible);
      if (code && !problems.some(function (p) { return p.name === key; })) {
        add(key, format(m.form_error_invisible, { code: code }));
      }
    });
    problems.sort(function (a, b) { return ORDER.indexOf(a.name) - ORDER.indexOf(b.name); });
    return problems;
  }

  /** A YAML value: JSON's double-quoted string is valid YAML and keeps every character as typed. */
  function quoted(text) { return JSON.stringify(text); }

  /** Markdown text that starts no block of its own (a heading, a quote, a list) when it opens a line. */
  function plainStart(text) { return text.replace(/^([#>])/, "\\$1"); }

  /** The profile file for `values`, as `guong check` and `guong intake` take it: UTF-8, NFC, LF. */
  function profileText(values, data) {
    var individual = values.kind === "individual";
    var lines = ["---", "kind: " + values.kind];
    var name = line(values.name);
    if (name) lines.push("name: " + quoted(name));
    if (individual) lines.push("position: " + quoted(line(values.position)));
    lines.push("unit: " + values.unit);
    var codes = data.fields.map(function (f) { return f.code; });
    var fields = (values.fields || []).slice().sort(function (a, b) { return codes.indexOf(a) - codes.indexOf(b); });
    lines.push("fields: [" + fields.join(", ") + "]");
    var years = (values.year || []).map(Number).sort(function (a, b) { return a - b; });
    lines.push("year: " + (years.length === 1 ? years[0] : "[" + years.join(", ") + "]"));
    var photo = line(values.photo);
    if (photo) lines.push("photo: " + quoted(photo));
    lines.push("---", "");
    var lead = nfc(values.lead).replace(/\r\n?/g, "\n").trim();
    if (lead) lines.push(lead.split("\n").map(plainStart).join("\n"), "");
    lines.push("## " + data.messages.achievements, "");
    achievementLines(values.achievements).forEach(function (item) { lines.push("- " + plainStart(item)); });
    var other = nfc(values.other).replace(/\r\n?/g, "\n").trim();
    if (other) lines.push("", "## " + data.messages.other, "", other);
    return lines.join("\n").normalize("NFC") + "\n";
  }

  /** `nguyen-thi-minh-thu.md`: the slug of the name (a collective without one: of its unit), as intake names it. */
  function fileName(values, data) {
    var unit = unitOf(values, data);
    var title = line(values.name) || (values.kind === "collective" && unit ? unit.name : "");
    return (api.slug(title) || "ho-so") + ".md";
  }

  // ---- The page ----

  function readValues(form) {
    var values = {};
    ORDER.forEach(function (name) {
      var controls = form.querySelectorAll("[name=" + name + "]");
      if (controls.length && (controls[0].type === "checkbox")) {
        values[name] = Array.prototype.filter.call(controls, function (c) { return c.checked; }).map(function (c) { return c.value; });
      } else if (controls.length && controls[0].type === "radio") {
        var on = Array.prototype.filter.call(controls, function (c) { return c.checked; })[0];
        values[name] = on ? on.value : "";
      } else {
        values[name] = controls.length ? controls[0].value : "";
      }
    });
    return values;
  }

  function showProblems(form, problems, names) {
    var doc = form.ownerDocument;
    names.forEach(function (name) {
      var problem = problems.filter(function (p) { return p.name === name; })[0];
      var error = doc.getElementById("loi-" + name);
      if (error) {
        error.textContent = problem ? problem.message : "";
        error.hidden = !problem;
      }
      Array.prototype.forEach.call(form.querySelectorAll("[name=" + name + "]"), function (control) {
        if (control.type === "checkbox" || control.type === "radio") return;
        if (problem) control.setAttribute("aria-invalid", "true"); else control.removeAttribute("aria-invalid");
      });
    });
  }

  function showKind(form) {
    var kind = readValues(form).kind;
    Array.prototype.forEach.call(form.querySelectorAll("[data-only]"), function (row) {
      row.hidden = row.getAttribute("data-only") !== kind;
    });
    Array.prototype.forEach.call(form.querySelectorAll("details [data-kind]"), function (p) {
      p.hidden = p.getAttribute("data-kind") !== kind;
    });
  }

  function start(doc) {
    var form = doc.querySelector("[data-submission]");
    if (!form) return;
    var data = JSON.parse(form.getAttribute("data-schema"));
    var touched = {};
    var summary = form.querySelector("[data-errors]");
    var result = form.querySelector("[data-result]");
    var link = result.querySelector("[data-result-link]");
    var preview = result.querySelector("[data-result-preview]");
    var url = null;
    form.hidden = false;
    showKind(form);

    function recheck(name) {
      var problems = check(readValues(form), data);
      showProblems(form, problems, Object.keys(touched));
      return problems;
    }
    function touch(event) {
      var name = event.target.name;
      if (!name) return;
      if (name === "kind") showKind(form);
      touched[name] = true;
      if (name === "kind") touched.position = touched.position || false;
      recheck(name);
    }
    form.addEventListener("change", touch);
    form.addEventListener("input", function (event) { if (touched[event.target.name]) recheck(event.target.name); });
    form.addEventListener("focusout", touch);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      ORDER.forEach(function (name) { touched[name] = true; });
      var values = readValues(form);
      var problems = recheck();
      var list = summary.querySelector("ul");
      list.textContent = "";
      if (problems.length) {
        problems.forEach(function (problem) {
          var item = doc.createElement("li");
          var anchor = doc.createElement("a");
          var target = form.querySelector("[name=" + problem.name + "]");
          anchor.href = "#" + (target && target.id ? target.id : "loi-" + problem.name);
          anchor.textContent = problem.message;
          anchor.addEventListener("click", function (e) {
            if (!target) return;
            e.preventDefault();
            target.focus();
          });
          item.appendChild(anchor);
          list.appendChild(item);
        });
        summary.hidden = false;
        result.querySelector("[data-result-text]").textContent = "";
        link.hidden = true;
        preview.hidden = true;
        summary.focus();
        return;
      }
      summary.hidden = true;
      var text = profileText(values, data);
      var name = fileName(values, data);
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
      link.href = url;
      link.setAttribute("download", name);
      link.hidden = false;
      preview.querySelector("pre").textContent = text;
      preview.hidden = false;
      result.querySelector("[data-result-text]").textContent = format(form.getAttribute("data-created"), { file: name });
      api.lastFile = { name: name, text: text };
      link.click();
    });
  }

  var api = {
    check: check,
    profileText: profileText,
    fileName: fileName,
    achievementLines: achievementLines,
    firstInvisible: firstInvisible,
    start: start,
    lastFile: null,
    // The slug rule lives in search.js (loaded before this script on the page; required in Node).
    slug: function (text) {
      var search = (typeof GuongSearch !== "undefined") ? GuongSearch
        : (typeof require === "function" ? require("./search.js") : null);
      return search.slug(text);
    },
  };
  return api;
});
