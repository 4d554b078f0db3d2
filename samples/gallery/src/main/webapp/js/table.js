// Fills the table of connections from a summary.
"use strict";
window.SluiceGallery = window.SluiceGallery || {};

SluiceGallery.fillTable = function (table, summary) {
  const body = table.tBodies[0];
  body.replaceChildren();
  const most = Math.max(1, ...summary.connections.map((c) => c.requests));
  for (const connection of summary.connections) {
    const row = body.insertRow();
    row.dataset.connectionId = String(connection.id);
    row.insertCell().textContent = "#" + connection.id;

    const requests = row.insertCell();
    requests.className = "num";
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.style.width = (4 * connection.requests / most) + "rem";
    requests.append(bar, String(connection.requests));

    const numbers = row.insertCell();
    numbers.className = "num";
    numbers.textContent = connection.firstRequestNumber === connection.lastRequestNumber
      ? String(connection.firstRequestNumber)
      : connection.firstRequestNumber + "\u2013" + connection.lastRequestNumber;
  }
  const attributed = summary.requests - summary.unattributed;
  table.querySelector("#figures-total").textContent = String(attributed);
  table.hidden = summary.connections.length === 0;
};
