"""The one Settings object. Built once at the edge (CLI, tests) and passed in explicitly.

Sources of values, later wins: defaults < TOML file (``--config`` or ``NEWSLOOM_CONFIG``) <
environment variables ``NEWSLOOM_<FIELD>`` < explicit keyword arguments.
Nothing else in newsloom reads the environment.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)
from pydantic_settings.exceptions import SettingsError

from newsloom.errors import ConfigError

ENV_PREFIX = "NEWSLOOM_"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # Storage
    data_dir: Path = Field(default=Path("data"), description="Where newsloom.db and caches live.")
    database_url: str = Field(
        default="", description="sqlite:///path or postgresql://...; empty = data_dir/newsloom.db"
    )

    # Fetching
    user_agent: str = (
        "newsloom/0.1 (+https://github.com/newsloom/newsloom; self-hosted news reader)"
    )
    connect_timeout: float = Field(default=10.0, gt=0, le=300)
    read_timeout: float = Field(default=20.0, gt=0, le=600)
    total_timeout: float = Field(default=60.0, gt=0, le=3600)
    max_body_bytes: int = Field(default=10_000_000, ge=1024, le=1_000_000_000)
    max_redirects: int = Field(default=5, ge=0, le=20)
    max_retries: int = Field(default=2, ge=0, le=10)
    concurrency: int = Field(default=16, ge=1, le=512)
    per_host_concurrency: int = Field(default=2, ge=1, le=64)
    per_host_delay: float = Field(default=0.0, ge=0, le=60, description="Seconds between requests.")
    obey_robots: bool = True
    allow_private_networks: bool = Field(
        default=False, description="Allow fetching private, loopback and link-local addresses."
    )
    allowed_hosts: tuple[str, ...] = Field(
        default=(),
        description="Hosts or IPs allowed even though they are private: a host (127.0.0.1) "
        "allows each of its ports, host:port ([::1]:8080) that port alone.",
    )
    fetch_pages: bool = Field(default=True, description="Fetch article pages for full text.")
    max_entries_per_feed: int = Field(default=200, ge=1, le=10_000)

    # Scheduling
    pause_after_failures: int = Field(
        default=10,
        ge=0,
        le=10_000,
        description="Consecutive failed fetches after which a source is paused; 0 = never.",
    )
    refresh_interval_minutes: float = Field(default=15.0, gt=0, le=1440)
    min_check_minutes: float = Field(default=5.0, gt=0, le=1440)
    max_check_minutes: float = Field(default=24 * 60.0, gt=0, le=7 * 1440)

    # Clustering
    cluster_threshold: float = Field(default=0.0, ge=0, le=1, description="0 = model default.")
    cluster_window_hours: float = Field(default=72.0, gt=0, le=24 * 365)

    # Summaries
    summary_words: int = Field(default=220, ge=30, le=2000)
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key_env: str = Field(
        default="NEWSLOOM_LLM_API_KEY", description="Name of the env variable holding the key."
    )
    llm_api_key: str = Field(default="", repr=False)
    llm_structured: Literal["auto", "json_schema", "json_object", "off"] = Field(
        default="auto",
        description="How the reply's shape is asked for: the JSON Schema (llama.cpp, Ollama, "
        "vLLM, OpenAI), plain JSON mode, or nothing; auto = the schema, then JSON mode if the "
        "server refuses it.",
    )
    llm_timeout: float = Field(
        default=300.0, gt=0, le=3600, description="Seconds one summary request may take."
    )
    llm_max_sources: int = Field(
        default=30, ge=5, le=200, description="Numbered source sentences sent per story."
    )
    llm_budget_seconds: float = Field(
        default=600.0, gt=0, le=86_400, description="Time one rewrite pass may spend."
    )
    llm_concurrency: int = Field(
        default=1, ge=1, le=64, description="Stories sent to the LLM at once."
    )

    # Web
    site_title: str = "newsloom"
    site_url: str = Field(default="http://127.0.0.1:8000", description="Public base URL.")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    api_token: str = Field(default="", repr=False)
    web_workers: int = Field(
        default=0, ge=0, le=64, description="Processes of `newsloom serve`; 0 = one per CPU core."
    )
    web_threads: int = Field(
        default=0,
        ge=0,
        le=64,
        description="Requests each web process works on at once; 0 = 1 on SQLite, 4 on PostgreSQL.",
    )

    # Accounts (docs/accounts.md)
    access: Literal["public", "private"] = Field(
        default="public",
        description="public: anyone reads, users personalise; private: sign in first (pages, "
        "API and feeds; per-user token feeds excepted).",
    )
    session_days: float = Field(default=30.0, gt=0, le=366, description="Session lifetime.")
    auth_proxy_header: str = Field(
        default="",
        description="Header a trusted reverse proxy sets to the signed-in user name "
        "(e.g. Remote-User); empty = off.",
    )
    auth_proxy_addresses: tuple[str, ...] = Field(
        default=(), description="Addresses of the proxies whose auth header is believed."
    )
    smtp_host: str = Field(default="", description="SMTP server for the daily digest; empty = off.")
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_user: str = ""
    smtp_password: str = Field(default="", repr=False)
    smtp_starttls: bool = True
    smtp_from: str = Field(default="", description="From address of digest e-mails.")

    # Batch work (newsloom backfill / reprocess)
    ray_address: str = Field(
        default="", description="Ray cluster address (ray://host:10001); empty = a local instance."
    )

    # Ranking
    outlet_weights: dict[str, Annotated[float, Field(ge=0, le=100)]] = Field(
        default_factory=dict,
        description="Host -> weight in story importance (1.0 = ordinary; covers subdomains). "
        "TOML only: [newsloom.outlet_weights].",
    )

    @field_validator("database_url")
    @classmethod
    def _known_backend(cls, value: str) -> str:
        if value and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("must start with sqlite:// or postgresql://")
        return value

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL to connect to."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'newsloom.db').resolve()}"

    @classmethod
    def load(
        cls,
        config_file: str | Path | None = None,
        environ: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Build settings from a TOML file, the environment and overrides; raise ConfigError.

        pydantic-settings layers them (later wins): defaults, the file's ``[newsloom]`` table,
        ``NEWSLOOM_<FIELD>`` variables of ``environ`` (``os.environ`` unless given), then
        ``overrides``. Lists and tables come from the environment as JSON (``["a", "b"]``), and
        lists also as comma-separated items (``a, b``).
        """
        env = dict(os.environ if environ is None else environ)
        path = config_file or env.get(ENV_PREFIX + "CONFIG")
        table = _read_config(Path(path)) if path else {}
        given = {k: v for k, v in overrides.items() if v is not None}
        if not given.get("llm_api_key") and not table.get("llm_api_key"):
            # The key lives in the variable the settings name, never in a file.
            key_env = (
                env.get(ENV_PREFIX + "LLM_API_KEY_ENV")
                or table.get("llm_api_key_env")
                or cls.model_fields["llm_api_key_env"].default
            )
            if env.get(str(key_env)):
                given["llm_api_key"] = env[str(key_env)]
        try:
            layered = _layers(table, _json_lists(cls, env))(**given)
            return cls.model_validate(layered.model_dump())
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
            )
            raise ConfigError(f"invalid settings: {problems}") from exc
        except SettingsError as exc:  # a variable that is not the JSON its field needs
            raise ConfigError(f"invalid settings: {exc}") from exc


