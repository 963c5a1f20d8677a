// Reorder a list by dragging (mouse and touch via the HTML5 drag events) or with the arrow buttons (keyboard).
// The hidden inputs travel with their items, so submitting the form sends the new order.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-reorder]").forEach(function (list) {
      var dragged = null;
      list.addEventListener("dragstart", function (event) {
        dragged = event.target.closest("li");
        event.dataTransfer.effectAllowed = "move";
        dragged.classList.add("dragging");
      });
      list.addEventListener("dragend", function () {
        if (dragged) dragged.classList.remove("dragging");
        dragged = null;
      });
      list.addEventListener("dragover", function (event) {
        var over = event.target.closest("li");
        if (!dragged || !over || over === dragged) return;
        event.preventDefault();
        var box = over.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? over.nextSibling : over);
      });
      list.addEventListener("click", function (event) {
        var button = event.target.closest("[data-move]");
        if (!button) return;
        var item = button.closest("li");
        var sibling = button.dataset.move === "-1" ? item.previousElementSibling : item.nextElementSibling;
        if (!sibling) return;
        list.insertBefore(item, button.dataset.move === "-1" ? sibling : sibling.nextSibling);
        button.focus();
      });
    });
  });
})();
