#!/usr/bin/python3
"""Writes the project's Jupyter kernelspec and its init script, and installs the kernelspec for the user.

The kernelspec starts the rapaio Java kernel with the lab's classpath and JVM options. It is staged
under target/jupyter/kernels/<name>/ (the lab points JUPYTER_PATH there, so each checkout uses its own
build) and copied to the user's Jupyter data folder when it differs, so any Jupyter front end finds it.

Prints one line: "kernelspec: <staged changed|staged current>, <user installed|user current>", where
"user installed" may add "(it pointed at OTHER_CHECKOUT)" when another clone's kernelspec was replaced.

With --uninstall-user it only removes the user's copy (./lab uninstall-kernel) and says what it removed.
"""
import argparse
import json
import os
import shutil
import sys
from pathlib import Path

PACKAGES_MARKER = "// @FINETUNE_PACKAGES@"
# Not imported into notebook cells: the command line's classes, and the grader's checks (whose names, such as
# HaikuChecks, would clash with the library's own; a notebook grades through notebook.Exercises).
NOT_FOR_NOTEBOOKS = {"cli", "grading.checks"}


def library_packages(classes_dir):
    """Every org.finetunelab package that holds compiled classes, e.g. ['model', 'notebook']."""
    base = classes_dir / "org" / "finetunelab"
    if not base.is_dir():
        return []
    found = set()
    for class_file in base.rglob("*.class"):
        package = class_file.parent.relative_to(base).as_posix().replace("/", ".")
        if package and package.split(".")[0] not in NOT_FOR_NOTEBOOKS and package not in NOT_FOR_NOTEBOOKS:
            found.add(package)
    return sorted(found)


def init_script(template, packages):
    imports = "\n".join("import org.finetunelab.%s.*;" % p for p in packages)
    lines = [imports if line.startswith(PACKAGES_MARKER) else line for line in template.splitlines()]
    return "\n".join(lines) + "\n"


def kernel_json(args, root, init_path):
    classes = root / "target" / "classes"
    jars = sorted((root / "target" / "lib").glob("*.jar"))
    entries = [str(classes)] + [str(j) for j in jars]
    return {
        # KernelLauncher (src/main/kernel) starts the kernel's own classes, avoiding a start-up race.
        "argv": [args.java, *args.jvm_option,
                 "-cp", os.pathsep.join([str(Path(args.kernel_jar).resolve()), str(Path(args.launcher_dir).resolve())]),
                 "KernelLauncher", "{connection_file}"],
        "display_name": args.display_name,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # The rapaio kernel splits its classpath on ';' (a ':'-separated list silently adds nothing).
            "RJK_CLASSPATH": ";".join(entries),
            "RJK_INIT_SCRIPT": str(init_path),
            "RJK_MIMA_CACHE": str(root / "target" / "kernel" / "mima_cache"),
            # The same classpath and imports for IJava, which splits on ':'.
            "IJAVA_CLASSPATH": os.pathsep.join(entries),
            "IJAVA_STARTUP_SCRIPTS_PATH": str(init_path),
            # Extra variables for the JVM (e.g. glibc's malloc settings), given as --env NAME=VALUE.
            **dict(option.split("=", 1) for option in args.env),
        },
        "metadata": {"debugger": False},
    }


def write_if_changed(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_text() == text:
        return False
    path.write_text(text)
    return True


def same_folder(a, b):
    if not b.is_dir():
        return False
    names_a = sorted(p.name for p in a.iterdir())
    names_b = sorted(p.name for p in b.iterdir())
    return names_a == names_b and all((a / n).read_bytes() == (b / n).read_bytes() for n in names_a)


def user_kernels_dir():
    from jupyter_core.paths import jupyter_data_dir
    return Path(jupyter_data_dir()) / "kernels"


def checkout_of(kernel_dir):
    """The checkout an installed lab kernelspec belongs to (read from its init script's path), or None."""
    try:
        init = json.loads((kernel_dir / "kernel.json").read_text())["env"]["RJK_INIT_SCRIPT"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Path(init).parent.parent.parent


def uninstall_user(name, display_name):
    target = user_kernels_dir() / name
    if not target.exists():
        print("no kernelspec %s to remove in %s" % (name, target.parent))
        return 0
    try:
        found = json.loads((target / "kernel.json").read_text()).get("display_name")
    except (OSError, ValueError):
        found = None
    if found != display_name:
        print("left %s alone: it is not the lab's kernelspec (display name %r)" % (target, found))
        return 1
    checkout = checkout_of(target)
    shutil.rmtree(target)
    print("removed the kernelspec %s (it pointed at %s)" % (target, checkout or "an unknown checkout"))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", help="the repository root")
    parser.add_argument("--java", help="absolute path of the java launcher")
    parser.add_argument("--kernel-jar")
    parser.add_argument("--launcher-dir", help="folder holding the compiled KernelLauncher")
    parser.add_argument("--name", required=True, help="kernel name, e.g. finetune-lab")
    parser.add_argument("--display-name", required=True)
    parser.add_argument("--jvm-option", action="append", default=[])
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the kernel's environment")
    parser.add_argument("--install-user", action="store_true", help="also copy it to the user's Jupyter folder")
    parser.add_argument("--uninstall-user", action="store_true", help="only remove the user's copy")
    args = parser.parse_args()
    if args.uninstall_user:
        return uninstall_user(args.name, args.display_name)
    for required in ("root", "java", "kernel_jar", "launcher_dir"):
        if getattr(args, required) is None:
            parser.error("--%s is required" % required.replace("_", "-"))

    root = Path(args.root).resolve()
    template = (root / "src" / "main" / "kernel" / "init.jshell").read_text()
    init_path = root / "target" / "kernel" / "init.jshell"
    changed = write_if_changed(init_path, init_script(template, library_packages(root / "target" / "classes")))

    staged = root / "target" / "jupyter" / "kernels" / args.name
    spec = json.dumps(kernel_json(args, root, init_path), indent=2) + "\n"
    changed = write_if_changed(staged / "kernel.json", spec) or changed

    user_state = "user not asked"
    if args.install_user:
        target = user_kernels_dir() / args.name
        if same_folder(staged, target):
            user_state = "user current"
        else:
            previous = checkout_of(target) if target.exists() else None
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(staged, target)
            user_state = "user installed at %s" % target
            if previous is not None and previous.resolve() != root:
                user_state += " (it pointed at %s)" % previous
    print("kernelspec: %s, %s" % ("staged changed" if changed else "staged current", user_state))
    return 0


if __name__ == "__main__":
    sys.exit(main())
