"""The header lines of a results file written from Python (docs/results/*.csv), in the same form as the Java
side's org.finetunelab.results.Provenance: the command, the date, the code version, the machine and the load."""
import datetime
import os
import platform
import subprocess


def load_average():
    return ", ".join(open("/proc/loadavg").read().split()[:3])


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return "%s, %d cores, %.0f GiB, Linux %s" % (cpu, os.cpu_count(), memory / 1024 / 1024, platform.release())


def code_version(root):
    """git describe --always --dirty, as the Java side writes it ("-dirty": files differed from that commit)."""
    done = subprocess.run(["git", "describe", "--always", "--dirty", "--abbrev=12"], cwd=root, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unknown"


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Header:
    """Taken when a measurement starts; lines() adds the load at the end."""

    def __init__(self, command, root, extra=()):
        self.command, self.date, self.version = command, now(), code_version(root)
        self.extra, self.started_load = list(extra), load_average()

    def lines(self, load_note=""):
        return (["# command: %s" % self.command, "# date: %s" % self.date, "# code version: %s" % self.version,
                 "# machine: %s" % machine()] + ["# %s" % line for line in self.extra]
                + ["# load: load average %s (1, 5, 15 min) at the start, %s at the end%s"
                   % (self.started_load, load_average(), load_note)])
