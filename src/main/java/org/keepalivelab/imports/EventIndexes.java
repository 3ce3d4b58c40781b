package org.keepalivelab.imports;

import java.util.Arrays;

/** A growing, ascending set of event indexes in one int array: the labels assumed from the capture. */
public final class EventIndexes {
    private int[] indexes = new int[16];
    private int size;

    /** Adds {@code index}, which is above every index added before. */
    void add(int index) {
        if (size == indexes.length) {
            indexes = Arrays.copyOf(indexes, size * 2);
        }
        indexes[size++] = index;
    }

    public boolean contains(int index) {
        return Arrays.binarySearch(indexes, 0, size, index) >= 0;
    }

    public int size() {
        return size;
    }
}
