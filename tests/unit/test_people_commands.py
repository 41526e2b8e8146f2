"""An operator's commands for a group deployment: who is there, one person's export, import and delete."""

import json

import pytest

from followup.cli import main
from followup.model import LOCAL_OWNER, Application, Owner
from followup.sample import load_sample

ISSUER = "https://login.example.edu"
ANA = Owner(ISSUER, "auth0|ana-5f7c")  # Auth0's subjects hold a bar: the first one splits
BEN = Owner(ISSUER, "ben-0042")


@pytest.fixture
def database_url(any_database_url):
    return any_database_url


@pytest.fixture
def two_people(store):
    ana = store.for_owner(ANA, label="Ana Lima")
    load_sample(ana, 3)
    ben = store.for_owner(BEN, label="ben@example.edu")
    ben.add_application(Application("Bolt", "Auditor"))
    return ana, ben


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_people_lists_everyone_with_what_user_takes(two_people, capsys):
    code, out, _ = _run(capsys, "people", "--format", "json")
    assert code == 0
    listed = {row["user"]: (row["label"], row["applications"]) for row in json.loads(out)}
    assert listed == {
        "local|local": ("", 0),
        f"{ISSUER}|auth0|ana-5f7c": ("Ana Lima", 3),
        f"{ISSUER}|ben-0042": ("ben@example.edu", 1),
    }
    code, out, _ = _run(capsys, "people")
    assert f"{ISSUER}|ben-0042  ben@example.edu  (1 applications, since " in out


def test_export_for_one_person_holds_only_their_data(two_people, capsys):
    code, out, _ = _run(capsys, "export", "--format", "json", "--user", str(BEN))
    assert code == 0
    assert [a["company"] for a in json.loads(out)["applications"]] == ["Bolt"]
    code, out, _ = _run(capsys, "export", "--format", "json", "--user", str(ANA))
    assert len(json.loads(out)["applications"]) == 3


def test_a_person_who_is_not_there_is_named_and_nothing_is_made(two_people, store, capsys):
    stranger = Owner(ISSUER, "nobody")
    code, _, err = _run(capsys, "export", "--format", "json", "--user", str(stranger))
    assert code == 2
    assert f"No one signed in as {stranger} has data in this database." in err
    code, _, _ = _run(capsys, "delete", "--user", str(stranger), "--yes")
    assert code == 2
    _, out, _ = _run(capsys, "people", "--format", "json")
    assert str(stranger) not in {row["user"] for row in json.loads(out)}


def test_a_user_that_is_not_issuer_and_subject_is_refused(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--format", "json", "--user", "ana@example.edu"])
    assert stopped.value.code == 2
    assert "is not ISSUER|SUBJECT" in capsys.readouterr().err


def test_import_into_an_account_then_export_gives_the_same_document(two_people, store, tmp_path, capsys):
    backup_file = tmp_path / "ana.json"
    assert main(["export", "--format", "json", "--user", str(ANA), "-o", str(backup_file)]) == 0
    newcomer = Owner("https://accounts.google.com", "1093")
    code, out, _ = _run(capsys, "import", str(backup_file), "--user", str(newcomer))
    assert (code, out.strip()) == (0, "Imported 3 applications.")
    code, out, _ = _run(capsys, "export", "--format", "json", "--user", str(newcomer))
    first = json.loads(backup_file.read_text(encoding="utf-8"))
    second = json.loads(out)
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second
    # Nobody else gained anything.
    assert store.list_applications() == []
    assert [a.company for a in store.for_owner(BEN).list_applications()] == ["Bolt"]


def test_delete_removes_one_person_and_nothing_else(two_people, store, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = _run(capsys, "delete", "--user", str(ANA))
    assert code == 2 and "add --yes" in err
    assert len(store.for_owner(ANA, create=False).list_applications()) == 3

    code, out, _ = _run(capsys, "delete", "--user", str(ANA), "--yes")
    assert (code, out.strip()) == (0, f"Deleted {ANA} and their 3 applications.")
    _, out, _ = _run(capsys, "people", "--format", "json")
    assert {row["user"] for row in json.loads(out)} == {str(LOCAL_OWNER), str(BEN)}
    assert [a.company for a in store.for_owner(BEN).list_applications()] == ["Bolt"]


def test_delete_needs_a_user(capsys):
    with pytest.raises(SystemExit):
        main(["delete", "--yes"])
    assert "--user" in capsys.readouterr().err
