"""Generate docs/cli.md (from every command's --help) and docs/configuration.md (from Settings).

    python scripts/gen_docs.py           # rewrite the files
    python scripts/gen_docs.py --check   # exit 1 if they are stale (run by the test suite)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer.main
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.settings import settings_table

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands(group: Any, prefix: list[str]) -> list[list[str]]:
    out = []
    for name in sorted(group.commands):
        cmd = group.commands[name]
        out.append(prefix + [name])
        if hasattr(cmd, "commands"):
            out.extend(_commands(cmd, prefix + [name]))
    return out


def cli_reference() -> str:
    runner = CliRunner()
    root = typer.main.get_command(app)
    parts = [
        "# CLI reference\n",
        "Generated from `--help` by `scripts/gen_docs.py`; do not edit by hand.\n",
        "## sitrep\n",
        "```\n" + runner.invoke(app, ["--help"], prog_name="sitrep", env={"COLUMNS": "100"}).output.rstrip() + "\n```\n",
    ]
    for path in _commands(root, []):
        res = runner.invoke(app, [*path, "--help"], prog_name="sitrep", env={"COLUMNS": "100"})
        parts.append(f"## sitrep {' '.join(path)}\n")
        parts.append("```\n" + res.output.rstrip() + "\n```\n")
    return "\n".join(parts)


def configuration() -> str:
    lines = [
        "# Configuration\n",
        "Generated from `sitrep.settings.Settings` by `scripts/gen_docs.py`; do not edit by hand.\n",
        "Precedence, lowest to highest: defaults, the config file (`./sitrep.toml` or `--config FILE` or",
        "`SITREP_CONFIG`; keys at top level or under `[sitrep]`), environment variables, command-line options.\n",
        "| setting | environment | default | meaning |",
        "|---|---|---|---|",
    ]
    for name, env, default, help_ in settings_table():
        lines.append(f"| `{name}` | `{env}` | `{default}` | {help_} |")
    lines += ["", "Example `sitrep.toml`:", "", "```toml", "[sitrep]",
              'database_url = "postgresql://sitrep@127.0.0.1/sitrep"', "workers = 2", "```", ""]
    return "\n".join(lines)


def api_reference() -> str:
    import tempfile

    from sitrep.serve.app import create_app
    from sitrep.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        spec = create_app(Settings(database_url=f"sqlite:///{tmp}/api.db")).openapi()
    lines = [
        "# REST API reference\n",
        "Generated from the app's OpenAPI spec by `scripts/gen_docs.py`; do not edit by hand. A running",
        "`sitrep serve` serves the full spec at `/openapi.json` and interactive docs at `/docs`.\n",
        "Reads are open unless `api_read_token_required` is set; writes need `Authorization: Bearer TOKEN`",
        "(`sitrep token create NAME`). Every error has one shape: `{\"ok\": false, \"error\": \"...\", \"status\": N}`.\n",
        "| method | path | what | parameters |",
        "|---|---|---|---|",
    ]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            params = ", ".join(f"`{p['name']}`" for p in op.get("parameters", []))
            lines.append(f"| {method.upper()} | `{path}` | {op.get('summary', '')} | {params} |")
    return "\n".join(lines) + "\n"


def main(check: bool) -> int:
    stale = []
    for name, text in (("cli.md", cli_reference()), ("configuration.md", configuration()), ("api.md", api_reference())):
        path = DOCS / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"stale docs: {', '.join(stale)}; run `make docs`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
