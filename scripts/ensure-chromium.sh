#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (it never downloads a browser).
# Install it when missing and we may (root with apt); otherwise say exactly what to run.
set -euo pipefail
browser="${KB_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Chromium not found at $browser: installing Debian's chromium and CJK fonts for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $browser. Install it with:" >&2
echo "  sudo apt-get install -y chromium fonts-noto-cjk" >&2
echo "or point KB_CHROMIUM at a Chromium or Chrome binary." >&2
exit 1
