// After everything has loaded, asks the server which connections carried this page and shows the answer.
"use strict";

window.addEventListener("load", async function () {
  const section = document.getElementById("figures");
  const status = document.getElementById("figures-status");
  const note = document.getElementById("figures-note");
  const images = Array.from(document.querySelectorAll(".tiles img"));
  const loaded = images.filter((img) => img.complete && img.naturalWidth > 0).length;
  section.dataset.imagesLoaded = String(loaded);
  const imagesLine = loaded === images.length
    ? "All " + images.length + " images loaded."
    : loaded + " of " + images.length + " images loaded.";

  let summary;
  try {
    summary = await SluiceGallery.fetchSummary();
  } catch (e) {
    status.className = "error";
    status.textContent = "Could not get the server's figures: " + e.message + ". " + imagesLine;
    return;
  }
  section.dataset.requests = String(summary.requests);
  section.dataset.connections = String(summary.connections.length);

  if (!summary.browserKnown) {
    status.className = "error";
    status.textContent = "Your browser did not send back the gallery's cookie, so its requests could not be "
      + "told from anyone else's. " + imagesLine;
    return;
  }
  if (!summary.serverFigures) {
    status.textContent = "This server does not tell webapps which connection carried a request (no "
      + "dev.sluice.connection.id attribute), so the gallery cannot answer. It counted "
      + summary.requests + " requests from this page. " + imagesLine;
    return;
  }

  const count = summary.connections.length;
  status.textContent = "This page took " + summary.requests + " requests over " + count
    + (count === 1 ? " connection. " : " connections. ") + imagesLine;
  SluiceGallery.fillTable(document.getElementById("figures-table"), summary);

  // Request number 1 on a connection means this page opened it; a higher one, that it was kept alive.
  const opened = summary.connections.filter((c) => c.firstRequestNumber === 1).length;
  const kept = count - opened;
  const notes = [kept === 0
    ? "Every one of them was opened for this page."
    : opened + " of them were opened for this page; " + kept + " had been kept alive from an earlier one."];
  if (summary.unattributed > 0) {
    notes.push(summary.unattributed + " requests came without connection figures.");
  }
  if (summary.summaryRequest) {
    notes.push("The figures themselves came over connection #" + summary.summaryRequest.connectionId
      + " as its request number " + summary.summaryRequest.requestNumber + ".");
  }
  note.textContent = notes.join(" ");
  note.hidden = false;
});
