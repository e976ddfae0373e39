#!/usr/bin/python3
"""Checks that interrupting a training cell leaves the Java kernel usable and the model consistent,
and that native memory stays flat over ten short training runs in one kernel.

  kernel_interrupt.py --kernel NAME [--log FILE] [--counts FILE]

Steps, all in one kernel started with jupyter_client (Debian's python3-jupyter-client):
  1. a cell trains a tiny model for many steps; once it reports progress the check sends an interrupt
     (what the notebook's stop button does);
  2. the next cell must answer: the trainer must have ended with reason "stopped", its step count, its
     history and its final checkpoint must agree, every weight must be finite, and the weights must be
     bit-identical to a fresh run of exactly that many steps (a half-applied update would differ);
  3. ten short training runs (model and trainer closed after each); the kernel's resident memory
     (VmRSS in /proc/PID/status) after the last run may exceed that after the third by at most
     RSS_TOLERANCE_MB, comparing the median of runs 8-10 with that of runs 4-6 (see below).
Should the kernel not take in a message (a cell makes no progress at all, or the interrupt never shows in
the kernel's log), the check says so and runs once more with a fresh kernel.

Prints one line per check ("ok ..." or "FAIL ...") and writes "passed failed" to --counts.
"""
import argparse
import queue
import sys
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

# Each short run builds a 1.3M-parameter model: weights, gradients and AdamW's two moments are about
# 21 MB of native memory, so runs that released nothing would add about 80 MB between run 5 and run 9.
# Single readings jump by up to 150 MB (the JVM's heap and glibc's arenas breathing; measured on this
# 2-core machine: 591 609 557 685 593 743 610 657 596 747 MB), while a longer series settles and then
# grows about 0.5 MB per run (each cell compiles new JShell classes). So the check compares medians:
# runs 8-10 against runs 4-6 (the first runs load classes and fill memory pools once).
RSS_TOLERANCE_MB = 40
EARLY_RUNS = (4, 6)
LATE_RUNS = (8, 10)
RUNS = 10
START_ATTEMPTS = 3
# rapaio-jupyter-kernel logs every control message it takes in; an interrupt that never shows there did not
# reach the kernel.
INTERRUPT_HANDLED = "[ControlChannel]: Handling message: interrupt_request"
INTERRUPT_DELIVERY_S = 15

SETUP = r"""
import java.util.concurrent.*;
int[] interruptStream(int n) {
    int[] t = new int[n];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < n; ) { int s = r.nextInt(23), d = 1 + r.nextInt(3); for (int k = 0; k < 12 && i < n; k++) t[i++] = (s + k * d) % 23; }
    return t;
}
GptConfig interruptModel = new GptConfig(23, 16, 32, 2, 2, 4, 0f, true, "gelu", 1e-5f);
TrainConfig interruptTraining = TrainConfig.defaults(1_000_000).withWarmup(10);
TokenWindows interruptData = TokenWindows.builder(interruptStream(4000)).batchSize(4).windowLength(16).seed(3).build();
java.nio.file.Path interruptFolder = java.nio.file.Files.createTempDirectory("interrupt-check");
Gpt model = Gpt.create(interruptModel, 7, Device.cpu());
Trainer trainer = Trainer.builder(model).config(interruptTraining).train(interruptData).noValidation().build();
CountDownLatch ended = new CountDownLatch(1);
String[] endReason = new String[1];
trainer.checkpointTo(interruptFolder.resolve("run")).addListener(new TrainingListener() {
    public void onStep(StepRecord r) { if (r.step() % 50 == 0) { System.out.println("training step " + r.step()); System.out.flush(); } }
    public void onEnd(TrainingResult r) { endReason[0] = r.stopReason(); ended.countDown(); }
});
System.out.println("pid " + ProcessHandle.current().pid());
"""

TRAIN = "trainer.fit();"

