"""A job hunt brought in from wherever it was kept: the exports of Huntr, Teal,
LinkedIn and Notion, a workbook, a CSV file in a Windows code page, headers in
another language. Through the real entry point, each sample file imports with
no hand editing: stages, outcomes, dates and contacts right, and the applicant
never one of the contacts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, Run
from workbooks import Rows, ods, xlsx

DATA = Path(__file__).parents[1] / "formats" / "data"
Cli = Callable[..., Run]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "hunt.json"


def exported(cli: Cli, db: Path) -> dict[str, Any]:
    result = cli("--db", str(db), "export")
    assert result.code == 0, result.err
    document: dict[str, Any] = json.loads(result.out)
    return document


def by_company(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["company"]: a for a in document["applications"]}


def stages(document: dict[str, Any]) -> dict[str, tuple[str, str | None, str]]:
    return {
        a["company"]: (a["stage"], a["outcome"], a["applied_on"]) for a in document["applications"]
    }


# -- Huntr -------------------------------------------------------------------------


def test_a_huntr_export_imports_its_lists_as_stages_and_created_at_as_the_day_applied(
    cli: Cli, db: Path
) -> None:
    sheet = DATA / "huntr-export.csv"

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 0, result.err
    assert result.err == ""
    assert f"Read {sheet} as a Huntr export: 5 rows to import (comma-separated, UTF-8)." in (
        result.out
    )
    assert "listName = status" in result.out
    assert "createdAt = date added" in result.out
    assert "left out: updatedAt (when the card last changed in Huntr)" in result.out
    assert "5 rows have no date applied: the day each was added (createdAt) stands in" in (
        result.out
    )
    assert "Left out 1 row not applied to yet:\n  line 6: status 'Wishlist'" in result.out
    document = exported(cli, db)
    assert stages(document) == {
        "Acme Tools": ("applied", None, "2026-10-02"),
        "Beta Care": ("interviewed", None, "2026-10-05"),
        "Delta Freight": ("decided", "offer", "2026-09-28"),
        "Gamma Games": ("decided", "rejected", "2026-09-30"),
        "Orbit Labs": ("applied", None, "2026-11-03"),
    }
    acme = by_company(document)["Acme Tools"]
    assert (acme["salary"], acme["location"]) == ("$85,000 - $95,000", "Denver, CO")
    assert acme["posting_url"] == "https://jobs.acmetools.example/postings/1234"
    assert acme["tags"] == ["Job Search 2026"]
    orbit = by_company(document)["Orbit Labs"]
    assert "location" not in orbit and orbit["posting_url"] is None
    assert by_company(document)["Beta Care"]["notes"] == "Second round with the director"
    today = json.loads(cli("--db", str(db), "today", "--now", NOW, "--json").out)
    rejected = {a["id"] for a in document["applications"] if a["outcome"] == "rejected"}
    assert not [p for p in today["pairs"] if p["application"] in rejected]


def test_a_huntr_card_renamed_there_updates_the_same_application(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    sheet = DATA / "huntr-export.csv"
    assert cli("--db", str(db), "import", str(sheet)).code == 0
    renamed = tmp_path / "huntr-again.csv"
    renamed.write_text(
        sheet.read_text(encoding="utf-8").replace("Data Analyst", "Senior Data Analyst"),
        encoding="utf-8",
    )

    result = cli("--db", str(db), "import", str(renamed))

    assert result.code == 0, result.err
    assert "applications: 0 added, 1 updated" in result.out
    assert by_company(exported(cli, db))["Acme Tools"]["position"] == "Senior Data Analyst"


# -- Teal --------------------------------------------------------------------------


def test_a_teal_export_takes_its_date_order_from_all_its_date_columns(cli: Cli, db: Path) -> None:
    sheet = DATA / "teal-export.csv"

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 0, result.err
    assert f"Read {sheet} as a Teal export: 6 rows to import (comma-separated, UTF-8, " in (
        result.out
    )
    assert "dates month/day/year" in result.out
    assert "line 7: status 'Bookmarked': not applied yet" in result.out
    document = exported(cli, db)
    assert stages(document) == {
        "Acme Tools": ("applied", None, "2026-11-03"),
        "Beta Care": ("interviewed", None, "2026-10-05"),
        "Delta Freight": ("decided", "offer", "2026-10-01"),
        "Gamma Games": ("decided", "rejected", "2026-10-02"),
        "Kappa Cloud": ("decided", "rejected", "2026-09-14"),
        "Orbit Labs": ("decided", "withdrawn", "2026-10-09"),
    }
    acme = by_company(document)["Acme Tools"]
    assert acme["salary"] == "85,000–95,000"
    assert acme["deadline"] == "2026-11-30"
    assert acme["notes"] == "Referred by Sam\nExcitement: ★★★★\nFollow Up: 11/17/2026"


# -- LinkedIn ----------------------------------------------------------------------


def test_linkedin_exports_import_together_and_the_applicant_is_never_a_contact(
    cli: Cli, db: Path
) -> None:
    first, second = DATA / "Job Applications.csv", DATA / "Job Applications_1.csv"

    result = cli("--db", str(db), "import", str(first), str(second))

    assert result.code == 0, result.err
    assert f"Read {first} as LinkedIn's job applications export: 3 rows" in result.out
    assert f"Read {second} as LinkedIn's job applications export: 3 rows" in result.out
    assert "dates month/day/year" in result.out
    assert (
        "left out: Contact Email, Contact Phone Number (your own details in the export, "
        "not a contact's)" in result.out
    )
    assert "applications: 6 added" in result.out
    document = exported(cli, db)
    assert document["contacts"] == []
    assert "sam.lee@example.com" not in json.dumps(document)
    assert stages(document)["Acme Tools"] == ("applied", None, "2026-11-12")
    assert stages(document)["Orbit Labs"] == ("applied", None, "2026-09-14")
    acme = by_company(document)["Acme Tools"]
    assert acme["resume"] == "Sam_Lee_Resume_Data.pdf"
    assert acme["posting_url"] == "https://www.linkedin.com/jobs/view/3912345678"
    assert acme["notes"].startswith("Question And Answers: Are you legally authorized")
    today = cli("--db", str(db), "today", "--now", NOW, "--json")
    assert json.loads(today.out)["pairs"] == []


def test_a_bad_row_in_one_of_several_files_is_named_with_its_file(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "Job Applications_2.csv"
    broken.write_text(
        (DATA / "Job Applications_1.csv")
        .read_text(encoding="utf-8")
        .replace("09/14/26", "9/44/26"),
        encoding="utf-8",
    )

    result = cli("--db", str(db), "import", str(DATA / "Job Applications.csv"), str(broken))

    assert result.code == 1
    assert f"  {broken}: line 4: Application Date: '9/44/26, 7:55 AM'" in result.err
    assert not db.exists()


# -- Notion ------------------------------------------------------------------------


def test_a_notion_table_reads_emoji_statuses_relations_and_tags(cli: Cli, db: Path) -> None:
    sheet = DATA / "notion-export.csv"

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 0, result.err
    assert f"Read {sheet} as a Notion table: 4 rows to import" in result.out
    assert "line 6: status '🔖 Wishlist': not applied yet" in result.out
    document = exported(cli, db)
    assert stages(document) == {
        "Acme Tools": ("applied", None, "2026-11-03"),
        "Beta Care": ("interviewed", None, "2026-10-05"),
        "Delta Freight": ("decided", "offer", "2026-10-01"),
        "Gamma Games": ("decided", "rejected", "2026-10-02"),
    }
    assert [c["name"] for c in document["contacts"]] == ["Maya Chen"]
    acme = by_company(document)["Acme Tools"]
    assert (acme["tags"], acme["resume"]) == (["Remote", "SQL"], "Resume_v3.pdf")
    assert "notion.so" not in json.dumps(document)


# -- workbooks ---------------------------------------------------------------------

WORKBOOK_ROWS: Rows = [
    ["My applications", None, None, None],
    ["Company", "Position", "Date Applied", "Status"],
    ["Acme Tools", "Data analyst", dt.date(2026, 11, 3), "Applied"],
    ["Beta Care", "Coordinator", dt.datetime(2026, 10, 5, 14, 30), "Interviewing"],
    ["Gamma Games", "Producer", "02/10/2026", "Rejected"],
]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_workbook_imports_its_first_sheet_with_real_date_cells(
    cli: Cli, db: Path, tmp_path: Path, suffix: str
) -> None:
    write = xlsx if suffix == ".xlsx" else ods
    workbook = tmp_path / f"hunt{suffix}"
    workbook.write_bytes(write({"2026": WORKBOOK_ROWS, "Old": [["Company"], ["Old Co"]]}))

    result = cli("--db", str(db), "import", "--dates", "dmy", str(workbook))

    assert result.code == 0, result.err
    assert f"Read {workbook}: 3 rows to import (sheet '2026' of 2, dates day/month/year)." in (
        result.out
    )
    assert "row 3: Acme Tools | Data analyst | applied 2026-11-03 | applied" in result.out
    assert stages(exported(cli, db)) == {
        "Acme Tools": ("applied", None, "2026-11-03"),
        "Beta Care": ("interviewed", None, "2026-10-05"),
        "Gamma Games": ("decided", "rejected", "2026-10-02"),
    }


def test_another_sheet_is_chosen_with_sheet_and_a_wrong_name_lists_the_sheets(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    workbook = tmp_path / "hunt.xlsx"
    rows: Rows = [["Company", "Date Applied"], ["Old Co", dt.date(2025, 3, 1)]]
    workbook.write_bytes(xlsx({"2026": WORKBOOK_ROWS, "2025": rows}))

    wrong = cli("--db", str(db), "import", "--sheet", "2024", str(workbook))
    right = cli("--db", str(db), "import", "--sheet", "2025", str(workbook))

    assert wrong.code == 1
    assert "the workbook has no sheet '2024'; its sheets are '2026', '2025'" in wrong.err
    assert right.code == 0, right.err
    assert list(by_company(exported(cli, db))) == ["Old Co"]


def test_sheet_and_encoding_are_refused_where_they_mean_nothing(
    cli: Cli, db: Path, tmp_path: Path, document_file: Path
) -> None:
    workbook = tmp_path / "hunt.ods"
    workbook.write_bytes(ods({"2026": WORKBOOK_ROWS}))

    on_csv = cli("--db", str(db), "import", "--sheet", "x", str(DATA / "teal-export.csv"))
    on_workbook = cli("--db", str(db), "import", "--encoding", "cp1250", str(workbook))
    on_json = cli("--db", str(db), "import", "--map", "Firma=company", str(document_file))

    assert (on_csv.code, on_workbook.code, on_json.code) == (2, 2, 2)
    assert "--sheet is for a workbook" in on_csv.err
    assert "--encoding is for CSV text" in on_workbook.err
    assert "are for a spreadsheet" in on_json.err
    assert not db.exists()


# -- encodings ---------------------------------------------------------------------


def test_a_windows_1250_sheet_is_flagged_without_encoding_and_right_with_it(
    cli: Cli, db: Path
) -> None:
    sheet = str(DATA / "windows-1250.csv")

    guessed = cli("--db", str(db), "import", sheet)
    told = cli("--db", str(db), "import", "--encoding", "cp1250", sheet)

    assert guessed.code == 1
    assert "its encoding cannot be told for sure" in guessed.err
    assert "Windows-1250 (Central European) reads 'Dvořák a syn s.r.o." in guessed.err
    assert "Windows-1252 (Western European) reads 'Dvoøák a syn s.r.o." in guessed.err
    assert "--encoding cp1250" in guessed.err
    assert told.code == 0, told.err
    assert "semicolon-separated, Windows-1250 (Central European)" in told.out
    document = exported(cli, db)
    assert stages(document) == {
        "Dvořák a syn s.r.o.": ("applied", None, "2026-11-10"),
        "Pekárna Šimek": ("decided", "rejected", "2026-10-28"),
        "Řízení staveb Brno": ("interviewed", None, "2026-11-03"),
    }
    assert sorted(c["name"] for c in document["contacts"]) == ["Jiří Novák", "Petra Černá"]


def test_a_guessed_encoding_is_shown_with_how_sure_it_is(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "import", "--dry-run", str(DATA / "libreoffice-semicolon.csv"))

    assert result.code == 0, result.err
    assert "encoding: guessed Windows-1252 (Western European), " in result.out
    assert "% sure; if a name looks wrong, import again with --encoding NAME" in result.out


def test_an_unknown_encoding_is_a_usage_error(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "import", "--encoding", "klingon", str(DATA / "teal-export.csv"))

    assert result.code == 2
    assert "'klingon' is not an encoding" in result.err


# -- headers the reader does not know ----------------------------------------------


def test_unknown_headers_are_listed_and_map_names_them(cli: Cli, db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "bewerbungen.csv"
    sheet.write_text(
        "Firma;Stelle;Beworben am;Gehalt\nMüller GmbH;Lagerist;10.11.2026;42.000 €\n",
        encoding="utf-8",
    )

    refused = cli("--db", str(db), "import", str(sheet))
    mapped = cli(
        "--db",
        str(db),
        "import",
        "--map",
        "Firma=company",
        "--map",
        "stelle=position",
        "--map",
        "Beworben am=date applied",
        "--map",
        "Gehalt=salary",
        str(sheet),
    )

    assert refused.code == 1
    assert "jobcockpit does not know the headers 'Firma', 'Stelle', 'Beworben am', 'Gehalt'" in (
        refused.err
    )
    assert '--map "Firma=company"' in refused.err
    assert mapped.code == 0, mapped.err
    assert "Firma = company, Stelle = position, Beworben am = date applied, Gehalt = salary" in (
        mapped.out
    )
    application = by_company(exported(cli, db))["Müller GmbH"]
    assert (application["position"], application["salary"]) == ("Lagerist", "42.000 €")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("Firma", "write --map as HEADER=FIELD"),
        ("Firma=boss", "'boss' is not a field"),
    ],
)
def test_a_bad_map_is_a_usage_error(cli: Cli, db: Path, given: str, message: str) -> None:
    result = cli("--db", str(db), "import", "--map", given, str(DATA / "teal-export.csv"))

    assert result.code == 2
    assert message in result.err


def test_a_map_for_a_header_the_file_lacks_is_refused(cli: Cli, db: Path) -> None:
    result = cli("--db", str(db), "import", "--map", "Firma=company", str(DATA / "teal-export.csv"))

    assert result.code == 1
    assert "--map names 'Firma', but the header row has no such column" in result.err


# -- the new fields, out and back in -----------------------------------------------


def test_the_new_fields_go_out_in_the_csv_export_and_come_back_in(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    assert cli("--db", str(db), "import", str(DATA / "teal-export.csv")).code == 0
    table = cli("--db", str(db), "export", "--format", "csv").out
    rows = {row["company"]: row for row in csv.DictReader(io.StringIO(table))}
    assert rows["Acme Tools"]["salary"] == "85,000–95,000"
    assert rows["Acme Tools"]["location"] == "Denver, CO"
    assert rows["Acme Tools"]["deadline"] == "2026-11-30"
    again = tmp_path / "again.csv"
    again.write_text(table, encoding="utf-8")
    other = tmp_path / "other.json"

    result = cli("--db", str(other), "import", str(again))

    assert result.code == 0, result.err
    acme = by_company(exported(cli, other))["Acme Tools"]
    assert (acme["salary"], acme["location"], acme["deadline"]) == (
        "85,000–95,000",
        "Denver, CO",
        "2026-11-30",
    )


# -- ids made from rows --------------------------------------------------------------

SHEET = "Company,Position,Date Applied\nAcme Tools,Data analyst,2026-11-02\n"


def test_rows_get_64_bit_ids_and_an_earlier_imports_40_bit_id_is_still_updated(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    import hashlib

    digest = hashlib.sha256(b"acme tools\x1fdata analyst\x1f2026-11-02").hexdigest()
    earlier = tmp_path / "earlier.json"
    earlier.write_text(
        json.dumps(
            {
                "format": "jobcockpit/1",
                "applications": [
                    {
                        "id": f"a-{digest[:10]}",
                        "company": "Acme Tools",
                        "position": "Data analyst",
                        "applied_on": "2026-11-02",
                        "notes": "from an earlier import",
                    },
                    {
                        "id": f"a-{hashlib.sha256(b'x').hexdigest()[:10]}",
                        "company": "Beta Care",
                        "position": "Nurse",
                        "applied_on": "2026-11-03",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    assert cli("--db", str(db), "import", str(earlier)).code == 0
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET + "Gamma Games,Producer,2026-11-04\n", encoding="utf-8")

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 0, result.err
    assert "applications: 1 added" in result.out and "1 unchanged" in result.out
    ids = {a["company"]: a["id"] for a in exported(cli, db)["applications"]}
    assert ids["Acme Tools"] == f"a-{digest[:10]}"
    assert len(ids["Gamma Games"]) == len("a-") + 16


def test_an_earlier_40_bit_id_that_names_another_application_is_not_overwritten(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    import hashlib

    digest = hashlib.sha256(b"acme tools\x1fdata analyst\x1f2026-11-02").hexdigest()
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(
            {
                "format": "jobcockpit/1",
                "applications": [
                    {
                        "id": f"a-{digest[:10]}",
                        "company": "Zeta Logistics",
                        "position": "Driver",
                        "applied_on": "2026-10-01",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    assert cli("--db", str(db), "import", str(other)).code == 0
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 0, result.err
    assert "applications: 1 added" in result.out
    assert sorted(by_company(exported(cli, db))) == ["Acme Tools", "Zeta Logistics"]


def test_two_rows_that_got_one_id_are_refused_saying_so(
    cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobcockpit.formats.spreadsheet import plan

    monkeypatch.setattr(plan, "_digest", lambda *parts: "0" * 64)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET + "Beta Care,Nurse,2026-11-03\n", encoding="utf-8")

    result = cli("--db", str(db), "import", str(sheet))

    assert result.code == 1
    assert "repeats" not in result.err
    assert (
        "line 3: row: its id a-0000000000000000 is the one line 2 got, though the two are "
        "different applications" in result.err
    )
    assert not db.exists()
