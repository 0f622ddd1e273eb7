"""Outputs: HTML reading edition, print PDF and plain text, all from XSLT (print: XSLT
makes the page tree, Typst lays it out; see typeset)."""

from __future__ import annotations

from lxml import etree

from ..errors import TeikitError
from ..facsimile import has_images, image_size, read_facsimile, remote, viewer_json
from ..resources import xslt_path
from ..validate.rules import has_noncharacter, noncharacter_message, noncharacters
from .accounting import View, cited_witnesses, missing, transcription
from .saxon import document as saxon_document
from .saxon import transform, transform_pages

FORMATS = ("html", "print", "text")


def css(name: str = "teikit.css") -> str:
    """A file the pages use (the stylesheet, the views' script), to inline or to write."""
    return xslt_path(name).read_text(encoding="utf-8")


def view_of(params: dict) -> View:
    """The view the stylesheets' parameters ask for (witness, reading-view)."""
    return View(witness=str(params.get("witness") or ""),
                diplomatic=params.get("reading-view") == "diplomatic")


def check_witness(tree: etree._ElementTree, witness: str, name: str) -> None:
    """A witness view of a file that cites no such witness would silently be its critical
    text: refused, naming the witnesses it does cite."""
    cited = cited_witnesses(tree)
    if witness not in cited:
        known = ", ".join(cited) if cited else "none: the file has no apparatus"
        raise TeikitError(f"no witness {witness!r} is cited in this file's apparatus "
                          f"(witnesses: {known})", name, 1, 1)


def render_html(tree: etree._ElementTree, name: str = "<input>", **params: str) -> str:
    """One page. Without a `facsimile` parameter its page images are read here (remote ones
    only: where the page will be, and so the way to a local file, is not known)."""
    if "facsimile" not in params:
        params.update(facsimile_param(tree, "", "", str(params.get("facs-pattern") or ""),
                                      remote))
    inline = {"css": css(), "views": css("views.js")}
    if params.get("facsimile"):  # one page, its viewer inline (an edition links the files)
        inline["facsimile-scripts"] = css("openseadragon/openseadragon.min.js") + "\n" + \
            css("facsimile.js")
    return complete(tree, "html", transform("html.xsl", tree, {**inline, **params}, name),
                    name, view=view_of(params))


def facsimile_param(tree: etree._ElementTree, source: str, root: str, pattern: str,
                    href) -> dict[str, str]:
    """The stylesheet parameter that puts the page images beside the text ('' when the
    file has none). href: how the page loads an image (see facsimile.beside)."""
    if not has_images(tree):
        return {"facsimile": ""}
    found = read_facsimile(tree, source, root, pattern)
    if not found.surfaces:
        return {"facsimile": ""}
    return {"facsimile": viewer_json(found, href)}


def complete(source: etree._ElementTree | etree._Element, kind: str, output: str, name: str,
             reading: bool = False, view: View | None = None) -> str:
    """The output, if it holds every word of the source's transcription (see accounting);
    otherwise one error at the first piece of text it lost: never a page with text missing.
    `source`: a file's tree (its whole transcription), or one document's element."""
    parts = transcription(source) if isinstance(source, etree._ElementTree) else [source]
    view = View(reading, view.witness, view.diplomatic) if view else View(reading)
    lost = missing(parts, "text" if kind == "text" else "html", output, view=view)
    if lost:
        text, el = lost[0]
        more = f" and {len(lost) - 1} more" if len(lost) > 1 else ""
        raise TeikitError(f"the {kind} output lacks text of <{etree.QName(el).localname}> here "
                          f"('{text[:30]}'){more}: teikit cannot render this yet; nothing was "
                          "written (please report it)", name, el.sourceline or 0, 1)
    return output


def _text_check(tree: etree._ElementTree, name: str):
    """text.xsl marks things with Unicode noncharacters: a document holding one is refused
    (the validator's rule `noncharacter` says the same), never rendered with text lost."""
    def check(text: str) -> None:
        if has_noncharacter(text):
            el, char = next(noncharacters(tree), (None, "\ufdd0"))
            raise TeikitError(noncharacter_message(char, "which text output uses internally"),
                              name, (el.sourceline or 0) if el is not None else 0, 1)
    return check


