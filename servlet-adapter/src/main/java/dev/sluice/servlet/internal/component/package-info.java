/**
 * Creating webapp components with their lifecycle callbacks, the webapp's listeners, and {@code AppScope}: what
 * the parts beneath the runtime may see of their webapp. Uses deploy.
 */
package dev.sluice.servlet.internal.component;
