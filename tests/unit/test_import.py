"""scripts/import: a sheet from plain text, what it recognises and guesses, and what it refuses."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED, copy_content
from guidance.tools.importer.blocks import Unreadable
from guidance.tools.importer.read import read_document
from guidance.tools.importer.furniture import load_known
from guidance.tools.importer.ids import Ids
from guidance.tools.importer.structure import recognise
from importing import run_import

OUT = Path("sheets") / "3.3-partnership" / "sheet.yml"


@pytest.fixture(scope="module")
def seed_sheet():
    return recognise(read_document(SEED), load_known(ROOT / "content_src"))


@pytest.fixture
def content(tmp_path):
    """A copy of content_src/ without the sheet the seed imports as."""
    content = copy_content(tmp_path)
    shutil.rmtree(content / "sheets" / "3.3-partnership")
    return content


def test_the_seed_reads_as_the_sheet_it_is(seed_sheet):
    data = seed_sheet.data
    assert (data["number"], data["title"], data["series"], str(data["last_updated"])) == \
        ("3.3", "Partnership", "working-with-others", "2017-06-30")
    assert seed_sheet.counts == {"text": 3, "list": 2, "checklist": 2, "models": 1, "levels": 1}
    headings = [s.get("heading") for s in data["sections"]]
    assert headings == [None, "Should you get involved in a partnership?", "Possible benefits", "Possible risks",
                        "As an individual", "Models of partnership by structure",
                        "Essential elements for all partnerships", "Varying relationships",
                        "Setting up the partnership - a checklist"]


def test_the_checklist_gets_its_groups_back(seed_sheet):
    checklist = seed_sheet.data["sections"][-1]
    assert [g.get("heading") for g in checklist["groups"]] == [
        "Establishing clear roles.", "Establishing an appropriate structure.", "Establishing common goals",
        "Building capacity of partners."]
    constitution = checklist["groups"][1]["items"][0]
    assert constitution["text"] == "Does the partnership constitution and structure define:"
    assert len(constitution["items"]) == 5
    assert checklist["groups"][2]["items"][-1]["text"] == "Do the community know what the partnership exists for?"


def test_an_open_question_is_answered_in_words(seed_sheet):
    individual = seed_sheet.data["sections"][4]["groups"][0]["items"]
    assert [q.get("kind", "choice") for q in individual] == ["choice", "choice", "choice", "written"]


def test_models_and_levels_are_recognised(seed_sheet):
    models = seed_sheet.data["sections"][5]["models"]
    assert [(m["number"], m["title"]) for m in models] == [
        ("1", "Separate organisation"), ("2", "'Virtual' organisation"),
        ("3", "Co-locating staff from partner organisations"), ("4", "Steering group without dedicated staff resources")]
    assert models[0]["advantages"]["lead"] == "Advantages of this are:"
    assert len(models[0]["advantages"]["items"]) == 5 and len(models[0]["disadvantages"]["items"]) == 2
    levels = seed_sheet.data["sections"][7]["levels"]
    assert [level["title"] for level in levels] == ["Supporter", "Agent", "Adviser", "Junior members",
                                                    "Joint ownership", "Community ownership"]
    assert levels[3]["paragraphs"][1]["text"] == "Power remains with other actors, and is used to keep the organisation in its secondary place."


def test_the_blank_line_in_possible_risks_keeps_the_list_together_and_says_so(seed_sheet):
    risks = seed_sheet.data["sections"][3]
    assert len(risks["items"]) == 7
    assert any(str(g) == "line 43: after a blank line, still read as items of the list 'Possible risks' (no heading between)"
               for g in seed_sheet.guesses)


def test_every_guess_names_where_it_was_made(seed_sheet):
    report = [str(g) for g in seed_sheet.guesses]
    assert "lines 50-53: read as a checklist (so a self-check on the page) because 4 of its 4 items are questions" in report
    assert "line 3: left out: the publisher's name, strapline, address or numbers (from the publisher profile)" in report
    assert "line 180: read as last_updated: 2017-06-30 (day first)" in report
    assert "line 147: 'Building capacity of partners.' at the end of a question read as the next group's heading" in report


def test_ids_are_short_unique_kebab_case_and_made_from_the_words():
    ids = Ids()
    assert ids.make("Getting additional resources for your organisation.") == "getting-additional-resources"
    assert ids.make("Increase your organisation's skills and capacity.") == "increase-organisation-skills"
    assert ids.make("Getting additional resources for your members.") == "getting-additional-resources-members"
    assert ids.make("Getting additional resources") == "getting-additional-resources-2"
    assert ids.make("Cymdeithas Gwasanaethau Gwirfoddol Sir Gâr") == "cymdeithas-gwasanaethau-gwirfoddol"
    assert ids.make("Do you have the time?") == "time"


def test_import_writes_a_sheet_with_its_schema_and_the_report_on_top(content):
    result = run_import(SEED, "--out", content / "sheets")
    assert result.returncode == 0, result.stderr
    written = (content / OUT).read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../schemas/sheet.schema.json\n")
    assert "#   lines 130-151: read as a checklist (so a self-check on the page)" in written
    assert "seed-3.3-partnership.txt, lines 130-151: read as a checklist" in result.stdout
    assert "9 sections: 3 text, 2 list, 1 checklist" not in result.stdout
    assert "9 sections: 3 text, 2 list, 2 checklist, 1 models, 1 levels" in result.stdout


def test_an_existing_sheet_is_never_overwritten_without_force(content):
    assert run_import(SEED, "--out", content / "sheets").returncode == 0
    (content / OUT).write_text((content / OUT).read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    again = run_import(SEED, "--out", content / "sheets")
    assert again.returncode == 1
    assert "already exists; nothing written (add --force to replace it)" in again.stderr
    assert (content / OUT).read_text(encoding="utf-8").endswith("# my edit\n")
    forced = run_import(SEED, "--out", content / "sheets", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "# my edit" not in (content / OUT).read_text(encoding="utf-8")


def test_a_sheet_that_would_not_build_is_not_written(content):
    result = run_import(SEED, "--out", content / "sheets", "--series", "working-alone")
    assert result.returncode == 1
    assert "not written: the sheet would not build" in result.stderr
    assert re.search(r"3.3-partnership/sheet.yml:\d+: series: unknown series 'working-alone' \(expected one of: "
                     r"working-with-others\)", result.stderr)
    assert not (content / OUT).exists()


def test_a_number_already_used_by_another_sheet_is_refused(tmp_path):
    content = copy_content(tmp_path)  # still holds 3.3, in its own folder
    (content / "sheets" / "3.3-partnership").rename(content / "sheets" / "partnership-old")
    result = run_import(SEED, "--out", content / "sheets")
    assert result.returncode == 1
    assert "duplicate sheet" in result.stderr and "Traceback" not in result.stderr


def _pdf_with_a_password(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    from PIL import Image

    plain = path.with_suffix(".plain.pdf")
    Image.new("RGB", (200, 200), "white").save(plain)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    writer.write(path)
    return path


def _picture_only_pdf(path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).text((40, 40), "3.3 Partnership (a scan)", fill="black")
    image.save(path)
    return path


def _not_a_document(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


def _word_zip_without_a_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    return path


def _bytes(data: bytes):
    def write(path: Path) -> Path:
        path.write_bytes(data)
        return path
    return write


BAD = [
    ("empty.docx", _bytes(b""), "the file is empty"),
    ("empty.txt", _bytes("\n\n  \n".encode()), "the file has no text"),
    ("picture.pdf", _not_a_document, "this is not a PDF file"),
    ("picture.docx", _not_a_document, "this is not a Word document (.docx)"),
    ("archive.docx", _word_zip_without_a_document, "this is not a Word document (.docx) that can be read"),
    ("binary.txt", _bytes(b"\0\1\2" * 100), "this is not a text file"),
    ("locked.pdf", _pdf_with_a_password, "the PDF is protected by a password"),
    ("scan.pdf", _picture_only_pdf, "the PDF has no text to read: it looks like a scanned picture"),
    ("old.doc", _bytes(b"\xd0\xcf\x11\xe0"), "an old Word document (.doc)"),
    ("sheet.odt", _bytes(b"PK"), "cannot import '.odt' files"),
    ("no-title.txt", _bytes("Just a paragraph.\n\nAnd another.\n".encode()),
     "no sheet number and title found at the top"),
]


@pytest.mark.parametrize("name, make, message", BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_gets_a_message_not_a_traceback(tmp_path, content, name, make, message):
    path = make(tmp_path / name)
    result = run_import(path, "--out", content / "sheets")
    assert result.returncode == 2
    assert f"{name}: cannot import: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not any((content / "sheets").glob("*/sheet.yml")) or not (content / OUT).exists()


def test_a_missing_file_is_named():
    with pytest.raises(Unreadable, match="no such file"):
        read_document(ROOT / "no-such-sheet.docx")


def test_a_word_document_without_heading_styles_gets_its_bold_headings_read(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("5.1 Volunteers", style="Title")
    document.add_paragraph().add_run("Why volunteers matter").bold = True
    document.add_paragraph("Volunteers bring time and skills. See www.wcva.org.uk for more.")
    document.add_paragraph().add_run("Before you start").bold = True
    document.add_paragraph("Ask yourself:")
    for question in ("Do you have a volunteer policy?", "Who supervises volunteers?", "Are expenses paid?"):
        document.add_paragraph(question, style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Tel: 01267 245555", "Last Updated: 01/02/2024"
    path = tmp_path / "volunteers.docx"
    document.save(str(path))
    sheet = recognise(read_document(path), load_known(ROOT / "content_src"), series="working-with-others", number="3.5")
    sections = sheet.data["sections"]
    assert [(s["type"], s.get("heading")) for s in sections] == [("text", "Why volunteers matter"), ("checklist", "Before you start")]
    assert [q.get("kind", "choice") for q in sections[1]["groups"][0]["items"]] == ["choice", "written", "choice"]
    assert str(sheet.data["last_updated"]) == "2024-02-01"
    report = [str(g) for g in sheet.guesses]
    assert "2 short paragraphs set in bold read as headings (the document uses no heading style for them): paragraphs 2, 4" in report
    assert "a table was read cell by cell, row by row, as paragraphs: check its words are in order" in report
    assert "paragraph 1: the document says 5.1, numbered 3.5 as you asked (--number)" in report


FOOTER_SENTENCES = [
    "Tel: 01632 960456 between 9am and 5pm, Monday to Friday.",
    "Registered charity number 1234567 is ours: quote it when you write.",
    "Email post@llanfair-action.example if you would like a printed copy.",
    "www.llanfair-action.example has the forms you need.",
    "Elusen gofrestredig yw'r mudiad, rhif 1198765.",
    "Is 01632 960123 the right number?",
]


def test_a_sentence_in_the_footer_that_mentions_a_number_or_an_address_is_kept(tmp_path):
    """The footer's sentences stay, even when they begin as a phone, charity or web line does."""
    path = tmp_path / "footer.txt"
    path.write_text("\n\n".join(["3.4 Sharing premises", "Many groups share a hall.", "For further information contact",
                                 "Llanfair Community Action", *FOOTER_SENTENCES, "Phone 01234 567890"]), encoding="utf-8")
    sheet = recognise(read_document(path), load_known(ROOT / "content_src"))
    last = sheet.data["sections"][-1]
    assert [p["text"] for p in last["paragraphs"]] == ["Llanfair Community Action", *FOOTER_SENTENCES]