def render_text(tree: etree._ElementTree, name: str = "<input>", width: int = 0,
                reading: bool = False, front_matter: bool = True, doc_id: str = "",
                **params: str) -> str:
    out = transform("text.xsl", tree, {"width": width, "reading": "yes" if reading else "no",
                                       "front-matter": "yes" if front_matter else "no",
                                       "doc-id": doc_id, **params}, name,
                    check=_text_check(tree, name))
    return out if doc_id else complete(tree, "text", out, name, reading, view_of(params))


def plan_element(pages: list[dict], links: dict[str, str], labels: list[list[str]],
                 mentions: dict[str, dict] | None = None) -> etree._Element:
    """The plan the stylesheets' pages mode reads (documented in common.xsl). A page's
    list values become child elements (its side list: <near …/>)."""
    plan = etree.Element("plan")
    for page in pages:
        el = etree.SubElement(plan, "page", {k: v for k, v in page.items()
                                             if isinstance(v, str) and v != ""})
        for key, items in page.items():
            if isinstance(items, list):
                for item in items:
                    etree.SubElement(el, key, {k: v for k, v in item.items() if v != ""})
    for target, href in sorted(links.items()):
        etree.SubElement(plan, "link", target=target, href=href)
    for token, mention in sorted((mentions or {}).items()):
        etree.SubElement(plan, "mention", token=token, href=mention["href"],
                         anchor=mention["anchor"])
    seen: dict[str, int] = {}
    for doc, page, text, date in labels:
        seen[doc] = seen.get(doc, 0) + 1  # which document of that id (ids may repeat)
        etree.SubElement(plan, "label", key=f"{doc}#{seen[doc]}", page=page, text=text,
                         date=date)
    return plan


HTML5_DOCTYPE = "<!DOCTYPE HTML>"  # as Saxon writes it for html-version 5
PAGE_STYLESHEETS = {"html": "html.xsl", "text": "text.xsl", "print": "print.xsl",
                    "epub": "epub.xsl"}


def render_pages(kind: str, tree: etree._ElementTree, plan: etree._Element,
                 name: str = "<input>", document=None, **params: str) -> list[tuple[str, str]]:
    """The pages a plan asks for (see common.xsl), each as (href, content); for "print"
    the content is the page tree that typeset turns into a PDF. `document`: the tree
    as prepare_pages made it, when one file is rendered to several kinds."""
    return transform_pages(PAGE_STYLESHEETS[kind], tree if document is None else document,
                           plan, params, name, markup=kind != "text",
                           doctype=HTML5_DOCTYPE if kind == "html" else "",
                           check=_text_check(tree, name) if kind == "text" else None)


def prepare_pages(tree: etree._ElementTree, name: str, kinds: set[str]):
    """One file handed to the XSLT processor once, for render_pages of all these kinds."""
    return saxon_document(tree, name, _text_check(tree, name) if "text" in kinds else None)


def render_print_tree(tree: etree._ElementTree, name: str = "<input>", **params: str) -> str:
    """The page tree (XHTML) print.typ lays out; checked to hold every word of the source."""
    return complete(tree, "print", transform("print.xsl", tree, params, name), name,
                    view=view_of(params))


def render_pdf(tree: etree._ElementTree, name: str = "<input>",
               images: dict[str, str] | None = None, **params: str) -> bytes:
    """images: the page images print-facsimile's plates name (see plates)."""
    from .typeset import typeset

    return typeset(render_print_tree(tree, name, **params), name, images)


def plates(tree: etree._ElementTree, source: str, root: str, pattern: str
           ) -> tuple[dict[str, str], dict[str, str]]:
    """Print with each page's image as a plate before it: the stylesheet parameters, and
    the local images the plates print (name → file). Only local images are printed (a PDF
    is made without the network); a remote one is named by its address."""
    params = {"print-facsimile": "yes"}
    if not has_images(tree):
        return params, {}
    found = read_facsimile(tree, source, root, pattern)
    files: dict[str, str] = {}
    names: dict[str, str] = {}

    def href(image) -> dict:
        if not image.exists or image_size(image.path) is None:
            return {"kind": "named"}
        if image.path not in names:
            names[image.path] = f"plate-{len(names) + 1}" + \
                (".png" if image.path.lower().endswith(".png") else ".jpg")
            files[names[image.path]] = image.path
        return {"kind": "plate", "src": names[image.path]}
    params["facsimile"] = viewer_json(found, href)
    return params, files
