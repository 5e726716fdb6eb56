"""Say in one line whether this Python can run the course: the README runs it first."""

# Written for any Python, 2.7 included (no f-strings, no annotations): it must run on the old
# ones it refuses.
import sys

NEEDED = (3, 10)


def _dotted(version):
    return ".".join(str(part) for part in version)


def main():
    found = sys.version_info[:2]
    if found < NEEDED:
        sys.stderr.write(
            "netlearn needs Python " + _dotted(NEEDED) + " or newer, but this is Python "
            + _dotted(found) + " (" + sys.executable + "); install a current Python from "
            "https://www.python.org/downloads/ and run the set-up again with it "
            "(on macOS: python3.12, on Windows: py -3.12)\n")
        return 1
    sys.stdout.write("ok: Python " + _dotted(found) + " can run the course\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
