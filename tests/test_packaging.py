"""Packaging: project metadata, README commands, CI script, resources, logging, build recipe."""

from __future__ import annotations

import ast
import email.parser
import importlib.metadata
import importlib.util
import logging
import os
import re
import struct
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from desktop import __version__, logs, resources

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
SPEC = (ROOT / "build.spec").read_text(encoding="utf-8")


# --- README and CI --------------------------------------------------------------------------


def readme_commands() -> dict[str, str]:
    """The README's install and test commands for bash/zsh, by their marker comments."""
    found = dict(re.findall(r"<!-- (\w+-bash) -->\s*```(?:bash|sh)\n(.+?)\n```", README, re.S))
    return {k: v.strip() for k, v in found.items()}


@pytest.mark.tooling
def test_readme_gives_the_two_commands_for_each_shell() -> None:
    """An install-and-open command and a test command, for bash/zsh and PowerShell."""
    commands = readme_commands()
    assert set(commands) == {"install-bash", "test-bash"}
    assert "pip install ." in commands["install-bash"] and "liftrun" in commands["install-bash"]
    assert '".[test]"' in commands["test-bash"] and "pytest" in commands["test-bash"]
    assert "\n" not in commands["install-bash"] and "\n" not in commands["test-bash"]
    assert README.count("```powershell") >= 2


@pytest.mark.tooling
def test_ci_runs_exactly_the_readme_test_command() -> None:
    """.ci/run uses the README's test command verbatim, so the README cannot rot."""
    assert readme_commands()["test-bash"] in CI_RUN


@pytest.mark.tooling
def test_ci_type_checks_as_windows_macos_and_linux() -> None:
    """mypy narrows on sys.platform: each OS's branches are checked only as that OS."""
    assert "for platform in linux win32 darwin; do" in CI_RUN
    assert '"$PY" -m mypy --platform "$platform"' in CI_RUN


@pytest.mark.tooling
def test_the_tooling_tier_is_left_out_of_the_readme_command_and_run_by_ci() -> None:
    """pytest's default run deselects the tooling tier; .ci/run runs it as a step of its own."""
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    addopts = pytest_options["tool"]["pytest"]["ini_options"]["addopts"]
    assert addopts[-2:] == ["-m", "not tooling"]
    assert re.search(r'^"\$PY" -m pytest [^\n]*-m tooling \|', CI_RUN, re.M)


@pytest.mark.tooling
def test_readme_links_only_real_files() -> None:
    """Relative links in the README point at files in the repo (the screenshot excepted)."""
    links = re.findall(r"\]\((?!https?:|#|mailto:)([^)\s]+)\)", README)
    missing = [
        link for link in links if not (ROOT / link).exists() and link != "docs/screenshot.png"
    ]
    assert not missing, missing


@pytest.mark.tooling
def test_readme_carries_the_health_notice() -> None:
    """The health notice is there, in words a person reads."""
    text = " ".join(README.split()).lower()
    assert "health care provider" in text
    assert "stop" in text and "hurts" in text


