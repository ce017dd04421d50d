"""The build's settings, read the same way by the MkDocs adapter and the command line.

``extra.guidance`` in mkdocs.yml and the ``GUIDANCE_*`` environment variables (which win, for
one-off builds) are input like any other: checked with pydantic, as the content is, and every
problem reported at once with its file, line and key (``mkdocs.yml:52: extra.guidance.languages[1]:
...``) or its variable (``environment: GUIDANCE_OFFLINE: ...``).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from ..language import SOURCE, unknown_language
from ..problems import ContentError, Problem, display_path
from .render import TEMPLATES
from ..content.source import Document, load_document
from ..content.validate import describe, pydantic_message
from .generator import full_config

DEFAULT_PUBLISHER = "content_src/publishers/cavs.yml"
ENVIRONMENT = "environment"
TRUE, FALSE = ("1", "true", "yes"), ("0", "false", "no")


def parse_bool(value: Any) -> bool:
    """The one reading of a yes/no setting, in mkdocs.yml and in the environment alike."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, (str, int)) else None
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise PydanticCustomError("yes_no", "expected 1/0, true/false or yes/no, got {got}", {"got": describe(value)})


def known_language(code: str) -> str:
    if reason := unknown_language(code):
        raise PydanticCustomError("language", reason, {})
    return code


YesNo = Annotated[bool, BeforeValidator(parse_bool)]
LanguageCode = Annotated[str, AfterValidator(known_language)]
Path_ = Annotated[str, Field(min_length=1)]


class GuidanceSettings(BaseModel):
    """What ``extra.guidance`` may hold; each key may also be set as ``GUIDANCE_<KEY>``."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)

    content: Path_ = "content_src"
    publisher: Path_ = DEFAULT_PUBLISHER
    languages: tuple[LanguageCode, ...] = Field(default=(SOURCE.code,), min_length=1)
    publish_drafts: YesNo = True
    strict_translations: YesNo = False
    offline: YesNo = False
    handouts: Path_ | None = None
    stylesheets: tuple[Path_, ...] = ()
    scripts: tuple[Path_, ...] = ()
    release: Path_ | None = None      # a copy's release folder (guidance new-copy): its content is the content
    own_sheets: Path_ | None = None   # a copy's own sheets, built with the release's
    releases: Path_ | None = None     # a publisher's releases (guidance release): the latest is offered for download

    @field_validator("languages", mode="before")
    @classmethod
    def _list_of_codes(cls, value: Any) -> Any:
        if isinstance(value, str):  # a bare `languages: cy` would otherwise be read letter by letter
            raise PydanticCustomError("list_type", "expected a list", {})
        return value

    @field_validator("languages")
    @classmethod
    def _unique_languages(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise PydanticCustomError("language", "'{code}' is listed more than once", {"code": repeated[0]})
        if SOURCE.code not in codes:
            raise PydanticCustomError("language", "must include '{source}' (the language the content is written in)",
                                      {"source": SOURCE.code})
        return codes


# The variables read from the environment; GUIDANCE_SITE_URL is read by mkdocs.yml itself (!ENV).
VARIABLES = {f"GUIDANCE_{name.upper()}": name for name in GuidanceSettings.model_fields}
OTHER_VARIABLES = ("GUIDANCE_SITE_URL",)
# A site's address: http(s), a host, an optional port and path, and no character that could end an
# attribute or start markup (quotes, <, >, spaces, backslashes).
SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~!$&()*+,;=:@%/-]*)?")


@dataclass(frozen=True)
class Options:
    """The checked settings, as the build uses them."""

    languages: tuple[str, ...] = (SOURCE.code,)
    publish_drafts: bool = True
    strict_translations: bool = False
    directory_urls: bool = True
    site_url: str = ""                # the site's address (MkDocs' site_url): printed with a QR code
    offline: bool = False             # a copy that opens from disk (GUIDANCE_OFFLINE=1)
    handouts: Path | None = None      # the PDFs scripts/pdf made, linked from their pages (GUIDANCE_HANDOUTS)
    stylesheets: tuple[Path, ...] = ()  # the theme's stylesheets; the build joins them, then the components' own, into assets/site.css
    scripts: tuple[Path, ...] = ()      # the theme's scripts that every page runs; the build joins them into assets/site.js
    docs_dir: Path | None = None        # the hand-written pages (MkDocs' docs_dir): each may have its own slug in a language
    release: Path | None = None         # the release a copy shows: its footer names it
    own_sheets: Path | None = None      # a copy's own sheets folder
    releases: Path | None = None        # the folder of a publisher's releases: the latest is in downloads/


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    publisher_file: Path
    template_dirs: tuple[Path, ...]
    options: Options

    @property
    def sheets_folder(self) -> Path:
        """Where a new sheet goes: a copy's own sheets (its release's are replaced by an update), or
        the content's sheets."""
        return self.options.own_sheets or self.content_dir / "sheets"


