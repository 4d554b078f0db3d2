/**
 * The public API of the servlet adapter: {@link dev.sluice.servlet.ServletContainer} and its builder, realms,
 * session stores, and {@link dev.sluice.servlet.ContainerModule}, the seam for optional modules. Only the
 * container and its builder reach into {@code internal}.
 */
package dev.sluice.servlet;
