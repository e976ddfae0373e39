package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Linear;
import org.finetunelab.model.ResidualAdapter;

import java.util.Random;

/**
 * A Houlsby adapter: h + up(σ(down(h))). The down-projection squeezes the d-wide hidden vector into a few
 * dimensions, the nonlinearity lets it compute something new, the up-projection brings it back. The
 * up-projection starts at zero, so the adapter starts as the identity and the model as the base.
 */
public final class BottleneckAdapter extends ResidualAdapter {
    private final Linear down;
    private final Linear up;
    private final String nonlinearity;

    BottleneckAdapter(NDManager manager, Random rng, int width, AdapterConfig config) {
        this.down = child("down", new Linear(manager, rng, width, config.bottleneck(), 0.02f));
        this.up = child("up", new Linear(manager, rng, config.bottleneck(), width, 0f));   // all zeros
        this.nonlinearity = config.nonlinearity();
    }

    @Override
    public NDArray forward(Forward f, NDArray x) {
        NDArray h = down.forward(f, x);
        h = switch (nonlinearity) {
            case "gelu" -> Activation.gelu(h);
            case "tanh" -> h.tanh();
            default -> Activation.relu(h);
        };
        return x.add(up.forward(f, h));
    }
}
