/* sitrep map page: filters live in the URL; data comes from /api (JSON), rendered with
   textContent only (article-derived strings are untrusted). No inline scripts (CSP). */
(function () {
  "use strict";
  var TYPE_COLOURS = {
    "Battles": "#d62728",
    "Violence against civilians": "#9467bd",
    "Explosions/Remote violence": "#ff7f0e",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4"
  };
  var FILTER_KEYS = ["since", "until", "country", "admin1", "type", "sub_type", "status", "actor", "min_sources", "q"];

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function currentQuery() {
    var src = new URLSearchParams(window.location.search);
    var out = new URLSearchParams();
    FILTER_KEYS.forEach(function (k) { var v = src.get(k); if (v) { out.set(k, v); } });
    return out;
  }

  function getJSON(path, params) {
    var qs = params.toString();
    return fetch(path + (qs ? "?" + qs : ""), { headers: { "Accept": "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body && body.error ? body.error : ("HTTP " + r.status)); }
        return body;
      });
    });
  }

  function showError(msg) {
    var s = document.getElementById("summary");
    s.textContent = "";
    s.appendChild(el("span", { "class": "error-message" }, msg));
  }

  // ------------------------------------------------------------------ filters form
  var form = document.getElementById("filters");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var p = new URLSearchParams();
    FILTER_KEYS.forEach(function (k) {
      var f = form.elements.namedItem(k);
      if (f && f.value) { p.set(k, f.value); }
    });
    var qs = p.toString();
    window.location.assign("/" + (qs ? "?" + qs : ""));
  });

  var query = currentQuery();
  ["csv", "geojson", "jsonl"].forEach(function (k) {
    var a = document.getElementById("exp-" + k);
    var p = new URLSearchParams(query); p.delete("q"); p.delete("sub_type");
    var qs = p.toString();
    if (qs) { a.setAttribute("href", a.getAttribute("href") + "?" + qs); }
  });

  // ------------------------------------------------------------------ map
  // performance mark "sitrep-map-ready" once the basemap (or tiles) and the events are drawn
  var pending = { data: true, basemap: true };
  function markReady(part) {
    if (window.performance && performance.mark) { performance.mark("sitrep-" + part + "-ready"); }
    delete pending[part];
    if (!Object.keys(pending).length && window.performance && performance.mark) { performance.mark("sitrep-map-ready"); }
  }
  var mapDiv = document.getElementById("map");
  var map = L.map(mapDiv, { preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 18 }).setView([20, 20], 2);
  var tileUrl = mapDiv.getAttribute("data-tile-url");
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 18, attribution: "map tiles" }).addTo(map);
    markReady("basemap");
  } else {
    // Coarse shapes (1:110m) for the first render; finer ones (1:50m) once the user zooms in.
    var basemap = null, fineLoaded = false;
    var loadShapes = function (url) {
      return fetch(url).then(function (r) { return r.json(); }).then(function (topo) {
        var layer = L.geoJSON(topojson.feature(topo, topo.objects.countries), {
          interactive: false,
          style: { color: "#9aa4ad", weight: 0.6, fillColor: "#e9ecef", fillOpacity: 1 }
        });
        if (basemap) { map.removeLayer(basemap); }
        basemap = layer.addTo(map).bringToBack();
      });
    };
    loadShapes(mapDiv.getAttribute("data-basemap")).then(function () {
      document.body.setAttribute("data-basemap-ready", "1");
      markReady("basemap");
    }).catch(function () { document.body.setAttribute("data-basemap-ready", "error"); });
    map.on("zoomend", function () {
      if (!fineLoaded && map.getZoom() >= 4) {
        fineLoaded = true;
        loadShapes(mapDiv.getAttribute("data-basemap-fine")).catch(function () { fineLoaded = false; });
      }
    });
  }

  function popupFor(p) {
    // p = [id, lat, lon, type, status, fatalities, date, place]
    var box = el("div", { "class": "popup" });
    var a = el("a", { "href": "/events/" + encodeURIComponent(p[0]), "class": "popup-link" }, p[3]);
    box.appendChild(a);
    box.appendChild(el("div", null, (p[7] || "unknown place") + ", " + (p[6] || "date unknown")));
    box.appendChild(el("div", null, (p[5] === null ? "toll not reported" : p[5] + " killed")));
    box.appendChild(el("div", { "class": "status status-" + p[4] }, p[4]));
    return box;
  }

  function markerStyle(type, status) {
    var colour = TYPE_COLOURS[type] || "#555";
    var confirmed = status === "confirmed";
    return {
      radius: 7, color: status === "disputed" ? "#000" : colour, weight: status === "disputed" ? 2.5 : 1.5,
      fillColor: colour, fillOpacity: confirmed ? 0.9 : 0.35, dashArray: confirmed ? null : "3 2"
    };
  }

  function drawPoints(points) {
    var cluster = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 45, showCoverageOnHover: false });
    var bounds = [];
    points.forEach(function (p) {
      var m = L.circleMarker([p[1], p[2]], markerStyle(p[3], p[4]));
      m.bindPopup(function () { return popupFor(p); });
      m.options.eventId = p[0];
      cluster.addLayer(m);
      bounds.push([p[1], p[2]]);
    });
    map.addLayer(cluster);
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 }); }
  }

  function drawRegions(regions) {
    var max = 1;
    regions.forEach(function (r) { if (r.events > max) { max = r.events; } });
    var bounds = [];
    regions.forEach(function (r) {
      var radius = 4 + 26 * Math.sqrt(r.events / max);
      var c = L.circleMarker([r.lat, r.lon], { radius: radius, color: "#b22222", weight: 1, fillOpacity: 0.4 });
      var label = (r.admin1 ? r.admin1 + ", " : "") + (r.country || "?") + ": " + r.events + " events, " + r.fatalities + " killed";
      c.bindTooltip(function () { return el("span", null, label); });
      c.on("click", function () {
        var p = currentQuery();
        if (r.country) { p.set("country", r.iso || r.country); }
        if (r.admin1) { p.set("admin1", r.admin1); }
        window.location.assign("/?" + p.toString());
      });
      c.addTo(map);
      bounds.push([r.lat, r.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 }); }
  }

  // The map's data first; the legend, timeline and list ask once it is in, so that on a
  // busy server the first render does not queue behind them.
  var mapLoaded = getJSON("/api/map", query).then(function (data) {
    if (data.mode === "points") { drawPoints(data.points); } else { drawRegions(data.regions); }
    var s = document.getElementById("summary");
    s.textContent = data.count + " located events" + (data.mode === "regions" ? " (grouped by region: narrow the filters to see each event)" : "");
    document.body.setAttribute("data-map-ready", data.mode);
    markReady("data");
  }).catch(function (e) { if (window.console) { console.error(e); } showError(e.message); document.body.setAttribute("data-map-ready", "error"); });

  // ------------------------------------------------------------------ legend with counts
  var afterMap = function (fn) { mapLoaded.then(fn, fn); };
  afterMap(function () { getJSON("/api/stats/facets", query).then(function (f) {
    var legend = document.getElementById("legend");
    legend.appendChild(el("h3", null, f.total + " events"));
    Object.keys(f.types).forEach(function (t) {
      var row = el("div", { "class": "legend-row" });
      var sw = el("span", { "class": "swatch" });
      sw.style.backgroundColor = TYPE_COLOURS[t] || "#555";
      row.appendChild(sw);
      row.appendChild(el("span", null, t + " (" + f.types[t] + ")"));
      legend.appendChild(row);
    });
    var st = el("div", { "class": "legend-status" });
    Object.keys(f.statuses).forEach(function (k) { st.appendChild(el("span", { "class": "status status-" + k }, k + " " + f.statuses[k])); });
    legend.appendChild(st);
    legend.appendChild(el("p", { "class": "muted" }, "Solid: confirmed · faded, dashed: reported/unconfirmed · black ring: disputed"));
  }).catch(function () { /* the map and list show their own errors */ }); });

  // ------------------------------------------------------------------ timeline (SVG bars)
  var SVG = "http://www.w3.org/2000/svg";
  function drawTimeline(buckets, interval) {
    var box = document.getElementById("timeline");
    box.textContent = "";
    if (!buckets.length) { box.appendChild(el("p", { "class": "muted" }, "no dated events")); return; }
    var w = box.clientWidth || 800, h = 110, pad = 18;
    var max = 1;
    buckets.forEach(function (b) { if (b.events > max) { max = b.events; } });
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", w); svg.setAttribute("height", h); svg.setAttribute("role", "img");
    var bw = Math.max(1, (w - 2 * pad) / buckets.length);
    buckets.forEach(function (b, i) {
      var bh = Math.max(1, (h - 2 * pad) * b.events / max);
      var r = document.createElementNS(SVG, "rect");
      r.setAttribute("x", pad + i * bw); r.setAttribute("y", h - pad - bh);
      r.setAttribute("width", Math.max(1, bw - 1)); r.setAttribute("height", bh);
      r.setAttribute("class", "bar");
      var t = document.createElementNS(SVG, "title");
      t.textContent = b.period + ": " + b.events + " events, " + b.fatalities + " killed";
      r.appendChild(t);
      r.addEventListener("click", function () {
        var p = currentQuery();
        p.set("since", b.period);
        var end = new Date(b.period + "T00:00:00Z");
        end.setUTCDate(end.getUTCDate() + (interval === "week" ? 6 : 0));
        p.set("until", end.toISOString().slice(0, 10));
        window.location.assign("/?" + p.toString());
      });
      svg.appendChild(r);
    });
    [[0, buckets[0].period, "start"], [w - pad, buckets[buckets.length - 1].period, "end"]].forEach(function (l) {
      var tx = document.createElementNS(SVG, "text");
      tx.setAttribute("x", l[0] || pad); tx.setAttribute("y", h - 3); tx.setAttribute("text-anchor", l[2]);
      tx.textContent = l[1];
      svg.appendChild(tx);
    });
    var top = document.createElementNS(SVG, "text");
    top.setAttribute("x", pad); top.setAttribute("y", 12);
    top.textContent = "max " + max + " events per " + interval;
    svg.appendChild(top);
    box.appendChild(svg);
  }
  var tq = new URLSearchParams(query);
  var span = query.get("since") && query.get("until") ? (Date.parse(query.get("until")) - Date.parse(query.get("since"))) / 864e5 : 9999;
  var interval = span > 120 ? "week" : "day";
  tq.set("interval", interval);
  afterMap(function () { getJSON("/api/stats/timeline", tq).then(function (d) { drawTimeline(d.buckets, interval); }).catch(function () {}); });

  // ------------------------------------------------------------------ event list
  var tbody = document.querySelector("#event-list tbody");
  var more = document.getElementById("more");
  var nextCursor = null;
  function place(loc) {
    return [loc.name, loc.admin1, loc.country].filter(function (x, i, a) { return x && a.indexOf(x) === i; }).join(", ") || "?";
  }
  function loadEvents() {
    var p = new URLSearchParams(query);
    p.set("limit", "50");
    if (nextCursor) { p.set("cursor", nextCursor); }
    return getJSON("/api/events", p).then(function (page) {
      page.events.forEach(function (e) {
        var tr = el("tr", { "class": "event-row" });
        tr.appendChild(el("td", null, e.date || "?"));
        var td = el("td");
        td.appendChild(el("a", { "href": "/events/" + encodeURIComponent(e.id), "class": "event-link" }, e.sub_event_type));
        tr.appendChild(td);
        tr.appendChild(el("td", null, place(e.location || {})));
        tr.appendChild(el("td", null, [e.actor1, e.actor2].filter(Boolean).join(" vs ") || "?"));
        tr.appendChild(el("td", null, e.fatalities === null ? "–" : e.fatalities));
        tr.appendChild(el("td", { "class": "status status-" + e.status }, e.status));
        tbody.appendChild(tr);
      });
      nextCursor = page.next;
      more.hidden = !nextCursor;
      document.body.setAttribute("data-list-ready", "1");
    }).catch(function (e) { showError(e.message); });
  }
  more.addEventListener("click", loadEvents);
  afterMap(loadEvents);
})();
