// teikit reading views: on a page with a critical apparatus or choices, the reader picks the
// text of one witness (or the critical text) and a diplomatic or normalized spelling. The
// page holds every reading (the others hidden), so this only shows and hides; the choice
// goes into the address (?witness=ID&view=diplomatic) so that a link opens the same view.
(function () {
  "use strict";

  function children(el, cls) {
    return Array.prototype.filter.call(el.children, function (c) { return c.classList.contains(cls); });
  }

  // What witness w reads in each unit: the reading that names it, else the lemma.
  function showWitness(scope, w) {
    scope.querySelectorAll(".app").forEach(function (app) {
      var readings = children(app, "rdg");
      var pick = w ? readings.filter(function (r) {
        return (r.getAttribute("data-wit") || "").split(" ").indexOf(w) >= 0;
      })[0] : null;
      pick = pick || children(app, "lem")[0] || readings[0];
      readings.forEach(function (r) { r.hidden = r !== pick; });
    });
    scope.classList.toggle("witness-view", !!w);
  }

  function showSpelling(scope, view) {
    var diplomatic = view === "diplomatic";
    scope.querySelectorAll(".choice").forEach(function (choice) {
      var dipl = children(choice, "dipl"), norm = children(choice, "norm");
      if (!dipl.length || !norm.length) return;
      dipl.forEach(function (d) { d.hidden = !diplomatic; });
      norm.forEach(function (n) { n.hidden = diplomatic; });
    });
  }

  function apply(form) {
    var scope = form.closest("article") || document.body;
    var w = form.elements.witness ? form.elements.witness.value : "";
    var view = form.elements.view ? form.elements.view.value : "normalized";
    showWitness(scope, w);
    showSpelling(scope, view);
    var note = form.querySelector(".views-note");
    if (note) note.hidden = !w;
    return { witness: w, view: view };
  }

  function remember(state) {
    var params = new URLSearchParams(location.search);
    if (state.witness) params.set("witness", state.witness); else params.delete("witness");
    if (state.view === "diplomatic") params.set("view", "diplomatic"); else params.delete("view");
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function start() {
    var params = new URLSearchParams(location.search);
    document.querySelectorAll("form.views").forEach(function (form) {
      var w = form.elements.witness, v = form.elements.view;
      if (w && params.get("witness") &&
          Array.prototype.some.call(w.options, function (o) { return o.value === params.get("witness"); })) {
        w.value = params.get("witness");
      }
      if (v && params.get("view") === "diplomatic") v.value = "diplomatic";
      form.hidden = false;
      form.addEventListener("change", function () { remember(apply(form)); });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      apply(form);
    });
    // an entry of the apparatus and its unit in the text light up together
    document.querySelectorAll(".app-entry").forEach(function (entry) {
      var unit = document.getElementById(entry.getAttribute("data-unit"));
      if (!unit) return;
      function on() { unit.classList.add("app-focus"); entry.classList.add("app-focus"); }
      function off() { unit.classList.remove("app-focus"); entry.classList.remove("app-focus"); }
      entry.addEventListener("mouseenter", on);
      entry.addEventListener("mouseleave", off);
      entry.addEventListener("focusin", on);
      entry.addEventListener("focusout", off);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
