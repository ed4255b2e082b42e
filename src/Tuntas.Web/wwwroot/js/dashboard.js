// Draws the dashboard's monthly trend from its table (progressive enhancement: without this
// script, or without Chart.js, the table itself is the trend).
(function () {
  "use strict";

  function draw() {
    var table = document.querySelector("table[data-chart='trend']");
    var figure = document.querySelector("figure.chart");
    if (!table || !figure || typeof window.Chart === "undefined") {
      return;
    }

    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    if (rows.length < 2) {
      return;
    }

    var labels = rows.map(function (r) { return r.getAttribute("data-label"); });
    var counts = rows.map(function (r) { return Number(r.getAttribute("data-count")); });
    var targets = rows.map(function (r) {
      var t = r.getAttribute("data-target");
      return t === "" ? null : Number(t);
    });
    var style = getComputedStyle(document.documentElement);
    var accent = style.getPropertyValue("--accent").trim() || "#0b6e4f";
    var muted = style.getPropertyValue("--muted").trim() || "#5b6670";
    var locale = document.documentElement.lang === "en" ? "en-GB" : "id-ID";

    var datasets = [{
      label: table.getAttribute("data-label-count"),
      data: counts,
      borderColor: accent,
      backgroundColor: accent,
      borderWidth: 3,
      pointRadius: 2,
      tension: 0,
    }];
    if (targets.some(function (t) { return t !== null; })) {
      datasets.push({
        label: table.getAttribute("data-label-target"),
        data: targets,
        borderColor: muted,
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: 0,
        tension: 0,
      });
    }

    figure.hidden = false;
    document.documentElement.classList.add("chart-drawn");
    new window.Chart(document.getElementById("trend-chart"), {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: locale,
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 } },
          x: { grid: { display: false } },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
