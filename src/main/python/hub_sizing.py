#!/usr/bin/python3
"""How many students a server holds: memory and training speed of the lab's Java kernel (./lab hub size).

  hub_sizing.py --root DIR --kernel NAME --csv FILE [--quick]

Starts four Java kernels the way a student's server does (jupyter_client, the lab's kernelspec, in notebooks/)
and measures, by reading VmRSS in /proc/PID/status:
  - the resident memory of an idle kernel (after lesson 02's first cell: imports, device, paths);
  - the resident memory while lesson 02's LoRA training runs (its set-up cell first: base model, review data,
    LoRA r=8 on attention; then training as in its training cell, without the validation passes); the peak
    of readings every 0.5 s;
  - the time per training step with 1, 2 and 4 kernels training at the same time (each kernel times its own
    steps after a warm-up run; the slowdown is that time over the time with one kernel), and the CPU time
    (user + system, from /proc/PID/stat) each kernel spends per step, which other work on the machine does not
    inflate the way it inflates wall time.
Writes FILE: a header with the command, date, code version, machine, kernel threads and load, then one row
per measurement. Figures depend on the load: the header records it, and the text that quotes them must too.
"""
import argparse
import json
import os
import re
import statistics
import sys
import threading
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

import provenance

KERNELS = 4
LEVELS = (1, 2, 4)
STEP_PATTERN = re.compile(r"SIZING_MS_PER_STEP (\d+(?:\.\d+)?)")
LESSON = "notebooks/02-fine-tuning-methods.ipynb"


