// Behaviour every page shares, kept out of the markup so the Content-Security-Policy can forbid inline code.
(function () {
  "use strict";
  // A <select data-autosubmit> (the language switcher) submits its form as soon as it changes.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches && field.matches("select[data-autosubmit]") && field.form) field.form.submit();
  });
})();
