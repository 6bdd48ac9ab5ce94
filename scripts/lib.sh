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
WASM_SPLIT_VERSION=0.2.4
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
    # Leptos' components return type-erased views: one instance of the view code per component
    # instead of one per nested view type, 33 KB brotli less first load, typing as fast.
    export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
    if [ "$KOOP_MODE" = debian ]; then
      export PATH="/usr/bin:$PATH"
      export RUSTC=/usr/bin/rustc CARGO=/usr/bin/cargo RUSTDOC=/usr/bin/rustdoc
      export RUSTC_BOOTSTRAP=1
      export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
      # Building std ourselves lets us build it for size, drop the file paths panics would
      # report (the crash message never shows them) and drop derived Debug output altogether
      # (no text the user reads comes from Debug; "shallow", the type's name only, cost 2.7 KB
      # more): 12 KB brotli less first load.
      export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
      export RUSTFLAGS="${RUSTFLAGS:-} -Zlocation-detail=none -Zfmt-debug=none"
      # A panic traps at once, without formatting its message or running a hook (the crash
      # message listens for the trap instead, src/crash.rs): 4.9 KB brotli less first load.
      # Not for `cargo test`: a test crate cannot be built with an explicit abort strategy
      # (wasm32 aborts on a panic anyway).
      # Nor the split into chunks (src/components/later.rs): a test binary is not split, and
      # an unsplit `#[lazy]` function calls into a chunk that is not there.
      if [ "${1:-} ${2:-}" != "cargo test" ]; then
        export RUSTFLAGS="$RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort --cfg koop_split"
      fi
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
  # Splits the app's WebAssembly after the build (scripts/pwa/split-wasm.mjs); the version the
  # lock file's wasm_split_helpers (Leptos' `#[lazy]`) speaks to.
  cargo_tool wasm_split_cli_support "$WASM_SPLIT_VERSION" "--locked --features build-binary" wasm-split-cli
  export KOOP_TOOLBIN
  (cd "$KOOP_ROOT" && wasm_run cargo fetch -q --target wasm32-unknown-unknown)
}

setup_browsers() {
  apt_install chromium chromium-driver
  # Firefox ESR as Debian ships it, driven over WebDriver BiDi (tests/e2e/firefox, bench/firefox.mjs).
  apt_install --no-recommends firefox-esr
  apt_install --no-recommends libreoffice-writer-nogui poppler-utils
  export CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}
  export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium || echo /usr/bin/chromium)}
  export FIREFOX_PATH=${FIREFOX_PATH:-$(command -v firefox-esr || echo /usr/bin/firefox-esr)}
}

