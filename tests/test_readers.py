"""detente/readers: plain text, HTML, JSON Lines and the decoding of bytes (CONTRACT section 1)."""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

import detente.readers.jsonl as jsonl_module
import detente.readers.text as text_module
from detente.errors import BinaryInputError, EmptyInputError, EncodingError, InputError, RecordError
from detente.model import Document
from detente.readers import read_path, read_paths
from detente.readers.encoding import decode
from detente.readers.html import read_html

DAY = dt.date(2018, 3, 31)
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + bytes(range(256)) * 4
LATIN1_PARAGRAPH = "Delegates from Côte d'Ivoire met in Zürich at a café on Monday to discuss trade. " * 6


def _one(items: list) -> Document | InputError:
    assert len(items) == 1, items
    return items[0]


def _record(doc_id: str, text: str = "Russia expelled 60 U.S. diplomats on Thursday.", **fields) -> str:
    return json.dumps({"id": doc_id, "text": text, **fields})


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- plain text ------------------------------------------------------------------------


def test_text_reader_id_is_file_name_and_date_is_the_given_one(tmp_path):
    path = tmp_path / "moscow-expels.txt"
    path.write_text("Russia expelled 60 U.S. diplomats on Thursday.\n", encoding="utf-8")
    doc = _one(list(read_path(path, DAY)))
    assert isinstance(doc, Document)
    assert doc.id == "moscow-expels.txt"
    assert doc.date == DAY
    assert doc.text.startswith("Russia expelled 60 U.S. diplomats")
    assert doc.path == str(path)


