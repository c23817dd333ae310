"""Bundle files: export and import speed for 100,000 change records, peak memory for a ~200 MB bundle.

Targets (issue 6): exporting 100,000 changes in under 3 s; peak memory under 300 MB for a bundle of
about 200 MB. Baselines, measured in the same run:

- speed: ``json.dumps`` of the same records, one line each, written to /dev/null (what any export
  must at least do);
- memory: a child process that json-dumps the same record stream to /dev/null (the interpreter,
  the imports and one record at a time), so the ratio says what the bundle code adds.

Each memory figure is the ``ru_maxrss`` of a fresh child process (the whole process, not only
Python allocations).

    .venv/bin/python bench/bundle_io.py [--records 100000] [--big-records 100000] [--big-field 180] [--text words|random]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIELDS = ("title", "source", "summary", "person", "post", "village", "handling", "result", "note", "reviewer")


def _pool(seed: int, size: int, length: int, text: str) -> list[str]:
    """``size`` Chinese texts of about ``length`` characters.

    "words": Faker's zh_CN sentences (real words, as casework prose compresses); "random": random
    CJK ideographs, the worst case for the compressor.
    """
    if text == "random":
        rnd = random.Random(seed)
        alphabet = [chr(c) for c in range(0x4E00, 0x9FA5)]
        return ["".join(rnd.choices(alphabet, k=length)) for _ in range(size)]
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    out = []
    for _ in range(size):
        s = ""
        while len(s) < length:
            s += fake.sentence(nb_words=12)
        out.append(s[:length])
    return out


def change_records(n: int, field_len: int, text: str = "words", seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` change records shaped as the export makes them, each field ``field_len`` characters long."""
    rnd = random.Random(seed)
    pool = _pool(seed, 16384, field_len, text)
    for counter in range(1, n + 1):
        yield {
            "table": "clues",
            "id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
            "owner": "T01",
            "version": {"origin": "T01", "counter": counter},
            "deleted": False,
            "fields": {name: pool[rnd.randrange(len(pool))] for name in FIELDS},
        }


def _keys() -> tuple[Any, Any]:
    from app.sync.keys import KeyPair

    return KeyPair.generate(), KeyPair.generate()


HEADER = {"county": "C01", "sender": "T01", "recipient": "C01", "sequence": 1, "payload": {"vv": {"T01": 1}}}


def _maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def child(mode: str, n: int, field_len: int, text: str, folder: Path) -> None:
    """One memory measurement in this (fresh) process; prints a JSON line."""
    from app.sync import bundle

    sender, receiver = _keys()
    keys_file = folder / "keys.json"
    if mode == "baseline":
        with open(os.devnull, "w", encoding="utf-8") as out:
            for record in change_records(n, field_len, text):
                out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        result: dict[str, Any] = {}
    elif mode == "write":
        start = time.perf_counter()
        path = bundle.write_bundle(
            folder,
            header=HEADER,
            records=change_records(n, field_len, text),
            signing_key=sender.signing_private,
            recipient=receiver.recipient,
            file_name="big.jwb",
        )
        keys_file.write_text(json.dumps([sender.signing_public, receiver.identity]))
        result = {"seconds": time.perf_counter() - start, "size": path.stat().st_size}
    else:
        public, identity = json.loads(keys_file.read_text())
        start = time.perf_counter()
        opened = bundle.read_bundle(folder / "big.jwb", identity=identity, public_key_for=lambda s, k: public)
        count = sum(1 for _ in opened.iter_records())
        result = {"seconds": time.perf_counter() - start, "records": count}
    print(json.dumps({"maxrss_mb": _maxrss_mb(), **result}))


def _run_child(mode: str, n: int, field_len: int, text: str, folder: Path) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--child",
        mode,
        "--big-records",
        str(n),
        "--big-field",
        str(field_len),
    ]
    out = subprocess.run(
        [*command, "--text", text, "--dir", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--field", type=int, default=20, help="characters per field for the speed run")
    parser.add_argument("--big-records", type=int, default=100_000)
    parser.add_argument(
        "--big-field", type=int, default=180, help="characters per field for the ~200 MB bundle"
    )
    parser.add_argument("--text", choices=("words", "random"), default="words")
    parser.add_argument("--child", choices=("baseline", "write", "read"))
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.big_records, args.big_field, args.text, args.dir)
        return 0

    # Memory first: a child forked later would inherit the parent's peak (ru_maxrss survives exec).
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = _run_child("baseline", args.big_records, args.big_field, args.text, folder)
        written = _run_child("write", args.big_records, args.big_field, args.text, folder)
        opened_big = _run_child("read", args.big_records, args.big_field, args.text, folder)
    b = baseline["maxrss_mb"]
    print(
        f"big bundle: {args.big_records:,} records, {args.big_field} characters per field, "
        f"file {written['size'] / 1e6:.0f} MB"
    )
    print(f"peak RSS baseline (json.dumps stream): {b:.0f} MB")
    print(
        f"peak RSS export: {written['maxrss_mb']:.0f} MB  ratio {written['maxrss_mb'] / b:.2f}x  "
        f"({written['seconds']:.1f} s; target < 300 MB)"
    )
    print(
        f"peak RSS import (verify + iterate): {opened_big['maxrss_mb']:.0f} MB  ratio {opened_big['maxrss_mb'] / b:.2f}x  "
        f"({opened_big['seconds']:.1f} s; target < 300 MB)"
    )

    from app.sync import bundle

    sender, receiver = _keys()
    records = list(change_records(args.records, args.field, args.text))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        with open(os.devnull, "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        base = time.perf_counter() - start

        start = time.perf_counter()
        path = bundle.write_bundle(
            folder,
            header=HEADER,
            records=records,
            signing_key=sender.signing_private,
            recipient=receiver.recipient,
            file_name="t01.jwb",
        )
        write = time.perf_counter() - start
        size = path.stat().st_size

        start = time.perf_counter()
        opened = bundle.read_bundle(
            path, identity=receiver.identity, public_key_for=lambda s, k: sender.signing_public
        )
        verified = time.perf_counter() - start
        count = sum(1 for _ in opened.iter_records())
        read = time.perf_counter() - start
        assert count == len(records)

    print(f"{len(records):,} change records, {args.field} characters per field, bundle {size / 1e6:.1f} MB")
    print(f"baseline json.dumps to /dev/null: {base:.2f} s")
    print(f"export (write, fsync, read back):  {write:.2f} s  ratio {write / base:.2f}x  (target < 3 s)")
    print(f"import (verify pass):              {verified:.2f} s  ratio {verified / base:.2f}x")
    print(f"import (verify + iterate records): {read:.2f} s  ratio {read / base:.2f}x")

    return 0


if __name__ == "__main__":
    sys.exit(main())