OPENXML_AUDIT_VERSION=0.8.0
setup_validators() { # openxml-audit (Open XML SDK rules for DOCX, OASIS rules for ODF) in a venv
  local venv="$KOOP_CACHE/venv-openxml-audit-$OPENXML_AUDIT_VERSION"
  if [ ! -x "$venv/bin/openxml-audit" ]; then
    command -v python3 >/dev/null || apt_install python3 python3-venv
    log "pip install openxml-audit==$OPENXML_AUDIT_VERSION (einmalig)"
    rm -rf "$venv.partial"
    python3 -m venv "$venv.partial" || { apt_install python3-venv && python3 -m venv "$venv.partial"; }
    "$venv.partial/bin/pip" install -q --disable-pip-version-check "openxml-audit==$OPENXML_AUDIT_VERSION"
    rm -rf "$venv" && mv "$venv.partial" "$venv"
    # A venv remembers its path: recreate the scripts' shebangs for the final place.
    sed -i "1s|$venv.partial|$venv|" "$venv"/bin/* 2>/dev/null || true
  fi
  export OPENXML_AUDIT="$venv/bin/openxml-audit"
}

# Every DOCX and ODT in a folder, judged by openxml-audit in its strictest setting: Word
# (microsoft365) for DOCX, ODF 1.3 for ODT. Any error or warning fails; prints one line a file.
check_exports() { # dir
  local dir=$1 kind fmt validator report rc=0
  for kind in docx odt; do
    compgen -G "$dir/*.$kind" >/dev/null || continue
    if [ $kind = docx ]; then fmt=microsoft365 validator=ooxml; else fmt=odf1.3 validator=odf; fi
    report="$dir/openxml-audit-$kind.json"
    # It exits non-zero on findings; the JSON report below is what decides.
    "$OPENXML_AUDIT" --policy strict --validator $validator -f $fmt -m 0 -o json -r "$dir" >"$report" 2>"$report.err" || true
    python3 - "$report" "$kind" <<'PY' || rc=1
import json, sys
path, kind = sys.argv[1], sys.argv[2]
try:
    results = json.load(open(path))
except ValueError:
    sys.exit(f"openxml-audit lieferte keinen Bericht ({path}): {open(path + '.err').read()[-2000:]}")
results = [r for r in results if r["file"].endswith("." + kind)]
bad = 0
for r in results:
    n = r.get("error_count", 0) + r.get("warning_count", 0)
    if n:
        bad += 1
        print(f"  {r['file']}: {r.get('error_count', 0)} Fehler, {r.get('warning_count', 0)} Warnungen")
        for f in (r.get("errors", []) + r.get("warnings", []))[:5]:
            print(f"    {f.get('part_uri', '')} {f.get('path', '')}: {f.get('description', '')}")
print(f"openxml-audit {kind.upper()}: {len(results)} Dateien, {bad} mit Befunden")
sys.exit(1 if bad or not results else 0)
PY
  done
  return $rc
}

PDF_VALIDATORS="page-validation==0.11.* pdfua==0.1.3 outloud==0.2.1"
setup_pdf_validators() { # the three PDF judges of issue 23, in one venv
  local venv="$KOOP_CACHE/venv-pdf-$(echo "$PDF_VALIDATORS" | sha256sum | cut -c1-12)"
  if [ ! -x "$venv/bin/outloud" ] || [ ! -x "$venv/bin/pdfua" ]; then
    command -v python3 >/dev/null || apt_install python3 python3-venv
    log "pip install $PDF_VALIDATORS (einmalig)"
    rm -rf "$venv.partial"
    python3 -m venv "$venv.partial" || { apt_install python3-venv && python3 -m venv "$venv.partial"; }
    # shellcheck disable=SC2086
    "$venv.partial/bin/pip" install -q --disable-pip-version-check $PDF_VALIDATORS
    rm -rf "$venv" && mv "$venv.partial" "$venv"
    sed -i "1s|$venv.partial|$venv|" "$venv"/bin/* 2>/dev/null || true
  fi
  export PDF_VENV="$venv"
}

# Every PDF in a folder, judged by page-validation (PDF/UA-1 and PDF/A-3a, each file must be
# compliant), pdfua check and outloud (no error; warnings are printed). Each tool runs once over
# the folder. Prints one line per tool.
check_pdfs() { # dir
  local dir=$1 rc=0
  compgen -G "$dir/*.pdf" >/dev/null || return 0
  "$PDF_VENV/bin/python" - "$dir" <<'PY' || rc=1
import glob, sys
import page
files = sorted(glob.glob(sys.argv[1] + "/*.pdf"))
bad = 0
for f in files:
    for profile in ("ua1", "3a"):
        r = page.validate_pdf(f, profile=profile)
        if not r.is_compliant:
            bad += 1
            print(f"  {f} ({profile}): " + "; ".join(f"{x.rule_id}: {x.message}" for x in r.failures[:5]))
print(f"page-validation PDF/UA-1 + PDF/A-3a: {len(files)} Dateien, {bad} nicht konform")
sys.exit(1 if bad else 0)
PY
  local pdfua_out
  if pdfua_out=$("$PDF_VENV/bin/pdfua" check -q --min-severity error "$dir"/*.pdf 2>&1); then
    echo "pdfua check: keine Fehler"
  else
    echo "$pdfua_out" | tail -n 40
    echo "pdfua check: Fehler gefunden"
    rc=1
  fi
  local outloud_out
  if outloud_out=$("$PDF_VENV/bin/outloud" --fail-on error --no-info "$dir"/*.pdf 2>&1); then
    echo "$outloud_out" | tail -n 1 | sed 's/^/outloud: /'
  else
    echo "$outloud_out" | tail -n 60
    echo "outloud: Fehler gefunden"
    rc=1
  fi
  return $rc
}

build_dist() { # release build into dist/, skipped when no input changed
  local stamp="$KOOP_ROOT/dist/.koop-inputs" want
  # scripts/lib.sh holds the build flags (RUSTFLAGS), so it counts as an input too.
  want=$(cd "$KOOP_ROOT" && find Cargo.toml Cargo.lock index.html Trunk.toml src crates style public templates scripts/pwa scripts/lib.sh -type f -print0 2>/dev/null \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && [ "${KOOP_FORCE_BUILD:-0}" != 1 ]; then
    log "dist/ ist aktuell"
    return 0
  fi
  log "trunk build --release"
  (cd "$KOOP_ROOT" && wasm_run trunk build --release)
  echo "$want" >"$stamp"
}
