"""An edition at scale, by counts (the seconds are the benchmark's: bench.py --only scale):
a build right after a build writes nothing; an edit writes exactly the pages whose bytes
change; the search index is re-made only for the part of the site that changed, and says
when it is behind; a preview build shows the pages first; shards built in folders of their
own and merged equal a single build."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED

from toolkit.edition import Settings, build_edition
from toolkit.edition import search as search_index
from toolkit.errors import UsageError

VOLUME = FIXTURES / "tei" / "frus-volume.xml"
HTML_TEXT = Settings(outputs=("html", "text"), title="Scale test")


def long_volume(documents: int, ident: str = "frus-test-v1") -> str:
    """The fixture volume with documents 4… added, each naming two persons of the volume's
    list (Allison before Acheson: their register links come in that order, not sorted)."""
    text = VOLUME.read_text(encoding="utf-8").replace('xml:id="frus-test-v1"',
                                                      f'xml:id="{ident}"', 1)
    added = "".join(
        f'<div type="document" subtype="historical-document" xml:id="d{k}" n="{k}">'
        f'<head>Memorandum {k} by <persName corresp="#p_AJM1">Allison</persName></head>'
        f'<p>Seen by <persName corresp="#p_AD1">Acheson</persName>. Paragraph {k}.</p></div>'
        for k in range(4, documents + 1))
    last = text.rindex("</div>", 0, text.index("<back>"))  # the end of the last document
    return text[:last + len("</div>")] + added + text[last + len("</div>"):]


def written(out: Path, since: dict[str, int]) -> set[str]:
    """Outputs (not the search index, not manifests) written since the `since` snapshot."""
    return {name for name, stamp in stamps(out).items() if since.get(name) != stamp}


def stamps(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*")
            if p.is_file() and not p.name.startswith(".")
            and "/pagefind/" not in p.relative_to(out).as_posix()}


def index_stamps(out: Path) -> dict[str, int]:
    """When each part of the search index was last made."""
    return {p.parent.name: p.stat().st_mtime_ns
            for p in (out / "html/pagefind").glob("*/pagefind-entry.json")}


@pytest.fixture
def edition(tmp_path):
    """Two volumes of twelve documents, a letter of its own and a page in another volume;
    register links on most pages; each volume its own part of the search index."""
    src = tmp_path / "tei"
    src.mkdir()
    (src / "vol1.xml").write_text(long_volume(12), encoding="utf-8")
    (src / "vol2.xml").write_text(long_volume(12, "frus-test-v2"), encoding="utf-8")
    shutil.copy(Path(__file__).parent.parent / "tei" / "frus1952-54v15p1-p728.xml", src)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "OWN_INDEX", 10)
        yield src, tmp_path / "out"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_build_right_after_a_build_writes_nothing(edition):
    src, out = edition
    first = build_edition(src, out, HTML_TEXT, jobs=2)
    assert first.errors == [] and first.documents == 25
    assert "registers/" in (out / "html/frus-test-v1/d7.html").read_text()  # links to them
    before, index, manifest = stamps(out), index_stamps(out), \
        (out / ".teikit-build.json").stat().st_mtime_ns
    again = build_edition(src, out, HTML_TEXT, jobs=2)
    assert again.files_written == 0 and written(out, before) == set()
    assert index_stamps(out) == index and len(index) == 3
    assert (out / ".teikit-build.json").stat().st_mtime_ns == manifest
    assert (out / "html/pagefind/parts.json").stat().st_mtime_ns < manifest


def test_real_letters_with_registers_converge_in_one_build(tmp_path):
    """Schnitzler letters name persons and places in orders of their own: a page's register
    links once came back from the manifest sorted, its key changed, and the build right after
    a cold one rewrote pages (fails with the manifest saved with sorted keys)."""
    letters = sorted((SHARED / "corpus/schnitzler/data/editions").glob("L0*.xml"))[:30]
    if not letters:
        pytest.skip("../shared/corpus is absent: the Schnitzler letters live beside the repository")
    src = tmp_path / "tei"
    src.mkdir()
    for letter in letters:
        shutil.copy(letter, src)
    settings = Settings(outputs=("html",), title="Letters", search=False)
    assert build_edition(src, tmp_path / "out", settings, jobs=2).files_written > 60
    assert build_edition(src, tmp_path / "out", settings, jobs=2).files_written == 0


def test_a_body_edit_writes_its_document_and_its_part_of_the_index(edition):
    src, out = edition
    build_edition(src, out, HTML_TEXT, jobs=2)
    before, index = stamps(out), index_stamps(out)
    edit(src / "vol1.xml", "Paragraph 7.", "Paragraph 7, edited.")
    report = build_edition(src, out, HTML_TEXT, jobs=2)
    assert written(out, before) == {"html/frus-test-v1/d7.html", "text/frus-test-v1/d7.txt"}
    assert report.files_written == 2
    after = index_stamps(out)
    assert {name for name in after if after[name] != index[name]} == {"v-frus-test-v1"}
    assert json.loads((out / "html/pagefind/parts.json").read_text())["stale"] == []


def test_a_title_edit_writes_the_pages_that_show_it(edition):
    src, out = edition
    build_edition(src, out, HTML_TEXT, jobs=2)
    before = stamps(out)
    edit(src / "vol1.xml", "<head>Memorandum 7 by", "<head>Memorandum 7 (retitled) by")
    build_edition(src, out, HTML_TEXT, jobs=2)
    v = "html/frus-test-v1"
    # the document, the three before and after it (their side lists name it), the
    # volume's contents, the edition's index, the register entries of the two persons it
    # names (they list it by title); of the texts only its own
    assert written(out, before) == {f"{v}/d{k}.html" for k in range(4, 11)} | {
        f"{v}/index.html", "html/index.html", "text/frus-test-v1/d7.txt",
        "html/registers/persons/p_AJM1.html", "html/registers/persons/p_AD1.html"}


def test_a_preview_shows_the_pages_and_leaves_the_rest_to_the_next_build(edition):
    src, out = edition
    build_edition(src, out, HTML_TEXT, jobs=2)
    before, index = stamps(out), index_stamps(out)
    edit(src / "vol2.xml", "Paragraph 5.", "Paragraph 5, previewed.")
    shown = build_edition(src, out, HTML_TEXT, jobs=1, preview=True)
    assert written(out, before) == {"html/frus-test-v2/d5.html"}
    assert shown.files_written == 1 and "previewed" in \
        (out / "html/frus-test-v2/d5.html").read_text()
    assert index_stamps(out) == index  # not indexed yet, and the search page says so
    assert json.loads((out / "html/pagefind/parts.json").read_text())["stale"] == \
        ["v-frus-test-v2"]
    rest = build_edition(src, out, HTML_TEXT, jobs=2)
    assert rest.files_written == 1 and "previewed" in \
        (out / "text/frus-test-v2/d5.txt").read_text()
    assert json.loads((out / "html/pagefind/parts.json").read_text())["stale"] == []
    assert index_stamps(out)["v-frus-test-v2"] != index["v-frus-test-v2"]


def test_a_failed_reindex_keeps_the_old_index_searchable_and_marked_stale(edition, tmp_path):
    src, out = edition
    build_edition(src, out, HTML_TEXT, jobs=2)
    old = (out / "html/pagefind/v-frus-test-v1/pagefind-entry.json").read_bytes()
    edit(src / "vol1.xml", "Paragraph 9.", "Paragraph 9, edited.")
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'Error: out of disk space' >&2\nexit 3\n")
    broken.chmod(0o755)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "executable", lambda: str(broken))
        report = build_edition(src, out, HTML_TEXT, jobs=2)
    assert report.errors == [f"{out / 'html'}: error: the search index could not be made: "
                             "Pagefind says Error: out of disk space"]
    assert (out / "html/pagefind/v-frus-test-v1/pagefind-entry.json").read_bytes() == old
    assert json.loads((out / "html/pagefind/parts.json").read_text())["stale"] == \
        ["v-frus-test-v1"]
    assert not [p for p in (out / "html/pagefind").iterdir() if p.name.startswith(".")]
    healed = build_edition(src, out, HTML_TEXT, jobs=2)  # nothing else changed: the mark
    assert healed.errors == [] and healed.files_written == 0  # alone re-indexes it
    assert (out / "html/pagefind/v-frus-test-v1/pagefind-entry.json").read_bytes() != old
    assert json.loads((out / "html/pagefind/parts.json").read_text())["stale"] == []


def test_small_volumes_share_group_indexes_that_do_not_move(tmp_path):
    letters = [(f"L{i:04d}", 1) for i in range(1200)]
    parts = search_index.parts_of([("frus-v1", 536), *letters])
    assert parts["v-frus-v1"] == ["frus-v1"]
    groups = [name for name in parts if name.startswith("g-")]
    assert len(groups) == 3 and sum(len(parts[g]) for g in groups) == 1200
    grown = search_index.parts_of([("frus-v1", 536), *letters, ("L9999", 1)])
    assert {n: v for n, v in grown.items() if "L9999" not in v} == \
        {n: v for n, v in parts.items() if n in grown and "L9999" not in grown[n]}


def test_shards_built_apart_and_merged_equal_one_build(edition, tmp_path):
    src, whole = edition
    build_edition(src, whole, HTML_TEXT, jobs=2)
    shards = [tmp_path / f"shard-{i}" for i in (1, 2, 3)]
    for i, folder in enumerate(shards, start=1):
        report = build_edition(src, folder, HTML_TEXT, jobs=1, shard=(i, 3))
        assert report.errors == [] and not (folder / "html/index.html").exists()
    kept = {folder: {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
            for folder in shards}
    merged = tmp_path / "merged"
    report = build_edition(src, merged, HTML_TEXT, jobs=2, merge=[str(s) for s in shards])
    assert report.errors == []
    # what needs the whole edition is made (index, registers, search page; the pages that
    # link into another shard's volume or to a register); every other page is the shard's
    pages = report.files_written + report.skipped
    assert report.skipped > pages / 2, (report.files_written, report.skipped)
    assert snapshot(merged) == snapshot(whole)
    assert [p.name for p in merged.glob(".teikit-build*.json")] == [".teikit-build.json"]
    assert len(index_stamps(merged)) == 3
    for folder, files in kept.items():  # only read
        assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == files
    again = build_edition(src, merged, HTML_TEXT, jobs=2)
    assert again.files_written == 0


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
            and not p.relative_to(out).as_posix().startswith("html/pagefind/")}


@pytest.mark.parametrize("fault, status, message", [
    ("missing", 2, "shard 2/3 is missing: give every shard's folder (2 of 3 given)"),
    ("twice", 2, "is shard 1/3 again"),
    ("not a shard", 2, "is not the output of one `teikit build --shard I/N`"),
    ("other teikit", 1, "this shard was built by another version of teikit"),
    ("interrupted", 2, "shard 2/3 was interrupted or failed while writing"),
])
def test_a_failed_merge_names_the_problem_and_touches_nothing(edition, tmp_path, fault,
                                                              status, message, cli_run):
    src, _ = edition
    shards = [tmp_path / f"shard-{i}" for i in (1, 2, 3)]
    for i, folder in enumerate(shards, start=1):
        build_edition(src, folder, HTML_TEXT, jobs=1, shard=(i, 3))
    given = {"missing": [shards[0], shards[2]], "twice": [shards[0], shards[0], *shards[1:]],
             "not a shard": [*shards, src], "other teikit": shards, "interrupted": shards}[fault]
    if fault == "interrupted":  # (a build that died leaves its journal)
        (shards[1] / ".teikit-journal.2-of-3.json").write_text('["html/frus-test-v2/d1.html"]')
    if fault == "other teikit":
        manifest = shards[1] / ".teikit-build.2-of-3.json"
        data = json.loads(manifest.read_text())
        manifest.write_text(json.dumps(dict(data, version="0" * 64)))
    kept = {p: p.stat().st_mtime_ns for s in shards for p in s.rglob("*")}
    merged = tmp_path / "merged"
    args = ["build", str(src), "-o", str(merged), "--only", "html,text", "-q"]
    for folder in given:
        args += ["--merge", str(folder)]
    result = cli_run(*args)
    assert result.exit_code == status and len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not merged.exists()
    assert {p: p.stat().st_mtime_ns for s in shards for p in s.rglob("*")} == kept


def test_merge_is_not_a_shard_itself(edition, tmp_path):
    src, out = edition
    with pytest.raises(UsageError, match="not itself a --shard"):
        build_edition(src, out, HTML_TEXT, shard=(1, 2), merge=[str(tmp_path)])
    assert not os.path.exists(out)


def test_a_large_editions_index_lists_its_volumes_not_every_document(edition, monkeypatch):
    from toolkit.edition import plan

    src, out = edition
    monkeypatch.setattr(plan, "INDEX_LISTS", 20)  # 25 documents: a large edition
    build_edition(src, out, HTML_TEXT, jobs=2)
    index = (out / "html/index.html").read_text()
    assert "2 volumes, 25 documents" in index.replace("\n", " ")
    assert "12 documents (listed on" in index and 'href="frus-test-v1/d7.html"' not in index
    before = stamps(out)
    edit(src / "vol1.xml", "<head>Memorandum 7 by", "<head>Memorandum 7 (retitled) by")
    build_edition(src, out, HTML_TEXT, jobs=2)
    assert "html/index.html" not in written(out, before)  # it shows no document's title
