#!/bin/sh
# Renders `depeche show --html` for one article in headless Chromium and
# saves screenshots at desktop and phone widths, to check the page by eye.
#
#   tools/show-screenshot.sh ARTICLE.txt [OUT_DIR] [--ref-date YYYY-MM-DD]
#
# Needs the release binary (cargo build --release) and Chromium
# (Debian: apt-get install -y chromium). Writes OUT_DIR/show.html,
# OUT_DIR/show-desktop.png and OUT_DIR/show-phone.png (OUT_DIR: target/show).
set -eu
article=${1:?usage: tools/show-screenshot.sh ARTICLE.txt [OUT_DIR] [depeche options]}
out=${2:-target/show}
[ $# -ge 2 ] && shift 2 || shift 1
bin=${DEPECHE:-target/release/depeche}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "show-screenshot: no chromium found (apt-get install -y chromium)" >&2; exit 2; }
mkdir -p "$out"
html=$(realpath "$out")/show.html
"$bin" show "$article" --html "$html" "$@"
shot() {
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size="$1" --screenshot="$(realpath "$out")/$2" "file://$html" >/dev/null 2>&1
    echo "$out/$2"
}
shot 1280,1600 show-desktop.png
shot 390,1600 show-phone.png