def training_cell(steps):
    return """
{
    TrainConfig sizingConfig = TrainConfig.defaults(%d).withLearningRate(3e-3f, 3e-4f).withWarmup(%d).withEvaluation(0, 1).withSeed(seed);
    long sizingStart = System.nanoTime();
    try (Trainer trainer = Trainer.builder(lm.model()).config(sizingConfig).data(reviewText).build()) {
        trainer.fit();
    }
    System.out.println("SIZING_MS_PER_STEP " + (System.nanoTime() - sizingStart) / 1e6 / %d);
}
""" % (steps, max(1, steps // 10), steps)


def rss_mb(pid):
    for line in Path("/proc/%d/status" % pid).read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Kernel:
    def __init__(self, name, workdir, log):
        self.manager = KernelManager(kernel_name=name)
        self.manager.start_kernel(cwd=str(workdir), stdout=log, stderr=log)
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=180)
        self.pid = self.manager.provisioner.process.pid

    def run(self, code, timeout=1800):
        """Runs one cell; returns its text output, or raises with the kernel's error."""
        output = []

        def keep(message):
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                output.append(content["text"])
            elif kind == "error":
                output.append("%s: %s" % (content["ename"], content["evalue"]))
        reply = self.client.execute_interactive(code, timeout=timeout, output_hook=keep)
        if reply["content"]["status"] != "ok":
            raise RuntimeError("a cell failed in the kernel: " + "".join(output)[-500:])
        return "".join(output)

    def stop(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=False)


def cpu_seconds(pid):
    """User plus system CPU time a process has used so far (fields 14 and 15 of /proc/PID/stat)."""
    fields = Path("/proc/%d/stat" % pid).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sample_peak(pids, stop, peaks):
    while not stop.is_set():
        for pid in pids:
            try:
                peaks[pid] = max(peaks.get(pid, 0), rss_mb(pid))
            except OSError:
                pass
        stop.wait(0.5)


def train_together(kernels, steps):
    """Trains in every kernel at once; returns (ms per step, CPU ms per step, peak RSS MB) of each."""
    results, errors = [None] * len(kernels), []
    cpu_before = [cpu_seconds(k.pid) for k in kernels]
    stop, peaks = threading.Event(), {}
    sampler = threading.Thread(target=sample_peak, args=([k.pid for k in kernels], stop, peaks))
    sampler.start()

    def one(i, kernel):
        try:
            results[i] = float(STEP_PATTERN.search(kernel.run(training_cell(steps))).group(1))
        except Exception as error:  # reported below with the others
            errors.append(error)
    threads = [threading.Thread(target=one, args=(i, k)) for i, k in enumerate(kernels)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    sampler.join()
    if errors:
        raise errors[0]
    cpu = [(cpu_seconds(k.pid) - before) * 1000 / steps for k, before in zip(kernels, cpu_before)]
    return results, cpu, [peaks.get(k.pid, float("nan")) for k in kernels]


def kernel_threads(root, name):
    spec = json.loads((Path(root) / "target" / "jupyter" / "kernels" / name / "kernel.json").read_text())
    threads = [a.split("=", 1)[1] for a in spec["argv"] if a.startswith("-Dai.djl.pytorch.num_threads=")]
    return threads[-1] if threads else "default"


def lesson_cells(root):
    nb = json.loads((Path(root) / LESSON).read_text())
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    setup = next(c for c in code if "LoraConfig.attention(8)" in c and "TextData" in c)
    return code[0], setup


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--quick", action="store_true", help="a short run that checks the measurement works")
    args = parser.parse_args()
    root = Path(args.root).resolve()
    steps, warmup = (5, 2) if args.quick else (30, 5)
    first, setup = lesson_cells(root)
    header = provenance.Header("./lab hub size%s" % (" --quick" if args.quick else ""), root,
                               ["kernel: %s, PyTorch threads per kernel: %s; training: %s, LoRA r=8 on attention, batch 16 x 64"
                                " tokens, %d steps after a %d-step warm-up" % (args.kernel, kernel_threads(root, args.kernel),
                                                                              LESSON, steps, warmup)])
    log_path = root / "target" / "lab-logs" / "hub-sizing-kernels.log"
    rows = []
    kernels = []
    with open(log_path, "w") as log:
        try:
            print("starting %d Java kernels..." % KERNELS, flush=True)
            for _ in range(KERNELS):
                kernels.append(Kernel(args.kernel, root / "notebooks", log))
            for k in kernels:
                k.run(first)
            time.sleep(5)
            idle = [rss_mb(k.pid) for k in kernels]
            rows.append(("idle kernel after lesson 02's first cell", 1, "resident MB", statistics.median(idle), min(idle), max(idle), len(idle)))
            print("idle kernel: %.0f MB resident (median of %d)" % (statistics.median(idle), len(idle)), flush=True)
            print("lesson 02's set-up cell in every kernel, then a warm-up training run...", flush=True)
            for k in kernels:
                k.run(setup)
            train_together(kernels, warmup)
            single = None
            for n in LEVELS:
                ms, cpu, peaks = train_together(kernels[:n], steps)
                median = statistics.median(ms)
                single = single or median
                what = "lesson 02 LoRA training"
                rows.append((what, n, "ms per step", median, min(ms), max(ms), n))
                rows.append((what, n, "slowdown vs 1 kernel", median / single, min(ms) / single, max(ms) / single, n))
                rows.append((what, n, "CPU ms per step", statistics.median(cpu), min(cpu), max(cpu), n))
                rows.append((what, n, "peak resident MB", statistics.median(peaks), min(peaks), max(peaks), n))
                print("%d kernel(s) training at once: %.0f ms per step (x%.2f), %.0f ms of CPU per step, peak %.0f MB "
                      "resident each" % (n, median, median / single, statistics.median(cpu), statistics.median(peaks)), flush=True)
        finally:
            for k in kernels:
                try:
                    k.stop()
                except Exception:
                    pass
    out = Path(args.csv)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = header.lines(" (other work on the machine inflates the times)") + ["measurement,kernels at once,unit,median,min,max,samples"]
    lines += ["%s,%d,%s,%.1f,%.1f,%.1f,%d" % row if "slowdown" not in row[2] else "%s,%d,%s,%.2f,%.2f,%.2f,%d" % row for row in rows]
    temporary = out.with_name(out.name + ".partial")
    temporary.write_text("\n".join(lines) + "\n")
    temporary.replace(out)
    print("written to %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
