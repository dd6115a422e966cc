/* The review page's autocomplete boxes take their accessible name from the field's label:
   select2 names its box (and the text box inside it) after the value shown, so an empty
   box had no name at all. */
function nameBoxes() {
  document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var container = select.nextElementSibling;
    if (!label || !container) return;
    container.querySelectorAll(".select2-selection, .select2-selection__rendered").forEach(
      function (part) {
        part.setAttribute("aria-label", label.textContent.trim());
        part.removeAttribute("aria-labelledby");
      }
    );
  });
}

// After select2 has built its boxes: jQuery runs the admin's ready handlers asynchronously.
window.addEventListener("load", function () {
  window.setTimeout(nameBoxes, 0);
});
