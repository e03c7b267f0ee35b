"""The one Settings object. Built once at the edge (CLI, tests) and passed in explicitly.

Sources of values, later wins: defaults < TOML file (``--config`` or ``NEWSLOOM_CONFIG``) <
environment variables ``NEWSLOOM_<FIELD>`` < explicit keyword arguments.
Nothing else in newsloom reads the environment.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

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
        description="Hosts or IPs allowed even though they are private (e.g. 127.0.0.1).",
    )
    fetch_pages: bool = Field(default=True, description="Fetch article pages for full text.")
    max_entries_per_feed: int = Field(default=200, ge=1, le=10_000)

    # Scheduling
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
        """Build settings from a TOML file, the environment and overrides; raise ConfigError."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        path = config_file or env.get(ENV_PREFIX + "CONFIG")
        if path:
            try:
                with open(path, "rb") as fh:
                    values.update(tomllib.load(fh).get("newsloom", {}) or {})
            except FileNotFoundError as exc:
                raise ConfigError(f"config file not found: {path}") from exc
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
        for name, info in cls.model_fields.items():
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is None:
                continue
            values[name] = _from_env(raw, info.annotation)
        if not values.get("llm_api_key"):
            key_env = values.get("llm_api_key_env") or cls.model_fields["llm_api_key_env"].default
            if env.get(key_env):
                values["llm_api_key"] = env[key_env]
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
            )
            raise ConfigError(f"invalid settings: {problems}") from exc


def _from_env(raw: str, annotation: Any) -> Any:
    # Tuples come as comma-separated lists; pydantic coerces the rest from strings.
    if annotation is not None and "tuple" in str(annotation):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw
