package org.finetunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import org.finetunelab.model.Forward;

/**
 * The loss of learning from pairs: for each pair's margin m (how much more the chosen answer is preferred than the
 * rejected one), −log σ(m), averaged over the pairs. A reward model's margin is a difference of rewards, DPO's a
 * difference of log-probability gains.
 */
public final class PairwiseLoss {
    private PairwiseLoss() {
    }

    /**
     * The mean of −log σ(m) = log(1 + e^−m) over {@code margins}, computed as max(−m, 0) + log(1 + e^−|m|) so that it
     * never overflows. Its constants are tensors of the pass, as autograd needs (no Java numbers in the graph).
     */
    public static NDArray of(Forward f, NDArray margins) {
        NDArray x = margins.neg();
        NDArray softplus = NDArrays.maximum(x, f.scalar(0f)).add(x.abs().neg().exp().add(f.scalar(1f)).log());
        return softplus.sum().div(f.scalar(margins.getShape().get(0)));
    }
}
