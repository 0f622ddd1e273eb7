"""`teikit new`: a new document with a complete header, as memo text or TEI.

The TEI is made by converting the generated memo text, so a new document and
a converted one share one definition of what a teikit header is.
"""

from __future__ import annotations

from .errors import UsageError


def memo_template(title: str, doc_id: str = "d1", date: str = "", source: str = "",
                  page: str = "", editors: list[str] | None = None,
                  hands: list[str] | None = None) -> str:
    if "\n" in title or not title.strip():
        raise UsageError("the heading must be one non-empty line")
    lines = ["---", f"id: {doc_id}", f"title: {title.strip()}"]
    for key, value in (("date", date), ("source", source), ("page", page)):
        if value.strip():
            lines.append(f"{key}: {value.strip()}")
    lines += [f"editor: {e.strip()}" for e in editors or [] if e.strip()]
    lines += [f"hand: {h.strip()}" for h in hands or [] if h.strip()]
    lines += ["---", "", title.strip(), ""]
    return "\n".join(lines)


def new_document(kind: str, *, title: str, doc_id: str, date: str, source: str, page: str,
                 editors: list[str], hands: list[str], name: str) -> bytes:
    text = memo_template(title, doc_id, date, source, page, editors, hands)
    if kind == "text":
        return text.encode("utf-8")
    from .convert import convert_text, finish_tei

    tree, _ = convert_text(text.encode("utf-8"), name)
    data, _ = finish_tei(tree, name)
    return data