def settings_from(extra: Mapping[str, Any], root: Path, custom_dir: str | None = "overrides",
                  directory_urls: bool = True, environ: Mapping[str, str] = os.environ,
                  site_url: str = "", config_file: Path | None = None, docs_dir: str = "docs") -> Settings:
    """The checked settings; raises ContentError naming every problem (``config_file`` is the
    mkdocs.yml the values came from, read again only to give a problem its line)."""
    guidance = extra.get("guidance", {}) if isinstance(extra, Mapping) else {}
    shown_as = display_path(config_file, root) if config_file else "mkdocs.yml"
    if guidance is None:
        guidance = {}
    if not isinstance(guidance, Mapping):
        raise ContentError([Problem(shown_as, _line(config_file, ()), "extra.guidance",
                                    f"expected a mapping of keys to values, got {describe(guidance)}")])
    from_environment = {VARIABLES[name]: value for name, value in environ.items() if name in VARIABLES}
    problems = _unknown_variables(environ)
    # MkDocs has already dropped any line break or tab from site_url (as browsers do): the variable as written is checked
    written_url = environ.get("GUIDANCE_SITE_URL") or site_url
    if written_url and not SITE_URL.fullmatch(written_url):
        # written into every page's links, the sitemaps and the QR code, by our templates and Material's
        where = (ENVIRONMENT, 0, "GUIDANCE_SITE_URL") if environ.get("GUIDANCE_SITE_URL") else \
            (shown_as, _line_of_key(config_file, "site_url"), "site_url")
        problems.append(Problem(*where, f"expected a web address such as https://www.example.org.uk/guidance/, "
                                        f"got {describe(written_url)}"))
    values = {**guidance, **from_environment}
    if "languages" in from_environment:
        values["languages"] = [code.strip() for code in from_environment["languages"].split(",") if code.strip()]
    try:
        checked = GuidanceSettings.model_validate(values)
    except ValidationError as error:
        for detail in error.errors():
            loc = detail["loc"]
            key = str(loc[0]) if loc else ""
            message = pydantic_message(detail, list(GuidanceSettings.model_fields))
            if key in from_environment:
                problems.append(Problem(ENVIRONMENT, 0, f"GUIDANCE_{key.upper()}", message))
            else:
                path = "extra.guidance" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
                problems.append(Problem(shown_as, _line(config_file, loc), path, message))
        raise ContentError(problems) from None
    custom = root / (custom_dir or "")
    problems += _missing_files(checked, from_environment, root, custom_dir, shown_as, config_file)
    if problems:
        raise ContentError(problems)
    return Settings(
        content_dir=root / checked.release / "content" if checked.release else root / checked.content,
        publisher_file=root / checked.publisher,
        template_dirs=(TEMPLATES.parents[1],) + ((root / custom_dir,) if custom_dir else ()),
        options=Options(
            languages=checked.languages,
            publish_drafts=checked.publish_drafts,
            strict_translations=checked.strict_translations,
            directory_urls=directory_urls,
            site_url=site_url,
            offline=checked.offline,
            handouts=root / checked.handouts if checked.handouts else None,
            stylesheets=tuple(custom / name for name in checked.stylesheets),
            scripts=tuple(custom / name for name in checked.scripts),
            docs_dir=root / docs_dir,
            release=root / checked.release if checked.release else None,
            own_sheets=root / checked.own_sheets if checked.own_sheets else None,
            releases=root / checked.releases if checked.releases else None,
        ),
    )