def test_text_reader_without_date_leaves_date_unset(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russia expelled 60 U.S. diplomats.", encoding="utf-8")
    assert _one(list(read_path(path))).date is None


def test_text_reader_accepts_text_suffix_and_upper_case_suffix(tmp_path):
    (tmp_path / "a.text").write_text("Russia expelled diplomats.", encoding="utf-8")
    (tmp_path / "B.TXT").write_text("Norway expelled diplomats.", encoding="utf-8")
    docs = list(read_paths([str(tmp_path / "a.text"), str(tmp_path / "B.TXT")]))
    assert [d.id for d in docs] == ["a.text", "B.TXT"]


def test_text_reader_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(LATIN1_PARAGRAPH.encode("latin-1"))
    doc = _one(list(read_path(path)))
    assert isinstance(doc, Document), doc
    assert doc.text == LATIN1_PARAGRAPH
    for word in ("Côte d'Ivoire", "Zürich", "café"):
        assert word in doc.text


def test_text_reader_utf8_bom_is_decoded_and_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Zürich hosted talks on Monday.".encode("utf-8"))
    doc = _one(list(read_path(path)))
    assert doc.text == "Zürich hosted talks on Monday."


def test_text_reader_utf16_file_with_bom_is_decoded(tmp_path):
    path = tmp_path / "utf16.txt"
    text = "Russia expelled 60 diplomats from Zürich on Thursday.\n"
    path.write_bytes(text.encode("utf-16"))  # with a BOM
    doc = _one(list(read_path(path)))
    assert isinstance(doc, Document), doc
    assert doc.text == text


def test_encoding_bom_followed_by_invalid_utf8_is_an_input_error_not_a_crash(tmp_path):
    path = tmp_path / "bom-latin1.txt"
    path.write_bytes(b"\xef\xbb\xbf" + LATIN1_PARAGRAPH.encode("latin-1"))
    item = _one(list(read_paths([str(path)])))
    # Either decoded (best effort) or refused with an InputError naming the file; never raised.
    if isinstance(item, Document):
        assert "Zürich" in item.text
    else:
        assert isinstance(item, InputError) and str(path) in str(item)


def test_text_reader_empty_file_is_empty_input_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    error = _one(list(read_path(path)))
    assert isinstance(error, EmptyInputError)
    assert str(path) in str(error)


def test_text_reader_whitespace_only_file_is_empty_input_error(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n  ")
    assert isinstance(_one(list(read_path(path))), EmptyInputError)


def test_text_reader_binary_file_is_binary_input_error_naming_the_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG_BYTES)
    error = _one(list(read_path(path)))
    assert isinstance(error, BinaryInputError)
    assert error.path == str(path)
    assert str(path) in str(error)


def test_text_reader_too_long_document_is_input_error(tmp_path, monkeypatch):
    monkeypatch.setattr(text_module, "MAX_DOCUMENT_CHARS", 100)
    path = tmp_path / "long.txt"
    path.write_text("Russia expelled diplomats. " * 10, encoding="utf-8")
    error = _one(list(read_path(path)))
    assert isinstance(error, InputError)
    assert "too long" in str(error)


def test_encoding_decode_plain_utf8():
    assert decode("Zürich, café".encode("utf-8"), "x") == "Zürich, café"


def test_encoding_decode_names_where_in_errors():
    with pytest.raises(EmptyInputError, match="here.txt"):
        decode(b"   ", "here.txt")
    with pytest.raises(BinaryInputError, match="there.txt"):
        decode(PNG_BYTES, "there.txt")


def test_encoding_error_is_an_input_error():
    assert issubclass(EncodingError, InputError)
    assert issubclass(RecordError, InputError)


# --- HTML ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def baltic(samples_dir) -> Document:
    return read_html(samples_dir / "baltic-drills.html")


def test_html_reader_keeps_the_article_paragraphs(baltic):
    text = baltic.text
    assert "More than 30 warships from 14 NATO countries began a two-week naval exercise" in text
    assert "Moscow accused NATO of provoking tensions near Russia's borders" in text
    assert "Estonia summoned the Russian charge d'affaires in Tallinn on Monday" in text
    assert "Sweden will host the final phase of the exercise near the island of Gotland" in text
    # paragraphs stay separate, so a paragraph-initial dateline can be found
    assert "\n\nRIGA — More than 30 warships" in "\n\n" + text


def test_html_reader_drops_navigation_share_caption_and_footer(baltic):
    text = baltic.text
    for boilerplate in (
        "Opinion",  # main menu
        "Business",  # main menu
        "Subscribe",
        "Share on Facebook",  # share block
        "Share story",
        "Copy link",
        "All rights reserved",  # footer copyright
        "Privacy policy",  # footer menu
        "A German frigate leads a line of allied warships",  # figcaption
        "Related stories",  # related stories aside
        "Finland extends closure of eastern border crossings",
        "We use cookies",  # cookie banner
        "Get the morning briefing",  # newsletter box
        "Advertisement",
    ):
        assert boilerplate not in text, boilerplate


def test_html_reader_title_date_and_url_come_from_page_metadata(baltic):
    assert baltic.id == "baltic-drills.html"
    # og:title, without the " | The Northern Ledger" suffix of <title>
    assert baltic.title == "NATO begins Baltic naval drills as Russia stages exercises in Kaliningrad"
    # article:published_time 2024-05-14T09:00:00Z
    assert baltic.date == dt.date(2024, 5, 14)
    assert baltic.url == "https://example.org/world/2024/05/14/nato-baltic-drills-kaliningrad"


def test_html_reader_page_date_wins_over_the_given_date(samples_dir):
    doc = read_html(samples_dir / "baltic-drills.html", DAY)
    assert doc.date == dt.date(2024, 5, 14)


def test_html_reader_given_date_is_used_when_the_page_has_none(tmp_path):
    path = tmp_path / "talks.htm"
    path.write_text(
        "<html><head><title>Talks</title></head><body><article>"
        "<p>Turkey and Greece agreed on Wednesday to resume talks on confidence-building measures "
        "in the Aegean Sea, officials in both capitals said.</p>"
        "<p>The two foreign ministers met in Ankara for four hours of talks and signed a joint declaration.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    doc = _one(list(read_path(path, DAY)))
    assert isinstance(doc, Document), doc
    assert doc.id == "talks.htm"
    assert doc.date == DAY
    assert "Turkey and Greece agreed on Wednesday" in doc.text


def test_html_reader_page_without_article_text_is_empty_input_error(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    error = _one(list(read_path(path)))
    assert isinstance(error, EmptyInputError)
    assert str(path) in str(error)


def test_html_reader_binary_file_is_binary_input_error(tmp_path):
    path = tmp_path / "image.html"
    path.write_bytes(PNG_BYTES)
    assert isinstance(_one(list(read_path(path))), BinaryInputError)


# --- JSON Lines ------------------------------------------------------------------------


def test_jsonl_reader_several_records_give_several_documents(tmp_path):
    path = _write_jsonl(tmp_path / "docs.jsonl", [
        _record("ap-1", date="2018-03-31", title="Russia expels diplomats", url="https://example.org/1", outlet="AP"),
        _record("ap-2", text="Norway expelled 15 Russian diplomats.", date="2023-04-18"),
        _record("ap-3", text="Turkey and Greece agreed to resume talks."),
    ])
    docs = list(read_path(path))
    assert all(isinstance(d, Document) for d in docs), docs
    assert [d.id for d in docs] == ["ap-1", "ap-2", "ap-3"]
    first = docs[0]
    assert (first.date, first.title, first.url, first.outlet) == (DAY, "Russia expels diplomats", "https://example.org/1", "AP")
    assert first.text == "Russia expelled 60 U.S. diplomats on Thursday."
    assert docs[1].date == dt.date(2023, 4, 18)
    assert (docs[2].date, docs[2].title, docs[2].url, docs[2].outlet) == (None, None, None, None)


def test_jsonl_reader_bundled_sample_reads_every_record(samples_dir):
    path = samples_dir / "articles.jsonl"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = list(read_path(path))
    assert len(docs) == len(lines) > 1
    assert all(isinstance(d, Document) for d in docs), [d for d in docs if not isinstance(d, Document)]
    assert [d.id for d in docs] == [json.loads(line)["id"] for line in lines]


def test_jsonl_reader_record_date_is_kept_and_given_date_not_applied(tmp_path):
    path = _write_jsonl(tmp_path / "d.jsonl", [_record("a", date="2023-04-18"), _record("b")])
    a, b = read_paths([str(path)], date=DAY)
    assert a.date == dt.date(2023, 4, 18)
    assert b.date is None  # --date is for .txt and .html (CONTRACT section 1)


def test_jsonl_reader_integer_id_becomes_a_string(tmp_path):
    path = _write_jsonl(tmp_path / "ids.jsonl", [json.dumps({"id": 17, "text": "Russia expelled diplomats."})])
    assert _one(list(read_path(path))).id == "17"


def test_jsonl_reader_malformed_line_is_record_error_and_reading_goes_on(tmp_path):
    path = _write_jsonl(tmp_path / "mixed.jsonl", [
        _record("one"),
        '{"id": "two", "text": "unterminated',
        _record("three"),
        _record("four"),
    ])
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "RecordError", "Document", "Document"]
    error = items[1]
    assert (error.path, error.line) == (str(path), 2)
    assert f"{path}:2" in str(error)
    assert [i.id for i in items if isinstance(i, Document)] == ["one", "three", "four"]


def test_jsonl_reader_line_numbers_count_blank_lines(tmp_path):
    path = tmp_path / "gaps.jsonl"
    path.write_text(_record("one") + "\n\n   \nnot json\n" + _record("five") + "\n", encoding="utf-8")
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "RecordError", "Document"]
    assert items[1].line == 4


@pytest.mark.parametrize(
    "line, words",
    [
        (json.dumps({"text": "Russia expelled diplomats."}), "'id'"),
        (json.dumps({"id": "x"}), "'text'"),
        (json.dumps({"id": "x", "text": "   "}), "'text'"),
        (json.dumps({"id": "", "text": "Russia expelled diplomats."}), "'id'"),
        (json.dumps({"id": None, "text": "Russia expelled diplomats."}), "'id'"),
        (json.dumps(["x", "Russia expelled diplomats."]), "JSON object"),
        (json.dumps("just a string"), "JSON object"),
    ],
    ids=["no-id", "no-text", "blank-text", "empty-id", "null-id", "array", "string"],
)
def test_jsonl_reader_record_without_id_or_text_is_record_error(tmp_path, line, words):
    path = _write_jsonl(tmp_path / "bad.jsonl", [line, _record("good")])
    error, good = list(read_path(path))
    assert isinstance(error, RecordError)
    assert error.line == 1 and f"{path}:1" in str(error)
    assert words in str(error)
    assert isinstance(good, Document) and good.id == "good"


def test_jsonl_reader_non_string_text_is_record_error_not_a_crash(tmp_path):
    path = _write_jsonl(tmp_path / "int-text.jsonl", [json.dumps({"id": "a", "text": 5}), _record("b")])
    items = list(read_paths([str(path)]))
    assert isinstance(items[0], RecordError) and items[0].line == 1
    assert isinstance(items[1], Document) and items[1].id == "b"


@pytest.mark.parametrize("bad_date", ["31/03/2018", "2018-02-30", "last Tuesday", "2018-13-01"])
def test_jsonl_reader_bad_date_is_record_error(tmp_path, bad_date):
    path = _write_jsonl(tmp_path / "dates.jsonl", [_record("a", date=bad_date), _record("b", date="2018-03-31")])
    error, good = list(read_path(path))
    assert isinstance(error, RecordError)
    assert error.line == 1
    assert "date" in str(error)
    assert good.date == DAY


def test_jsonl_reader_datetime_string_gives_its_day(tmp_path):
    path = _write_jsonl(tmp_path / "dt.jsonl", [_record("a", date="2018-03-31T14:05:00Z")])
    assert _one(list(read_path(path))).date == DAY


def test_jsonl_reader_huge_line_is_record_error_and_next_line_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl_module, "MAX_RECORD_BYTES", 1000)
    path = _write_jsonl(tmp_path / "huge.jsonl", [
        _record("before"),
        _record("huge", text="Russia expelled diplomats. " * 400),  # ~10,800 bytes
        _record("after"),
    ])
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "RecordError", "Document"]
    assert items[1].line == 2
    assert "limit" in str(items[1])
    assert items[2].id == "after"


