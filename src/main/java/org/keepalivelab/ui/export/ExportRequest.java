package org.keepalivelab.ui.export;

import org.keepalivelab.ui.theme.Theme;

/**
 * What the user asked the PNG to hold.
 *
 * @param wholeLab the lab's whole time range; otherwise the range visible in the window
 */
public record ExportRequest(boolean wholeLab, int width, int height, Theme theme) {
}
