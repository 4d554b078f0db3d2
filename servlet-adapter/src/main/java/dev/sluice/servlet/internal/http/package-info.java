/**
 * HTTP details with no servlet state: cookies, dates, header parameters, forms, locales and charsets, redirect
 * locations and session ids in URLs, and the core request and response seen through the servlet API. Uses only
 * core and the servlet API.
 */
package dev.sluice.servlet.internal.http;
