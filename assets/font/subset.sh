#!/usr/bin/env bash
# Reproduces assets/NotoSansSC-Regular.ttf and assets/NotoSansSC-Bold.ttf:
# Noto Sans SC (SIL OFL 1.1) from the npm package @expo-google-fonts/noto-sans-sc,
# subset to GBK + ASCII/Latin-1 + punctuation/symbol blocks the app uses, hinting
# dropped, glyf (TrueType) outlines kept. Also writes assets/OFL.txt.
#
# Usage: bash assets/font/subset.sh            (from anywhere; needs root for apt-get)
# Env:   NSC_VERSION  npm package version (default 0.4.3, the one the shipped files came from)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ASSETS="$(cd "$HERE/.." && pwd)"
NSC_VERSION="${NSC_VERSION:-0.4.3}"
PY=/usr/bin/python3 # Debian's python, where python3-fonttools lives

# --- tools --------------------------------------------------------------------
if ! "$PY" -c 'import fontTools.subset' 2>/dev/null; then
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y python3-fonttools
fi
if ! command -v npm >/dev/null; then
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y npm
fi

# --- source fonts -------------------------------------------------------------
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "@expo-google-fonts/noto-sans-sc@${NSC_VERSION}" >/dev/null)
tar xzf "$WORK"/expo-google-fonts-noto-sans-sc-*.tgz -C "$WORK"
SRC_REG="$(find "$WORK/package" -name 'NotoSansSC_400Regular.ttf' | head -n1)"
SRC_BOLD="$(find "$WORK/package" -name 'NotoSansSC_700Bold.ttf' | head -n1)"
[ -f "$SRC_REG" ] && [ -f "$SRC_BOLD" ] || { echo "font files not found in npm package" >&2; exit 1; }

# --- code points --------------------------------------------------------------
# Every character reachable by a valid 2-byte GBK sequence, plus fixed ranges.
"$PY" - "$WORK/unicodes.txt" <<'PYEOF'
import sys
cps = set()
for lead in range(0x81, 0xFF):
    for trail in range(0x40, 0xFF):
        if trail == 0x7F:
            continue
        try:
            s = bytes([lead, trail]).decode("gbk")
        except UnicodeDecodeError:
            continue
        if len(s) == 1:
            cps.add(ord(s))
ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x2190, 0x21FF),  # Arrows
    (0x2500, 0x257F),  # Box Drawing
    (0x25A0, 0x25FF),  # Geometric Shapes (● ○ ▲ ▼ ■ □ ◆ …)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
for a, b in ranges:
    cps.update(range(a, b + 1))
cps.update(map(ord, "✓✗●○▲▼"))
with open(sys.argv[1], "w") as f:
    f.write(",".join("U+%04X" % c for c in sorted(cps)))
PYEOF

subset() { # in out
	"$PY" -m fontTools.subset "$1" \
		--unicodes-file="$WORK/unicodes.txt" \
		--layout-features='*' \
		--no-hinting \
		--name-IDs='*' \
		--notdef-outline \
		--recalc-bounds \
		--output-file="$2"
}
subset "$SRC_REG" "$ASSETS/NotoSansSC-Regular.ttf"
subset "$SRC_BOLD" "$ASSETS/NotoSansSC-Bold.ttf"

# Noto Sans SC has no U+2717 BALLOT X (✗). Add it as a composite glyph: the
# font's own × (U+00D7) scaled up to the size and position of its ✓ (U+2713),
# so the app's ✓/✗ pair matches in weight and size. (A modification the OFL allows.)
"$PY" - "$ASSETS/NotoSansSC-Regular.ttf" "$ASSETS/NotoSansSC-Bold.ttf" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent
for path in sys.argv[1:]:
    f = TTFont(path, recalcTimestamp=False)  # keep the build reproducible
    cmap = f.getBestCmap()
    if 0x2717 in cmap or 0x2713 not in cmap or 0xD7 not in cmap:
        continue
    glyf, hmtx = f["glyf"], f["hmtx"]
    check, times = glyf[cmap[0x2713]], glyf[cmap[0xD7]]
    scale = (check.yMax - check.yMin) * 0.92 / (times.yMax - times.yMin)
    comp = GlyphComponent()
    comp.glyphName = cmap[0xD7]
    comp.flags = 0x4  # ROUND_XY_TO_GRID
    comp.transform = [[scale, 0], [0, scale]]
    comp.x = round(check.xMin + 20 - times.xMin * scale)
    comp.y = round((check.yMin + check.yMax) / 2 - (times.yMin + times.yMax) / 2 * scale)
    g = Glyph()
    g.numberOfContours = -1
    g.components = [comp]
    name = "uni2717"
    order = f.getGlyphOrder() + [name]
    f.setGlyphOrder(order)
    glyf.glyphOrder = order
    glyf[name] = g
    g.recalcBounds(glyf)
    hmtx[name] = (round(g.xMax + 20), g.xMin)
    if "vmtx" in f:
        f["vmtx"][name] = f["vmtx"][cmap[0xD7]]
    for t in f["cmap"].tables:
        if t.isUnicode():
            t.cmap[0x2717] = name
    f.save(path)
PYEOF

# --- licence ------------------------------------------------------------------
LIC="$(find "$WORK/package" -name 'LICENSE_FONT' | head -n1)"
if [ -n "$LIC" ]; then
	cp "$LIC" "$ASSETS/OFL.txt"
fi

# --- verify -------------------------------------------------------------------
"$PY" - "$ASSETS/NotoSansSC-Regular.ttf" "$ASSETS/NotoSansSC-Bold.ttf" <<'PYEOF'
import os, sys
from fontTools.ttLib import TTFont
gbk = set()
for lead in range(0x81, 0xFF):
    for trail in range(0x40, 0xFF):
        if trail == 0x7F:
            continue
        try:
            s = bytes([lead, trail]).decode("gbk")
        except UnicodeDecodeError:
            continue
        if len(s) == 1:
            gbk.add(ord(s))
han = {c for c in gbk if 0x4E00 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF}
ok = True
for path in sys.argv[1:]:
    f = TTFont(path)
    cmap = f.getBestCmap()
    assert "glyf" in f, path + ": expected TrueType outlines"
    han_have = sum(c in cmap for c in han)
    gbk_missing = sorted(c for c in gbk if c not in cmap)
    names = [c for c in "喆堃昇赟犇镕✓✗●○▲▼" if ord(c) not in cmap]
    print("%s: %.1f MB, %d glyphs, %d code points, GBK Han %d/%d, GBK missing %s, specials missing %s" % (
        os.path.basename(path), os.path.getsize(path) / 1e6, f["maxp"].numGlyphs, len(cmap),
        han_have, len(han), ["U+%04X" % c for c in gbk_missing] or "none", names or "none"))
    if han_have != len(han) or names:
        ok = False
sys.exit(0 if ok else 1)
PYEOF
