package org.finetunelab.experiments.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The practical fp32 peak of this machine: how many floating-point operations per second one large
 * square matrix product reaches through the same engine the model uses. Model FLOPs utilisation is
 * measured against this figure, not against a number from a data sheet.
 */
public final class MatmulPeak {
    private MatmulPeak() {
    }

    /**
     * @param n       the matrices are n×n; an n×n·n×n product costs 2·n³ floating-point operations
     * @param repeats timed runs; each runs enough products to last a few hundred milliseconds
     * @return GFLOP/s over the runs
     */
    public static Stats measure(Device device, int n, int repeats) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            NDArray a = manager.randomNormal(new Shape(n, n));
            NDArray b = manager.randomNormal(new Shape(n, n));
            double flops = 2.0 * n * n * n;
            int products = productsPerRun(a, b, flops);
            double[] gflops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                multiply(a, b, products);
                double seconds = (System.nanoTime() - t0) / 1e9;
                gflops[r] = flops * products / seconds / 1e9;
            }
            return Stats.of(gflops);
        }
    }

    /** Warms up and picks how many products make one run last about 0.3 s. */
    private static int productsPerRun(NDArray a, NDArray b, double flops) {
        multiply(a, b, 2);
        long t0 = System.nanoTime();
        multiply(a, b, 2);
        double perProduct = Math.max((System.nanoTime() - t0) / 2e9, 1e-6);
        return (int) Math.max(2, Math.min(200, Math.round(0.3 / perProduct)));
    }

    private static void multiply(NDArray a, NDArray b, int times) {
        try (NDManager scope = a.getManager().newSubManager()) {
            NDArray last = null;
            for (int i = 0; i < times; i++) {
                NDArray c = a.matMul(b);
                c.attach(scope);
                if (last != null) {
                    last.close();
                }
                last = c;
            }
            last.getFloat(0, 0);   // waits for the device (matters on a GPU, where work is queued)
        }
    }
}
