"""The edition a file belongs to: which files pointers may reach, and their ids.

`file.xml#id` pointers are checked against that file when it lies inside the edition
folder (each file's ids are read once per run); anything outside it is not ours to
read, and is reported as an info line instead.
"""

from __future__ import annotations

import os
from urllib.parse import unquote

from lxml import etree

from ..errors import TeikitError
from ..xmlio import parse_xml, read_bytes

IDS = etree.XPath("//@xml:id")


class Edition:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)
        self._ids: dict[str, set[str] | None] = {}

    def contains(self, path: str) -> bool:
        real = os.path.realpath(path)
        return real == self.root or real.startswith(self.root + os.sep)

    def ids(self, here: str, where: str) -> set[str] | None:
        """The xml:ids of the file `where` (relative to the file `here`), or None when
        it is not a readable file of this edition."""
        target = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(here)),
                                               unquote(where)))
        if target not in self._ids:
            found = None
            if self.contains(target) and os.path.isfile(target):
                try:
                    found = {str(v) for v in IDS(parse_xml(read_bytes(target), target))}
                except TeikitError:
                    found = None  # its own validation says what is wrong with it
            self._ids[target] = found
        return self._ids[target]


def edition_root(paths: list[str]) -> str:
    """The edition folder for a run: the folder named (several: the folder holding them
    all); for files, the nearest folder above them with a teikit.toml, else the
    repository they are in (the folder with .git), else the current directory when they
    are inside it (a project's files include their neighbours: ../shared/classDecl.xml),
    else the folder holding them all."""
    folders = [os.path.abspath(p) for p in paths if os.path.isdir(p)]
    if folders:
        return os.path.commonpath(folders)
    common = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths]) \
        if paths else os.getcwd()
    for marker in ("teikit.toml", ".git"):
        probe = common
        while True:
            if os.path.exists(os.path.join(probe, marker)):
                return probe
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            probe = parent
    here = os.getcwd()
    return here if common == here or common.startswith(here.rstrip(os.sep) + os.sep) else common
