"""The build manifest: what the last build checked and made, kept in the output folder.

It is read as untrusted input (anyone can edit a file in an output folder): a manifest
whose shape is not exactly what a build writes is ignored as a whole, with one warning,
and the edition is built again from scratch. Names of outputs in it are checked again
by `OutputFolder` before anything is written or removed.

Journaled: before a build renders anything it writes a journal beside the manifest naming
every output it is about to (re)write, and at the end it saves the manifest, with a key only
for outputs that were really written, and removes the journal. The next build treats every
output a journal names as not made: an interrupted or failing build therefore never leaves a
page that the next build wrongly calls up to date. (The journal is a list of names, not a
second copy of the manifest: at 100,000 documents that copy took 1.9 s of an edit's 7.2 s.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TeikitError
from ..files import SAFE_PART, OutputFolder

PENDING = ""  # the key of an output being rewritten: matches no real key
OUTPUT_KINDS = ("html", "text", "print", "epub")  # the only folders outputs live in


def manifest_name(shard: tuple[int, int]) -> str:
    return ".teikit-build.json" if shard == (1, 1) else \
        f".teikit-build.{shard[0]}-of-{shard[1]}.json"


def journal_name(manifest: str) -> str:
    """The journal beside a manifest (a name its `.teikit-build*.json` glob does not find)."""
    return manifest.replace(".teikit-build", ".teikit-journal", 1)


def write_journal(folder: OutputFolder, manifest: str, pending: set[str]) -> None:
    folder.write(journal_name(manifest), json.dumps(sorted(pending)))


def _journaled(path: Path) -> list[str] | None:
    """The outputs a journal names (None: no journal; a damaged one names everything it can
    be read as, and the build then sweeps the whole folder for leftovers anyway)."""
    try:
        names = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    return [n for n in names if output_name_ok(n)] if isinstance(names, list) else []


@dataclass
class Manifests:
    files: dict = field(default_factory=dict)  # source path -> what checking it found
    outputs: dict = field(default_factory=dict)  # output name -> key, of every manifest
    own: set[str] = field(default_factory=set)  # this manifest's names: the ones it may remove
    volumes: dict = field(default_factory=dict)  # source path -> {key, outputs}: see plan
    warnings: list[str] = field(default_factory=list)
    interrupted: bool = True  # may a build have died writing here (no clean manifest of ours)?


def load(out: Path, version: str, own: str) -> Manifests:
    """Every manifest of the output folder (one per shard) made by this version of teikit."""
    found = Manifests()
    for path in sorted(out.glob(".teikit-build*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            found.warnings.append(f"{path}: warning: the build manifest cannot be read; "
                                  "building everything again")
            continue
        if isinstance(data, dict) and data.get("version") != version:
            # another teikit's: everything is checked and made again, and what it made that
            # this one no longer makes (pages at an older address scheme) is removed
            outputs = data.get("outputs")
            if isinstance(outputs, dict) and all(map(output_name_ok, outputs)):
                stale = dict.fromkeys(outputs, PENDING)
                found.outputs = {**stale, **found.outputs}
                if path.name == own:
                    found.own |= set(outputs)
            continue
        problem = _problem(data) if isinstance(data, dict) else "not a JSON object"
        if problem:
            found.warnings.append(f"{path}: warning: the build manifest is damaged ({problem}); "
                                  "building everything again")
            continue
        found.files.update(data["files"])
        found.volumes = {**data["volumes"], **found.volumes} if path.name != own else \
            {**found.volumes, **data["volumes"]}
        if path.name == own:
            found.interrupted = PENDING in data["outputs"].values()
            found.outputs = {**found.outputs, **data["outputs"]}
            found.own |= set(data["outputs"])
        else:
            found.outputs.update({k: v for k, v in data["outputs"].items()
                                  if k not in found.outputs})
    pending = _journaled(out / journal_name(own))
    if pending is not None:  # a build died (or failed) after its journal: not made, all of it
        found.interrupted = True
        found.outputs.update(dict.fromkeys(pending, PENDING))
        found.own |= set(pending)
    return found


def save(folder: OutputFolder, name: str, version: str, files: dict, outputs: dict,
         volumes: dict) -> None:
    """In the order the build made them (keys unsorted): what the next build reads back is
    then exactly what `as_saved` gave this one, and the keys it derives from them match."""
    folder.write(name, json.dumps({"version": version, "files": files, "outputs": outputs,
                                   "volumes": volumes}))


def as_saved(entry: dict) -> dict:
    """A freshly checked file's record as the manifest will give it back (lists for tuples,
    the keys in the same order): outputs keyed from it now get the keys the next build
    computes from the manifest, so a build right after this one rewrites nothing."""
    return json.loads(json.dumps(entry))


def output_name_ok(name: object) -> bool:
    if not isinstance(name, str):
        return False
    parts = name.split("/")
    return len(parts) >= 2 and parts[0] in OUTPUT_KINDS and \
        all(SAFE_PART.fullmatch(p) and p not in (".", "..") for p in parts)


def part_ok(value: object) -> bool:
    """A name that may be one part of a path inside the output folder."""
    return isinstance(value, str) and bool(SAFE_PART.fullmatch(value)) and \
        value not in (".", "..")


_DOC_FIELDS = {"doc_id": str, "base": str, "n": str, "date": str, "title": str, "split": bool,
               "ids": list, "refs": list}


def _problem(data: dict) -> str:
    """What makes `data` not a manifest this build could have written ('' if nothing)."""
    files, outputs = data.get("files"), data.get("outputs")
    if not isinstance(files, dict) or not isinstance(outputs, dict):
        return "'files' and 'outputs' must be objects"
    for name, key in outputs.items():
        if not output_name_ok(name) or not isinstance(key, str):
            return f"output {name!r} is not a name inside the output folder"
    volumes = data.get("volumes")
    if type(volumes) is not dict or not all(
            type(v) is dict and type(v.get("key")) is str and _strings(v.get("outputs"))
            and outputs.keys() >= set(v["outputs"]) for v in volumes.values()):
        return "'volumes' must map each source to its key and outputs"
    for rel, entry in files.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("hash"), str):
            return f"entry {rel!r} has no hash"
        for key in ("errors", "warnings"):
            if not _strings(entry.get(key)):
                return f"entry {rel!r}: {key!r} must be a list of strings"
        if {type(entry.get(k, "")) for k in ("checked", "volume_id", "title", "lang", "frame")} \
                != {str} or \
                not _strings(entry.get("ids", [])) or not _strings(entry.get("refs", [])):
            return f"entry {rel!r}: its volume's record is malformed"
        docs = entry.get("docs")
        if not isinstance(docs, list):
            return f"entry {rel!r}: 'docs' must be a list"
        for doc in docs:  # (type() is, map and set: a warm build reads 10,000 of these)
            if type(doc) is not dict or _DOC_FIELDS.keys() - doc.keys() or \
                    {type(doc[k]) for k in _DOC_FIELDS} - _DOC_TYPES:
                return f"entry {rel!r}: a document record is malformed"
            if not part_ok(doc["base"]) or not _strings(doc["ids"]) or \
                    not _strings(doc["refs"]) or type(doc.get("hash", "")) is not str or \
                    "volume" in doc and not part_ok(doc["volume"]) or \
                    type(doc["split"]) is not bool or \
                    {type(doc.get(k, "")) for k in ("part", "part_id", "type")} != {str} or \
                    {type(doc[k]) for k in ("doc_id", "n", "date", "title")} != {str}:
                return f"entry {rel!r}: document {doc.get('doc_id')!r} has an unsafe name"
    return ""


_DOC_TYPES = set(_DOC_FIELDS.values())


def _strings(value: object) -> bool:
    return type(value) is list and set(map(type, value)) <= {str}


def checked_remove(folder: OutputFolder, name: str) -> None:
    """Remove a stale output: only a name a build makes, inside the output folder."""
    if not output_name_ok(name):
        raise TeikitError(f"refused to remove {name!r}: not an output name", folder.root)
    folder.remove(name)
