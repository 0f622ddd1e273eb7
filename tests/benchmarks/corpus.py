"""Synthetic corpora for the benchmarks, made from the bundled memo fixtures."""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from toolkit import TEI_NS, XML_NS
from toolkit.convert import convert_text

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
MEMOS = Path(__file__).resolve().parent.parent / "fixtures" / "memos"


def memo_trees() -> list[etree._ElementTree]:
    trees = []
    for path in sorted(MEMOS.glob("*.txt")):
        tree, _ = convert_text(path.read_bytes(), path.name)
        trees.append(tree)
    return trees


def volume(target_bytes: int) -> etree._ElementTree:
    """One FRUS-style TEI file holding documents until it reaches target_bytes."""
    sources = memo_trees()
    base = copy.deepcopy(sources[0])
    body = base.find(f".//{T}body")
    for child in list(body):
        body.remove(child)
    compilation = etree.SubElement(body, T + "div", {"type": "compilation", XML_ID: "comp"})
    etree.SubElement(compilation, T + "head").text = "Synthetic compilation"
    hands = base.find(f".//{T}profileDesc")
    if hands is None:
        hands = etree.SubElement(base.find(f"{T}teiHeader"), T + "profileDesc")
    notes = etree.SubElement(hands, T + "handNotes")
    for hid in ("h1", "h2", "h3"):
        hn = etree.SubElement(notes, T + "handNote", {XML_ID: hid})
        hn.text = f"Hand {hid}"
    size, n, page = 0, 0, 1
    while size < target_bytes:
        for src in sources:
            n += 1
            for div in src.getroot().iter(T + "div"):
                if div.get("type") != "document":
                    continue
                clone = copy.deepcopy(div)
                _renumber(clone, n)
                for pb in clone.iter(T + "pb"):
                    page += 1
                    pb.set("n", str(page))
                    pb.set(XML_ID, f"pg_{page}")
                    pb.attrib.pop("facs", None)
                compilation.append(clone)
                size += len(etree.tostring(clone))
    for pb in [p for p in body.iter(T + "pb") if p.getparent() is body]:
        body.remove(pb)
    return base


def _renumber(div: etree._Element, n: int) -> None:
    old = div.get(XML_ID)
    new = f"d{n}"
    div.set(XML_ID, new)
    div.set("n", str(n))
    for el in div.iter():
        value = el.get(XML_ID)
        if value and el is not div and value.startswith(old + "fn"):
            el.set(XML_ID, new + value[len(old):])


def document_files(folder: Path, count: int) -> int:
    """`count` single-document TEI files made from the memo fixtures; returns total bytes."""
    from toolkit.xmlio import serialize

    folder.mkdir(parents=True, exist_ok=True)
    sources = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(MEMOS.glob("*.txt"))]
    total = 0
    for i in range(count):
        stem, text = sources[i % len(sources)]
        if text.startswith("---\n"):  # keep the front matter, give it a fresh id
            head, body = text[4:].split("\n---\n", 1)
            kept = [ln for ln in head.split("\n") if not ln.startswith(("id:", "n:"))]
            text = "\n".join(["---", f"id: d{i}", *kept, "---", body])
        else:
            text = f"---\nid: d{i}\n---\n{text}"
        tree, _ = convert_text(text.encode(), stem)
        data = serialize(tree)
        (folder / f"doc{i:05d}.xml").write_bytes(data)
        total += len(data)
    return total



def frus_edition(folder: Path, documents: int, per_volume: int = 536) -> int:
    """FRUS-shaped volumes of `per_volume` documents (FRUS's average; the synthetic volume's
    documents, its ids made unique per volume as FRUS's are across the series) until there
    are `documents`; returns the number of volumes."""
    from toolkit.xmlio import serialize

    folder.mkdir(parents=True, exist_ok=True)
    tree = volume(per_volume * 1_300)
    compilation = tree.find(f".//{T}div[@type='compilation']")
    docs = compilation.findall(f"{T}div[@type='document']")
    assert len(docs) >= per_volume, len(docs)
    for extra in docs[per_volume:]:
        compilation.remove(extra)
    data = serialize(tree).decode()
    count = -(-documents // per_volume)
    for v in range(1, count + 1):
        text = data.replace('xml:id="', f'xml:id="v{v}-').replace('"#', f'"#v{v}-') \
            .replace(f'xml:id="v{v}-pg_', 'xml:id="pg_')  # (FRUS names pages pg_N)
        text = text.replace("<title type=\"complete\">", f"<title type=\"complete\">Volume {v}: ", 1)
        (folder / f"volume{v:04d}.xml").write_text(text, encoding="utf-8")
    return count
