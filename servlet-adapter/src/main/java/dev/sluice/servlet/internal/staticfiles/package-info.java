/**
 * The default servlet: static files with conditional requests, byte ranges, media types and directory listings.
 * Reads its webapp only through {@code StaticSource}. Uses deploy and http.
 */
package dev.sluice.servlet.internal.staticfiles;
