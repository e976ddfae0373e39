package org.finetunelab.stats;

import java.util.stream.LongStream;

/**
 * The seeds a study runs with. One run is one draw: a different seed changes the initial values of what trains,
 * the order of the data and the dropout masks, and with them the result. Several seeds show how far a figure
 * moves by chance alone. By default 3 seeds; 1 in quick mode ({@code FINETUNE_QUICK=1}), where only the
 * mechanics are checked.
 */
public final class Seeds {
    /** The first seed; run {@code i} uses {@code FIRST + i}. */
    public static final long FIRST = 42;
    public static final int DEFAULT_COUNT = 3;

    private Seeds() {
    }

    /** 3 seeds, or 1 when {@code FINETUNE_QUICK=1}. */
    public static int defaultCount() {
        return "1".equals(System.getenv("FINETUNE_QUICK")) ? 1 : DEFAULT_COUNT;
    }

    /** {@code count} seeds starting at {@code first}: first, first + 1, ... */
    public static long[] of(int count, long first) {
        if (count < 1) {
            throw new IllegalArgumentException("seeds: " + count + " seeds asked for; run at least 1");
        }
        return LongStream.range(0, count).map(i -> first + i).toArray();
    }

    /** {@code count} seeds starting at {@value #FIRST}. */
    public static long[] of(int count) {
        return of(count, FIRST);
    }
}
