package org.keepalivelab.ui.timeline;

/**
 * What the timeline shows at one moment, kept as it was by a reader the live view must not move under:
 * the PNG export's "visible range", taken when its dialog opens.
 *
 * @param start        the window's start, ns since the lab started
 * @param end          its end
 * @param firstConn    the connection of the first lane on screen; 0 while there is no lane
 * @param lastConn     that of the last lane on screen (lanes go in order of connection: every one
 *                     between is on screen too); 0 while there is no lane
 * @param selectedConn the highlighted lane's connection, 0 for none
 */
public record VisibleWindow(long start, long end, int firstConn, int lastConn, int selectedConn) {
}
