"""Reading text, Markdown, HTML and PDF files, and refusing files that cannot be used."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyaid.errors import InputError
from studyaid.ingest import SUPPORTED_SUFFIXES, iter_documents, read_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PARAGRAPHS = [
    "Russian President Vladimir Putin warned on Friday that any foreign troops deployed to Ukraine would be "
    "treated as legitimate targets by Moscow's forces.",
    "The warning came hours after French President Emmanuel Macron said 26 of Ukraine's allies had pledged to "
    "send troops as part of a so-called reassurance force once a ceasefire is in place.",
    "NATO Secretary-General Mark Rutte said Russia would not have a veto over the deployment of foreign "
    "peacekeeping troops, calling Ukraine a sovereign country.",
    "Ukraine's air force reported intercepting 84 out of 112 drones launched overnight on Thursday, officials "
    "in Kyiv said.",
]

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Putin warns foreign troops in Ukraine would be targets | Example News</title>
<meta property="article:published_time" content="2025-09-05T09:30:00+00:00">
</head>
<body>
<header><a href="/">Example News</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/europe">Europe</a></li>
<li><a href="/subscribe">Subscribe</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main>
<article>
<h1>Putin Warns Foreign Troops In Ukraine Would Be Targets</h1>
<p class="byline">By Jane Doe</p>
{paragraphs}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Zelenskyy meets Macron in Paris</a></li>
<li><a href="/b">EU weighs new sanctions</a></li></ul></aside>
</main>
<footer><p>&copy; 2025 Example News. All rights reserved.</p><ul><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/terms">Terms of use</a></li></ul></footer>
</body></html>
"""


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF whose content stream shows ``lines`` in Helvetica."""

    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = "BT /F1 11 Tf 14 TL 72 740 Td " + " T* ".join(f"({escape(line)}) Tj" for line in lines) + " ET"
    stream = ops.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- plain text and Markdown ---------------------------------------------------------------------
@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_text_is_the_file_exactly(seed: Path) -> None:
    document = read_document(seed)
    assert document.path == str(seed)
    assert document.format == "text"
    assert document.text == seed.read_text(encoding="utf-8")


def test_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert read_document("./a.txt").path == "./a.txt"
    assert read_document(Path("a.txt")).path == "a.txt"


def test_crlf_and_bom_offsets_match_read_text(tmp_path: Path) -> None:
    path = tmp_path / "crlf.TXT"
    raw = "\ufeffPutin Warns Against Foreign Troops\r\n\r\n" + "\r\n".join(PARAGRAPHS) + "\r\n"
    path.write_bytes(raw.encode("utf-8"))
    document = read_document(path)
    on_disk = path.read_text(encoding="utf-8", errors="replace")
    assert document.text == on_disk
    assert document.text[0] == "\ufeff" and "\r" not in document.text
    start = document.text.index(PARAGRAPHS[2])
    assert on_disk[start : start + len(PARAGRAPHS[2])] == PARAGRAPHS[2]
    assert document.title == "Putin Warns Against Foreign Troops"
    assert [(document.text[e.start : e.end], e.reason) for e in document.excluded] == [
        ("Putin Warns Against Foreign Troops", "heading")
    ]


MARKDOWN = """# Putin Warns Foreign Troops

