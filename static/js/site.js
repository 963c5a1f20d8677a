// Behaviour every page shares, kept out of the markup so the Content-Security-Policy can forbid inline code.
(function () {
  "use strict";
  window.Wonder = window.Wonder || {};

  // refresh() for a live box: fetches `url` into `box` (htmx), one fetch at a time. A refresh asked for while one
  // is on the way runs once that one is back, because the news that asked for it may be newer than what the
  // server had rendered for the first.
  window.Wonder.refresher = function (box, url) {
    var pending = false, again = false;
    function done() {
      pending = false;
      if (again) refresh();
    }
    function refresh() {
      if (!window.htmx) return;
      if (pending) { again = true; return; }
      pending = true;
      again = false;
      window.htmx.ajax("GET", url, { target: box, swap: "innerHTML" }).then(done, done);
    }
    return refresh;
  };
  // A <select data-autosubmit> (the language switcher) submits its form as soon as it changes.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches && field.matches("select[data-autosubmit]") && field.form) field.form.submit();
  });
})();
