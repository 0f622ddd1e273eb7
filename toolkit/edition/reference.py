"""The schema reference of an edition whose teikit.toml names an ODD: `html/schema/`, made
by `teikit odd doc` (toolkit/odd/doc.py) and linked from the edition's index. Made again only
when the compiled ODD changes (its cache key, kept beside the pages, says which it was)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import TeikitError
from ..files import write_atomic
from ..odd import compile_odd

STAMP = ".teikit-odd"  # the compiled ODD the pages were made from


def schema_reference(odd: str, folder: Path) -> list[str]:
    """Make (or keep) the reference in `folder`; the errors, if the ODD does not compile."""
    from ..odd.doc import document
    try:
        made = Path(compile_odd(odd).odd).stem
        if (folder / STAMP).is_file() and (folder / STAMP).read_text() == made:
            return []
        if folder.is_dir():
            shutil.rmtree(folder)
        document(odd, folder)
        write_atomic(folder / STAMP, made)
    except TeikitError as exc:
        return [str(exc)]
    return []
