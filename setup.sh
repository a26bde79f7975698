#!/usr/bin/env bash
# Set up plancorpus in ./.venv (Python 3.11 or newer).
#   ./setup.sh              the library and its command-line tool
#   ./setup.sh --dev        the same plus the test and lint tools
#   ./setup.sh --no-system  skip the Debian packages (see below)
#
# Debian packages, installed when apt-get is there and we are root (or have sudo):
#   tesseract-ocr, tesseract-ocr-vie  OCR of scanned PDFs (optional: without them scans are
#                                     reported as "scanned: needs OCR")
#   fonts-dejavu-core                 a font with Vietnamese glyphs, used by the tests to render
#                                     sample plans to PDF
#   chromium, chromium-driver         a headless browser and its WebDriver, used by the tests of
#                                     the HTML diff report (without them those tests skip)
set -euo pipefail
cd "$(dirname "$0")"

dev=0
system=1
for arg in "$@"; do
  case "$arg" in
    --dev) dev=1 ;;
    --no-system) system=0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages="tesseract-ocr tesseract-ocr-vie fonts-dejavu-core chromium chromium-driver"
if [ "$system" = 1 ]; then
  missing=""
  for pkg in $packages; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    if command -v apt-get >/dev/null 2>&1; then
      sudo=""
      [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo="sudo -n"; }
      if [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; then
        echo "setup.sh: installing Debian packages:$missing" >&2
        $sudo apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null \
          || echo "setup.sh: could not install$missing; OCR, PDF rendering and HTML report tests will be skipped" >&2
      else
        echo "setup.sh: to read scans, run: sudo apt-get install$missing" >&2
      fi
    else
      echo "setup.sh: no apt-get here; install$missing yourself to read scanned PDFs" >&2
    fi
  fi
fi

python=""
for candidate in python3.11 python3.12 python3.13 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "setup.sh: plancorpus needs Python 3.11 or newer; none was found on PATH" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup.sh: creating .venv with $($python --version)" >&2
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "$dev" = 1 ]; then
  .venv/bin/python -m pip install --quiet -e '.[dev]'
else
  .venv/bin/python -m pip install --quiet -e .
fi
echo "setup.sh: ready (.venv/bin/plancorpus)" >&2