# --- resources ------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG header."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.tooling
def test_every_icon_size_exists() -> None:
    """PNGs at 16..1024 px, plus the .ico and .icns made from the same SVG."""
    for size in resources.ICON_SIZES:
        assert png_size(resources.icon_path(size)) == (size, size)
    assert len(resources.icon_paths()) == len(resources.ICON_SIZES)
    assert resources.resource_path("icon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert resources.resource_path("icon.icns").read_bytes()[:4] == b"icns"
    assert resources.resource_path("icon.svg").read_text(encoding="utf-8").startswith("<svg")


@pytest.mark.tooling
def test_icon_pngs_match_the_svg(qapp: Any) -> None:
    """The committed PNGs were rendered from the current SVG (rerun tools/make_icons.py)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    size = 64
    renderer = QSvgRenderer(str(resources.resource_path("icon.svg")))
    assert renderer.isValid()
    fresh = QImage(size, size, QImage.Format.Format_ARGB32)
    fresh.fill(Qt.GlobalColor.transparent)
    painter = QPainter(fresh)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    committed = QImage(str(resources.icon_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
    total = 0
    for y in range(size):
        for x in range(size):
            a, b = fresh.pixelColor(x, y), committed.pixelColor(x, y)
            total += abs(a.red() - b.red()) + abs(a.green() - b.green())
            total += abs(a.blue() - b.blue()) + abs(a.alpha() - b.alpha())
    mean = total / (size * size * 4)
    assert mean < 4, f"icons/icon-{size}.png differs from icon.svg (mean {mean:.1f})"


@pytest.mark.tooling
def test_stylesheet_parses_and_uses_palette_roles(qapp: Any) -> None:
    """Qt accepts the style sheet, and it sets no fixed background colours."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

    text = resources.read_stylesheet()
    assert not re.search(r"background(-color)?\s*:\s*#", text), "use palette() roles"
    messages: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        messages.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        root = QWidget()
        root.setStyleSheet(text)
        layout = QVBoxLayout(root)
        for name in ("adviceWarning", "adviceSuggestion"):
            frame = QFrame()
            frame.setObjectName(name)
            QVBoxLayout(frame).addWidget(QLabel(name))
            layout.addWidget(frame)
        root.resize(200, 120)
        root.grab()
    finally:
        qInstallMessageHandler(previous)
    assert not [m for m in messages if "stylesheet" in m.lower()], messages


@pytest.mark.tooling
def test_stylesheet_names_only_widgets_that_exist() -> None:
    """Every #objectName the style sheet targets is set somewhere in desktop/ui."""
    text = re.sub(r"/\*.*?\*/", "", resources.read_stylesheet(), flags=re.S)
    selectors = " ".join(re.findall(r"([^{}]+)\{", text))
    targeted = set(re.findall(r"#(\w+)", selectors))
    assert targeted, "expected the style sheet to target named widgets"
    ui_source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "desktop").rglob("*.py"))
    missing = {name for name in targeted if f'"{name}"' not in ui_source}
    assert not missing, f"style.qss styles widgets no code names: {missing}"


def _load_resources_copy(package_dir: Path) -> ModuleType:
    """Import a copy of desktop/resources.py placed at package_dir/resources.py."""
    target = package_dir / "resources.py"
    target.write_text((ROOT / "desktop" / "resources.py").read_text(encoding="utf-8"))
    spec = importlib.util.spec_from_file_location("resources_copy", target)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_resources_found_in_an_installed_wheel_layout(tmp_path: Path) -> None:
    """Installed from a wheel, the files sit in desktop/_resources beside the module."""
    package = tmp_path / "site-packages" / "desktop"
    (package / "_resources").mkdir(parents=True)
    (package / "_resources" / "style.qss").write_text("QWidget {}")
    module = _load_resources_copy(package)
    assert module.resource_dir() == package / "_resources"
    assert module.read_stylesheet() == "QWidget {}"


def test_resources_found_when_frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Frozen by PyInstaller, the files sit in <_MEIPASS>/resources."""
    bundle = tmp_path / "_internal"
    (bundle / "resources").mkdir(parents=True)
    (bundle / "resources" / "style.qss").write_text("/* frozen */")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    package = tmp_path / "desktop"
    package.mkdir()
    module = _load_resources_copy(package)
    assert module.resource_dir() == bundle / "resources"


def test_missing_resources_are_reported(tmp_path: Path) -> None:
    """No resources anywhere: a clear error naming where it looked."""
    package = tmp_path / "desktop"
    package.mkdir()
    module = _load_resources_copy(package)
    with pytest.raises(FileNotFoundError, match="resources are missing"):
        module.resource_dir()
    with pytest.raises(FileNotFoundError):
        resources.resource_path("no-such-file.png")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` builds from this checkout (built once for this module)."""
    from tests.conftest import user_folders_env

    folder = tmp_path_factory.mktemp("wheel")
    env = dict(os.environ, **user_folders_env(folder / "home"))  # pip's cache stays here too
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = folder.glob("liftrun-*.whl")
    return built


