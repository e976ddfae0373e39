#!/usr/bin/python3
"""Runs notebooks headless with the project's Java kernel (Debian's nbclient and nbconvert).

  notebooks.py run   --kernel NAME --out DIR [--counts FILE] [--times FILE --command CMD] NOTEBOOK...
      Executes each notebook, stops it at the first cell error, writes the executed copy and an HTML
      rendering to DIR, prints one line per notebook, and writes "passed failed" to FILE. With --times it
      also records each notebook's wall and CPU time in a results file (see record_times).
  notebooks.py check --kernel NAME --log FILE --snippet CODE
      Starts the kernel once and runs CODE, to find out early whether the kernel works at all.
  notebooks.py outputs NOTEBOOK...
      Checks executed notebooks for output a student should never see (see unclean_output); "run" applies
      the same check to every notebook it executes.

Every failure is reported as one line that says what went wrong and how to fix it.
"""
import argparse
import csv
import html
import io
import json
import os
import re
import resource
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

import provenance

START_ATTEMPTS = 5
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotebookFailure(Exception):
    """A failure explained in one line."""


def first_error(nb):
    """(cell number, one-line message) of the first error output in an executed notebook."""
    for number, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                lines = [ANSI.sub("", line).strip() for line in output.get("traceback", [])]
                lines = [line for line in lines if line]
                detail = output.get("evalue") or (lines[0] if lines else "") or output.get("ename", "error")
                detail = ANSI.sub("", detail).strip().splitlines()[0] if detail.strip() else "error"
                return number, detail
    return None, None


# What a lesson's outputs must never show: the raw end-of-text token (decode it or say "end of text"), an NDArray
# printed as is ("ND: (2, 2) cpu() float32"; print its numbers), a stack trace outside an error (catch it and say
# what went wrong), and unrounded numbers (round them with String.format; tables show five significant digits).
UNCLEAN = [
    (re.compile(r"<\|endoftext\|>"), "a raw <|endoftext|> token", "cut the text at it or show it as ⟨end of text⟩"),
    (re.compile(r"\bND: \("), "an NDArray printed as is (ND: ...)", "print its numbers (toFloatArray) instead"),
    (re.compile(r"(?m)^\s*at [\w$.<>]+\([^()\n]*\)\s*$|Exception in thread|Traceback \(most recent call last\)"),
     "a stack trace", "catch the exception and print what went wrong in one line"),
]
DECIMAL = re.compile(r"(?<![\w.,])-?(\d+)\.(\d+)(?![\w.])")
MAX_SIGNIFICANT_DIGITS = 6


def unrounded(text):
    """The first decimal number with more than MAX_SIGNIFICANT_DIGITS significant digits (0.695187509), or None."""
    for m in DECIMAL.finditer(text):
        if len((m.group(1) + m.group(2)).lstrip("0")) > MAX_SIGNIFICANT_DIGITS:
            return m
    return None


def output_texts(output):
    """The texts a student sees in one output cell: streams, plain text, and HTML without its tags."""
    if output.get("output_type") == "stream":
        yield "".join(output.get("text", ""))
        return
    data = output.get("data", {})
    if "text/html" in data:
        yield html.unescape(re.sub(r"<[^>]+>", " ", "".join(data["text/html"])))
    elif "text/plain" in data:
        yield "".join(data["text/plain"])


def unclean_output(nb):
    """One line naming the first code cell whose output shows what a student should never see, or None."""
    for number, cell in enumerate(nb["cells"], start=1):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            for text in output_texts(output):
                text = ANSI.sub("", text)
                found = [(p.search(text), what, fix) for p, what, fix in UNCLEAN]
                found.append((unrounded(text), "an unrounded number", "round it with String.format, e.g. %.3f"))
                for m, what, fix in found:
                    if m:
                        excerpt = text[max(0, m.start() - 30):m.end() + 30].replace("\n", " ").strip()
                        return "cell %d shows %s: ...%s... (fix: %s)" % (number, what, excerpt, fix)
    return None


def kernel_error_line(log_path):
    """The first line of the kernel's log that reports an error, or None."""
    try:
        for line in Path(log_path).read_text(errors="replace").splitlines():
            if re.search(r"Error|Exception", line) and "atexit" not in line:
                return line.strip()
    except OSError:
        pass
    return None


def explain(nb, error, kernel, log_path):
    """Turns an exception from nbclient into one line with the cause and the fix."""
    text = ANSI.sub("", str(error))
    if isinstance(error, CellExecutionError):
        number, detail = first_error(nb)
        message = "cell %s failed: %s" % (number, detail) if number else "a cell failed: %s" % text.splitlines()[-1]
        if "does not exist" in message and "package" in message:
            message += " (the kernel does not see the library: run ./lab again to rebuild and reinstall it)"
        return message
    if isinstance(error, DeadKernelError) or "Kernel died" in text:
        cause = kernel_error_line(log_path)
        return ("the Java kernel stopped%s (see %s); run ./lab check, and check that Java 17+ is installed"
                % (": " + cause if cause else "", log_path))
    if "didn't respond" in text or isinstance(error, TimeoutError):
        return ("the Java kernel did not answer after %d starts (see %s); close other busy programs and "
                "run ./lab check" % (START_ATTEMPTS, log_path))
    if "No such kernel" in text or "NoSuchKernel" in type(error).__name__:
        return "the kernel '%s' is not installed: run ./lab to install it" % kernel
    return "%s: %s" % (type(error).__name__, text.strip().splitlines()[-1] if text.strip() else "")


