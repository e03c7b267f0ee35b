from pathlib import Path

import pytest

from newsloom.errors import ConfigError
from newsloom.settings import Settings


def test_defaults_use_sqlite_in_data_dir(tmp_path: Path) -> None:
    settings = Settings.load(environ={}, data_dir=tmp_path)
    assert settings.db_url == f"sqlite:///{(tmp_path / 'newsloom.db').resolve()}"
    assert not settings.allow_private_networks


def test_environment_overrides_toml_and_overrides_win(tmp_path: Path) -> None:
    config = tmp_path / "newsloom.toml"
    config.write_text("[newsloom]\nconcurrency = 4\nsummary_words = 100\n")
    env = {"NEWSLOOM_CONCURRENCY": "8", "NEWSLOOM_ALLOWED_HOSTS": "127.0.0.1, ::1"}
    settings = Settings.load(config_file=config, environ=env, summary_words=150)
    assert settings.concurrency == 8
    assert settings.summary_words == 150
    assert settings.allowed_hosts == ("127.0.0.1", "::1")


def test_llm_key_read_from_named_variable() -> None:
    env = {"NEWSLOOM_LLM_API_KEY_ENV": "MY_KEY", "MY_KEY": "secret"}
    settings = Settings.load(environ=env)
    assert settings.llm_api_key == "secret"
    assert "secret" not in repr(settings)


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"NEWSLOOM_CONCURRENCY": "zero"}, "concurrency"),
        ({"NEWSLOOM_MAX_BODY_BYTES": "-5"}, "max_body_bytes"),
        ({"NEWSLOOM_DATABASE_URL": "mysql://x"}, "database_url"),
        ({"NEWSLOOM_NO_SUCH_SETTING": "1"}, None),
    ],
)
def test_bad_values_give_config_error(env: dict[str, str], needle: str | None) -> None:
    if needle is None:  # unknown variables are ignored, not fatal
        Settings.load(environ=env)
        return
    with pytest.raises(ConfigError, match=rf"^config: invalid settings: .*{needle}"):
        Settings.load(environ=env)


def test_unknown_key_in_toml_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[newsloom]\nconcurency = 4\n")
    with pytest.raises(ConfigError, match="concurency"):
        Settings.load(config_file=config, environ={})


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[newsloom\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Settings.load(config_file=broken, environ={})
    with pytest.raises(ConfigError, match="not found"):
        Settings.load(config_file=tmp_path / "missing.toml", environ={})


def test_lists_and_tables_from_the_environment_as_json_or_comma_separated() -> None:
    env = {
        "NEWSLOOM_ALLOWED_HOSTS": '["127.0.0.1:8080", "feeds.internal"]',
        "NEWSLOOM_OUTLET_WEIGHTS": '{"wire.example": 0.5}',
    }
    loaded = Settings.load(environ=env)
    assert loaded.allowed_hosts == ("127.0.0.1:8080", "feeds.internal")
    assert loaded.outlet_weights == {"wire.example": 0.5}
    comma = Settings.load(environ={"NEWSLOOM_ALLOWED_HOSTS": "127.0.0.1:8080, feeds.internal"})
    assert comma.allowed_hosts == loaded.allowed_hosts


def test_a_list_variable_that_is_broken_json_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="allowed_hosts"):
        Settings.load(environ={"NEWSLOOM_ALLOWED_HOSTS": '["127.0.0.1"'})


def test_variables_without_a_field_are_ignored_and_settings_stay_plain_values() -> None:
    loaded = Settings.load(environ={"NEWSLOOM_TEST_PG_URL": "postgresql://x", "NEWSLOOM_X": "1"})
    assert type(loaded) is Settings and loaded == Settings()