def test_jsonl_reader_file_with_only_a_huge_line_is_not_reported_empty(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl_module, "MAX_RECORD_BYTES", 1000)
    path = _write_jsonl(tmp_path / "only-huge.jsonl", [_record("huge", text="x" * 5000)])
    items = list(read_path(path))
    assert len(items) == 1, items
    assert isinstance(items[0], RecordError)


def test_jsonl_reader_record_of_exactly_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl_module, "MAX_RECORD_BYTES", 1000)
    skeleton = _record("edge", text="")
    line = _record("edge", text="y" * (1000 - len(skeleton)))
    assert len(line.encode("utf-8")) == 1000
    path = _write_jsonl(tmp_path / "edge.jsonl", [line, _record("next")])
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "Document"], items


def test_jsonl_reader_too_long_text_is_record_error(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl_module, "MAX_DOCUMENT_CHARS", 50)
    path = _write_jsonl(tmp_path / "long.jsonl", [_record("long", text="Russia expelled diplomats. " * 5), _record("ok", text="Short.")])
    error, good = list(read_path(path))
    assert isinstance(error, RecordError) and "too long" in str(error)
    assert good.id == "ok"


def test_jsonl_reader_empty_file_is_input_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    error = _one(list(read_path(path)))
    assert isinstance(error, InputError)
    assert not isinstance(error, RecordError)
    assert str(path) in str(error) and "empty" in str(error)


