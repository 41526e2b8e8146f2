import json

from followup.cli import main
from followup.sample import load_sample
from followup.store import Store


def test_export_then_import_into_an_empty_database_gives_the_same_document(store, tmp_path, capsys):
    load_sample(store)
    first = tmp_path / "first.json"
    assert main(["export", "--format", "json", "-o", str(first)]) == 0
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert main(["import", str(first), "--database", other]) == 0
    assert "Imported 8 applications." in capsys.readouterr().out
    second = tmp_path / "second.json"
    assert main(["export", "--format", "json", "-o", str(second), "--database", other]) == 0

    def without_time(path):
        document = json.loads(path.read_text(encoding="utf-8"))
        document.pop("exported_at")
        return document

    assert without_time(first) == without_time(second)


def test_importing_into_a_full_database_needs_a_choice(store, tmp_path, capsys, monkeypatch):
    load_sample(store)
    backup_file = tmp_path / "b.json"
    main(["export", "--format", "json", "-o", str(backup_file)])
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["import", str(backup_file)]) == 2
    assert "choose --merge or --replace" in capsys.readouterr().err
    assert main(["import", str(backup_file), "--merge"]) == 0
    assert "8 already there were skipped" in capsys.readouterr().out
    assert len(store.list_applications()) == 8


def test_a_broken_file_changes_nothing(store, tmp_path, capsys):
    load_sample(store)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "followup-export", "version": 1, "applications": [', encoding="utf-8")
    before = len(store.list_actions())
    assert main(["import", str(broken), "--replace"]) == 2
    assert "nothing was imported" in capsys.readouterr().err
    assert len(store.list_applications()) == 8 and len(store.list_actions()) == before
    assert main(["import", str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_csv_export_and_the_application_filter(store, tmp_path, capsys):
    load_sample(store)
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "t.zip")]) == 0
    assert (tmp_path / "t.zip").read_bytes()[:2] == b"PK"
    assert main(["export", "--format", "json", "--application", "1"]) == 2
    assert "works with --format ics" in capsys.readouterr().err
    assert isinstance(Store.open(store.engine.url.render_as_string()), Store)
