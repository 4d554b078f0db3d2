/**
 * HTTP details with no servlet state: cookies, dates, header parameters, forms, locales and charsets, and the
 * core request and response seen through the servlet API. Uses only core.
 */
package dev.sluice.servlet.internal.http;
