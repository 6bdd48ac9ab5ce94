# shellcheck shell=bash
# Shared set-up for scripts/serve, scripts/test and scripts/bench. Sourced, not run.
#
# Two ways to build Rust for the browser:
#  - "rustup": rustup's toolchain has the wasm32-unknown-unknown target (a normal laptop).
#  - "debian": it has not and cannot download it (our CI machines). Then Debian's rustc-web
#    (with the std sources) builds std for wasm32 itself (build-std). The unstable settings
#    this needs are exported here only, never committed in .cargo/config.toml, so they cannot
#    leak into the normal case.
set -euo pipefail

KOOP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Host tools are cached per version outside the checkout so a clean clone reuses them.
KOOP_TOOLBIN=${KOOP_TOOLBIN:-}
KOOP_CACHE=${KOOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/koop-assistent}
TRUNK_VERSION=0.21.14
CHROMIUM_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mFehler:\033[0m %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

# Build output lives in the cache too, shared by all checkouts: a clean clone (as in CI) reuses
# the compiled dependencies (and the wasm std) instead of starting from nothing.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$KOOP_CACHE/target}

# The host's own cargo (rustup's when present): native tests, clippy, rustfmt, cargo install.
if [ -x "$HOME/.cargo/bin/cargo" ]; then HOST_CARGO="$HOME/.cargo/bin/cargo"; else HOST_CARGO=$(command -v cargo || true); fi
export HOST_CARGO

apt_install() { # [--no-recommends] package...
  local extra=() missing=() p
  if [ "${1:-}" = --no-recommends ]; then extra=(--no-install-recommends); shift; fi
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "Bitte installieren: ${missing[*]} (kein apt-get auf diesem System)."
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "apt-get install ${missing[*]}"
  $sudo apt-get update -q >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${extra[@]}" "${missing[@]}" >/dev/null
}

detect_toolchain() {
  if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    KOOP_MODE=rustup
  elif command -v apt-get >/dev/null || [ -x /usr/bin/wasm-ld-19 ]; then
    KOOP_MODE=debian
    apt_install rustc-web cargo-web rust-web-src lld-19
  else
    die "Kein wasm32-Ziel gefunden. Bitte 'rustup target add wasm32-unknown-unknown' ausführen."
  fi
  [ -n "$HOST_CARGO" ] || die "cargo fehlt. Bitte Rust über https://rustup.rs installieren."
  export KOOP_MODE
}

# Runs a command with the environment that builds for wasm32 (subshell: nothing leaks).
wasm_run() {
  (
    if [ "$KOOP_MODE" = debian ]; then
      export PATH="/usr/bin:$PATH"
      export RUSTC=/usr/bin/rustc CARGO=/usr/bin/cargo RUSTDOC=/usr/bin/rustdoc
      export RUSTC_BOOTSTRAP=1
      export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
      export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
      # Debian's build-std sources live in /usr/lib/rustlib/src; a separate target dir keeps the
      # two compilers' artefacts apart.
      export CARGO_TARGET_DIR="$CARGO_TARGET_DIR/wasm-debian"
    fi
    export PATH="$KOOP_TOOLBIN:$PATH"
    "$@"
  )
}

lock_version() { # version of a crate in Cargo.lock
  awk -v n="$1" '$0=="name = \""n"\"" {getline; gsub(/version = |"/,""); print; exit}' "$KOOP_ROOT/Cargo.lock"
}

cargo_tool() { # name version [--locked]: cargo install into a versioned cache dir
  local crate=$1 version=$2 extra=${3:-} bin=$4 dir="$KOOP_CACHE/tools/$1-$2"
  if [ ! -x "$dir/bin/$bin" ]; then
    log "cargo install $crate $version (einmalig, dauert einige Minuten)"
    # Built with the host cargo from outside the project so the project's settings don't apply.
    (cd / && "$HOST_CARGO" install -q $extra "$crate" --version "$version" --root "$dir.partial") \
      && rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  KOOP_TOOLBIN="$dir/bin:$KOOP_TOOLBIN"
}

npm_install() {
  command -v npm >/dev/null || apt_install nodejs npm
  local stamp="$KOOP_ROOT/node_modules/.koop-lock-hash" want
  want=$(sha256sum "$KOOP_ROOT/package-lock.json" | cut -c1-64)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "npm ci (Playwright ohne Browser-Download, binaryen, KERN UX)"
    (cd "$KOOP_ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" >"$stamp"
  fi
  KOOP_TOOLBIN="$KOOP_ROOT/node_modules/.bin:$KOOP_TOOLBIN"
}

setup_build() {
  KOOP_TOOLBIN=""
  detect_toolchain
  npm_install
  local wbg
  wbg=$(lock_version wasm-bindgen)
  [ -n "$wbg" ] || die "wasm-bindgen fehlt in Cargo.lock"
  # Its own lock file pins a crate the registry mirror lacks, hence no --locked.
  cargo_tool wasm-bindgen-cli "$wbg" "" wasm-bindgen
  cargo_tool trunk "$TRUNK_VERSION" --locked trunk
  export KOOP_TOOLBIN
  (cd "$KOOP_ROOT" && wasm_run cargo fetch -q --target wasm32-unknown-unknown)
}

setup_browsers() {
  apt_install chromium chromium-driver
  apt_install --no-recommends libreoffice-writer-nogui poppler-utils
  export CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}
  export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium || echo /usr/bin/chromium)}
}

build_dist() { # release build into dist/, skipped when no input changed
  local stamp="$KOOP_ROOT/dist/.koop-inputs" want
  want=$(cd "$KOOP_ROOT" && find Cargo.toml Cargo.lock index.html Trunk.toml src crates style public templates scripts/pwa -type f -print0 2>/dev/null \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && [ "${KOOP_FORCE_BUILD:-0}" != 1 ]; then
    log "dist/ ist aktuell"
    return 0
  fi
  log "trunk build --release"
  (cd "$KOOP_ROOT" && wasm_run trunk build --release)
  echo "$want" >"$stamp"
}
