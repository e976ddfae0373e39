package org.finetunelab.grading.checks;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Assertions whose messages say where an array differs, in the words of the exercise ("forward: row 1, column 0:
 * expected 0.5 but was 2.0"), plus the small matrix helpers the checks compute their expectations with.
 */
public final class Expect {
    private Expect() {
    }

    public static void close(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(actual) || Math.abs(expected - actual) > tolerance) {
            fail(what + ": expected " + fmt(expected) + " but was " + fmt(actual));
        }
    }

    public static void close(double[] expected, double[] actual, double tolerance, String what) {
        assertNotNull(actual, what + ": returned null");
        assertEquals(expected.length, actual.length, what + ": wrong length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(actual[i]) || Math.abs(expected[i] - actual[i]) > tolerance) {
                fail(what + ": at [" + i + "] expected " + fmt(expected[i]) + " but was " + fmt(actual[i])
                        + (expected.length <= 8 ? " (expected " + Arrays.toString(expected) + ", got " + Arrays.toString(actual) + ")" : ""));
            }
        }
    }

    public static void close(double[][] expected, double[][] actual, double tolerance, String what) {
        shape(expected.length, expected.length == 0 ? 0 : expected[0].length, actual, what);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                if (Double.isNaN(actual[i][j]) || Math.abs(expected[i][j] - actual[i][j]) > tolerance) {
                    fail(what + ": at row " + i + ", column " + j + " expected " + fmt(expected[i][j]) + " but was " + fmt(actual[i][j]));
                }
            }
        }
    }

    public static void shape(int rows, int columns, double[][] actual, String what) {
        assertNotNull(actual, what + ": returned null");
        if (actual.length != rows) {
            fail(what + ": expected " + rows + " rows but got " + actual.length);
        }
        for (int i = 0; i < rows; i++) {
            assertNotNull(actual[i], what + ": row " + i + " is null");
            if (actual[i].length != columns) {
                fail(what + ": expected " + columns + " columns but row " + i + " has " + actual[i].length);
            }
        }
    }

    public static String fmt(double x) {
        if (x == (long) x && Math.abs(x) < 1e15) {
            return String.valueOf((long) x);
        }
        return String.format(java.util.Locale.ROOT, "%.6g", x);
    }

    // ------------------------------------------------------------ helpers for computing expectations

    public static double[][] matmul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    public static double[][] random(java.util.Random rng, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = rng.nextDouble() * 2 - 1;
            }
        }
        return m;
    }

    public static boolean same(double[][] a, double[][] b) {
        return Arrays.deepEquals(a, b);
    }
}
