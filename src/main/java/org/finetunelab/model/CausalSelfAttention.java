package org.finetunelab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.Random;

/**
 * Multi-head causal self-attention: every position mixes information from itself and earlier positions,
 * never later ones. softmax(q·kᵀ / √d + mask) · v, computed for all heads at once.
 */
public final class CausalSelfAttention extends Module {
    private final GptConfig config;
    private final int layerIndex;
    private final Linear cAttn;
    private final Linear cProj;
    private final CausalMask mask;
    private final NDArray scale;   // 1/√headSize, alive as long as the model so autograd can always read it
    private AttentionPrefix prefix;

    CausalSelfAttention(NDManager manager, Random rng, GptConfig config, int layerIndex, CausalMask mask) {
        this.config = config;
        this.layerIndex = layerIndex;
        this.mask = mask;
        this.scale = manager.full(new ai.djl.ndarray.types.Shape(), (float) (1.0 / Math.sqrt(config.headSize())));
        int d = config.dModel();
        this.cAttn = child("c_attn", new Linear(manager, rng, d, 3 * d, 0.02f));
        // Residual projections start smaller so that the sum over many layers stays well scaled (GPT-2).
        this.cProj = child("c_proj", new Linear(manager, rng, d, d, (float) (0.02 / Math.sqrt(2.0 * config.nLayers()))));
    }

    public Linear cAttn() {
        return cAttn;
    }

    public Linear cProj() {
        return cProj;
    }

    /** Installs learned keys/values that every position can attend to (prefix tuning). */
    public void setPrefix(String name, AttentionPrefix prefix) {
        if (this.prefix != null) {
            throw new IllegalStateException("layer " + layerIndex + " already has an attention prefix: a method cannot be applied twice.");
        }
        child(name, prefix);
        this.prefix = prefix;
    }

    public NDArray forward(Forward f, NDArray x, KvCache cache) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int h = config.nHeads();
        int hs = config.headSize();

        // Heads in front, (B,T,3D) → (B,3H,T,hs); q, k and v are then the three thirds of the head axis, each
        // (B,H,T,hs). Views only, no copies, and three engine calls for all of them.
        NDArray projected = cAttn.forward(f, x);
        NDArray heads = t == 1
                ? projected.reshape(b, 3L * h, 1, hs)   // one position (generation with the cache): no axis to move
                : projected.reshape(b, t, 3L * h, hs).transpose(0, 2, 1, 3);
        NDList qkv = heads.split(3, 1);
        NDArray q = qkv.get(0);
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);

        long past = 0;   // positions before the first query
        NDArray kT;      // keys transposed, (B,H,hs,Tk): the layout q·kᵀ reads
        if (cache != null) {
            past = cache.length();
            NDList pastAndNew = cache.append(f, layerIndex, k, v);
            kT = pastAndNew.get(0);
            v = pastAndNew.get(1);
        } else {
            kT = k.transpose(0, 1, 3, 2);
        }

        int prefixLength = 0;
        if (prefix != null) {
            NDList kv = prefix.keysAndValues(f, b);
            kT = kv.get(0).transpose(0, 1, 3, 2).concat(kT, 3);
            v = kv.get(1).concat(v, 2);
            prefixLength = Math.toIntExact(kv.get(0).getShape().get(2));
        }

        // (B,H,T,hs)·(B,H,hs,Tk) → (B,H,T,Tk) attention scores, scaled so their variance stays near 1. Scaling q
        // instead of the scores gives the same result with Tk/hs times fewer multiplications.
        NDArray scores = q.mul(scale).matMul(kT);
        NDArray visible = mask.slice(f, t, past, prefixLength);
        if (visible != null) {
            scores = scores.add(visible);
        }
        NDArray weights = scores.softmax(-1);
        if (f.training() && config.dropout() > 0) {
            weights = weights.getNDArrayInternal().dropout(weights, config.dropout(), true).singletonOrThrow();
        }
        NDArray y = weights.matMul(v);                // (B,H,T,hs)
        if (t > 1) {
            y = y.transpose(0, 2, 1, 3);              // (B,T,H,hs); with one position the order is already right
        }
        return cProj.forward(f, y.reshape(b, t, (long) h * hs));   // heads side by side again
    }
}