@pytest.mark.parametrize("line, pieces", [
    ("Llanfair Community Action, 12 High Street, Llanfair, LL00 0AA Registered charity no. 1234567 Phone 01234 567890",
     ["a charity number", "a phone or fax number", "a postcode"]),
    ("Mudiad Gwirfoddol Bro Tawe | Elusen Gofrestredig Rhif: 1198765 | Ffôn: 01632 960123", ["a charity number", "a phone or fax number"]),
    ("T: 01632 960456 E: clerk@abergwyn-hall.example W: abergwyn-hall.example",
     ["an email address", "a web address", "a phone or fax number"]),
    ("Cwmni cofrestredig rhif 07654321 · Rhif elusen 1087654", ["a charity number", "a company number"]),
    ("Registered charity / Elusen gofrestredig 1198765 · Tel / Ffôn: 01632 960123 · Email / E-bost: post@brotawe.example",
     ["a charity number", "an email address", "a phone or fax number"]),
    ("Carmarthenshire Association of Voluntary Services, Tel: 01267 245555",
     ["a phone or fax number", "a name, address or number from a publisher profile"]),
])
def test_a_line_made_only_of_a_publishers_details_is_told_apart(line, pieces):
    from guidance.tools.importer.details import details_in

    known = load_known(ROOT / "content_src")
    assert details_in(line, known.pieces) == pieces


@pytest.mark.parametrize("line", [
    *FOOTER_SENTENCES,
    "Citizens Advice Cymru: 0800 702 2020",               # a name beside a phone number alone: content, not a footer
    "Write to the clerk at 12 High Street, Llanfair, LL00 0AA.",
    "Call Age Cymru on 0300 303 44 98",
    "Ffoniwch ni ar 01632 960123",
])
def test_a_line_with_anything_else_in_it_is_not_details(line):
    from guidance.tools.importer.details import details_in

    assert details_in(line, load_known(ROOT / "content_src").pieces) == []
