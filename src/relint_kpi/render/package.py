"""Office Open XML packages (XLSX, DOCX) with reproducible bytes.

Both openpyxl and python-docx stamp the save time on every zip entry;
:func:`restamp` rewrites the zip with one fixed date, so two exports of the
same report are byte-identical.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

#: Date stamped on every zip entry (the zip format's earliest), for reproducible bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def restamp(data: bytes, rewrite: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The zip ``data`` again, every entry dated :data:`ZIP_DATE`, deflated, mode 0600.

    ``rewrite(name, content)``, when given, may change an entry's content
    on the way (e.g. a timestamp inside ``docProps/core.xml``).
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if rewrite is not None:
                content = rewrite(info.filename, content)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()
