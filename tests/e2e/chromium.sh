#!/usr/bin/env bash
# Chromium for the browser tests. Chromium keeps only the last --disable-features it is given, and Playwright passes
# a list of its own before ours: this joins them into one, so both apply.
features=()
args=()
for arg in "$@"; do
  case "$arg" in
    --disable-features=*) features+=("${arg#--disable-features=}") ;;
    *) args+=("$arg") ;;
  esac
done
IFS=,
exec "${KB_CHROMIUM:-/usr/bin/chromium}" "${args[@]}" ${features:+"--disable-features=${features[*]}"}
