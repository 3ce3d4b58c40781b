package org.keepalivelab.cli;

import org.keepalivelab.ui.export.PngExport;

/** A PNG's size in pixels, as {@code --png-size} gives it. */
record PngSize(int width, int height) {
    PngSize {
        PngExport.checkSize(width, height);
    }
}