def test_jsonl_reader_blank_lines_only_is_input_error(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n  \n\n")
    error = _one(list(read_path(path)))
    assert isinstance(error, InputError) and "empty" in str(error)


def test_jsonl_reader_utf8_bom_and_crlf_lines(tmp_path):
    path = tmp_path / "windows.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _record("a", text="Zürich").encode("utf-8") + b"\r\n" + _record("b").encode("utf-8") + b"\r\n")
    a, b = list(read_path(path))
    assert (a.id, a.text, b.id) == ("a", "Zürich", "b")


def test_jsonl_reader_ndjson_suffix(tmp_path):
    path = _write_jsonl(tmp_path / "docs.ndjson", [_record("a")])
    assert _one(list(read_path(path))).id == "a"


def test_jsonl_reader_binary_file_is_one_binary_input_error(tmp_path):
    path = tmp_path / "image.jsonl"
    path.write_bytes(PNG_BYTES)
    error = _one(list(read_path(path)))
    assert isinstance(error, BinaryInputError)
    assert str(path) in str(error)


def test_jsonl_reader_stdin_dash_reads_records(tmp_path):
    stream = io.BytesIO((_record("s1") + "\n{broken\n" + _record("s2") + "\n").encode("utf-8"))
    items = list(read_paths(["-"], stdin=stream))
    assert [type(i).__name__ for i in items] == ["Document", "RecordError", "Document"]
    assert items[1].path == "<stdin>" and items[1].line == 2
    assert [items[0].id, items[2].id] == ["s1", "s2"]


# --- paths, folders and batches --------------------------------------------------------


def test_readers_folder_yields_its_supported_files(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Russia expelled diplomats.", encoding="utf-8")
    (folder / "sub" / "b.jsonl").write_text(_record("b1") + "\n" + _record("b2") + "\n", encoding="utf-8")
    (folder / "c.html").write_text(
        "<html><body><article><p>Turkey and Greece agreed on Wednesday to resume talks on "
        "confidence-building measures in the Aegean Sea, officials in both capitals said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "notes.md").write_text("# not news", encoding="utf-8")
    (folder / "photo.png").write_bytes(PNG_BYTES)
    items = list(read_paths([str(folder)], DAY))
    assert all(isinstance(i, Document) for i in items), items
    assert sorted(i.id for i in items) == ["a.txt", "b1", "b2", "c.html"]
    assert next(i for i in items if i.id == "a.txt").date == DAY


def test_readers_folder_without_supported_files_is_input_error(tmp_path):
    (tmp_path / "notes.md").write_text("nothing", encoding="utf-8")
    error = _one(list(read_paths([str(tmp_path)])))
    assert isinstance(error, InputError)
    assert str(tmp_path) in str(error)


def test_readers_unsupported_suffix_is_input_error(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 something")
    error = _one(list(read_paths([str(path)])))
    assert isinstance(error, InputError)
    assert str(path) in str(error)
    assert ".pdf" in str(error)


def test_readers_missing_file_is_input_error(tmp_path):
    path = tmp_path / "nowhere.txt"
    error = _one(list(read_paths([str(path)])))
    assert isinstance(error, InputError)
    assert error.path == str(path)
    assert "no such file" in str(error)


def test_readers_read_paths_interleaves_errors_and_documents_without_raising(tmp_path):
    (tmp_path / "good.txt").write_text("Russia expelled 60 U.S. diplomats.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(PNG_BYTES)
    _write_jsonl(tmp_path / "records.jsonl", [_record("r1"), "{nope", _record("r3")])
    (tmp_path / "odd.doc").write_bytes(b"x")
    names = ["good.txt", "missing.txt", "records.jsonl", "empty.txt", "binary.txt", "odd.doc"]
    items = list(read_paths([str(tmp_path / n) for n in names]))
    assert [type(i).__name__ for i in items] == [
        "Document", "InputError", "Document", "RecordError", "Document",
        "EmptyInputError", "BinaryInputError", "InputError",
    ]
    assert [i.id for i in items if isinstance(i, Document)] == ["good.txt", "r1", "r3"]


def test_readers_seed_article_is_one_dated_document(shared_dir):
    path = shared_dir / "seed" / "article.txt"
    doc = _one(list(read_paths([str(path)], DAY)))
    assert isinstance(doc, Document), doc
    assert (doc.id, doc.date) == ("article.txt", DAY)
    assert "WASHINGTON" in doc.text and len(doc.text) > 1000
