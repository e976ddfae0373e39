package org.finetunelab.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every step's numbers, in order; as a Tablesaw table for notebooks and plots. */
public final class TrainingHistory {
    private final List<StepRecord> records = new ArrayList<>();

    public void add(StepRecord r) {
        records.add(r);
    }

    public List<StepRecord> records() {
        return Collections.unmodifiableList(records);
    }

    public int size() {
        return records.size();
    }

    public StepRecord last() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }

    /** Drops records from {@code step} on (used when resuming from an earlier checkpoint). */
    public void truncateFrom(long step) {
        records.removeIf(r -> r.step() >= step);
    }

    /** Columns: step, train_loss, val_loss (missing where not measured), lr, grad_norm, tokens_per_s. */
    public Table table() {
        LongColumn step = LongColumn.create("step");
        DoubleColumn train = DoubleColumn.create("train_loss");
        DoubleColumn val = DoubleColumn.create("val_loss");
        DoubleColumn lr = DoubleColumn.create("lr");
        DoubleColumn norm = DoubleColumn.create("grad_norm");
        DoubleColumn speed = DoubleColumn.create("tokens_per_s");
        for (StepRecord r : records) {
            step.append(r.step());
            train.append(r.trainLoss());
            if (r.evaluated()) {
                val.append(r.valLoss());
            } else {
                val.appendMissing();
            }
            lr.append(r.learningRate());
            norm.append(r.gradNorm());
            speed.append(r.tokensPerSecond());
        }
        return Table.create("training history", step, train, val, lr, norm, speed);
    }
}