def _layers(table: dict[str, Any], env: dict[str, str]) -> type[BaseSettings]:
    """Settings' fields as a pydantic-settings class reading exactly ``table`` and ``env``."""

    class Layers(Settings, BaseSettings):
        model_config = SettingsConfigDict(
            env_prefix=ENV_PREFIX, case_sensitive=False, extra="forbid", frozen=True
        )

        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            variables = EnvSettingsSource(settings_cls, env_prefix=ENV_PREFIX, case_sensitive=False)
            variables.env_vars = {name.lower(): value for name, value in env.items()}
            return (init_settings, variables, InitSettingsSource(settings_cls, init_kwargs=table))

    return Layers


def _json_lists(cls: type[Settings], env: dict[str, str]) -> dict[str, str]:
    """``env`` with comma-separated values of list fields written as the JSON lists
    pydantic-settings reads (``a, b`` -> ``["a", "b"]``)."""
    out = dict(env)
    for name, info in cls.model_fields.items():
        key = ENV_PREFIX + name.upper()
        raw = out.get(key)
        if raw is not None and "tuple" in str(info.annotation) and not raw.lstrip().startswith("["):
            out[key] = json.dumps([part.strip() for part in raw.split(",") if part.strip()])
    return out


# A settings file is a few hundred bytes; anything past this is not one (or is /dev/zero).
MAX_CONFIG_BYTES = 1 << 20


def _read_config(path: Path) -> dict[str, Any]:
    """The ``[newsloom]`` table of a TOML file; ConfigError naming the file for anything else."""
    try:
        if not path.is_file():
            what = "a directory" if path.is_dir() else "not a regular file"
            if not path.exists():
                raise ConfigError(f"config file not found: {path}")
            raise ConfigError(f"config file {path} is {what}")
        with path.open("rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc.strerror or exc}") from exc
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"config file {path} is larger than {MAX_CONFIG_BYTES} bytes")
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    table = document.get("newsloom", {})
    if not isinstance(table, dict):
        raise ConfigError(
            f"config file {path}: 'newsloom' must be a table ([newsloom]), "
            f"not {type(table).__name__}"
        )
    return table
