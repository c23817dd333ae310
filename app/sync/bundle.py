"""Bundle files: signed, compressed records encrypted to one recipient (see docs/bundle-format.md).

The whole file is age ciphertext (X25519 recipient, ChaCha20-Poly1305 STREAM), so nothing but its
size is readable without the recipient's identity. The plaintext inside is::

    b"JWB1"                                  magic
    gzip member                              the records, one compact JSON object per line
    manifest                                 JSON, UTF-8
    signature                                64 bytes, Ed25519 over SIGNATURE_CONTEXT + manifest
    manifest length                          4 bytes, big-endian
    b"JWBE"                                  end magic

The manifest binds the records through ``records`` (count) and ``records_sha256`` (SHA-256 of the
uncompressed JSON-lines bytes), so the signature covers everything that means anything.

Writing and reading both stream: memory stays flat whatever the number of records, and no
plaintext ever reaches the disk. Reading takes two passes over the ciphertext: ``read_bundle``
decrypts and checks everything (structure, signature, counts, hashes) without handing out a
single record; ``OpenedBundle.iter_records`` then decrypts again and yields the records (a small
bundle's records are kept from the first pass instead). The second pass checks that it saw the very
same file and raises ``BundleError`` at its end otherwise, so a caller applies the records in one
transaction and commits only once the iteration has finished without error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import stat
import threading
import uuid
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import orjson
import pyrage
from cryptography.exceptions import InvalidSignature

from app import leftovers
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.sync.keys import (
    KeyFormatError,
    fingerprint,
    key_id,
    load_identity,
    load_public_signing_key,
    load_recipient,
    load_signing_key,
    public_signing_key_of,
    recipient_of,
)

MAGIC = b"JWB1"
END_MAGIC = b"JWBE"
FORMAT = 1
SUITE = "age-x25519/ed25519/sha256"
# Domain separation: a bundle signature can never be mistaken for a signature over anything else.
SIGNATURE_CONTEXT = b"jiwei-desk bundle manifest v1\x00"
SIGNATURE_LEN = 64

GZIP_LEVEL = 1  # level 6 compresses Chinese JSON ~12% better at ~5x the time
MAX_MANIFEST = 16 * 1024 * 1024  # the manifest (with its payload) is read into memory whole
MAX_LINE = 32 * 1024 * 1024  # one record's JSON line
MAX_FILE = 4 * 1024**3  # a bundle file; a county's first bundle for a unit of ten years is ~0.3 GiB
MAX_JSON = 64 * 1024**3  # the records' JSON inside it (gzip of repetitive JSON runs to ~1:10)
KEEP_LIMIT = 4 * 1024 * 1024  # records of a bundle up to this many JSON bytes are kept from pass one
_BATCH = 64 * 1024  # JSON bytes handed to the compressor at a time
_OUT_STEP = 1024 * 1024  # at most this much decompressed at a time
_READ_BACK = 1024 * 1024

HEADER_REQUIRED = {"county": str, "sender": str, "recipient": str, "sequence": int, "payload": dict}
HEADER_OPTIONAL = {"bundle_id": str, "created_at": str}
# Computed from the keys; a header may repeat them, but they must agree with the keys given.
HEADER_DERIVED = ("sender_key_id", "recipient_fingerprint")
MANIFEST_FIELDS: dict[str, type] = {
    "format": int,
    "suite": str,
    "bundle_id": str,
    "county": str,
    "sender": str,
    "sender_key_id": str,
    "recipient": str,
    "recipient_fingerprint": str,
    "sequence": int,
    "created_at": str,
    "payload": dict,
    "records": int,
    "records_sha256": str,
}

DAMAGED = QT_TRANSLATE_NOOP("app", "数据包已损坏或被篡改：{name}。")
NOT_FOR_US = QT_TRANSLATE_NOOP("app", "数据包不是发给本单位的：{name}。")
UNKNOWN_SENDER = QT_TRANSLATE_NOOP(
    "app", "数据包的签名不是已登记单位的（发送单位未登记或已被撤销）：{name}。"
)
UNSUPPORTED = QT_TRANSLATE_NOOP("app", "数据包的格式不受支持，可能来自更新版本的程序：{name}。")
OTHER_COUNTY = QT_TRANSLATE_NOOP("app", "数据包来自另一个县：{name}。")
UNREADABLE = QT_TRANSLATE_NOOP("app", "无法读取数据包文件：{name}。")
NOT_A_FILE = QT_TRANSLATE_NOOP("app", "{name} 不是普通文件（可能是设备或管道），不能作为数据包导入。")
TOO_LARGE = QT_TRANSLATE_NOOP("app", "数据包 {name} 超过 4 GiB 的上限，不能导入。")
OWN_KEY_INVALID = QT_TRANSLATE_NOOP("app", "本机的密钥无法使用，请重新登记本单位。")
WRITE_FAILED = QT_TRANSLATE_NOOP("app", "无法在 {dir} 写入数据包，请检查U盘是否已插好、是否还有空间。")
VERIFY_FAILED = QT_TRANSLATE_NOOP("app", "数据包写入后读回校验不一致，U盘可能有问题：{name}。")


class BundleError(Exception):
    """A bundle could not be written or was refused on reading; ``message`` says why (Chinese)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


