package dev.sluice.samples.gallery;

/**
 * What one connection carried for one page view.
 *
 * @param connectionId       the server's id of the connection
 * @param requests           how many of the view's requests it carried
 * @param firstRequestNumber the lowest request number seen on it (1 means the view opened it)
 * @param lastRequestNumber  the highest request number seen on it
 */
record ConnectionUse(long connectionId, int requests, int firstRequestNumber, int lastRequestNumber) {
}