def execute(nb, kernel, workdir, log_path, startup_timeout, cell_timeout):
    """Runs every cell of nb in a fresh kernel; the kernel's own output goes to log_path.

    A kernel that does not answer at start-up is started again, up to START_ATTEMPTS times. The known cause
    of a kernel that never answers (a channel thread that ends at its start) is repaired by KernelLauncher;
    the fresh start stays as a safety net.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log:
        for attempt in range(1, START_ATTEMPTS + 1):
            client = NotebookClient(nb, kernel_name=kernel, timeout=cell_timeout, startup_timeout=startup_timeout,
                                    allow_errors=False, resources={"metadata": {"path": str(workdir)}})
            try:
                client.execute(stdout=log, stderr=log)
                return
            except (RuntimeError, TimeoutError) as error:
                started = any(cell.get("execution_count") for cell in nb.cells if cell.cell_type == "code")
                if attempt == START_ATTEMPTS or started or "didn't respond" not in str(error):
                    raise
                print("kernel did not answer in %d s, starting it again" % startup_timeout, file=log, flush=True)


def write_html(nb, html_path):
    from nbconvert import HTMLExporter
    body, _ = HTMLExporter().from_notebook_node(nb)
    html_path.write_text(body)


TIME_COLUMNS = ["notebook", "mode", "wall seconds", "CPU seconds", "result", "date", "code version", "load at start"]


def cpu_seconds():
    """User and system time of this runner and its finished children: the kernels of the notebooks run so far."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def record_times(path, header, row):
    """Puts one notebook's row into the results file at path, replacing an older row of the same notebook and mode
    and keeping the others, so that timing a few lessons again (or finishing an interrupted run) keeps the rest.
    Each row keeps the date, code version and load of the run that measured it; the header names the latest run."""
    rows = []
    if path.exists():
        body = "".join(line for line in path.read_text().splitlines(True) if not line.startswith("#"))
        rows = [r for r in csv.DictReader(io.StringIO(body)) if (r["notebook"], r["mode"]) != (row["notebook"], row["mode"])]
    rows.append(row)
    rows.sort(key=lambda r: (r["notebook"], r["mode"]))
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=TIME_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".partial")
    temporary.write_text("\n".join(header.lines()) + "\n" + text.getvalue())
    temporary.replace(path)


def run(args):
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    passed = failed = 0
    mode = "quick" if os.environ.get("FINETUNE_QUICK") == "1" else "default"
    header = provenance.Header(args.times_command, Path.cwd(), ["rows: each keeps the date, code version and load of the run"
                                                         " that measured it (a run replaces only its notebooks' rows)"])
    for path in map(Path, args.notebooks):
        start = time.monotonic()
        cpu_before, load_before = cpu_seconds(), provenance.load_average().split(",")[0]
        nb = nbformat.read(str(path), as_version=4)
        log_path = out / (path.stem + ".kernel.log")
        problem = None
        try:
            execute(nb, args.kernel, path.parent.resolve(), log_path, args.startup_timeout, args.cell_timeout)
        except Exception as error:  # every failure becomes one explained line
            problem = explain(nb, error, args.kernel, log_path)
        problem = problem or unclean_output(nb)
        nbformat.write(nb, str(out / path.name))
        try:
            write_html(nb, out / (path.stem + ".html"))
        except Exception as error:
            problem = problem or "the HTML rendering failed: %s" % error
        seconds = time.monotonic() - start
        if args.times:
            record_times(Path(args.times), header, {
                "notebook": path.name, "mode": mode, "wall seconds": "%.0f" % seconds,
                "CPU seconds": "%.0f" % (cpu_seconds() - cpu_before), "result": "failed" if problem else "ok",
                "date": provenance.now(), "code version": header.version, "load at start": load_before})
        if problem:
            failed += 1
            print("  FAIL %s (%.0f s): %s" % (path.name, seconds, problem), flush=True)
        else:
            passed += 1
            print("  ok   %s (%.0f s)" % (path.name, seconds), flush=True)
    if args.counts:
        Path(args.counts).write_text("%d %d\n" % (passed, failed))
    return 1 if failed else 0


def check(args):
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(args.snippet))
    try:
        execute(nb, args.kernel, Path.cwd(), Path(args.log), args.startup_timeout, args.cell_timeout)
    except Exception as error:
        print(explain(nb, error, args.kernel, args.log))
        return 1
    outputs = nb.cells[0].get("outputs", [])
    text = " ".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    print(ANSI.sub("", text).strip())
    return 0


def outputs(args):
    failed = 0
    for path in args.notebooks:
        problem = unclean_output(json.loads(Path(path).read_text()))
        if problem:
            failed += 1
            print("  FAIL %s: %s" % (Path(path).name, problem))
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("run", "check"):
        p = sub.add_parser(name)
        p.add_argument("--kernel", required=True)
        p.add_argument("--startup-timeout", type=int, default=120, help="seconds for one attempt to start the kernel (5 attempts)")
        p.add_argument("--cell-timeout", type=int, default=1800, help="seconds one cell may run")
    run_parser, check_parser = sub.choices["run"], sub.choices["check"]
    run_parser.add_argument("--out", required=True)
    run_parser.add_argument("--counts")
    run_parser.add_argument("--times", help="record each notebook's wall and CPU time in this results file")
    run_parser.add_argument("--command", dest="times_command", default="", help="the command line to name in the results file's header")
    run_parser.add_argument("notebooks", nargs="+")
    check_parser.add_argument("--log", required=True)
    check_parser.add_argument("--snippet", required=True)
    outputs_parser = sub.add_parser("outputs")
    outputs_parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    return {"run": run, "check": check, "outputs": outputs}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
