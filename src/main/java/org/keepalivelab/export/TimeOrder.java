package org.keepalivelab.export;

import org.keepalivelab.model.Timeline;

/**
 * The indexes of a timeline's events in time order, equal times in the order appended, as primitive
 * ints: a capture's millions of events are sorted without an object each. A file is nearly always in
 * time order already, which costs one pass.
 */
final class TimeOrder {

    private TimeOrder() {
    }

    static int[] of(Timeline timeline) {
        int n = timeline.size();
        int[] order = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            sorted &= i == 0 || timeline.t(i - 1) <= timeline.t(i);
        }
        if (!sorted) {
            mergeSort(timeline, order, new int[n], 0, n);
        }
        return order;
    }

    /** A stable merge sort of {@code order[from..to)} by time. */
    private static void mergeSort(Timeline timeline, int[] order, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(timeline, order, scratch, from, middle);
        mergeSort(timeline, order, scratch, middle, to);
        if (timeline.t(order[middle - 1]) <= timeline.t(order[middle])) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < middle && timeline.t(scratch[left]) <= timeline.t(scratch[right]))) {
                order[i] = scratch[left++];
            } else {
                order[i] = scratch[right++];
            }
        }
    }
}