CHECK = r"""
if (!ended.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the trainer did not end after the interrupt");
long steps = trainer.nextStep();
if (!"stopped".equals(endReason[0])) throw new IllegalStateException("stop reason " + endReason[0]);
if (trainer.history().records().size() != steps) throw new IllegalStateException("history has " + trainer.history().records().size() + " records for " + steps + " steps");
for (var e : model.namedParameters().entrySet())
    for (float x : e.getValue().array().toFloatArray()) if (!Float.isFinite(x)) throw new IllegalStateException(e.getKey() + " is not finite");
int compareWith(Gpt other, String what) {
    int differing = 0;
    for (var e : model.namedParameters().entrySet())
        if (!java.util.Arrays.equals(e.getValue().array().toFloatArray(), other.namedParameters().get(e.getKey()).array().toFloatArray())) differing++;
    if (differing > 0) throw new IllegalStateException(differing + " parameters differ from " + what);
    return differing;
}
try (Gpt replay = Gpt.create(interruptModel, 7, Device.cpu());
     Trainer again = Trainer.builder(replay).config(interruptTraining).train(interruptData).noValidation().build()) {
    again.addListener(new TrainingListener() { public void onStep(StepRecord r) { if (r.step() + 1 == steps) again.requestStop(); } });
    again.fit();
    compareWith(replay, "a fresh run of " + steps + " steps");
}
try (Gpt restored = Gpt.create(interruptModel, 99, Device.cpu());
     Trainer resumed = Trainer.builder(restored).config(interruptTraining).train(interruptData).noValidation().build()) {
    resumed.checkpointTo(interruptFolder.resolve("run"));
    resumed.requestStop();
    resumed.fit();
    if (resumed.nextStep() != steps) throw new IllegalStateException("the checkpoint is at step " + resumed.nextStep() + ", the trainer at " + steps);
    compareWith(restored, "the final checkpoint");
}
System.out.println("consistent after " + steps + " steps");
"""

SHORT_RUN = r"""
try (Gpt m = Gpt.create(new GptConfig(4096, 32, 128, 4, 4, 4, 0f, true, "gelu", 1e-5f), 5, Device.cpu());
     Trainer t = Trainer.builder(m).config(TrainConfig.defaults(10)).train(TokenWindows.builder(interruptStream(4000)).batchSize(8).windowLength(32).seed(3).build()).noValidation().build()) {
    t.fit();
}
System.gc();
System.out.println("run done");
"""


class Kernel:
    """A kernel and a client; execute() runs one cell and gathers what it printed."""

    def __init__(self, name, log, startup_timeout):
        self.log_path = None if log.name == "/dev/null" else log.name
        # Like notebooks.py: a kernel that does not answer at start-up is started again (see KernelFlake).
        for attempt in range(1, START_ATTEMPTS + 1):
            self.manager = KernelManager(kernel_name=name)
            self.manager.start_kernel(stdout=log, stderr=log)
            self.client = self.manager.client()
            self.client.start_channels()
            try:
                self.client.wait_for_ready(timeout=startup_timeout)
                return
            except RuntimeError:
                self.close()
                if attempt == START_ATTEMPTS:
                    raise
                print("kernel did not answer in %d s, starting it again" % startup_timeout, file=log, flush=True)

    def execute(self, code, timeout=120, on_output=None):
        """(status, printed text, error line) of one cell; on_output(text) sees each piece as it comes."""
        msg_id = self.client.execute(code, store_history=False)
        deadline = time.monotonic() + timeout
        printed, error, status = [], None, None
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the cell did not finish in %d s" % timeout)
            try:
                msg = self.client.get_iopub_msg(timeout=min(left, 1))
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                printed.append(content["text"])
                if on_output:
                    on_output(content["text"])
            elif kind == "error":
                error = "%s: %s" % (content.get("ename"), content.get("evalue"))
            elif kind == "status" and content["execution_state"] == "idle":
                break
        # rapaio-jupyter-kernel 3.0.1 sends no reply for an interrupted cell: its idle status ends it.
        try:
            reply = self.client.get_shell_msg(timeout=3)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = self.client.get_shell_msg(timeout=3)
            status = reply["content"]["status"]
        except queue.Empty:
            status = "no reply"
        return status, "".join(printed), error

    def interrupts_received(self):
        """How many interrupt requests the kernel has logged as handled, or None without a readable log."""
        if self.log_path is None:
            return None
        try:
            return Path(self.log_path).read_text(errors="replace").count(INTERRUPT_HANDLED)
        except OSError:
            return None

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


class KernelFlake(Exception):
    """The kernel did not take in a message. KernelLauncher repairs the cause found so far (a channel thread
    that ends at its start, see src/main/kernel/KernelLauncher.java); should another remain, a fresh kernel
    works."""

    def __init__(self, pid, message):
        super().__init__(message)
        self.pid = pid


class CellHung(KernelFlake):
    """A cell made no progress at all."""


class InterruptLost(KernelFlake):
    """The interrupt never reached the kernel: its log shows no interrupt request handled."""


def dump_threads(pid, log):
    """Writes the kernel JVM's thread stacks to the log, to find where a hung cell waits."""
    import subprocess
    log.write("\n--- thread dump of the kernel (pid %d) ---\n" % pid)
    log.flush()
    subprocess.run(["jcmd", str(pid), "Thread.print"], stdout=log, stderr=log, timeout=30, check=False)


