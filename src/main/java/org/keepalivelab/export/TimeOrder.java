package org.keepalivelab.export;

import org.keepalivelab.model.Timeline;

/**
 * The indexes of a timeline's events in time order, equal times in the order appended, as primitive
 * ints: a capture's or a run's millions of events are sorted without an object each (4 bytes an event,
 * and half as much again while it sorts). A file is nearly always in time order already, which costs
 * one pass; a lab's timeline nearly so (a kernel stamp a little older than an event appended before
 * it), whose merges then each stop after one comparison or move a few events.
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
            mergeSort(timeline, order, new int[(n + 1) / 2], 0, n);
        }
        return order;
    }

    /** A stable merge sort of {@code order[from..to)} by time; {@code scratch} holds a left half. */
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
        int lefts = middle - from;
        System.arraycopy(order, from, scratch, 0, lefts);
        int left = 0;
        int right = middle;
        int i = from;
        while (left < lefts) { // once the left half is placed, the right half's rest is where it belongs
            if (right >= to || timeline.t(scratch[left]) <= timeline.t(order[right])) {
                order[i++] = scratch[left++];
            } else {
                order[i++] = order[right++];
            }
        }
    }
}
