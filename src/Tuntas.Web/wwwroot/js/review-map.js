// The review page's map: draws the points of the plain list (this visit, the desa's centre of visits,
// the household's earlier visits, the desa's other visits) with Leaflet. Without tiles (an empty
// Tuntas:Map:TileUrl) or without a connection to the tile server the points still show on a blank
// background; without JavaScript the list is what the reviewer reads.
(function () {
  "use strict";
  var box = document.querySelector("[data-review-map]");
  if (!box || !window.L) {
    return;
  }
  var items = document.querySelectorAll("[data-points] [data-point]");
  var points = [];
  for (var i = 0; i < items.length; i++) {
    var lat = parseFloat(items[i].getAttribute("data-lat"));
    var lon = parseFloat(items[i].getAttribute("data-lon"));
    if (isFinite(lat) && isFinite(lon)) {
      points.push({ lat: lat, lon: lon, kind: items[i].getAttribute("data-point"), label: items[i].getAttribute("data-label") || "" });
    }
  }
  if (points.length === 0) {
    return;
  }
  box.hidden = false;
  var map = L.map(box, { scrollWheelZoom: false });
  var tiles = box.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: box.getAttribute("data-attribution") || "" }).addTo(map);
  }
  var styles = {
    visit: { radius: 10, color: "#b42318", fillColor: "#b42318" },
    centre: { radius: 7, color: "#111827", fillColor: "#ffffff" },
    household: { radius: 7, color: "#1d4ed8", fillColor: "#1d4ed8" },
    village: { radius: 5, color: "#6b7280", fillColor: "#6b7280" }
  };
  var bounds = [];
  // The visit under review last, so that it is drawn on top.
  points.sort(function (a, b) { return (a.kind === "visit") - (b.kind === "visit"); });
  points.forEach(function (p) {
    var s = styles[p.kind] || styles.village;
    L.circleMarker([p.lat, p.lon], { radius: s.radius, color: s.color, fillColor: s.fillColor, fillOpacity: 0.8, weight: 2 })
      .bindTooltip(p.label)
      .addTo(map);
    bounds.push([p.lat, p.lon]);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
  box.setAttribute("data-ready", "true");
})();
