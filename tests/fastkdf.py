"""Run the program as a test's subprocess, with the tests' cheap key derivation injected first.

    python tests/fastkdf.py -m app ARGS       as ``python -m app ARGS``
    python tests/fastkdf.py main.py ARGS      as ``python main.py ARGS``
    python tests/fastkdf.py -c CODE ARGS      as ``python -c CODE ARGS``

The program reads no setting that weakens its key slots; only this test entry point (and
tests/conftest.py in the test process) calls ``set_default_params(TEST_PARAMS)``.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The script's own folder (tests/) must not come first: there ``app`` is the test folder.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(ROOT)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> None:
    from app.security import kdf

    kdf.set_default_params(kdf.TEST_PARAMS)
    if len(argv) >= 2 and argv[0] == "-m":
        sys.argv = [argv[1], *argv[2:]]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    elif len(argv) >= 2 and argv[0] == "-c":
        sys.argv = ["-c", *argv[2:]]
        exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
    elif argv:
        sys.argv = list(argv)
        runpy.run_path(argv[0], run_name="__main__")
    else:
        raise SystemExit("usage: python tests/fastkdf.py (-m MODULE | -c CODE | SCRIPT) [ARGS]")


if __name__ == "__main__":
    main(sys.argv[1:])
