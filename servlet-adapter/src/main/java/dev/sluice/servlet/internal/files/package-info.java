/**
 * Folder trees: copying and deleting them ({@code FileTrees}). Uses no other part. The one part other modules
 * may use too: the distribution's deploy command and the Arquillian container copy and remove webapp folders with
 * it, as the adapter does its unpacked wars and work folders (it is about webapp folders, which the servlet-free
 * {@code core} knows nothing of).
 */
package dev.sluice.servlet.internal.files;
