#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser tests when they are missing.
# Run by `mvn verify` before the integration tests, and by .ci/run.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium and chromium-driver for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
  exit 0
fi
echo "WARNING: /usr/bin/chromium or /usr/bin/chromedriver is missing and cannot be installed here" \
     "(needs root and apt-get). Install Debian's chromium and chromium-driver; the browser test fails without them." >&2
