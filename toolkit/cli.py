"""The `teikit` command: parses options and calls convert, validate, render and build.

Every failure becomes one line on stderr and a non-zero exit status
(0 ok, 1 invalid input or failed work, 2 usage error); never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import TeikitError, UsageError
from .files import refuse_special_output, same_file, write_atomic

TEI_ROOTS = ("TEI", "teiCorpus")


class TeikitGroup(click.Group):
    """Click group whose errors are single lines with documented exit codes."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args=args, prog_name="teikit",
                                complete_var=complete_var, standalone_mode=False, **extra)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = f"{exc.ctx.command_path} --help" if exc.ctx and exc.ctx.parent else \
                "teikit --help"
            message = " ".join(exc.format_message().split())
            click.echo(f"teikit: error: {message} (see '{where}')", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            click.echo(f"teikit: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("teikit: interrupted", err=True)
            sys.exit(130)
        except TeikitError as exc:
            click.echo(str(exc), err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("teikit: interrupted; outputs already written are complete", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug in teikit: still one line, never a traceback
            if os.environ.get("TEIKIT_DEBUG"):
                raise
            click.echo(f"teikit: internal error: {type(exc).__name__}: {exc} "
                       "(set TEIKIT_DEBUG=1 for details and please report it)", err=True)
            sys.exit(1)
        sys.exit(code or 0)


@click.group(cls=TeikitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="teikit", message="%(prog)s %(version)s")
def cli() -> None:
    """Encode, validate and publish documentary editions in TEI P5."""


def _check_output(input: str | None, output: str | None) -> None:
    """Refused before any work: an output onto the input, or onto a device, FIFO or socket
    (it would be replaced by a regular file; '-o -' is standard output)."""
    if not output or output == "-":
        return
    if input and same_file(input, output):
        raise UsageError("the output would overwrite the input; choose another -o", output)
    try:
        refuse_special_output(output)
    except TeikitError as exc:
        raise UsageError(exc.message, output) from None


def _emit(data: str | bytes, output: str | None) -> None:
    """Write to OUTPUT, or to standard output when there is none or it is '-'."""
    if output and output != "-":
        write_atomic(output, data)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        click.echo(data, nl=False)


@cli.command()
@click.argument("input", type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the TEI here (default, or '-': standard output).")
@click.option("--xml-model", "xml_model", metavar="HREF",
              help="Add an <?xml-model?> instruction pointing editors at this schema.")
@click.option("--title", default="", help="Recognition exports: the TEI's title (default: "
              "the file's or folder's name).")
@click.option("--source", default="", help="Recognition exports: the source description "
              "(default: names the export).")
@click.option("--words", is_flag=True, help="Recognition exports: a zone and a <w> per word.")
@click.option("--alternatives", is_flag=True, help="Recognition exports: keep the other "
              "readings a recogniser offers (choice/seg with @cert).")
def convert(input: str, output: str | None, xml_model: str | None, title: str, source: str,
            words: bool, alternatives: bool) -> int:
    """Convert a memo text (FRUS web-text conventions), a Word .docx, or a text
    recognition export (PAGE XML or ALTO: a file, or a folder of pages) to TEI.

    The text format is described in docs/text-format.md, Word in docs/docx.md,
    recognition exports in docs/recognition.md. Warnings go to standard error;
    errors stop the conversion and nothing is written.
    """
    from .convert import convert_file, finish_tei, is_recognition

    _check_output(input, output)
    if not os.path.exists(input):
        raise UsageError("no such file or folder", input)
    recognition = os.path.isdir(input) or is_recognition(input)
    if not recognition and (title or source or words or alternatives):
        raise UsageError("--title, --source, --words and --alternatives are for text "
                         "recognition exports (PAGE XML, ALTO)", input)
    tree, warnings = convert_file(input, title=title, source=source, words=words,
                                  alternatives=alternatives, output=output) \
        if recognition else convert_file(input)
    # (a recognition export's TEI points to its images from where it is written)
    written_at = output if recognition and output not in (None, "-") else input
    data, more = finish_tei(tree, written_at, xml_model)
    for warning in warnings + more:
        click.echo(str(warning), err=True)
    _emit(data, output)
    return 0


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Compiler-style lines, or a JSON object.")
@click.option("--schema", metavar="NAME|FILE",
              help="tei_all or teikit (bundled), or an XSD / RELAX NG (.rng, .rnc) file; "
                   "default: the schema each file names in <?xml-model?>, else tei_all.")
@click.option("--profile", type=click.Choice(["tei", "teikit", "frus"]), default=None,
              help="Rule set: tei (generic TEI), teikit or frus (house rules); default: "
                   "teikit for teikit's profile, tei for any other schema.")
@click.option("--no-xinclude", is_flag=True, help="Do not resolve xi:include (validate each "
              "file as it is written).")
@click.option("--edition", "edition", type=click.Path(file_okay=False, exists=True),
              help="The edition folder: includes and file.xml#id pointers may reach anywhere "
                   "inside it (default: the folder named, or a file's own folder).")
@click.option("--schematron", metavar="FILE", help="An ISO Schematron (.sch) to run instead "
              "of the one each file names in <?xml-model?>.")
@click.option("--no-schematron", is_flag=True, help="Run no Schematron: neither the rules "
              "embedded in the schemas (tei_all's among them) nor a .sch the files name.")
@click.option("--phase", metavar="NAME", help="Schematron phase to run (default: the "
              "schema's defaultPhase, else #ALL).")
@click.option("--catalog", "catalogs", metavar="FILE", multiple=True, type=click.Path(),
              help="OASIS XML catalog mapping schema URLs to local files (repeatable; "
                   "before those in XML_CATALOG_FILES).")
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option("-v", "--verbose", is_flag=True, help="Say which schemas, Schematron rules and "
              "rule set each file got.")
def validate(paths: tuple[str, ...], fmt: str, schema: str | None, profile: str | None,
             no_xinclude: bool, edition: str | None, schematron: str | None,
             no_schematron: bool, phase: str | None, catalogs: tuple[str, ...], strict: bool,
             verbose: bool) -> int:
    """Check TEI files (or folders of them) against their schemas and editorial rules.

    Exit status: 0 valid, 1 invalid (or a file could not be read), 2 usage error.
    """
    from .validate import ERROR, INFO, catalog, collect_xml, edition_root, to_json, validate_paths
    from .validate.diagnostics import count

    catalog.use(list(catalogs))
    files = collect_xml(list(paths))
    if not files:
        raise UsageError("no *.xml files found in " + ", ".join(paths))
    checked = validate_paths(files, schema, profile, not no_xinclude,
                             edition or edition_root(list(paths)), schematron,
                             not no_schematron, phase)
    found = [d for c in checked if not c.unreadable for d in c.diagnostics]
    unreadable = [{"file": c.name, "message": c.unreadable} for c in checked if c.unreadable]
    if fmt == "json":
        click.echo(to_json(found, [str(p) for p in files], unreadable,
                           {c.name: _choice(c.choice) for c in checked if c.choice}))
    else:
        for c in checked:
            if verbose and c.choice is not None:
                used = ", ".join(s.describe() for s in c.choice.schemas)
                click.echo(f"{c.name}: {used}, rules {c.choice.rules}", err=True)
            if c.unreadable:
                click.echo(f"{c.name}: error: {c.unreadable}", err=True)
                continue
            for diag in c.diagnostics:
                click.echo(diag.text())
    errors = sum(1 for d in found if d.severity == ERROR)
    infos = sum(1 for d in found if d.severity == INFO)
    warnings = len(found) - errors - infos
    cannot = f", {len(unreadable)} unreadable" if unreadable else ""
    said = f", {count(infos, 'info')}" if infos else ""
    click.echo(f"{count(len(files) - len(unreadable), 'file')} checked{cannot}: "
               f"{count(errors, 'error')}, {count(warnings, 'warning')}{said}", err=True)
    return 1 if errors or unreadable or (strict and warnings) else 0


def _choice(choice) -> dict:
    first = choice.grammar
    return {"schema": first and first.label, "path": first and first.path,
            "why": first and first.why, "rules": choice.rules,
            "schemas": [{"kind": s.kind, "path": s.path, "label": s.label, "why": s.why,
                         "embedded": s.embedded} for s in choice.schemas]}


@cli.command()
@click.argument("input", type=click.Path(dir_okay=False))
@click.option("--to", "fmt", type=click.Choice(["html", "print", "text", "epub"]),
              required=True, help="html page, print (a PDF), plain text, or an EPUB ebook.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here (default, or '-': standard output).")
@click.option("--width", type=click.IntRange(0, 400), default=0, show_default=True,
              help="Text: wrap paragraphs at this width (0: one line a paragraph).")
@click.option("--reading", is_flag=True,
              help="Text: a reading text (deletions dropped, no markup) instead of the "
                   "round-trip source format.")
@click.option("--facs-pattern", default="", metavar="URL",
              help="HTML: page-image address, with {facs} and {n}, for [Page N] links.")
@click.option("--witness", default="", metavar="ID",
              help="A critical edition: the text of this witness (its xml:id) instead of the "
                   "critical text with its apparatus.")
@click.option("--view", "reading_view", type=click.Choice(["normalized", "diplomatic"]),
              default="normalized", show_default=True,
              help="Choices: corr, reg, expan (normalized) or sic, orig, abbr (diplomatic).")
@click.option("--facsimile", "print_facsimile", is_flag=True,
              help="Print: each page's image (a local file) as a plate before its page.")
@click.option("--no-xinclude", is_flag=True, help="Do not resolve xi:include.")
@click.option("--edition", "edition", type=click.Path(file_okay=False, exists=True),
              help="The edition folder: xi:include may reach anywhere inside it (default: the "
                   "nearest folder above with a teikit.toml, or the file's own folder).")
def render(input: str, fmt: str, output: str | None, width: int, reading: bool,
           facs_pattern: str, witness: str, reading_view: str, print_facsimile: bool,
           no_xinclude: bool, edition: str | None) -> int:
    """Render a TEI document as HTML, a print PDF, plain text or an EPUB."""
    from .facsimile import beside
    from .render import (
        check_witness,
        facsimile_param,
        plates,
        render_html,
        render_pdf,
        render_text,
    )
    from .standoff import read_in
    from .validate import edition_root, read_source

    _check_output(input, output)
    if fmt in ("print", "epub") and output in (None, "-") and sys.stdout.isatty():
        what, suffix = ("a PDF", "pdf") if fmt == "print" else ("an EPUB", "epub")
        raise UsageError(f"{what} cannot go to the terminal; give -o FILE.{suffix}")
    folder = edition or edition_root([input])
    tree = read_in(read_source(input, folder, not no_xinclude).tree, input, folder)
    root = tree.getroot()
    if root.tag not in {f"{{http://www.tei-c.org/ns/1.0}}{n}" for n in TEI_ROOTS}:
        raise TeikitError("not a TEI document: the root must be <TEI> in the TEI namespace "
                          "(http://www.tei-c.org/ns/1.0)", input, root.sourceline or 1, 1)
    view = {"witness": witness, "reading-view": reading_view}
    if witness:
        check_witness(tree, witness, input)
    if fmt == "html":
        page = os.path.dirname(os.path.abspath(output if output not in (None, "-") else input))
        images = facsimile_param(tree, input, folder, facs_pattern, beside(page))
        data: str | bytes = render_html(tree, input, **{"facs-pattern": facs_pattern}, **view,
                                        **images)
    elif fmt == "text":
        data = render_text(tree, input, width=width, reading=reading, **view)
    elif fmt == "epub":
        from .edition.plan import single_book
        from .render.epub import render_epub

        data = render_epub(tree, input, folder, single_book(input, tree), **view)
    else:
        params, images = plates(tree, input, folder, facs_pattern) if print_facsimile \
            else ({}, {})
        data = render_pdf(tree, input, images, **view, **params)
    _emit(data, output)
    return 0


def _shard(value: str) -> tuple[int, int]:
    try:
        i, n = (int(x) for x in value.split("/"))
    except ValueError:
        raise UsageError(f"--shard takes I/N, e.g. 1/4 (got {value!r})") from None
    return i, n


class _Progress:
    """One updating line on a terminal; a few plain lines otherwise."""

    def __init__(self, verbose: bool):
        self.tty = sys.stderr.isatty()
        self.verbose = verbose
        self.last = -1

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.tty:
            width = 30
            filled = width * done // total
            click.echo(f"\r{phase:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
                       err=True, nl=done == total)
            return
        step = max(1, total // 10)
        if self.verbose or (total >= 50 and (done == total or done % step == 0)):
            click.echo(f"{phase} {done}/{total}", err=True)


@cli.command()
@click.argument("source", default="tei", type=click.Path(file_okay=False))
@click.option("-o", "--output", "outdir", default=None, type=click.Path(file_okay=False),
              help="Folder to write the edition to (default: teikit.toml's, else output/).")
@click.option("--only", default=None, metavar="LIST",
              help="Comma-separated outputs to build: html, print, text, epub (default: teikit.toml's "
                   "outputs, else html, print, text).")
@click.option("--title", default=None, help="Edition title for the index and the edition PDF.")
@click.option("--base-url", default=None, metavar="URL",
              help="Where the output folder is published: canonical links and a sitemap.")
@click.option("--schema", default=None, metavar="NAME|FILE",
              help="Check every file against tei_all, teikit or a schema file (default: the "
                   "schema each file names, else tei_all).")
@click.option("--profile", type=click.Choice(["tei", "teikit", "frus"]), default=None,
              help="Editorial rules (default: as the schema implies).")
@click.option("--facs-pattern", default=None, metavar="URL",
              help="Page-image URL; {facs} and {n} are replaced from each pb.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Worker processes (default: the number of CPUs).")
@click.option("--shard", default="1/1", show_default=True, metavar="I/N",
              help="Build only every N-th source file, starting with the I-th, into a folder "
                   "of this shard's own (split an edition across machines; then --merge).")
@click.option("--merge", multiple=True, metavar="DIR", type=click.Path(file_okay=False),
              help="Put the output folders of every shard (--shard I/N builds) together in "
                   "OUTPUT, then build what needs the whole edition (repeat for each shard; "
                   "see docs/scale.md).")
@click.option("--pdf-per-document/--no-pdf-per-document", default=None,
              help="Also a PDF for every document of a volume (a volume always gets one PDF).")
@click.option("--facsimile/--no-facsimile", "print_facsimile", default=None,
              help="PDFs: each page's image as a plate before its page (print_facsimile).")
@click.option("--edition-pdf/--no-edition-pdf", default=None,
              help="The edition PDF, every volume in one (default: teikit.toml's edition_pdf, "
                   "\"auto\": while the edition's TEI is at most edition_pdf_max_mb, 10 MB).")
@click.option("--strict/--no-strict", default=None, help="Do not publish a file with errors "
              "(default: publish every well-formed file and report its findings; the build "
              "fails).")
@click.option("--search/--no-search", default=None,
              help="A search page with a static index (default: yes).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary.")
@click.option("-v", "--verbose", is_flag=True, help="Progress lines and every warning.")
def build(source: str, outdir: str | None, only: str | None, title: str | None,
          base_url: str | None, schema: str | None, profile: str | None,
          facs_pattern: str | None, jobs: int | None, shard: str, merge: tuple[str, ...],
          pdf_per_document: bool | None, print_facsimile: bool | None,
          edition_pdf: bool | None, strict: bool | None,
          search: bool | None, quiet: bool, verbose: bool) -> int:
    """Build the edition: SOURCE (default tei/) → OUTPUT (default output/).

    Reads SOURCE/teikit.toml when there is one (`teikit new --edition` writes
    one); options override it. Writes output/html/ (index.html, and a folder
    per source file: its contents page index.html and a page per document),
    output/text/ and output/print/ (the same folders; a PDF per file, and
    edition.pdf while the edition is small enough, see --edition-pdf). Only what
    changed since the last build is redone. Every well-formed file is published;
    schema and rule errors are reported and make the exit status 1 (--strict: a
    file with errors is not published). A file that cannot be read or parsed is
    reported and skipped.
    """
    from .edition import build_edition, default_jobs

    if base_url and not base_url.startswith(("https://", "http://")):
        raise UsageError("--base-url must be an http(s) URL")
    settings, outdir = _edition_settings(source, outdir, {
        "title": title, "base_url": base_url, "schema": schema, "profile": profile,
        "facs_pattern": facs_pattern, "pdf_per_document": pdf_per_document, "strict": strict,
        "print_facsimile": print_facsimile,
        "search": search, "edition_pdf": edition_pdf,
        "outputs": tuple(o.strip() for o in only.split(",") if o.strip()) if only else None})
    progress = None if quiet else _Progress(verbose)
    report = build_edition(source, outdir, settings, progress, jobs or default_jobs(),
                           _shard(shard), merge=merge)
    for line in report.errors:
        click.echo(line, err=True)
    if not quiet:
        for line in report.warnings + report.notes:
            click.echo(line, err=True)
    click.echo(report.summary(), err=True)
    if verbose and report.memory_mb:
        click.echo(f"peak memory of a build process: {report.memory_mb} MB", err=True)
    return 1 if report.errors else 0


@cli.command()
@click.argument("output", type=click.Path())
@click.option("--edition", "edition", is_flag=True,
              help="Write OUTPUT/teikit.toml instead: an edition file with every setting "
                   "explained (--title: the edition's title).")
@click.option("--title", help="The document's heading, e.g. 'Memorandum by … to …'.")
@click.option("--id", "doc_id", default="d1", show_default=True, help="xml:id of the document.")
@click.option("--date", default="", help="ISO date of the document (YYYY-MM-DD).")
@click.option("--source", default="", help="The printed source, e.g. a FRUS volume.")
@click.option("--page", default="", help="Page (or range) in the source.")
@click.option("--editor", multiple=True, help="Who encodes the document (repeatable).")
@click.option("--hand", "hands", multiple=True, metavar="'ID | PERSON | MEDIUM'",
              help="A hand that wrote in the document (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "tei"]), default="auto",
              show_default=True, help="A memo-text template or a TEI file (auto: by suffix).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
def new(output: str, edition: bool, title: str | None, doc_id: str, date: str, source: str,
        page: str, editor: tuple[str, ...], hands: tuple[str, ...], fmt: str,
        force: bool) -> int:
    """Start a new document with a complete header: a memo text or a TEI file; or, with
    --edition, an edition's teikit.toml in the folder OUTPUT.

    Missing fields are asked for when run in a terminal.
    """
    from .new import new_document

    if edition:
        from .edition.config import NAME, template

        if Path(output).exists() and not Path(output).is_dir():
            raise UsageError("not a folder; give the edition folder", output)
        output = str(Path(output) / NAME)
        if Path(output).exists() and not force:
            raise UsageError("the file exists; use --force to replace it", output)
        write_atomic(output, template(title or _default_title(str(Path(output).parent))))
        click.echo(f"wrote {output}", err=True)
        return 0
    if Path(output).is_dir():
        raise UsageError("is a folder; give a file name (or --edition for an edition file)",
                         output)
    if Path(output).exists() and not force:
        raise UsageError("the file exists; use --force to replace it", output)
    _check_output(None, output)
    interactive = sys.stdin.isatty()
    if not title:
        if not interactive:
            raise UsageError("give the document's heading with --title")
        title = click.prompt("Heading")
        source = source or click.prompt("Source (blank: none)", default="", show_default=False)
        page = page or click.prompt("Page (blank: none)", default="", show_default=False)
        date = date or click.prompt("Date YYYY-MM-DD (blank: none)", default="",
                                    show_default=False)
    kind = fmt if fmt != "auto" else ("tei" if output.lower().endswith(".xml") else "text")
    data = new_document(kind, title=title, doc_id=doc_id, date=date, source=source, page=page,
                        editors=list(editor), hands=list(hands), name=output)
    write_atomic(output, data)
    click.echo(f"wrote {output}", err=True)
    return 0


def _edition_settings(source: str, outdir: str | None, overrides: dict):
    """An edition's settings: its teikit.toml, then the options given (None: not given);
    and the output folder (the option, else the file's, else output/)."""
    from .edition import Settings
    from .edition.config import load

    settings = load(source) if Path(source).is_dir() else Settings()
    for key, value in overrides.items():
        if value is not None:
            setattr(settings, key, value)
    settings.title = settings.title or _default_title(source)
    if outdir is None:
        outdir = str(Path(source) / settings.output) if settings.output else "output"
    if Path(outdir).resolve() == Path(source).resolve():
        raise UsageError("the output folder cannot be the source folder", outdir)
    return settings, outdir


@cli.command()
@click.argument("source", default="tei", type=click.Path(file_okay=False))
@click.option("-o", "--output", "outdir", default=None, type=click.Path(file_okay=False),
              help="Folder to build into (default: teikit.toml's, else output/).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (another than 127.0.0.1 makes the preview visible "
                   "to other machines).")
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port (default: any free one, printed).")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Worker processes (default: the number of CPUs).")
def serve(source: str, outdir: str | None, host: str, port: int, jobs: int | None) -> int:
    """Build SOURCE, serve it on this machine, rebuild when a file is saved.

    Open pages reload after each rebuild; a page whose source has findings shows them at
    its top. Ctrl-C stops.
    """
    from .edition import default_jobs
    from .preview import serve as run

    if not Path(source).is_dir():
        raise UsageError("no such folder", source)
    _, outdir = _edition_settings(source, outdir, {})
    try:
        run(source, outdir, lambda: _edition_settings(source, outdir, {})[0],
            jobs or default_jobs(), host, port, lambda line: click.echo(line, err=True))
    except KeyboardInterrupt:
        click.echo("teikit: stopped serving", err=True)
    return 0


@cli.group()
def odd() -> None:
    """ODD customisations: compile them, document them."""


@odd.command("compile")
@click.argument("input", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the RELAX NG (XML syntax) here (default, or '-': standard output).")
@click.option("--compiled", type=click.Path(dir_okay=False),
              help="Also write the compiled ODD (every specification merged) here.")
@click.option("--p5", type=click.Path(dir_okay=False), metavar="FILE",
              help="A p5subset.xml to compile against instead of the one teikit ships "
                   "(TEI P5 4.9.0a), e.g. of the release the ODD pins.")
def odd_compile(input: str, output: str | None, compiled: str | None, p5: str | None) -> int:
    """Compile INPUT (an ODD) to RELAX NG with its constraints as Schematron.

    The chain it names (schemaSpec/@source: a local ODD, a TEI release) is read locally;
    nothing is fetched. Warnings go to standard error; nothing is written on an error.
    """
    from .odd import compile_odd

    if not Path(input).is_file():
        raise UsageError("no such file", input)
    _check_output(input, output)
    _check_output(input, compiled)
    done = compile_odd(input, p5, in_process=True)
    for line in done.warnings:
        click.echo(line, err=True)
    if compiled:
        write_atomic(compiled, Path(done.odd).read_bytes())
    _emit(Path(done.rng).read_bytes(), output)
    return 0


@odd.command("doc")
@click.argument("input", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="The folder to write the reference into (index.html, elements/).")
@click.option("--p5", type=click.Path(dir_okay=False), metavar="FILE",
              help="A p5subset.xml to compile against and compare with.")
def odd_doc(input: str, output: str, p5: str | None) -> int:
    """Write the HTML reference of INPUT (an ODD): every element the schema allows, its
    attributes and values, its content in words, and where it differs from TEI P5."""
    from .odd.doc import document

    if not Path(input).is_file():
        raise UsageError("no such file", input)
    count = document(input, output, p5)
    click.echo(f"{count} elements documented in {Path(output) / 'index.html'}", err=True)
    return 0


def _default_title(source: str) -> str:
    name = Path(source).resolve().name
    if name == "tei":
        name = Path(source).resolve().parent.name
    return f"{name} edition"


def main() -> None:
    cli.main(prog_name="teikit")


if __name__ == "__main__":
    main()
