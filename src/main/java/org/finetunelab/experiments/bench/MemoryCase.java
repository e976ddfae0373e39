package org.finetunelab.experiments.bench;

import ai.djl.Device;
import org.finetunelab.model.Devices;
import org.finetunelab.model.Gpt;
import org.finetunelab.model.GptConfig;
import org.finetunelab.train.Trainer;

import java.io.IOException;
import java.util.List;

/**
 * The memory of one training case, measured in a Java process of its own. A process keeps the memory it
 * has freed for reuse (the lab's malloc settings ask for exactly that, because it makes training faster),
 * so after one case its resident size no longer shows what the next case needs; a fresh process per case
 * does. The child trains the case for one run's steps and prints one line that the parent reads.
 */
public final class MemoryCase {
    private static final String TAG = "memory-case";

    /**
     * @param residentBeforeBytes resident memory once the engine runs and the model is built, before training
     * @param peak                peaks over the whole child process (heap, resident high-water mark, resident at the end)
     * @param error               why the case could not be measured, or null
     */
    public record Result(BenchPreset preset, TrainingThroughput.Method method, long residentBeforeBytes,
                         MemoryProbe.Peak peak, String error) {
        /** Resident memory that training added on top of the built model. */
        public long addedByTrainingBytes() {
            return peak.residentPeakBytes() - residentBeforeBytes;
        }
    }

    private MemoryCase() {
    }

    /** Runs the case in a child JVM with this JVM's options and environment. */
    public static Result measure(BenchPreset preset, TrainingThroughput.Method method, BenchConfig config) {
        try {
            String[] f = ChildJvm.run(MemoryCase.class, List.of(preset.name(), preset.config().toJson(),
                    Integer.toString(preset.batchSize()), method.name(), Integer.toString(config.stepsPerRun()),
                    Integer.toString(config.loraRank())), TAG, 30);
            return new Result(preset, method, Long.parseLong(f[0]),
                    new MemoryProbe.Peak(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])), null);
        } catch (IOException | RuntimeException e) {
            return failed(preset, method, e.getMessage());
        }
    }

    private static Result failed(BenchPreset preset, TrainingThroughput.Method method, String why) {
        return new Result(preset, method, -1, new MemoryProbe.Peak(-1, -1, -1), why);
    }

    /** The child: {@code NAME CONFIG_JSON BATCH METHOD STEPS LORA_RANK}. */
    public static void main(String[] args) {
        BenchPreset preset = new BenchPreset(args[0], GptConfig.fromJson(args[1], "the bench's preset"), Integer.parseInt(args[2]));
        TrainingThroughput.Method method = TrainingThroughput.Method.valueOf(args[3]);
        int steps = Integer.parseInt(args[4]);
        int rank = Integer.parseInt(args[5]);
        Device device = Devices.current();
        try (Gpt model = TrainingThroughput.model(preset, method, rank, device)) {
            long before = MemoryProbe.peak().residentNowBytes();
            try (Trainer trainer = TrainingThroughput.trainer(model, preset, steps, 7)) {
                trainer.fit();
            }
            MemoryProbe.Peak peak = MemoryProbe.peak();   // the whole process is this case
            System.out.println(TAG + " " + before + " " + peak.heapBytes() + " " + peak.residentPeakBytes() + " "
                    + peak.residentNowBytes());
        }
        System.exit(0);   // the engine's threads would otherwise keep the process alive a little longer
    }
}