def _unknown_variables(environ: Mapping[str, str]) -> list[Problem]:
    """A misspelt variable would be silently ignored: name it, with the nearest known one."""
    known = [*VARIABLES, *OTHER_VARIABLES]
    problems = []
    for name in sorted(environ):
        if name.startswith("GUIDANCE_") and name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (expected one of: {', '.join(known)})"
            problems.append(Problem(ENVIRONMENT, 0, name, f"unknown setting{hint}"))
    return problems


def _missing_files(checked: GuidanceSettings, from_environment: Mapping[str, str], root: Path,
                   custom_dir: str | None, shown_as: str, config_file: Path | None) -> list[Problem]:
    """Files and folders the settings name that are not there."""
    problems = []
    custom = root / (custom_dir or "")

    def report(key: str, loc: tuple[str | int, ...], message: str) -> None:
        if key in from_environment:
            problems.append(Problem(ENVIRONMENT, 0, f"GUIDANCE_{key.upper()}", message))
        else:
            path = "extra.guidance" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
            problems.append(Problem(shown_as, _line(config_file, loc), path, message))

    for key, names in (("stylesheets", checked.stylesheets), ("scripts", checked.scripts)):
        for index, name in enumerate(names):
            if not (custom / name).is_file():
                report(key, (key, index), f"file not found: '{name}' (a path in the theme folder, {display_path(custom, root)}/)")
    if checked.handouts and not (root / checked.handouts).is_dir():
        report("handouts", ("handouts",), f"folder not found: '{checked.handouts}'")
    if checked.release:
        if not (root / checked.release / "content").is_dir():
            report("release", ("release",), f"folder not found: '{checked.release}/content' (the release this copy "
                                            "shows: `guidance new-copy` unpacks it, `guidance update` replaces it)")
    elif not (root / checked.content).is_dir():
        report("content", ("content",), f"folder not found: '{checked.content}'")
    # a publisher's releases folder may not be there yet: no release is offered until it is
    if checked.own_sheets and not (root / checked.own_sheets).is_dir():
        report("own_sheets", ("own_sheets",), f"folder not found: '{checked.own_sheets}'")
    return problems


def _line_of_key(config_file: Path | None, key: str) -> int:
    document = load_document(config_file, str(config_file)) if config_file else None
    return document.line_of((key,), tagged=False) if isinstance(document, Document) else 0


def _line(config_file: Path | None, loc: tuple[str | int, ...]) -> int:
    if config_file is None:
        return 0
    document = load_document(config_file, str(config_file))
    if not isinstance(document, Document):
        return 0
    return document.line_of(("extra", "guidance", *loc), tagged=False)


def read_settings(mkdocs_yml: Path, environ: Mapping[str, str] = os.environ) -> Settings:
    """Settings from a site folder's mkdocs.yml, completed with the shared configuration
    (site/generator.py), for commands that run outside a MkDocs build."""
    config = full_config(mkdocs_yml)
    theme = config.get("theme")
    if not isinstance(theme, Mapping):
        theme = {}
    docs_dir = config.get("docs_dir")
    return settings_from(config.get("extra", {}) or {}, mkdocs_yml.parent, theme.get("custom_dir"),
                         config.get("use_directory_urls", True) is not False, environ, config_file=mkdocs_yml,
                         docs_dir=docs_dir if isinstance(docs_dir, str) else "docs")
