package org.keepalivelab.ui.desktop;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.scene.image.Image;

/**
 * The app's icon (assets/icon.svg, rendered by scripts/icons and packed into the jar by the pom) in
 * the sizes a window manager picks from for the title bar and the task switcher.
 */
public final class AppIcons {
    private static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /** Reads them: resources of the jar, so call it off the FX thread (the app's init()). */
    public static List<Image> load() {
        return SIZES.stream().flatMap(size -> Stream.ofNullable(AppIcons.class.getResource("icons/icon-" + size + ".png")))
                .map(url -> new Image(Objects.toString(url))).toList();
    }
}
