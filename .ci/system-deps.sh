#!/usr/bin/env bash
# System packages: `.ci/system-deps.sh build` for what building needs (Chromium for the PDFs, fonts,
# poppler-utils: build_pdfs.py and scripts/pdf_ua.py read the PDFs' text with pdftotext);
# with no argument, also what the tests need (Java for the Nu HTML Checker).
# Installs what is missing when run as root with apt-get; otherwise prints the exact command and fails.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ "${1:-test}" != build ]; then
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Missing system packages: ${need[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