def resident_mb(pid):
    for line in Path("/proc/%d/status" % pid).read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS for process %d" % pid)


def interrupt_during_training(kernel):
    status, text, error = kernel.execute(SETUP, timeout=120)
    if status != "ok":
        raise AssertionError("the set-up cell failed: %s" % error)
    pid = int(text.split("pid ")[1].split()[0])

    seen = {"steps": 0}
    sent = {"at": None}

    def interrupt_once_training(piece):
        seen["steps"] += piece.count("training step")
        if seen["steps"] >= 2 and sent["at"] is None:
            sent["at"] = time.monotonic()
            sent["received"] = kernel.interrupts_received()
            kernel.manager.interrupt_kernel()
        elif (sent["at"] is not None and time.monotonic() - sent["at"] > INTERRUPT_DELIVERY_S
              and sent["received"] is not None and kernel.interrupts_received() == sent["received"]):
            raise InterruptLost(pid, "the kernel did not receive the interrupt in %d s (its log shows no interrupt"
                                     " request handled) and kept training" % INTERRUPT_DELIVERY_S)

    try:
        status, text, error = kernel.execute(TRAIN, timeout=90, on_output=interrupt_once_training)
    except TimeoutError:
        if sent["at"] is None:
            raise CellHung(pid, "the training cell printed no progress in 90 s")
        raise
    if sent["at"] is None:
        raise AssertionError("training never reported progress, so it was not interrupted")
    waited = time.monotonic() - sent["at"]
    if status == "ok":
        raise AssertionError("the interrupted cell reported success")
    status, text, error = kernel.execute(CHECK, timeout=120)
    if status != "ok":
        raise AssertionError("after the interrupt: %s" % error)
    return pid, "%s; the cell returned %.1f s after the interrupt" % (text.strip(), waited)


def memory_over_runs(kernel, pid):
    sizes = []
    for run in range(RUNS):
        status, _, error = kernel.execute(SHORT_RUN, timeout=120)
        if status != "ok":
            raise AssertionError("short run %d failed: %s" % (run + 1, error))
        sizes.append(resident_mb(pid))
    def median(first, last):
        return sorted(sizes[first - 1:last])[(last - first) // 2]

    growth = median(*LATE_RUNS) - median(*EARLY_RUNS)
    listing = " ".join("%.0f" % s for s in sizes)
    summary = "median of runs %d-%d minus runs %d-%d: %.1f MB (limit %d MB); MB per run: %s" % (
        LATE_RUNS + EARLY_RUNS + (growth, RSS_TOLERANCE_MB, listing))
    if growth > RSS_TOLERANCE_MB:
        raise AssertionError("resident memory grew: " + summary)
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--log", default="/dev/null", help="where the kernel's own output goes")
    parser.add_argument("--counts", help="file to write 'passed failed' to")
    parser.add_argument("--startup-timeout", type=int, default=45, help="seconds for one attempt to start the kernel")
    args = parser.parse_args()
    passed = failed = 0
    started = time.monotonic()
    with open(args.log, "w") as log:
        for attempt in (1, 2):
            kernel = None
            try:
                kernel = Kernel(args.kernel, log, args.startup_timeout)
                pid, note = interrupt_during_training(kernel)
                print("  ok   interrupting a training cell: %s" % note, flush=True)
                passed += 1
                note = memory_over_runs(kernel, pid)
                print("  ok   ten training runs in one kernel: %s" % note, flush=True)
                passed += 1
            except KernelFlake as flake:
                dump_threads(flake.pid, log)
                if attempt == 1:
                    # A fresh kernel, as for one that does not answer at start-up (see KernelFlake).
                    print("  note %s; thread dump in %s; once more with a fresh kernel" % (flake, args.log), flush=True)
                    continue
                failed += 1
                print("  FAIL kernel interrupt check: %s (kernel log: %s)" % (flake, args.log), flush=True)
            except Exception as error:  # every failure is one explained line
                failed += 1
                print("  FAIL kernel interrupt check: %s: %s (kernel log: %s)"
                      % (type(error).__name__, str(error).strip().splitlines()[0] if str(error).strip() else "",
                         args.log), flush=True)
            finally:
                if kernel:
                    kernel.close()
            break
    print("  (%.0f s)" % (time.monotonic() - started), flush=True)
    if args.counts:
        Path(args.counts).write_text("%d %d\n" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
