#!/usr/bin/python3
"""Counts JUnit results in Maven Surefire's XML reports.

  junit_counts.py REPORT_DIR COUNTS_FILE
Writes "passed failed" to COUNTS_FILE and prints the name and first message line of each failed test.
Skipped tests count as neither.
"""
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def main():
    reports, counts = Path(sys.argv[1]), Path(sys.argv[2])
    passed = failed = 0
    for report in sorted(reports.glob("TEST-*.xml")):
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is not None:
                failed += 1
                message = (problem.get("message") or problem.get("type") or "").strip().splitlines()
                print("  FAIL %s.%s: %s" % (case.get("classname"), case.get("name"), message[0] if message else ""))
            elif case.find("skipped") is None:
                passed += 1
    counts.write_text("%d %d\n" % (passed, failed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
