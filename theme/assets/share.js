// Gương — the "copy link" button of the share bar: shown only where the browser can copy, so a page
// without JavaScript keeps just its plain Zalo and Facebook links. It copies the page's canonical URL
// (the <link rel="canonical"> of the head), so the bar does not repeat it. No third-party script.
(function () {
  "use strict";
  var button = document.querySelector(".share-copy");
  var canonical = document.querySelector("link[rel=canonical]");
  if (!button || !canonical || !navigator.clipboard) return;
  var status = button.parentNode.querySelector(".share-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(canonical.href).then(function () {
      if (status) status.textContent = button.dataset.copied;
    });
  });
})();
