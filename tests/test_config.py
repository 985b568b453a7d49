"""Config: loading and validation errors, discovery, selection and severity overrides."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from netiquette import Config, ConfigError, Severity
from netiquette.config import ChannelConfig, find_config


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(ConfigError) as excinfo:
        Config.load(path)
    return str(excinfo.value)


# -- a valid file -----------------------------------------------------------------


def test_load_a_complete_valid_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / ".netiquette.toml",
        """
select = ["ZZA", " zz-b ", ""]
ignore = ["ZZA9"]
fail-on = "Error"
channel = "email"
model = "en_core_web_sm"
plugins = ["my_plugin"]

[severity]
ZZA101 = "info"

[per-channel.post]
select = ["ZZC"]
ignore = ["ZZC2"]
severity = { ZZC101 = "error" }

[per-channel.dm]
ignore = ["ZZA1"]

[settings.my_plugin]
threshold = 3
""",
    )
    config = Config.load(path)
    assert config.select == ("ZZA", "zz-b")
    assert config.ignore == ("ZZA9",)
    assert dict(config.severity) == {"ZZA101": Severity.INFO}
    assert config.fail_on is Severity.ERROR
    assert config.channel == "email"
    assert config.model == "en_core_web_sm"
    assert config.plugins == ("my_plugin",)
    assert config.per_channel["post"] == ChannelConfig(("ZZC",), ("ZZC2",), {"ZZC101": Severity.ERROR})
    assert config.per_channel["dm"] == ChannelConfig(None, ("ZZA1",), {})
    assert config.settings == {"my_plugin": {"threshold": 3}}
    assert config.source == str(path)


def test_defaults() -> None:
    config = Config()
    assert (config.select, config.ignore, dict(config.severity)) == ((), (), {})
    assert config.fail_on is Severity.WARNING
    assert config.channel == "dm"
    assert config.model is None
    assert config.source is None


def test_replace_changes_only_the_given_fields() -> None:
    base = Config(select=("ZZA",), channel="post")
    changed = base.replace(ignore=("ZZA2",))
    assert changed.select == ("ZZA",)
    assert changed.channel == "post"
    assert changed.ignore == ("ZZA2",)
    assert base.ignore == ()


# -- every error path ---------------------------------------------------------------


def test_broken_toml_names_the_file_and_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / ".netiquette.toml", 'select = ["ZZ"]\nchannel = dm\n')
    message = load_error(path)
    assert message.startswith(f"{path}: invalid TOML")
    assert "line 2" in message


@pytest.mark.parametrize(
    ("content", "key", "hint"),
    [
        ('selct = ["ZZ"]', "'selct'", "did you mean 'select'?"),
        ('fail_on = "error"', "'fail_on'", "did you mean 'fail-on'?"),
        ('[per_channel.dm]\nselect = ["ZZ"]', "'per_channel'", "did you mean 'per-channel'?"),
        ("zzzzzz = 1", "'zzzzzz'", "valid keys: select, ignore, severity, fail-on, channel"),
    ],
)
def test_unknown_top_level_key_suggests_the_nearest(tmp_path: Path, content: str, key: str, hint: str) -> None:
    path = write(tmp_path / ".netiquette.toml", content)
    message = load_error(path)
    assert message.startswith(f"{path}: key {key}: unknown key")
    assert hint in message


def test_unknown_per_channel_key(tmp_path: Path) -> None:
    path = write(tmp_path / ".netiquette.toml", '[per-channel.email]\nignor = ["ZZ"]\n')
    message = load_error(path)
    assert message.startswith(f"{path}: key 'per-channel.email.ignor': unknown key")
    assert "did you mean 'ignore'?" in message


def test_per_channel_does_not_accept_top_level_only_keys(tmp_path: Path) -> None:
    path = write(tmp_path / ".netiquette.toml", '[per-channel.email]\nfail-on = "error"\n')
    message = load_error(path)
    assert f"{path}: key 'per-channel.email.fail-on': unknown key" in message


@pytest.mark.parametrize(
    ("content", "key", "hint"),
    [
        ('[per-channel.emial]\nignore = ["ZZ"]', "per-channel.emial", "did you mean 'email'?"),
        ('[per-channel.sms]\nignore = ["ZZ"]', "per-channel.sms", "valid: dm, connection_request, post"),
    ],
)
def test_unknown_channel_under_per_channel(tmp_path: Path, content: str, key: str, hint: str) -> None:
    path = write(tmp_path / ".netiquette.toml", content)
    message = load_error(path)
    assert message.startswith(f"{path}: key '{key}': unknown channel")
    assert hint in message


@pytest.mark.parametrize(
    ("content", "key", "expected"),
    [
        ('select = "ZZ"', "select", "expected a list of strings, got str"),
        ("select = [1, 2]", "select", "expected a list of strings, got list"),
        ("ignore = 3", "ignore", "expected a list of strings, got int"),
        ('severity = "error"', "severity", "expected a table"),
        ("severity = { ZZA1 = 3 }", "severity.ZZA1", "expected a severity string, got int"),
        ("fail-on = 3", "fail-on", "expected a severity string, got int"),
        ("fail-on = true", "fail-on", "expected a severity string, got bool"),
        ("channel = 3", "channel", "unknown channel 3"),
        ('channel = "moon"', "channel", "unknown channel 'moon'"),
        ('channel = ["dm"]', "channel", "unknown channel"),
        ("model = 3", "model", "expected the name or path of an installed spaCy pipeline"),
        ('model = "  "', "model", "expected the name or path of an installed spaCy pipeline"),
        ('plugins = "my_plugin"', "plugins", "expected a list of strings, got str"),
        ("per-channel = 3", "per-channel", "expected a table of channel tables"),
        ("per-channel = { dm = 3 }", "per-channel.dm", "expected a table"),
        ('[per-channel.dm]\nselect = "ZZ"', "per-channel.dm.select", "expected a list of strings"),
        ("[per-channel.dm]\nignore = [true]", "per-channel.dm.ignore", "expected a list of strings"),
        ("[per-channel.dm]\nseverity = 3", "per-channel.dm.severity", "expected a table"),
        ("[per-channel.dm]\nseverity = { ZZ = 1 }", "per-channel.dm.severity.ZZ", "expected a severity string"),
        ("settings = 3", "settings", "expected a table of tables"),
        ("settings = { my_plugin = 3 }", "settings", "expected a table of tables"),
    ],
)
def test_wrong_types_name_the_file_and_the_key(tmp_path: Path, content: str, key: str, expected: str) -> None:
    path = write(tmp_path / ".netiquette.toml", content + "\n")
    message = load_error(path)
    assert message.startswith(f"{path}: key '{key}': ")
    assert expected in message


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ('fail-on = "fatal"', "fail-on"),
        ('severity = { ZZA101 = "critical" }', "severity.ZZA101"),
        ('[per-channel.post.severity]\nzz-a = "warn"', "per-channel.post.severity.zz-a"),
    ],
)
def test_bad_severity_names_the_key_and_the_valid_values(tmp_path: Path, content: str, key: str) -> None:
    path = write(tmp_path / ".netiquette.toml", content + "\n")
    message = load_error(path)
    assert message.startswith(f"{path}: key '{key}': unknown severity")
    assert "expected one of: info, warning, error" in message


def test_errors_in_pyproject_name_the_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.netiquette]\nignroe = ["ZZ"]\n')
    message = load_error(path)
    assert message.startswith(f"{path} [tool.netiquette]: key 'ignroe': unknown key; did you mean 'ignore'?")


def test_pyproject_table_that_is_not_a_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool]\nnetiquette = 3\n")
    assert load_error(path) == f"{path} [tool.netiquette]: expected a table"


def test_pyproject_whose_tool_is_not_a_table_is_a_config_error(tmp_path: Path) -> None:
    # A malformed pyproject.toml given with --config must be reported, not crash.
    path = write(tmp_path / "pyproject.toml", 'tool = "netiquette"\n')
    assert str(path) in load_error(path)


def test_invalid_utf8_names_the_file_and_the_byte_offset(tmp_path: Path) -> None:
    path = write(tmp_path / ".netiquette.toml", b'select = ["ZZ\xff"]\n')
    assert load_error(path) == f"{path}: not valid UTF-8 at byte offset 13"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    message = load_error(path)
    assert message.startswith(f"{path}: cannot read config file")
    assert "No such file" in message


def test_directory_instead_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "conf.toml"
    path.mkdir()
    assert load_error(path).startswith(f"{path}: cannot read config file")


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / ".netiquette.toml", 'select = ["ZZ"]\n')
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file (root)")
        message = load_error(path)
    finally:
        path.chmod(0o644)
    assert message.startswith(f"{path}: cannot read config file")
    assert "ermission denied" in message


def test_from_mapping_names_its_source() -> None:
    with pytest.raises(ConfigError, match=r"^<config>: key 'selec': unknown key; did you mean 'select'\?"):
        Config.from_mapping({"selec": []})
    with pytest.raises(ConfigError, match=r"^api: key 'channel'"):
        Config.from_mapping({"channel": "moon"}, source="api")
    assert Config.from_mapping({"fail-on": "info"}).fail_on is Severity.INFO


# -- discovery -----------------------------------------------------------------------


def test_discover_walks_up_to_a_netiquette_toml(tmp_path: Path) -> None:
    path = write(tmp_path / "a" / ".netiquette.toml", 'select = ["ZZA"]\n')
    nested = tmp_path / "a" / "b" / "c"
    nested.mkdir(parents=True)
    config = Config.discover(nested)
    assert config.select == ("ZZA",)
    assert config.source == str(path)
    assert find_config(nested) == path


def test_discover_walks_up_to_a_pyproject_table(tmp_path: Path) -> None:
    path = write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.netiquette]\nchannel = "post"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = Config.discover(nested)
    assert config.channel == "post"
    assert config.source == str(path)


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / ".netiquette.toml", 'channel = "email"\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n')
    config = Config.discover(tmp_path / "a")
    assert config.channel == "email"
    assert config.source == str(outer)


def test_pyproject_that_only_mentions_our_table_in_a_comment_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / ".netiquette.toml", 'channel = "email"\n')
    write(tmp_path / "a" / "pyproject.toml", '# settings live in [tool.netiquette] upstream\n[project]\nname = "x"\n')
    assert Config.discover(tmp_path / "a").source == str(outer)


def test_broken_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / ".netiquette.toml", 'channel = "email"\n')
    write(tmp_path / "a" / "pyproject.toml", '# see tool.netiquette docs\n[project\nname = "x"\n')
    assert Config.discover(tmp_path / "a").source == str(outer)


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / ".netiquette.toml", 'channel = "email"\n')
    inner = write(tmp_path / "a" / "pyproject.toml", '[tool.netiquette]\nchannel = "comment"\n')
    assert Config.discover(tmp_path / "a").source == str(inner)
    assert Config.discover(tmp_path / "a").channel == "comment"


def test_netiquette_toml_beats_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.netiquette]\nchannel = "comment"\n')
    dedicated = write(tmp_path / ".netiquette.toml", 'channel = "reply"\n')
    config = Config.discover(tmp_path)
    assert (config.channel, config.source) == ("reply", str(dedicated))


def test_broken_pyproject_holding_our_table_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.netiquette]\nselect = [\n")
    with pytest.raises(ConfigError, match="invalid TOML") as excinfo:
        Config.discover(tmp_path)
    assert str(path) in str(excinfo.value)


def test_discover_defaults_to_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / ".netiquette.toml", 'channel = "post"\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert Config.discover().channel == "post"


def test_discover_without_any_config_gives_the_defaults(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    if find_config(tmp_path) is not None:
        pytest.skip("a config file exists above the temporary directory")
    assert Config.discover(tmp_path) == Config()


# -- selection ---------------------------------------------------------------------


def test_select_and_ignore_by_check_id() -> None:
    config = Config(select=("zz-a",))
    assert config.is_enabled("ZZA101", "zz-a", "dm")
    assert not config.is_enabled("ZZB101", "zz-b", "dm")
    config = Config(ignore=("zz-a",))
    assert not config.is_enabled("ZZA101", "zz-a", "dm")
    assert config.is_enabled("ZZB101", "zz-b", "dm")


def test_select_and_ignore_by_code_prefix() -> None:
    config = Config(select=("ZZA1",))
    assert config.is_enabled("ZZA101", "zz-a", "dm")
    assert config.is_enabled("ZZA199", "zz-a", "dm")
    assert not config.is_enabled("ZZA201", "zz-a", "dm")
    assert Config(select=("zza",)).is_enabled("ZZA201", "zz-a", "dm")
    config = Config(ignore=("ZZA2",))
    assert config.is_enabled("ZZA101", "zz-a", "dm")
    assert not config.is_enabled("ZZA201", "zz-a", "dm")


def test_empty_select_means_all_and_ignore_beats_select() -> None:
    assert Config().is_enabled("ANY1", "any-check", "post")
    config = Config(select=("ZZA",), ignore=("ZZA102",))
    assert config.is_enabled("ZZA101", "zz-a", "dm")
    assert not config.is_enabled("ZZA102", "zz-a", "dm")


def test_per_channel_select_replaces_the_global_select() -> None:
    config = Config(select=("ZZA",), per_channel={"post": ChannelConfig(select=("ZZB",))})
    assert config.is_enabled("ZZA101", "zz-a", "dm")
    assert not config.is_enabled("ZZB101", "zz-b", "dm")
    assert not config.is_enabled("ZZA101", "zz-a", "post")
    assert config.is_enabled("ZZB101", "zz-b", "post")


def test_per_channel_empty_select_enables_everything_on_that_channel(tmp_path: Path) -> None:
    path = write(tmp_path / ".netiquette.toml", 'select = ["ZZA"]\n[per-channel.post]\nselect = []\n')
    config = Config.load(path)
    assert not config.is_enabled("ZZB101", "zz-b", "dm")
    assert config.is_enabled("ZZB101", "zz-b", "post")


def test_per_channel_ignore_adds_to_the_global_ignore() -> None:
    config = Config(ignore=("ZZA1",), per_channel={"post": ChannelConfig(ignore=("ZZB",))})
    assert not config.is_enabled("ZZA101", "zz-a", "post")
    assert not config.is_enabled("ZZB101", "zz-b", "post")
    assert not config.is_enabled("ZZA101", "zz-a", "dm")
    assert config.is_enabled("ZZB101", "zz-b", "dm")


def test_check_may_run_considers_every_channel() -> None:
    config = Config(select=("ZZB",))
    assert not config.check_may_run(("ZZA101", "ZZA102"), "zz-a")
    assert config.check_may_run(("ZZA101", "ZZB101"), "zz-a")
    per_channel = config.replace(per_channel={"email": ChannelConfig(select=("ZZA102",))})
    assert per_channel.check_may_run(("ZZA101", "ZZA102"), "zz-a")
    assert not Config(ignore=("zz-a",)).check_may_run(("ZZA101",), "zz-a")


# -- severity overrides ---------------------------------------------------------------


def test_severity_default_when_nothing_matches() -> None:
    config = Config(severity={"ZZB": Severity.ERROR})
    assert config.severity_for("ZZA101", "zz-a", "dm", Severity.INFO) is Severity.INFO


@pytest.mark.parametrize("reverse", [False, True])
def test_most_specific_severity_override_wins(reverse: bool) -> None:
    table = {
        "zz-a": Severity.INFO,
        "ZZ": Severity.INFO,
        "ZZA": Severity.WARNING,
        "ZZA101": Severity.ERROR,
    }
    items = list(table.items())
    config = Config(severity=dict(reversed(items) if reverse else items))
    default = Severity.WARNING
    assert config.severity_for("ZZA101", "zz-a", "dm", default) is Severity.ERROR
    assert config.severity_for("ZZA102", "zz-a", "dm", default) is Severity.WARNING
    assert config.severity_for("ZZB101", "zz-b", "dm", default) is Severity.INFO
    assert config.severity_for("QQ101", "zz-a", "dm", Severity.ERROR) is Severity.INFO


def test_per_channel_severity_merges_with_the_global_table(tmp_path: Path) -> None:
    path = write(
        tmp_path / ".netiquette.toml",
        """
[severity]
ZZA101 = "error"
ZZB101 = "error"

[per-channel.post.severity]
ZZB101 = "info"
ZZC101 = "info"
""",
    )
    config = Config.load(path)
    default = Severity.WARNING
    assert config.severity_for("ZZA101", "zz-a", "post", default) is Severity.ERROR
    assert config.severity_for("ZZB101", "zz-b", "post", default) is Severity.INFO
    assert config.severity_for("ZZC101", "zz-c", "post", default) is Severity.INFO
    assert config.severity_for("ZZB101", "zz-b", "dm", default) is Severity.ERROR
    assert config.severity_for("ZZC101", "zz-c", "dm", default) is Severity.WARNING
