// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Person boxes: fill the datalist from the autocomplete endpoint as the user types.
  document.querySelectorAll("input[data-autocomplete]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-autocomplete");
    var timer = null;
    var last = "";
    if (!list || !url || !window.fetch) return;
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) return;
      clearTimeout(timer);
      timer = setTimeout(function () {
        last = q;
        fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            if (!data.results.length) return;
            list.replaceChildren.apply(list, data.results.map(function (p) {
              var option = document.createElement("option");
              option.value = p.name;
              return option;
            }));
          })
          .catch(function () {});
      }, 150);
    });
  });

  // On a narrow screen, start with the filters folded away (they stay open without JS).
  if (window.matchMedia && window.matchMedia("(max-width: 52rem)").matches) {
    document.querySelectorAll("details.filters").forEach(function (details) {
      var form = details.querySelector("form");
      var hasErrors = details.querySelector(".field__error");
      if (!hasErrors) details.removeAttribute("open");
      if (form) form.setAttribute("data-folded", "");
    });
  }
})();
