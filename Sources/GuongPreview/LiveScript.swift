import Foundation
import GuongKit
import GuongRender

/// The script every served page loads: it listens to the server's events, reloads the page when a
/// change touched it, and lays the check's problems over the page while the latest edit has errors.
/// Problems are put in with `textContent`, never as HTML: they quote the schools' files.
enum LiveScript {
    /// Where the server answers, at the root whatever the site's base path.
    static let scriptPath = "/__guong/live.js"
    static let eventsPath = "/__guong/events"

    /// What `SiteRenderer` injects before `</body>` when serving (and never in `guong build`).
    static let tag = "<script src=\"\(scriptPath)\" defer></script>\n"

    static let source: String = {
        let strings = [
            "title": PreviewStrings.overlayTitle, "note": PreviewStrings.overlayNote, "noteNoSite": PreviewStrings.overlayNoteNoSite,
            "hide": PreviewStrings.overlayHide, "more": PreviewStrings.overlayMore,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(strings)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return """
        (function () {
          "use strict";
          var text = \(json);
          var loadedAt = performance.timeOrigin || (Date.now() - performance.now());
          var version = null;
          var overlay = null;
          function show(problems, hasSite) {
            if (overlay) { overlay.remove(); overlay = null; }
            if (!problems.length) return;
            overlay = document.createElement("div");
            overlay.id = "guong-problems";
            overlay.setAttribute("role", "alert");
            overlay.setAttribute("lang", "vi");
            overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
              "background:#fff8f6;color:#1c2430;border-top:4px solid #8b1a1a;padding:1rem 1.25rem;" +
              "font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.25)";
            var title = document.createElement("p");
            title.style.cssText = "margin:0 0 .25rem;font-weight:700;color:#8b1a1a";
            title.textContent = text.title;
            var note = document.createElement("p");
            note.style.cssText = "margin:0 0 .5rem";
            note.textContent = hasSite ? text.note : text.noteNoSite;
            var list = document.createElement("pre");
            list.style.cssText = "margin:0 0 .75rem;white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace";
            var shown = problems.slice(0, 100);
            list.textContent = shown.join("\\n") +
              (problems.length > shown.length ? "\\n" + text.more.replace("%d", problems.length - shown.length) : "");
            var hide = document.createElement("button");
            hide.type = "button";
            hide.textContent = text.hide;
            hide.addEventListener("click", function () { overlay.remove(); overlay = null; });
            overlay.append(title, note, list, hide);
            document.body.appendChild(overlay);
          }
          // A page reloads when a change touched it, or when it may have missed one.
          var here = decodeURI(location.pathname).replace(/index\\.html$/, "");
          var hadSite = false;
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("state", function (event) {
            var state = JSON.parse(event.data);
            if (version === null) {
              version = state.version;
              hadSite = state.hasSite;
              if (state.hasSite && state.builtAt > loadedAt) { location.reload(); return; }
            } else if (state.version !== version) {
              if (!hadSite || state.previous !== version || state.changed === null || state.changed.indexOf(here) >= 0) {
                location.reload();
                return;
              }
              version = state.version;
            }
            show(state.problems, state.hasSite);
          });
        })();

        """
    }()
}
