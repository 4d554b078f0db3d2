// The status page's charts: the last ten minutes of /sluice/status/history, one point a second, drawn with uPlot
// (served by this server from /sluice/status/uplot/). Each second it asks only for the seconds it has not drawn.
(function () {
  'use strict';
  var root = document.getElementById('charts');
  if (!root) {
    return;
  }
  if (typeof uPlot === 'undefined') {
    root.textContent = 'The chart library did not load; the tables beside this still show the live figures.';
    root.setAttribute('data-state', 'no-library');
    return;
  }
  var maxThreads = root.getAttribute('data-max-threads');
  var acceptQueue = root.getAttribute('data-accept-queue');
  var maxConnections = root.getAttribute('data-max-connections');
  // [history column, legend label, colour]; the colours stay apart for the common kinds of colour blindness.
  var CHARTS = [
    {id: 'connections', title: 'Connections (maxConnections ' + maxConnections + ')',
      series: [['open', 'open', '#2f7fb5'], ['idle', 'idle keep-alive', '#7fc4e8']]},
    {id: 'workers', title: 'Workers busy (maxThreads ' + maxThreads + ') and requests queued (acceptQueue '
        + acceptQueue + ')', series: [['busy', 'workers busy', '#1b9e77'], ['queued', 'queued', '#e6a100']]},
    {id: 'requests', title: 'Requests per second',
      series: [['requestsPerSecond', 'completed /s', '#3d5a80'], ['rejectedPerSecond', '503 /s', '#d1495b']]},
    {id: 'latency', title: 'p99 of the requests that ended in each second (ms)',
      series: [['queueP99Ms', 'in the queue', '#e6a100'], ['serviceP99Ms', 'being served', '#7b4fb3']]}
  ];
  // Ticks on whole seconds (one sample a second), labelled as wall-clock time.
  var TIME_AXIS = {space: 70, incrs: [1, 5, 10, 15, 30, 60, 120, 300, 600],
    values: function (u, ticks) {
      return ticks.map(function (t) { return new Date(t * 1000).toTimeString().slice(0, 8); });
    }};
  var columns = {time: []};
  CHARTS.forEach(function (c) { c.series.forEach(function (s) { columns[s[0]] = []; }); });
  var last = 0;
  var capacity = 600;

  function width() {
    return Math.max(280, root.clientWidth);
  }

  function dataOf(chart) {
    return [columns.time].concat(chart.series.map(function (s) { return columns[s[0]]; }));
  }

  var plots = CHARTS.map(function (chart) {
    var box = document.createElement('div');
    box.className = 'chart';
    box.id = 'chart-' + chart.id;
    var h = document.createElement('h3');
    h.textContent = chart.title;
    box.appendChild(h);
    root.appendChild(box);
    var series = [{}].concat(chart.series.map(function (s) {
      return {label: s[1], stroke: s[2], width: 2, points: {show: false}};
    }));
    return new uPlot({width: width(), height: 170, series: series, scales: {y: {range: nonNegative}},
      axes: [TIME_AXIS, {size: 56}]}, dataOf(chart), box);
  });

  // From 0 up, with head room; never below 1 so a quiet server draws flat lines at the bottom, not mid-chart.
  function nonNegative(u, min, max) {
    return [0, Math.max(1, max * 1.1)];
  }

  function append(h) {
    capacity = h.capacity;
    Object.keys(columns).forEach(function (k) {
      var col = columns[k];
      Array.prototype.push.apply(col, h[k]);
      if (col.length > capacity) {
        col.splice(0, col.length - capacity);
      }
    });
    if (h.time.length > 0) {
      last = h.time[h.time.length - 1];
    }
  }

  function refresh() {
    fetch('/sluice/status/history?since=' + last, {cache: 'no-store'})
      .then(function (r) { return r.json(); })
      .then(function (h) {
        append(h);
        plots.forEach(function (p, i) { p.setData(dataOf(CHARTS[i])); });
        root.setAttribute('data-samples', columns.time.length);
      })
      .catch(function () {});
  }

  window.addEventListener('resize', function () {
    plots.forEach(function (p) { p.setSize({width: width(), height: 170}); });
  });
  // For the browser test and curious developers: the charts and the columns they draw.
  window.SluiceCharts = {plots: plots, columns: columns};
  refresh();
  setInterval(refresh, 1000);
})();
