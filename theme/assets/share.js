// Gương — the "copy link" button of the share bar: shown only where the browser can copy, so a page
// without JavaScript keeps just its plain Zalo and Facebook links. No third-party script.
(function () {
  "use strict";
  var button = document.querySelector("[data-copy]");
  if (!button || !navigator.clipboard) return;
  var status = button.parentNode.querySelector(".share-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      if (status) status.textContent = button.dataset.copied;
    });
  });
})();