class _Damaged(Exception):
    """Internal: the plaintext does not have the bundle's structure."""


# --------------------------------------------------------------------------------------------
# Writing


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _record_line(record: Mapping[str, Any]) -> bytes:
    if not isinstance(record, Mapping):
        raise TypeError(f"a record must be a dict, not {type(record).__name__}")
    try:
        return orjson.dumps(
            record if type(record) is dict else dict(record), option=orjson.OPT_APPEND_NEWLINE
        )
    except orjson.JSONEncodeError as exc:  # a value JSON cannot hold: the caller's error
        raise ValueError(str(exc)) from None


def _check_header(header: Mapping[str, Any]) -> None:
    unknown = set(header) - set(HEADER_REQUIRED) - set(HEADER_OPTIONAL) - set(HEADER_DERIVED)
    if unknown:
        raise ValueError(f"header fields not allowed (computed or unknown): {sorted(unknown)}")
    for name in HEADER_REQUIRED:
        if name not in header:
            raise ValueError(f"header field missing: {name}")
    for name, kind in {**HEADER_REQUIRED, **HEADER_OPTIONAL}.items():
        if name in header and (not isinstance(header[name], kind) or isinstance(header[name], bool)):
            raise ValueError(f"header field {name} must be {kind.__name__}")


class _PlaintextSource:
    """A file-like reader that produces the bundle plaintext lazily as pyrage asks for it."""

    def __init__(
        self, records: Iterable[Mapping[str, Any]], make_trailer: Callable[[int, str], bytes]
    ) -> None:
        self._records = iter(records)
        self._make_trailer = make_trailer
        self._buf = bytearray(MAGIC)
        self._compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)  # 31: gzip wrapper
        self._hash = hashlib.sha256()
        self._count = 0
        self._done = False
        self.error: BaseException | None = None

    def _fill(self) -> None:
        lines: list[bytes] = []
        size = 0
        for record in self._records:
            line = _record_line(record)
            lines.append(line)
            size += len(line)
            if size >= _BATCH:
                break
        else:
            self._done = True
        if lines:
            chunk = b"".join(lines)
            self._hash.update(chunk)
            self._count += len(lines)
            self._buf += self._compressor.compress(chunk)
        if self._done:
            self._buf += self._compressor.flush()
            self._buf += self._make_trailer(self._count, self._hash.hexdigest())

    def read(self, n: int = -1) -> bytes:
        try:
            while not self._done and (n < 0 or len(self._buf) < n):
                self._fill()
            if n < 0 or n >= len(self._buf):
                out = bytes(self._buf)
                self._buf.clear()
            else:
                out = bytes(self._buf[:n])
                del self._buf[:n]
            return out
        except BaseException as exc:  # kept: pyrage may hand the caller a different exception
            self.error = exc
            raise


