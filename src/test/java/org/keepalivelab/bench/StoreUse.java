package org.keepalivelab.bench;

import java.util.List;

/** The disk the store's files take, per event (none before the store existed). */
final class StoreUse {
    private StoreUse() {
    }

    static List<Figure> figures(String prefix, long events) {
        return List.of();
    }
}
