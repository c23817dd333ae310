"""The command line speaks Chinese: every command's ``--help`` and its usage errors carry no
English words beyond what the user types (commands, options, their placeholders and choices) and
a short list of codes (file types, product names, environment variables, JSON keys)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli

from app.argparse_zh import ARGPARSE_ZH, ChineseParser
from app.cli import build_parser

LATIN = re.compile(r"-{0,2}[A-Za-z][A-Za-z0-9_\-]*")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Codes, names and file types a Chinese text may carry as they are.
ALLOWED = {
    "python", "-m", "app", "jiwei-cli", "Jiwei", "Desk", "SQLAlchemy", "JSON", "PDF", "pdf", "Excel",
    "xlsx", "docx", "jwbak", "UTF-8", "ID", "URL", "YYYY-MM-DD", "YYYY", "YYYYQn", "Q1", "Q2", "Q3",
    "Q4", "FORM", "USB",
    "ok", "entries", "broken",  # audit verify --json: the document's keys
    "criticism", "none", "dispose",  # examples of codes the user types (policy forms, record step)
}  # fmt: skip
ENVIRONMENT = re.compile(r"JIWEI_[A-Z_]+")


def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:  # fmt: skip
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _typed(parser: argparse.ArgumentParser) -> set[str]:
    """What a user types or sees as a placeholder: commands, options, metavars, choices."""
    words: set[str] = set()
    for path, p in _parsers(parser):
        words.update(path)
        for a in p._actions:
            words.update(a.option_strings)
            words.update(LATIN.findall(str(a.metavar or "")))
            if a.dest:
                words.add(a.dest.upper())
            if a.choices is not None and not isinstance(a, argparse._SubParsersAction):
                words.update(str(c) for c in a.choices)
    return words


PARSER = build_parser()
TYPED = _typed(PARSER)
PATHS = [path for path, _p in _parsers(PARSER)]
LEAVES = [path for path, p in _parsers(PARSER) if not any(isinstance(a, argparse._SubParsersAction) for a in p._actions)]  # fmt: skip


def english_words(text: str, given: tuple[str, ...] = ()) -> list[str]:
    """Latin words in ``text`` that are neither typed by the user (``given``: what this run was
    given, echoed in its refusal) nor allowed codes."""
    for arg in given:
        text = re.sub(rf"(?<![\w-]){re.escape(arg)}(?![\w-])", "", text)
    out = []
    for word in LATIN.findall(text):
        bare = word.lstrip("-")
        if (
            word in TYPED
            or bare in TYPED
            or word in ALLOWED
            or bare in ALLOWED
            or ENVIRONMENT.fullmatch(bare)
        ):
            continue
        out.append(word)
    return out


def test_every_command_and_argument_has_a_chinese_help_line() -> None:
    missing = []
    for path, parser in _parsers(PARSER):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helped = {a.dest: a.help or "" for a in action._choices_actions}
                missing += [" ".join((*path, n)) for n in action.choices if not CJK.search(helped.get(n, ""))]
        for action in parser._actions:  # and every argument
            shown = not isinstance(action, argparse._SubParsersAction) and action.help != argparse.SUPPRESS
            if shown and not CJK.search(action.help or ""):
                missing.append(f"{' '.join(path)} {action.option_strings or action.dest}")
    assert len(PATHS) > 50
    assert not missing, f"commands and arguments without a Chinese help line: {missing}"


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """The command line on an empty data folder: nothing here needs an installation."""
    folder = tmp_path_factory.mktemp("only-chinese")
    password = folder / "password"
    password.write_text("not-used\n", encoding="utf-8")
    return Cli(folder / "data", None, password)


def test_every_help_is_in_chinese(cli: Cli) -> None:
    found: dict[str, list[str]] = {}
    for path in PATHS:
        result = cli.run(*path, "--help")
        assert result.returncode == 0, (path, result.stderr)
        text = result.stdout
        assert text.startswith("用法：") and "显示本帮助并退出" in text, (path, text[:200])
        words = english_words(text)
        if words:
            found[" ".join(path) or "(top)"] = words
    assert not found, f"English in --help: {found}"


def test_every_usage_error_is_in_chinese(cli: Cli) -> None:
    found: dict[str, list[str]] = {}
    for path in LEAVES:
        for args in ((*path, "--no-such-option"), path):  # an unknown option; nothing given at all
            result = cli.run(*args)
            if result.returncode == 0 and args == path:  # needs nothing (``registers`` lists them)
                continue
            assert result.returncode in (1, 2), (args, result.stderr)
            assert result.stdout == "" and CJK.search(result.stderr), (args, result.stderr)
            words = english_words(result.stderr, args)
            if words:
                found[" ".join(args)] = words
    assert not found, f"English in errors: {found}"


def test_argparse_errors_read_in_chinese(cli: Cli) -> None:
    result = cli.run("init")
    assert result.returncode == 2 and "错误：缺少必需的参数：--admin" in result.stderr
    result = cli.run("frobnicate")
    assert "无效的选择：'frobnicate'" in result.stderr
    result = cli.run("stats", "--year", "x")
    assert "参数 --year：" in result.stderr
    result = cli.run("info", "--extra")
    assert "无法识别的参数：--extra" in result.stderr


def test_other_parsers_are_untouched(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse speaks Chinese only inside ``ChineseParser``: a plain parser keeps its words."""
    ChineseParser(prog="x").format_help()
    plain = argparse.ArgumentParser(prog="plain")
    assert "usage: plain" in plain.format_help() and "show this help message" in plain.format_help()
    assert all(CJK.search(v) for v in ARGPARSE_ZH.values())


def test_the_window_program_options_are_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    import main

    with pytest.raises(SystemExit):
        main.parse_args(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：main.py") and "选项：" in out and "显示版本号并退出" in out
    assert Path(main.__file__).parent == Path(__file__).resolve().parents[2]


def test_the_audit_list_reads_in_words(tmp_path: Path, password_file: Callable[[str], Path]) -> None:
    cli = Cli(tmp_path / "data", None, password_file(PASSWORD))
    cli.init_county()
    cli.ok("record", "add", "zones", "--set", "name=东片区")
    cli.ok("backup", "--out", str(tmp_path))
    lines = cli.ok("audit", "list").stdout.splitlines()
    zone = next(line for line in lines if "新增记录" in line and "片区" in line)
    assert "片区协作区 东片区" in zone  # the record as lists name it, never its id
    assert any("备份文件" in line and "字节" in line for line in lines)
    backup = next(tmp_path.glob("*.jwbak")).stem  # the file's name is the user's data
    words = {w for line in lines for w in english_words(line.split("  ", 1)[1], (backup,))}  # after "C01#n"
    assert words <= {"admin", "C01"}, words