class _HashingWriter:
    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self._file.write(data)
        self.hash.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        self._file.flush()


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open a directory and needs nothing more."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_back(path: Path) -> tuple[str, int]:
    """SHA-256 and size of the file as the device returns it (the page cache dropped where possible)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        if hasattr(os, "posix_fadvise"):
            with contextlib.suppress(OSError):
                os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while block := f.read(_READ_BACK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def write_bundle(
    out_dir: Path,
    *,
    header: Mapping[str, Any],
    records: Iterable[Mapping[str, Any]],
    signing_key: str,
    recipient: str,
    file_name: str,
) -> Path:
    """Write one bundle file ``out_dir/file_name`` atomically, read it back and verify it.

    ``header`` gives ``county``, ``sender``, ``recipient`` (unit codes), ``sequence`` and
    ``payload`` (a JSON-able dict: version vector, acknowledgements, revocations, counts …), and
    optionally ``bundle_id`` (else a new uuid4: pass it to know it) and ``created_at`` (else now,
    ISO UTC). The rest of the manifest is computed (``sender_key_id`` and ``recipient_fingerprint``
    may be repeated in the header if they agree with the keys). ``records`` is consumed once, lazily; each must be a JSON-able dict.
    ``signing_key`` is the sender's base64 Ed25519 private key, ``recipient`` the recipient's
    ``age1…`` key.

    Raises ``BundleError`` when the device fails (nothing is left behind under either name);
    ``ValueError``/``TypeError`` for a malformed header, key or record (a programming error).
    """
    _check_header(header)
    if not file_name or Path(file_name).name != file_name or file_name in (".", ".."):
        raise ValueError(f"file_name must be a plain file name: {file_name!r}")
    try:
        signer = load_signing_key(signing_key)
        age_recipient = load_recipient(recipient)
    except KeyFormatError as exc:
        raise ValueError(str(exc)) from exc

    manifest_base: dict[str, Any] = {
        "format": FORMAT,
        "suite": SUITE,
        "bundle_id": header.get("bundle_id") or str(uuid.uuid4()),
        "county": header["county"],
        "sender": header["sender"],
        "sender_key_id": key_id(public_signing_key_of(signing_key)),
        "recipient": header["recipient"],
        "recipient_fingerprint": fingerprint(recipient),
        "sequence": header["sequence"],
        "created_at": header.get("created_at") or _utc_now(),
        "payload": header["payload"],
    }
    for name in HEADER_DERIVED:
        if name in header and header[name] != manifest_base[name]:
            raise ValueError(f"header field {name} does not match the key given")
    # Fail early on a payload that cannot be written, before anything touches the device.
    json.dumps(manifest_base["payload"], ensure_ascii=False, allow_nan=False)

    def make_trailer(count: int, records_sha256: str) -> bytes:
        manifest = {**manifest_base, "records": count, "records_sha256": records_sha256}
        body = json.dumps(
            manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )
        data = body.encode("utf-8")
        if len(data) > MAX_MANIFEST:
            raise ValueError("the manifest (payload) is too large")
        signature = signer.sign(SIGNATURE_CONTEXT + data)
        return data + signature + len(data).to_bytes(4, "big") + END_MAGIC

    out_dir = Path(out_dir)
    final = out_dir / file_name
    leftovers.sweep(out_dir, [leftovers.FILE_PART])  # of an export killed earlier
    temp = leftovers.part_path(final)
    source = _PlaintextSource(records, make_trailer)
    failure = Message(WRITE_FAILED, {"dir": str(out_dir)})
    try:
        try:
            with open(temp, "xb") as f:
                sink = _HashingWriter(f)
                try:
                    pyrage.encrypt_io(source, sink, [age_recipient])
                except BaseException:
                    if source.error is not None:
                        raise source.error from None
                    raise
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp, final)
        except OSError as exc:
            raise BundleError(failure) from exc
        _fsync_dir(out_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    try:
        digest, size = _read_back(final)
    except OSError as exc:
        raise BundleError(Message(VERIFY_FAILED, {"name": file_name})) from exc
    if digest != sink.hash.hexdigest() or size != sink.size:
        with contextlib.suppress(OSError):
            final.unlink()
        raise BundleError(Message(VERIFY_FAILED, {"name": file_name}))
    return final


# --------------------------------------------------------------------------------------------
# Reading


class _PlaintextParser:
    """Takes the decrypted plaintext in pieces and checks its structure on the fly.

    Complete JSON lines go to ``on_lines`` (raw bytes, without the newline); the records' hash and
    count are kept; the trailer (small) is collected for ``finish``.
    """

    def __init__(self, on_lines: Callable[[list[bytes]], None]) -> None:
        self._on_lines = on_lines
        self._state = "magic"
        self._head = b""
        self._decompressor = zlib.decompressobj(31)
        self._pending = b""
        self._trailer = bytearray()
        self.hash = hashlib.sha256()
        self.count = 0
        self.size = 0

    def write(self, data: bytes) -> int:
        self.feed(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def feed(self, data: bytes) -> None:
        if self._state == "magic":
            self._head += data
            if len(self._head) < len(MAGIC):
                return
            if self._head[: len(MAGIC)] != MAGIC:
                raise _Damaged("magic")
            data = self._head[len(MAGIC) :]
            self._head = b""
            self._state = "records"
        if self._state == "records":
            d = self._decompressor
            out = d.decompress(data, _OUT_STEP)
            self._records(out)
            while d.unconsumed_tail and not d.eof:
                self._records(d.decompress(d.unconsumed_tail, _OUT_STEP))
            if not d.eof:
                return
            data = d.unused_data
            self._state = "trailer"
        if self._state == "trailer":
            self._trailer += data
            if len(self._trailer) > MAX_MANIFEST + SIGNATURE_LEN + 8:
                raise _Damaged("trailer too long")

    def _records(self, out: bytes) -> None:
        if not out:
            return
        self.hash.update(out)
        self.size += len(out)
        pending = self._pending + out
        end = pending.rfind(b"\n")
        if end < 0:
            self._pending = pending
        else:
            lines = pending[:end].split(b"\n")
            self._pending = pending[end + 1 :]
            self.count += len(lines)
            self._on_lines(lines)
        if len(self._pending) > MAX_LINE:
            raise _Damaged("line too long")

    def finish(self) -> tuple[bytes, bytes]:
        """The manifest bytes and the signature, once the whole plaintext has been fed."""
        if self._state != "trailer" or self._pending:
            raise _Damaged("truncated")
        trailer = bytes(self._trailer)
        if len(trailer) < SIGNATURE_LEN + 8 or trailer[-4:] != END_MAGIC:
            raise _Damaged("end magic")
        length = int.from_bytes(trailer[-8:-4], "big")
        if length + SIGNATURE_LEN + 8 != len(trailer):
            raise _Damaged("trailer length")
        return trailer[:length], trailer[length : length + SIGNATURE_LEN]


def _parse_line(line: bytes) -> dict[str, Any]:
    record = orjson.loads(line)
    if not isinstance(record, dict):
        raise _Damaged("record not an object")
    return record


class _HashingReader:
    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.hash = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        data = self._file.read(n)
        self.hash.update(data)
        return data

    def at_end(self) -> bool:
        return not self._file.read(1)


def _is_wrong_recipient(exc: BaseException) -> bool:
    return isinstance(exc, pyrage.DecryptError) and "no matching keys" in str(exc).lower()


def _check_manifest_fields(manifest: Any) -> dict[str, Any]:
    if not isinstance(manifest, dict):
        raise _Damaged("manifest not an object")
    for name, kind in MANIFEST_FIELDS.items():
        value = manifest.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _Damaged(f"manifest field {name}")
    if manifest["records"] < 0 or len(manifest["records_sha256"]) != 64:
        raise _Damaged("manifest counts")
    return manifest


class OpenedBundle:
    """A bundle that passed every check. ``manifest`` is the signed manifest (a dict)."""

    def __init__(
        self,
        path: Path,
        identity: str,
        manifest: dict[str, Any],
        trailer: tuple[bytes, bytes],
        ciphertext_sha256: str,
        kept: list[bytes] | None,
    ) -> None:
        self.path = path
        self.manifest = manifest
        self.ciphertext_sha256 = ciphertext_sha256
        self._identity = identity
        self._trailer = trailer
        self._kept = kept

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    @property
    def record_count(self) -> int:
        return int(self.manifest["records"])

    def _damaged(self) -> BundleError:
        return BundleError(Message(DAMAGED, {"name": self.path.name}))

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """The records in file order, each a fresh dict; can be called more than once.

        A large bundle is decrypted a second time. Should the file have changed since
        ``read_bundle`` checked it, ``BundleError`` is raised at the end (or as soon as the
        damage shows): apply the records in one transaction, commit after the loop ended cleanly.
        """
        if self._kept is not None:
            try:
                parsed = [_parse_line(line) for line in self._kept]
            except Exception as exc:
                raise self._damaged() from exc
            yield from parsed
            return
        yield from self._second_pass()

    def _second_pass(self) -> Iterator[dict[str, Any]]:
        lines: list[bytes] = []
        parser = _PlaintextParser(lines.extend)
        stream = _decrypt_in_thread(self.path, self._identity)
        try:
            for item in stream:
                if isinstance(item, str):  # the end: SHA-256 of the ciphertext read
                    if item != self.ciphertext_sha256:
                        raise _Damaged("file changed")
                    break
                parser.feed(item)
                for line in lines:
                    yield _parse_line(line)
                lines.clear()
            else:
                raise _Damaged("no end")
            if (
                parser.finish() != self._trailer
                or parser.count != self.record_count
                or parser.hash.hexdigest() != self.manifest["records_sha256"]
            ):
                raise _Damaged("file changed")
        except BundleError:
            raise
        except Exception as exc:
            raise self._damaged() from exc
        finally:
            stream.close()


class _Stop(Exception):
    pass


def _decrypt_in_thread(path: Path, identity: str) -> Generator[bytes | str, None, None]:
    """Decrypt ``path`` in a worker thread: yields plaintext pieces, then the ciphertext's SHA-256.

    pyrage pushes plaintext into a writer; the bounded queue turns that into a pull, so the caller
    may take its time per record and memory stays flat. Errors of the worker are raised here;
    closing the generator early stops the worker.
    """
    pieces: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=32)
    stop = threading.Event()

    def put(item: tuple[str, Any]) -> None:
        while not stop.is_set():
            try:
                pieces.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        raise _Stop

    class Writer:
        def write(self, data: bytes) -> int:
            put(("data", bytes(data)))
            return len(data)

        def flush(self) -> None:
            pass

    def work() -> None:
        try:
            ident = load_identity(identity)
            with _open_regular(path, lambda t: BundleError(Message(t, {"name": path.name}))) as f:
                reader = _HashingReader(f)
                pyrage.decrypt_io(reader, Writer(), [ident])
                if not reader.at_end():
                    raise _Damaged("trailing data")
            put(("end", reader.hash.hexdigest()))
        except _Stop:
            pass
        except BaseException as exc:  # handed to the consumer; a thread must not die with it
            with contextlib.suppress(_Stop):
                put(("error", exc))

    worker = threading.Thread(target=work, name="bundle-decrypt", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = pieces.get()
            if kind == "data":
                yield value
            elif kind == "end":
                yield value
                return
            else:
                raise value
    finally:
        stop.set()
        while worker.is_alive():
            with contextlib.suppress(queue.Empty):
                pieces.get(timeout=0.05)
        worker.join()


def _open_regular(path: Path, refuse: Callable[[str], BundleError]) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file within ``MAX_FILE`` (checked on the open
    file, so a link swapped meanwhile is no way round it): a device such as ``/dev/zero`` or a pipe
    would be read for ever."""
    try:
        # Non-blocking: opening a named pipe for reading would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise refuse(UNREADABLE) from exc
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE:
        os.close(fd)
        raise refuse(NOT_A_FILE if not stat.S_ISREG(st.st_mode) else TOO_LARGE)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_bundle(
    path: Path,
    *,
    identity: str,
    public_key_for: Callable[[str, str], str | None],
    county: str | None = None,
) -> OpenedBundle:
    """Decrypt and check a bundle; every record stays unseen until all checks passed.

    ``identity`` is this installation's ``AGE-SECRET-KEY-1…``. ``public_key_for(sender,
    key_id)`` returns the sender's base64 Ed25519 public key, or None when the sender or that key
    is unknown or revoked (exceptions it raises propagate unchanged). With ``county`` given, a
    bundle of another county is refused.

    Any refusal or damage raises ``BundleError`` with a Chinese message, never anything else.
    """
    path = Path(path)
    name = path.name

    def refuse(template: str) -> BundleError:
        return BundleError(Message(template, {"name": name}))

    try:
        ident = load_identity(identity)
        own_fingerprint = fingerprint(recipient_of(identity))
    except Exception as exc:
        raise BundleError(Message(OWN_KEY_INVALID)) from exc

    kept: list[bytes] | None = []
    kept_size = total = 0

    def on_lines(lines: list[bytes]) -> None:
        # Records are parsed when they are applied (``iter_records``), not here: this pass checks
        # the signed hash over their bytes and that each line is shaped as one JSON object; a line
        # that still does not parse raises ``BundleError`` there, inside the importer's transaction.
        nonlocal kept, kept_size
        nonlocal total
        for line in lines:
            if line[:1] != b"{" or line[-1:] != b"}":
                raise _Damaged("record not an object")
            total += len(line)
        if total > MAX_JSON:
            raise _Damaged("records beyond the limit")
        if kept is not None:
            kept_size += sum(len(line) for line in lines)
            if kept_size > KEEP_LIMIT:
                kept = None
            else:
                kept.extend(lines)

    f = _open_regular(path, refuse)
    parser = _PlaintextParser(on_lines)
    try:
        with f:
            reader = _HashingReader(f)
            pyrage.decrypt_io(reader, parser, [ident])
            if not reader.at_end():
                raise _Damaged("trailing data")
        manifest_bytes, signature = parser.finish()
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        if not isinstance(manifest, dict):
            raise _Damaged("manifest not an object")
    except Exception as exc:
        if _is_wrong_recipient(exc):
            raise refuse(NOT_FOR_US) from exc
        raise refuse(DAMAGED) from exc

    if manifest.get("format") != FORMAT or manifest.get("suite") != SUITE:
        raise refuse(UNSUPPORTED)
    sender, sender_key_id = manifest.get("sender"), manifest.get("sender_key_id")
    if not isinstance(sender, str) or not isinstance(sender_key_id, str):
        raise refuse(DAMAGED)
    public = public_key_for(sender, sender_key_id)
    if public is None:
        raise refuse(UNKNOWN_SENDER)
    try:
        if key_id(public) != sender_key_id:
            raise refuse(UNKNOWN_SENDER)
        load_public_signing_key(public).verify(signature, SIGNATURE_CONTEXT + manifest_bytes)
    except BundleError:
        raise
    except (InvalidSignature, KeyFormatError, ValueError) as exc:
        raise refuse(DAMAGED) from exc
    try:
        _check_manifest_fields(manifest)
    except _Damaged as exc:
        raise refuse(DAMAGED) from exc
    if manifest["records"] != parser.count or manifest["records_sha256"] != parser.hash.hexdigest():
        raise refuse(DAMAGED)
    if manifest["recipient_fingerprint"] != own_fingerprint:
        raise refuse(NOT_FOR_US)
    if county is not None and manifest["county"] != county:
        raise refuse(OTHER_COUNTY)
    return OpenedBundle(path, identity, manifest, (manifest_bytes, signature), reader.hash.hexdigest(), kept)
