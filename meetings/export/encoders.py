"""CSV (UTF-8 with a byte-order mark, for Excel) and JSON Lines, written a batch at a time."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from meetings.export.values import csv_cell

# Without the mark Excel reads UTF-8 as the local code page and "Bakü" comes out garbled;
# the csv module, pandas and LibreOffice all skip it (Python: encoding="utf-8-sig").
BOM = "\ufeff"
ROWS_PER_CHUNK = 500


def csv_chunks(
    columns: list[str], rows: Iterable[list], *, bom: bool = True, per_chunk: int = ROWS_PER_CHUNK
) -> Iterator[bytes]:
    """The header and the rows as CSV bytes, a few hundred rows per piece."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if bom:
        buffer.write(BOM)
    writer.writerow(columns)
    for n, row in enumerate(rows, start=1):
        writer.writerow([csv_cell(value) for value in row])
        if n % per_chunk == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def jsonl_chunks(records: Iterable[dict], *, per_chunk: int = ROWS_PER_CHUNK) -> Iterator[bytes]:
    """One JSON object per line (UTF-8, letters as they are, not \\u escapes)."""
    lines: list[str] = []
    for record in records:
        lines.append(json.dumps(record, ensure_ascii=False, default=str))
        if len(lines) == per_chunk:
            yield ("\n".join(lines) + "\n").encode("utf-8")
            lines = []
    if lines:
        yield ("\n".join(lines) + "\n").encode("utf-8")


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return data
