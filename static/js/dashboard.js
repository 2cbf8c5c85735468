// The dashboard's charts are drawn from the tables under them (the tables stay the source and work without
// JavaScript): each <figure class="chart"> names the columns to draw, whether they stack and whether they are
// percentages. Chart.js is served from the project's own static files.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") return;
  var PALETTES = {
    // Sangat Baik .. Sangat Kurang
    predikat: ["#15803d", "#65a30d", "#d97706", "#ea580c", "#b91c1c"],
    brand: ["#0b4f8a", "#2f855a", "#d69e2e", "#c05621", "#6b46c1", "#718096", "#319795"],
  };
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function number(cell) {
    var value = parseFloat(cell.dataset.value);  // the raw figure: the cell's text is written for the reader's locale
    return isNaN(value) ? 0 : value;
  }

  document.querySelectorAll("figure.chart").forEach(function (figure) {
    var table = figure.querySelector("table");
    var canvas = figure.querySelector("canvas");
    if (!table || !canvas) return;
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent.trim(); });
    var cells = Array.prototype.map.call(table.tBodies[0].rows, function (row) { return row.cells; });
    var rows = cells.map(function (row) {
      return Array.prototype.map.call(row, function (cell) { return cell.textContent.trim(); });
    });
    var series = (figure.dataset.series || "").split(",").filter(Boolean).map(Number);
    var palette = PALETTES[figure.dataset.palette] || PALETTES.brand;
    var stacked = figure.hasAttribute("data-stacked");
    var percent = figure.hasAttribute("data-percent");
    var horizontal = rows.length > 6 || rows.some(function (row) { return row[0].length > 18; });
    var datasets = series.map(function (column, index) {
      return {
        label: headers[column],
        data: cells.map(function (row) { return number(row[column]); }),
        backgroundColor: palette[index % palette.length],
        borderColor: palette[index % palette.length],
      };
    });
    var valueAxis = { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } };
    if (percent) valueAxis.max = 100;
    var room = figure.clientWidth < 520 ? 16 : 32;  // characters of a name on the axis
    var labelAxis = {
      stacked: stacked,
      ticks: {
        autoSkip: false,
        // long names (units, readings) are cut on the axis; the tooltip and the table keep them whole
        callback: function (value) {
          var label = this.getLabelForValue(value);
          return label.length > room ? label.slice(0, room - 1) + "\u2026" : label;
        },
      },
    };
    figure.querySelector(".chart-canvas").style.height = horizontal ? Math.max(220, 28 * rows.length + 80) + "px" : "260px";
    new window.Chart(canvas, {
      type: figure.dataset.kind === "line" ? "line" : "bar",
      data: { labels: rows.map(function (row) { return row[0]; }), datasets: datasets },
      options: {
        indexAxis: horizontal ? "y" : "x",
        maintainAspectRatio: false,
        animation: still ? false : { duration: 300 },
        plugins: { legend: { display: datasets.length > 1, position: "bottom" } },
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      },
    });
  });
})();
