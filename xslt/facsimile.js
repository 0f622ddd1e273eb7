// teikit facsimile viewer: the page image beside the text, following the reader. The page
// marks its page breaks (data-surface) and the elements tied to zones of an image
// (data-zone; a line is a mark where it begins); the panel holds the surfaces this page
// reaches (data-facsimile). OpenSeadragon (vendored) draws the images; without it, or
// when an image cannot be loaded, the panel says so and the text stays as it is.
(function () {
  "use strict";

  var panel = document.querySelector("aside.facsimile");
  if (!panel) return;
  var data;
  try { data = JSON.parse(panel.getAttribute("data-facsimile")); } catch (e) { return; }
  var view = panel.querySelector(".facs-view");
  var note = panel.querySelector(".facs-note");
  var label = panel.querySelector(".facs-label");
  var text = document.querySelector("main") || document.body;
  var order = data.order || [];
  var current = null, viewer = null, overlays = {}, zoneList = [], focusIndex = -1;
  var highlights = window.CSS && CSS.highlights && window.Highlight;
  document.body.classList.add("with-facsimile");
  panel.hidden = false;

  function quiet(message) {  // a placeholder, never a broken page
    note.textContent = message;
    note.hidden = false;
    view.classList.add("facs-empty");
  }

  function tileSource(s, plain) {
    if (s.kind === "iiif" && !plain) return s.src.replace(/\/$/, "") + "/info.json";
    if (s.kind === "iiif" || s.kind === "image") return { type: "image", url: s.src };
    if (s.kind === "levels") {
      return { type: "legacy-image-pyramid", levels: s.src.map(function (l) {
        return { url: l.url, width: l.width, height: l.height };
      }) };
    }
    return null;
  }

  function show(key, zone) {
    var s = data.surfaces[key];
    if (!s) return;
    if (key === current) { if (zone) fit(zone); return; }
    current = key;
    label.textContent = s.label + " (" + (order.indexOf(key) + 1) + "/" + order.length + ")";
    note.hidden = true;
    view.classList.remove("facs-empty");
    clearOverlays();
    var source = tileSource(s, false);
    if (!source) { quiet("No image of page " + s.label + (s.name ? ": " + s.name : "") + "."); return; }
    if (!window.OpenSeadragon) { quiet("The image viewer is not available."); return; }
    if (!viewer) {
      viewer = OpenSeadragon({ element: view, showNavigationControl: false,
        crossOriginPolicy: false, preserveViewport: false, visibilityRatio: 0.5,
        gestureSettingsMouse: { clickToZoom: false }, keyboardNavEnabled: false });
      panel.viewer = viewer;  // (for a script that drives the page: the tests)
      viewer.addHandler("open", function () {
        var s = data.surfaces[current];
        drawZones(s);
        if (pendingZone) { fit(pendingZone); pendingZone = null; }
      });
      viewer.addHandler("open-failed", function () {
        var s = data.surfaces[current];
        if (s && s.kind === "iiif" && !s.triedPlain) {  // a base that is no IIIF service
          s.triedPlain = true;
          viewer.open(tileSource(s, true));
          return;
        }
        quiet("The image of page " + (s ? s.label : "") + " could not be loaded" +
              (s && s.name ? " (" + s.name + ")" : "") + ".");
      });
    }
    pendingZone = zone || null;
    viewer.open(source);
  }
  var pendingZone = null;

  function zoneRect(z, s) {
    var width = viewer.world.getItemAt(0).getContentSize().x || s.w || 1;
    var scale = s.w ? width / s.w : 1;  // zones are in the source's pixels
    return viewer.world.getItemAt(0).imageToViewportRectangle(
      z[1] * scale, z[2] * scale, z[3] * scale, z[4] * scale);
  }

  function fit(zoneId) {
    if (!viewer || !viewer.world.getItemAt(0)) { pendingZone = zoneId; return; }
    var s = data.surfaces[current], z = find(s, zoneId);
    if (z) viewer.viewport.fitBounds(zoneRect(z, s));
  }

  function find(s, zoneId) {
    for (var i = 0; i < s.zones.length; i++) if (s.zones[i][0] === zoneId) return s.zones[i];
    return null;
  }

  function clearOverlays() {
    if (viewer) viewer.clearOverlays();
    overlays = {};
    zoneList = [];
    focusIndex = -1;
  }

  function drawZones(s) {
    clearOverlays();
    s.zones.forEach(function (z) {
      if (!text.querySelector('[data-zone="' + cssEscape(z[0]) + '"]')) return;  // nothing here
      var box = document.createElement("div");
      box.className = "facs-zone";
      box.setAttribute("data-zone", z[0]);
      if (z[5]) {  // the outline, in the box's own coordinates
        var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        svg.setAttribute("viewBox", z[1] + " " + z[2] + " " + Math.max(z[3], 1) + " " + Math.max(z[4], 1));
        svg.setAttribute("preserveAspectRatio", "none");
        var poly = document.createElementNS("http://www.w3.org/2000/svg", "polygon");
        poly.setAttribute("points", z[5]);
        svg.appendChild(poly);
        box.appendChild(svg);
        box.classList.add("facs-polygon");
      }
      box.addEventListener("mouseenter", function () { mark(z[0], false); });
      box.addEventListener("mouseleave", function () { unmark(); });
      box.addEventListener("click", function () { mark(z[0], true); });
      viewer.addOverlay({ element: box, location: zoneRect(z, s) });
      overlays[z[0]] = box;
      zoneList.push(z[0]);
    });
  }

  function cssEscape(v) { return window.CSS && CSS.escape ? CSS.escape(v) : v.replace(/["\\]/g, "\\$&"); }

  // The text of a zone: an element, or a line from its mark to the next mark.
  function rangeOf(el) {
    var range = document.createRange();
    if (!el.classList.contains("zone-start")) { range.selectNodeContents(el); return range; }
    range.setStartAfter(el);
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_ELEMENT);
    walker.currentNode = el;
    var block = el.parentElement;
    var next = null;
    while (walker.nextNode()) {
      var n = walker.currentNode;
      if (n.classList.contains("zone-start") || n.hasAttribute("data-surface")) { next = n; break; }
      if (!block.contains(n)) { break; }
    }
    if (next && block.contains(next)) range.setEndBefore(next);
    else range.setEndAfter(block.lastChild || el);
    return range;
  }

  var marked = [];
  function mark(zoneId, scroll) {
    unmark();
    var els = text.querySelectorAll('[data-zone="' + cssEscape(zoneId) + '"]');
    if (!els.length) return;
    if (overlays[zoneId]) overlays[zoneId].classList.add("active");
    var ranges = [];
    els.forEach(function (el) {
      if (el.classList.contains("zone-start")) ranges.push(rangeOf(el));
      else { el.classList.add("facs-active"); marked.push(el); }
    });
    if (ranges.length && highlights) CSS.highlights.set("facs-line", new Highlight(ranges[0]));
    else els.forEach(function (el) { el.classList.add("facs-active"); marked.push(el); });
    if (scroll) {
      var target = ranges.length ? ranges[0] : els[0];
      var rect = target.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > window.innerHeight) {
        window.scrollBy({ top: rect.top - window.innerHeight / 3 });
      }
    }
  }

  function unmark() {
    marked.forEach(function (el) { el.classList.remove("facs-active"); });
    marked = [];
    if (highlights) CSS.highlights.delete("facs-line");
    Object.keys(overlays).forEach(function (k) { overlays[k].classList.remove("active"); });
  }

  // The zone under the reader's pointer: the element's own, or the line it is in.
  function zoneAt(target, x, y) {
    var block = target.closest ? target.closest("[data-zone]:not(.zone-start):not(.pb)") : null;
    var node = null;
    if (document.caretRangeFromPoint) {
      var r = document.caretRangeFromPoint(x, y);
      node = r && r.startContainer;
    }
    if (node) {
      var walker = document.createTreeWalker(text, NodeFilter.SHOW_ELEMENT);
      walker.currentNode = node;
      while (walker.previousNode()) {
        var n = walker.currentNode;
        if (n.classList.contains("zone-start")) {
          if (rangeOf(n).comparePoint(node, 0) === 0) return n.getAttribute("data-zone");
          break;
        }
        if (n.hasAttribute("data-surface") || (block && n === block)) break;
      }
    }
    return block ? block.getAttribute("data-zone") : null;
  }

  var lastZone = null;
  text.addEventListener("mousemove", function (e) {
    var z = zoneAt(e.target, e.clientX, e.clientY);
    if (z === lastZone) return;
    lastZone = z;
    if (z && overlays[z]) { mark(z, false); } else { unmark(); }
  });
  text.addEventListener("mouseleave", function () { lastZone = null; unmark(); });
  text.querySelectorAll("[data-zone]:not(.zone-start):not(.pb)").forEach(function (el) {
    if (!el.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
      el.setAttribute("tabindex", "0");
    }
  });
  text.addEventListener("focusin", function (e) {
    var el = e.target.closest && e.target.closest("[data-zone]:not(.zone-start)");
    if (el && overlays[el.getAttribute("data-zone")]) mark(el.getAttribute("data-zone"), false);
  });
  text.addEventListener("focusout", unmark);

  // Keyboard on the image: arrows step through its zones, + − 0 zoom, PageUp/Down turn.
  view.addEventListener("keydown", function (e) {
    var handled = true;
    if (e.key === "ArrowDown" || e.key === "ArrowRight") step(1);
    else if (e.key === "ArrowUp" || e.key === "ArrowLeft") step(-1);
    else if (e.key === "+" || e.key === "=") zoom(1.4);
    else if (e.key === "-") zoom(1 / 1.4);
    else if (e.key === "0") home();
    else if (e.key === "PageDown") turn(1);
    else if (e.key === "PageUp") turn(-1);
    else handled = false;
    if (handled) e.preventDefault();
  });
  function step(d) {
    if (!zoneList.length) return;
    focusIndex = Math.max(0, Math.min(zoneList.length - 1, focusIndex + d));
    mark(zoneList[focusIndex], true);
  }
  function zoom(f) { if (viewer) { viewer.viewport.zoomBy(f); viewer.viewport.applyConstraints(); } }
  function home() { if (viewer) viewer.viewport.goHome(); }
  function turn(d) {
    var i = order.indexOf(current) + d;
    if (i < 0 || i >= order.length) return;
    var key = order[i];
    var marker = text.querySelector('[data-surface="' + cssEscape(key) + '"].pb, section[data-surface="' + cssEscape(key) + '"]');
    following = false;  // the reader chose a page: the text goes there (or the image does)
    if (marker) marker.scrollIntoView();
    show(key);
    setTimeout(function () { following = true; }, 200);
  }
  panel.querySelector(".facs-prev").addEventListener("click", function () { turn(-1); });
  panel.querySelector(".facs-next").addEventListener("click", function () { turn(1); });
  panel.querySelector(".facs-zoom-in").addEventListener("click", function () { zoom(1.4); });
  panel.querySelector(".facs-zoom-out").addEventListener("click", function () { zoom(1 / 1.4); });
  panel.querySelector(".facs-home").addEventListener("click", home);

  // Following the reader: the page being read is the last page mark above the reading line.
  var markers = Array.prototype.slice.call(
    text.querySelectorAll(".pb[data-surface], section[data-surface]"));
  var following = true, ticking = false;
  function follow() {
    ticking = false;
    if (!following) return;
    var line = window.innerHeight * 0.35, found = null;
    for (var i = 0; i < markers.length; i++) {
      if (markers[i].getBoundingClientRect().top <= line) found = markers[i]; else break;
    }
    var key = found ? found.getAttribute("data-surface") : data.start;
    show(key, found ? found.getAttribute("data-zone") : null);
  }
  window.addEventListener("scroll", function () {
    if (!ticking) { ticking = true; setTimeout(follow, 80); }  // (a timer, not a frame:
    // frames are not drawn for a page in the background, and the panel should be right
    // when the reader comes back)
  }, { passive: true });
  follow();
})();