@pytest.mark.tooling
@pytest.mark.slow
def test_wheel_ships_resources_and_every_module(wheel: Path) -> None:
    """`pip install .` gets the resources and every module."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected_res = {"desktop/_resources/style.qss", "desktop/_resources/icon.svg"}
    expected_res |= {f"desktop/_resources/icons/icon-{s}.png" for s in resources.ICON_SIZES}
    assert expected_res <= names, expected_res - names
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "desktop").rglob("*.py")}
    assert modules <= names, modules - names


def third_party_imports() -> set[str]:
    """Top-level names of the non-standard-library modules the app imports."""
    found: set[str] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"desktop", "__future__"}


@pytest.mark.tooling
@pytest.mark.slow
def test_wheel_declares_its_version_and_everything_it_imports(wheel: Path) -> None:
    """The wheel's metadata carries desktop.__version__ and requires every library imported."""
    with zipfile.ZipFile(wheel) as archive:
        [metadata_name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode())
    assert metadata["Version"] == __version__
    required = {
        re.split(r"[<>=!~ ;\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        for requirement in metadata.get_all("Requires-Dist", [])
        if "extra ==" not in requirement
    }
    distributions = importlib.metadata.packages_distributions()
    imported = third_party_imports()
    assert {"PySide6", "peewee", "platformdirs"} <= imported  # the scan reads the app
    undeclared = {
        name
        for name in imported
        if not {d.lower().replace("_", "-") for d in distributions.get(name, [name])} & required
    }
    assert not undeclared, f"imported but not in the wheel's Requires-Dist: {undeclared}"


@pytest.mark.tooling
@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pip --target puts scripts in bin/ on POSIX")
def test_installed_wheel_runs_and_logs_that_it_is_installed(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel, `liftrun --version` works and the log says "installed"."""
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), wheel],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    env = dict(os.environ, PYTHONPATH=str(site))
    version = subprocess.run(
        [str(site / "bin" / "liftrun"), "--version"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout == f"Liftrun {__version__}\n"
    first_line = (
        Path(os.environ["LIFTRUN_LOG_DIR"], logs.LOG_FILE).read_text("utf-8").split("\n")[0]
    )
    assert f"Liftrun {__version__} starting" in first_line
    assert f"installed in {site}" in first_line, first_line
    assert "source" not in first_line


# --- logging --------------------------------------------------------------------------------


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """setup_logging() pointed at a temporary folder, undone afterwards."""
    folder = tmp_path / "logs"
    monkeypatch.setenv("LIFTRUN_LOG_DIR", str(folder))
    level = logging.getLogger().level
    yield folder
    logs.shutdown_logging()
    logging.getLogger().setLevel(level)


def test_log_lines_end_the_os_way(log_folder: Path) -> None:
    """One line ending per record: \\r\\n on Windows (never \\r\\r\\n), \\n elsewhere."""
    logs.setup_logging()
    for n in range(3):
        logging.getLogger("desktop.test").warning("line %d", n)
    logs.shutdown_logging()
    data = (log_folder / logs.LOG_FILE).read_bytes()
    assert b"\r\r\n" not in data
    assert data.count(b"\r") == (data.count(b"\n") if sys.platform == "win32" else 0)
    lines = data.split(os.linesep.encode())
    assert lines[-1] == b"" and sum(b"line " in line for line in lines) == 3


def test_setup_logging_writes_a_rotating_file(log_folder: Path) -> None:
    """The log goes to the folder returned, which log_dir() then reports."""
    returned = logs.setup_logging()
    assert returned == log_folder
    assert logs.log_dir() == log_folder
    assert logs.setup_logging() == log_folder  # idempotent
    logging.getLogger("desktop.test").warning("hello from the test")
    text = (log_folder / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "starting" in text and "hello from the test" in text
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logs.RotatingFileHandler)]
    assert len(handlers) == 1 and handlers[0].maxBytes > 0


def test_log_starts_with_the_version_and_how_liftrun_runs(log_folder: Path) -> None:
    """The first line of a fresh log names the version and says this is a source checkout."""
    logs.setup_logging()
    first = (log_folder / logs.LOG_FILE).read_text(encoding="utf-8").splitlines()[0]
    assert f"Liftrun {__version__} starting" in first
    assert first.endswith("from a source checkout)")


def test_how_installed_tells_checkout_installed_and_frozen_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package beside pyproject.toml is a checkout; in site-packages it is installed."""
    checkout = tmp_path / "checkout"
    (checkout / "desktop").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("[project]\n")
    site = tmp_path / "site-packages"
    (site / "desktop").mkdir(parents=True)
    assert logs.how_installed(checkout / "desktop") == "from a source checkout"
    assert logs.how_installed(site / "desktop") == f"installed in {site}"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert logs.how_installed(checkout / "desktop") == "frozen"


def test_uncaught_exceptions_are_logged(log_folder: Path) -> None:
    """sys.excepthook writes the traceback to the log."""
    logs.setup_logging()
    assert sys.excepthook is not sys.__excepthook__
    try:
        raise RuntimeError("boom for the log")
    except RuntimeError as exc:
        logs.log_exception(type(exc), exc, exc.__traceback__)
    text = (log_folder / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "boom for the log" in text and "Traceback" in text


def test_default_log_dir_is_per_user() -> None:
    """Without an override the folder is the per-user log folder for Liftrun."""
    folder = logs.log_dir({"HOME": "/home/ada"})
    assert "Liftrun" in folder.parts


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"HOME": "/home/ada"}, "/home/ada/.local/state/Liftrun/log"),
        ("linux", {"HOME": "/home/ada", "XDG_STATE_HOME": "/xdg"}, "/xdg/Liftrun/log"),
        (
            "linux",
            {"HOME": "/home/ada", "XDG_STATE_HOME": "rel"},
            "/home/ada/.local/state/Liftrun/log",
        ),
        ("darwin", {"HOME": "/Users/ada"}, "/Users/ada/Library/Logs/Liftrun"),
        (
            "win32",
            {"LOCALAPPDATA": "/c/Users/ada/AppData/Local"},
            "/c/Users/ada/AppData/Local/Liftrun/Logs",
        ),
        (
            "win32",
            {"LOCALAPPDATA": "/c/Users/ada/AppData/Local", "WIN_PD_OVERRIDE_LOCAL_APPDATA": "/t"},
            "/t/Liftrun/Logs",
        ),
    ],
)
def test_default_log_dir_per_platform(
    platform: str, environ: dict[str, str], expected: str
) -> None:
    """Each OS's usual per-user log folder, worked out without importing platformdirs."""
    assert logs.default_log_dir(environ, platform) == Path(expected)


