// Contest pages: when a video finishes live, fetch its actions (share, enter, try again) as an htmx partial;
// copy-link buttons. Everything here is an enhancement: the pages work without it.
(function () {
  "use strict";

  document.addEventListener("job:update", function (event) {
    var snap = event.detail;
    var holder = document.getElementById("video-actions");
    if (!holder || snap.status !== "succeeded" || holder.dataset.loaded) return;
    holder.dataset.loaded = "1";
    if (window.htmx) {
      window.htmx.ajax("GET", holder.dataset.actionsUrl, { target: "#video-actions", swap: "innerHTML" });
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var input = document.querySelector(button.dataset.copy);
    if (!input) return;
    input.select();
    var done = function () { button.textContent = button.dataset.copied; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });
})();
