/**
 * From a folder to a webapp's description: web.xml and fragments, annotation scanning, initializers, the webapp
 * class loader, resources, war unpacking and work folders, container settings. Uses module and the API's types.
 */
package dev.sluice.servlet.internal.deploy;
