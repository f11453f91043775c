"""A batch's outputs are flushed to disk a group at a time, named only once flushed, never over a file."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from conftest import DATASET

from qdocgen import manifest, staging
from qdocgen.batch import BatchOptions, render_batch


def test_a_batch_flushes_its_files_in_one_pass_and_records_them_only_then(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    flushed: list[list[Path]] = []
    real = staging._flush_files

    def watch(files: list[Path]) -> None:
        assert not any((tmp_path / "out" / f.name.split(".")[1]).with_suffix(".docx").exists() for f in files)
        flushed.append(list(files))
        real(files)

    monkeypatch.setattr(staging, "_flush_files", watch)
    monkeypatch.setattr(staging, "GROUP_SECONDS", 600.0)  # a loaded machine: only the size closes the group
    report = render_batch(DATASET, tmp_path / "out", BatchOptions(jobs=1))
    assert len(report.written) == 11 and not report.failed
    assert [len(files) for files in flushed] == [11]  # one pass for the whole group, not one per file
    assert all(f.name.startswith(".") and f.suffix == ".tmp" for f in flushed[0])
    records = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))["don_vi"]
    assert [r["trang_thai"] for r in records] == [manifest.WRITTEN] * 11
    assert not list((tmp_path / "out").glob(".*.tmp"))


def _staged(tmp_path: Path, force: bool = False) -> staging.Staged:
    target = tmp_path / "a.docx"
    return staging.Staged("a", staging.write_staged(target, b"new"), target, force)


def test_a_file_that_appeared_meanwhile_is_not_replaced_without_force(tmp_path: Path) -> None:
    group = staging.Group(tmp_path)
    group.add(_staged(tmp_path))
    (tmp_path / "a.docx").write_bytes(b"someone else's")
    [done] = group.commit()
    assert done.exists and not done.error
    assert (tmp_path / "a.docx").read_bytes() == b"someone else's"
    assert os.listdir(tmp_path) == ["a.docx"]


def test_with_force_the_flushed_file_replaces_the_old_one(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"old")
    group = staging.Group(tmp_path)
    group.add(_staged(tmp_path, force=True))
    [done] = group.commit()
    assert not done.exists and not done.error
    assert (tmp_path / "a.docx").read_bytes() == b"new" and os.listdir(tmp_path) == ["a.docx"]


def test_a_failed_flush_names_nothing_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(files: list[Path]) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(staging, "_flush_files", full_disk)
    group = staging.Group(tmp_path)
    group.add(_staged(tmp_path))
    [done] = group.commit()
    assert "đĩa đầy" in done.error and os.listdir(tmp_path) == []


def test_a_group_is_due_when_full(tmp_path: Path) -> None:
    group = staging.Group(tmp_path)
    assert not group.due()
    for i in range(staging.GROUP_FILES):
        target = tmp_path / f"{i}.docx"
        group.add(staging.Staged(str(i), staging.write_staged(target, b"x"), target, False))
    assert group.due()
    assert len(group.commit()) == staging.GROUP_FILES and not group.due()
    assert sorted(os.listdir(tmp_path)) == sorted(f"{i}.docx" for i in range(staging.GROUP_FILES))
