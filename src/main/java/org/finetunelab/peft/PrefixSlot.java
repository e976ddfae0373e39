package org.finetunelab.peft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.finetunelab.model.AttentionPrefix;
import org.finetunelab.model.Forward;
import org.finetunelab.model.Module;
import org.finetunelab.model.Parameter;


/**
 * The learned keys and values in front of one attention layer. The layer has one such place, so several
 * named prefixes share it; the enabled ones are concatenated (normally just one).
 */
final class PrefixSlot extends AttentionPrefix {
    private final int heads;
    private final int headSize;
    private final EnabledNames enabled = new EnabledNames();

    PrefixSlot(int heads, int headSize) {
        this.heads = heads;
        this.headSize = headSize;
    }

    /** One prefix of one layer: keys and values of shape (heads, length, headSize). */
    static final class LayerPrefix extends Module {
        final Parameter keys;
        final Parameter values;
        final int layer;
        PrefixEncoder encoder;   // while not null, the prefixes come from the encoder instead

        LayerPrefix(NDArray keys, NDArray values, int layer, PrefixEncoder encoder) {
            this.keys = parameter("keys", keys);
            this.values = parameter("values", values);
            this.layer = layer;
            this.encoder = encoder;
        }

        NDList keysAndValues(Forward f, long batch) {
            long[] shape = keys.array().getShape().getShape();   // (H, P, hs)
            long h = shape[0];
            long p = shape[1];
            long hs = shape[2];
            if (encoder == null) {
                return new NDList(Init.inPass(f, keys.array(), batch, h, p, hs),
                        Init.inPass(f, values.array(), batch, h, p, hs));
            }
            long width = h * hs;
            NDArray all = encoder.prefixes(f);   // (P, layers · 2 · width)
            long start = 2 * layer * width;
            NDArray k = all.get(":, " + start + ":" + (start + width));
            NDArray v = all.get(":, " + (start + width) + ":" + (start + 2 * width));
            return new NDList(toHeads(f, k, batch, p, h, hs), toHeads(f, v, batch, p, h, hs));
        }

        /** (P, width) → (B, H, P, hs). */
        private static NDArray toHeads(Forward f, NDArray x, long batch, long p, long h, long hs) {
            NDArray perHead = x.reshape(p, h, hs).transpose(1, 0, 2);
            return f.manager().zeros(new Shape(batch, h, p, hs)).add(perHead);
        }
    }

    void add(String name, LayerPrefix prefix) {
        child(name, prefix);
    }

    boolean has(String name) {
        return children().containsKey(name);
    }

    void setEnabled(String name, boolean on) {
        enabled.set(name, on);
    }

    @Override
    public NDList keysAndValues(Forward f, long batchSize) {
        NDList keys = new NDList();
        NDList values = new NDList();
        for (var e : children().entrySet()) {
            if (enabled.isEnabled(e.getKey())) {
                NDList kv = ((LayerPrefix) e.getValue()).keysAndValues(f, batchSize);
                keys.add(kv.get(0));
                values.add(kv.get(1));
            }
        }
        if (keys.isEmpty()) {   // every prefix switched off: zero extra positions
            Shape none = new Shape(batchSize, heads, 0, headSize);
            return new NDList(f.manager().zeros(none), f.manager().zeros(none));
        }
        return keys.size() == 1 ? new NDList(keys.get(0), values.get(0))
                : new NDList(NDArrays.concat(keys, 2), NDArrays.concat(values, 2));
    }
}
