#!/bin/sh
# Debian packages the tests drive: Chromium (site tests), qpdf (PDF structure check),
# poppler-utils (pdftoppm for looking at forms), gettext (msgfmt checks the PO files). Installed only when missing.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v qpdf >/dev/null 2>&1 || missing="$missing qpdf"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
[ -z "$missing" ] && exit 0
echo "Installerer Debian-pakker:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