Russian President Vladimir Putin said foreign troops would be **legitimate targets**, according to \
[Reuters](https://www.reuters.com/world/europe/putin-2025-09-05/).

- French President Emmanuel Macron said 26 countries had pledged troops.
* NATO chief Mark Rutte said Russia had no veto.

Why It Matters
--------------

```python
print("not prose")
```

> "It is a sovereign country," Rutte said.
"""


def test_markdown_keeps_text_and_marks_syntax(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = read_document(path)
    assert document.format == "markdown"
    assert document.text == MARKDOWN
    assert document.title == "Putin Warns Foreign Troops"
    assert [(document.text[e.start : e.end], e.reason) for e in document.excluded] == [
        ("#", "markup"),
        ("Putin Warns Foreign Troops", "heading"),
        ("**", "markup"),
        ("**", "markup"),
        ("[", "markup"),
        ("](https://www.reuters.com/world/europe/putin-2025-09-05/)", "markup"),
        ("-", "markup"),
        ("*", "markup"),
        ("Why It Matters", "heading"),
        ('--------------\n\n```python\nprint("not prose")\n```\n\n>', "markup"),
    ]
    masked = document.masked_text
    for sentence in (
        "French President Emmanuel Macron said 26 countries had pledged troops.",
        "NATO chief Mark Rutte said Russia had no veto.",
        '"It is a sovereign country," Rutte said.',
    ):
        start = document.text.index(sentence)
        assert masked[start : start + len(sentence)] == sentence


# --- HTML ------------------------------------------------------------------------------------------
def test_html_article_text_without_page_furniture(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_text(ARTICLE_HTML.format(paragraphs="\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)), encoding="utf-8")
    document = read_document(path)
    assert document.format == "html"
    assert document.title == "Putin Warns Foreign Troops In Ukraine Would Be Targets"
    assert document.date == "2025-09-05"
    for paragraph in PARAGRAPHS:
        assert paragraph in document.text
        start = document.text.index(paragraph)
        assert document.exclusion_at(start, start + len(paragraph)) is None
    for junk in ("Sign in", "cookies", "Related stories", "Privacy policy", "All rights reserved", "By Jane Doe"):
        assert junk not in document.text
    assert [(document.text[e.start : e.end], e.reason) for e in document.excluded] == [
        ("Putin Warns Foreign Troops In Ukraine Would Be Targets", "heading")
    ]


def test_html_with_declared_latin1_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin.htm"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<p>The caf\u00e9 in Kyiv stayed open, its owner said.</p>"
    html = ARTICLE_HTML.replace('charset="utf-8"', 'charset="iso-8859-1"').format(paragraphs=body)
    path.write_bytes(html.encode("latin-1"))
    assert "The caf\u00e9 in Kyiv stayed open, its owner said." in read_document(path).text


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert "no article text" in info.value.problem


# --- PDF -------------------------------------------------------------------------------------------
def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(
        make_pdf(
            [
                "Putin Warns Against Foreign Troops",
                "Russian President Vladimir Putin said foreign troops in Ukraine would be",
                "legitimate targets for his forces, hours after 26 countries pledged troops.",
                "French President Emmanuel Macron said the force would not be deployed on the",
                "frontline but would operate on land, at sea or in the air.",
            ]
        )
    )
    document = read_document(path)
    assert document.format == "pdf"
    assert document.text.startswith("Putin Warns Against Foreign Troops\nRussian President Vladimir Putin said")
    assert "operate on land, at sea or in the air." in document.text
    assert document.title == "Putin Warns Against Foreign Troops"
    assert [(document.text[e.start : e.end], e.reason) for e in document.excluded] == [
        ("Putin Warns Against Foreign Troops", "heading")
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (make_pdf([]), "no extractable text"),
        (b"%PDF-1.4\nthis is not a real PDF body\n%%EOF\n", "not a readable PDF"),
        (b"Plain text saved with a .pdf name.", "not a PDF"),
    ],
    ids=["no-text", "corrupt", "not-pdf"],
)
def test_bad_pdf(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert problem in info.value.problem


# --- refusals --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty (0 bytes)"),
        ("blank.md", b"  \n\t\r\n  \n", "only whitespace"),
        ("bom-only.txt", "\ufeff\n".encode("utf-8"), "only whitespace"),
        ("nul.txt", b"Putin said\x00\x01\x02 troops", "binary file, not text (NUL byte at byte offset 10)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("doc.md", b"PK\x03\x04" + b"\x00" * 40, "ZIP archive"),
        ("controls.txt", bytes(range(1, 32)) * 4 + b"\xe9", "control bytes"),
        ("notes.doc", b"whatever", "unsupported format: '.doc' files are not supported"),
        ("README", b"text", "a file without an extension is not supported"),
    ],
)
def test_refused_files_name_the_file(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert problem in info.value.problem
    assert str(path) in str(info.value)


def test_undetectable_encoding_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 2)  # every high byte, no text: no charset reads it as words
    with pytest.raises(InputError, match=r"is not UTF-8 .*could not be detected; re-save the file as UTF-8") as info:
        read_document(path)
    assert info.value.path == str(path)


def test_unsupported_lists_supported_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "a.rtf"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"supported: \.docx, \.htm, \.html, \.markdown, \.md, \.pdf, \.txt"):
        read_document(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "nowhere.txt")
    assert (info.value.path, info.value.problem) == (str(tmp_path / "nowhere.txt"), "file not found")
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_document(tmp_path)


def test_too_large_by_argument_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text(PARAGRAPHS[0] * 20, encoding="utf-8")  # 3060 bytes
    with pytest.raises(InputError, match=r"too large: 3\.0 KB is over the 1\.0 KB limit"):
        read_document(path, max_bytes=1024)
    assert read_document(path, max_bytes=10_000).text == PARAGRAPHS[0] * 20
    monkeypatch.setenv("STUDYAID_MAX_BYTES", "1KB")
    with pytest.raises(InputError, match="too large"):
        read_document(path)
    monkeypatch.setenv("STUDYAID_MAX_BYTES", "1MB")
    assert read_document(path).path == str(path)
    monkeypatch.setenv("STUDYAID_MAX_BYTES", "lots")
    with pytest.raises(InputError, match="STUDYAID_MAX_BYTES='lots' is not a size"):
        read_document(path)


# --- folders ---------------------------------------------------------------------------------------
def test_folder_yields_good_files_and_reports_the_bad_one(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "b.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    (folder / "a.md").write_text("# Title\n\n" + PARAGRAPHS[1], encoding="utf-8")
    (folder / "sub" / "c.TXT").write_text(PARAGRAPHS[2], encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"Caf\x00\x00\x00")
    (folder / ".secret.txt").write_text("hidden", encoding="utf-8")
    (folder / ".hidden" / "d.txt").write_text("hidden", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    errors: list[InputError] = []
    documents = list(iter_documents([str(folder)], on_error=errors.append))
    assert [d.path for d in documents] == [str(folder / "a.md"), str(folder / "b.txt"), str(folder / "sub" / "c.TXT")]
    assert [d.text.split("\n")[-1] for d in documents] == PARAGRAPHS[1:2] + PARAGRAPHS[0:1] + PARAGRAPHS[2:3]
    assert [(e.path, "binary file" in e.problem) for e in errors] == [(str(folder / "bad.txt"), True),
                                                                      (str(folder / "notes.docx"), False)]


def test_iter_documents_reraises_by_default(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        list(iter_documents(tmp_path))


def test_iter_documents_mixed_paths(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPHS[3], encoding="utf-8")
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    errors: list[InputError] = []
    given = [good, tmp_path / "missing.md", empty_folder, "", str(good)]
    documents = list(iter_documents(given, on_error=errors.append))
    assert [d.path for d in documents] == [str(good)]
    assert [(e.path, e.problem.split(" (")[0]) for e in errors] == [
        (str(tmp_path / "missing.md"), "file not found"),
        (str(empty_folder), "the folder has no supported files"),
        ("", "an empty path was given"),
    ]


def test_a_single_path_is_not_iterated_as_characters(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPHS[3], encoding="utf-8")
    assert [d.path for d in iter_documents(str(good))] == [str(good)]


def test_supported_suffixes() -> None:
    assert sorted(SUPPORTED_SUFFIXES) == [".docx", ".htm", ".html", ".markdown", ".md", ".pdf", ".txt"]


def test_public_api_and_old_import_paths() -> None:
    import studyaid.ingest as ingest
    from studyaid.ingest import boilerplate, dates, markdown, readers, structure

    assert sorted(ingest.__all__) == ["SUPPORTED_SUFFIXES", "document_from_bytes", "iter_documents", "mark_junk",
                                      "read_document"]
    # helpers moved out of boilerplate and readers stay importable from where they were
    assert boilerplate.find_date is dates.find_date and boilerplate.parse_date is dates.parse_date
    assert boilerplate.is_heading is structure.is_heading and boilerplate.sentences is structure.sentences
    assert readers.mark_markdown is markdown.mark_markdown
