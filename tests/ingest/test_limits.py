"""The limit model: bytes, characters and PDF pages, from the environment, checked before the work."""
from __future__ import annotations

import io

import pytest
from pydantic import ValidationError
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

from studyaid.errors import DocumentTimeout, InputError
from studyaid.ingest import document_from_bytes
from studyaid.ingest.limits import Budget, Limits, over_limit
from studyaid.ingest.readers import count_pdf_pages

LINE = "The ferry to Caldmoor Island carried 212 passengers on its first winter crossing."


def shared_stream_pdf(pages: int, lines: int = 1) -> bytes:
    """``pages`` pages that all draw one content stream of ``lines`` lines: a small file, a long text."""
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    stream = DecodedStreamObject()
    shown = " T* ".join(f"({LINE} Line {n}.) Tj" for n in range(lines))
    stream.set_data(f"BT /F1 9 Tf 11 TL 40 760 Td {shown} ET".encode("latin-1"))
    content = writer._add_object(stream)
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        page[NameObject("/Contents")] = content
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, Limits()),
        ({"STUDYAID_MAX_BYTES": "2MB"}, Limits(max_bytes=2 * 1024 * 1024)),
        ({"STUDYAID_MAX_CHARS": "300k"}, Limits(max_chars=300 * 1024)),
        ({"STUDYAID_MAX_PDF_PAGES": "40"}, Limits(max_pdf_pages=40)),
        ({"STUDYAID_DOCUMENT_SECONDS": "2.5"}, Limits(document_seconds=2.5)),
    ],
)
def test_limits_from_the_environment(monkeypatch, env, expected):
    for name in ("STUDYAID_MAX_BYTES", "STUDYAID_MAX_CHARS", "STUDYAID_MAX_PDF_PAGES", "STUDYAID_DOCUMENT_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert Limits.from_env() == expected


@pytest.mark.parametrize(
    ("variable", "value", "problem"),
    [
        ("STUDYAID_MAX_CHARS", "many", "STUDYAID_MAX_CHARS='many' is not a number of characters"),
        ("STUDYAID_MAX_PDF_PAGES", "-3", "STUDYAID_MAX_PDF_PAGES='-3' is not a page count"),
        ("STUDYAID_DOCUMENT_SECONDS", "0", "STUDYAID_DOCUMENT_SECONDS='0' is not a number of seconds"),
    ],
)
def test_a_malformed_variable_names_the_document_and_the_variable(monkeypatch, variable, value, problem):
    monkeypatch.setenv(variable, value)
    with pytest.raises(InputError) as info:
        document_from_bytes("notes.txt", LINE.encode())
    assert info.value.path == "notes.txt"
    assert info.value.problem.startswith(problem + "; use e.g. ")


def test_an_argument_wins_over_the_environment_and_a_bad_one_is_refused(monkeypatch):
    monkeypatch.setenv("STUDYAID_MAX_PDF_PAGES", "40")
    assert Limits.from_env(max_pdf_pages=7, max_chars=None).max_pdf_pages == 7
    with pytest.raises(ValidationError):
        Limits(max_chars=0)


@pytest.mark.parametrize(
    ("size", "limit", "message"),
    [
        (6_500_000, 5 * 1024 * 1024, "6.2 MB is over the 5.0 MB limit"),
        (5 * 1024 * 1024 + 7, 5 * 1024 * 1024, "5,242,887 bytes is over the 5,242,880-byte limit"),
        (3060, 1024, "3.0 KB is over the 1.0 KB limit"),
    ],
)
def test_over_limit_never_reads_as_equal_sizes(size, limit, message):
    assert over_limit(size, limit) == message


@pytest.mark.parametrize(
    ("text", "max_chars", "accepted"),
    [
        (LINE, 200, True),
        (LINE * 3, 200, False),
    ],
)
def test_the_character_limit_on_text(text, max_chars, accepted):
    limits = Limits(max_chars=max_chars)
    if accepted:
        assert document_from_bytes("ferry.txt", text.encode(), limits=limits).text == text
    else:
        with pytest.raises(InputError, match=r"ferry\.txt: too long: the text has 243 characters, over the 200-char"):
            document_from_bytes("ferry.txt", text.encode(), limits=limits)


@pytest.mark.parametrize(("pages", "accepted"), [(12, True), (13, False)])
def test_the_pdf_page_cap_is_checked_before_any_page_is_read(pages, accepted):
    data = shared_stream_pdf(pages)
    limits = Limits(max_pdf_pages=12)
    if accepted:
        document = document_from_bytes("ferries.pdf", data, limits=limits)
        assert document.text.count("Caldmoor") == pages
    else:
        with pytest.raises(InputError, match=r"ferries\.pdf: too many pages: over the 12-page limit"):
            document_from_bytes("ferries.pdf", data, limits=limits)


def test_a_pdf_whose_pages_share_one_stream_stops_at_the_character_limit():
    data = shared_stream_pdf(300, lines=40)  # a few KB of file, about 3.5 MB of text
    assert len(data) < 60_000
    with pytest.raises(InputError, match=r"passes the 20,000-character limit at page 6 of 300") as info:
        document_from_bytes("ferries.pdf", data, limits=Limits(max_chars=20_000))
    assert info.value.path == "ferries.pdf"


def test_a_page_tree_whose_nodes_repeat_is_counted_only_up_to_the_cap():
    writer = PdfWriter()
    leaf = writer.add_blank_page(width=100, height=100).indirect_reference
    node = leaf
    for _ in range(40):  # 2**40 pages in 40 small objects
        parent = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"), NameObject("/Kids"): ArrayObject([node, node]),
            NameObject("/Count"): NumberObject(2)}))
        node = parent
    assert count_pdf_pages(node, 1000) == 1001
    assert count_pdf_pages(leaf, 1000) == 1


@pytest.mark.parametrize(("spent", "stops"), [(4.0, False), (5.5, True)])
def test_a_budget_stops_only_once_spent(spent, stops):
    now = [100.0]
    budget = Budget("long.txt", 5, clock=lambda: now[0])
    now[0] += spent
    if stops:
        with pytest.raises(DocumentTimeout, match=r"long\.txt: skipped: parsing took 6 s, over the 5 s limit"):
            budget.check("parsing")
    else:
        budget.check("parsing")
