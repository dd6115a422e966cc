"""`manage.py generate_corpus`: writes N files, refuses bad input clearly."""

import os

import pytest
from django.core.management import CommandError, call_command

from meetings.corpus import generate_article


def test_writes_n_files(tmp_path, capsys):
    out = tmp_path / "corpus"
    call_command("generate_corpus", articles="7", out=str(out), seed=3)
    files = sorted(p.name for p in out.iterdir())
    assert files == [f"gen_{i:06d}.txt" for i in range(1, 8)]
    assert (out / "gen_000004.txt").read_text(encoding="utf-8") == generate_article(3, 4).text
    summary = capsys.readouterr().out.strip()
    assert summary.count("\n") == 0
    assert "Wrote 7 articles" in summary and "seed 3" in summary


def test_same_seed_same_files(tmp_path):
    call_command("generate_corpus", articles=3, out=str(tmp_path / "a"), seed=9)
    call_command("generate_corpus", articles=3, out=str(tmp_path / "b"), seed=9)
    for name in ("gen_000001.txt", "gen_000003.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize("bad", ["0", "-3", "abc", "2.5", "10000000"])
def test_refuses_a_bad_count(tmp_path, bad):
    with pytest.raises(CommandError, match="--articles"):
        call_command("generate_corpus", articles=bad, out=str(tmp_path))
    assert not list(tmp_path.iterdir())


def test_refuses_a_file_as_output(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(CommandError, match="not a directory"):
        call_command("generate_corpus", articles=1, out=str(target))
    with pytest.raises(CommandError, match="cannot create"):
        call_command("generate_corpus", articles=1, out=str(target / "sub"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_refuses_an_unwritable_directory(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        with pytest.raises(CommandError, match="not writable"):
            call_command("generate_corpus", articles=1, out=str(locked))
    finally:
        locked.chmod(0o700)