def test_default_log_dir_matches_platformdirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the running OS the folder is exactly platformdirs' user_log_dir for Liftrun."""
    from platformdirs import user_log_dir

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    expected = Path(user_log_dir("Liftrun", appauthor=False))
    assert logs.default_log_dir(dict(os.environ)) == expected


# --- build.spec -----------------------------------------------------------------------------


def spec_helpers() -> dict[str, Any]:
    """Run build.spec's settings and helpers (everything before Analysis) in a namespace."""
    head = SPEC.split("\na = Analysis(", 1)[0]
    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), "__name__": "build_spec"}
    exec(compile(head, "build.spec", "exec"), namespace)
    return namespace


@pytest.mark.tooling
@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6QmlModels.so.6", False),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6\\Qt6Quick.dll", False),
        ("PySide6\\Qt6Network.dll", True),  # local sockets: the single-instance hand-over
        ("PySide6\\Qt6NetworkAuth.dll", False),
        ("PySide6\\Qt6Gui.dll", True),
        ("PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml", False),
        ("PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/styles/libqmodernwindowsstyle.so", True),
        ("PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("resources/style.qss", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_spec_bundle_filter(path: str, kept: bool) -> None:
    """The spec keeps what Liftrun needs and drops the Qt it never uses, on every OS."""
    assert spec_helpers()["_keep"](path) is kept


@pytest.mark.tooling
def test_spec_does_not_exclude_qt_modules_the_app_imports() -> None:
    """Every PySide6 module imported under desktop/ survives build.spec's excludes."""
    excluded = set(spec_helpers()["EXCLUDED_QT_MODULES"])
    used = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
        used |= {
            name
            for line in re.findall(r"from PySide6 import ([\w, ]+)", path.read_text("utf-8"))
            for name in re.split(r"[,\s]+", line)
            if name
        }
    assert used, "expected the app to import some Qt"
    assert not used & excluded, f"build.spec excludes modules the app uses: {used & excluded}"
