// Fetches what the server recorded for this browser's page view (see ConnectionsServlet).
"use strict";
window.SluiceGallery = window.SluiceGallery || {};

SluiceGallery.fetchSummary = async function () {
  const response = await fetch("connections.json", { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) {
    throw new Error("connections.json answered " + response.status);
  }
  return response.json();
};
