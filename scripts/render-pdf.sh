#!/usr/bin/env bash
# Prints the files a borrower and a credit committee read, the way they will be printed: builds a
# sale's transfer notices and a valuation workbook through the API on a fresh in-memory demo book
# (scripts/render-pdf-files.ts), converts them to PDF with LibreOffice, and checks with poppler's
# pdfinfo and pdftotext that
#   - no page is larger than A4 landscape (842 × 595 pt, either way round);
#   - every notice starts on a page of its own (one title per page, as many titled pages as notices);
#   - every page of the workbook shows the whole header row of its sheet: the header is repeated
#     (print titles) and no column is split onto another page or cut short (fit to one page wide).
# Reports page counts. Not part of the test suite. Needs LibreOffice Writer and Calc, poppler-utils
# and python3 (Debian: apt-get install -y libreoffice-calc libreoffice-writer poppler-utils).
# Usage: scripts/render-pdf.sh [--loans N] [--keep DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in soffice pdfinfo pdftotext python3; do
  command -v "$tool" >/dev/null || { echo "render-pdf: $tool is not installed" >&2; exit 2; }
done
keep=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npx tsx scripts/render-pdf-files.ts "$work/files" "${args[@]}" > "$work/files.tsv"
# A private profile: a LibreOffice already running for the user would otherwise take the job.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
  --outdir "$work/pdf" "$work"/files/*.html "$work/files/valuation.xlsx" >/dev/null 2>&1

python3 - "$work" <<'PY'
import json, os, re, subprocess, sys

work = sys.argv[1]
A4_LONG, A4_SHORT = 842.5, 595.8  # pt, with LibreOffice's rounding

def pages(pdf):
    info = subprocess.run(['pdfinfo', '-f', '1', '-l', '100000', pdf], capture_output=True, text=True, check=True).stdout
    sizes = [tuple(map(float, m)) for m in re.findall(r'Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts', info)]
    return sizes

def text(pdf, page):
    return subprocess.run(['pdftotext', '-f', str(page), '-l', str(page), pdf, '-'], capture_output=True, text=True, check=True).stdout

squeeze = lambda s: re.sub(r'\s+', '', s)
problems = []
notices_expected = 0
notice_pages = 0
for line in open(os.path.join(work, 'files.tsv')):
    path, count = line.rstrip('\n').split('\t')
    pdf = os.path.join(work, 'pdf', os.path.splitext(os.path.basename(path))[0] + '.pdf')
    if not os.path.exists(pdf):
        problems.append(f'{os.path.basename(path)}: LibreOffice made no PDF'); continue
    sizes = pages(pdf)
    too_big = [i + 1 for i, (w, h) in enumerate(sizes) if max(w, h) > A4_LONG or min(w, h) > A4_SHORT]
    if too_big: problems.append(f'{os.path.basename(pdf)}: pages {too_big[:5]} larger than A4')
    if path.endswith('.html'):
        notices = int(count)
        notices_expected += notices
        notice_pages += len(sizes)
        titles = [text(pdf, p).count('债权转让通知书') for p in range(1, len(sizes) + 1)]
        if any(t > 1 for t in titles): problems.append(f'{os.path.basename(pdf)}: two notices share a page')
        if sum(1 for t in titles if t == 1) != notices:
            problems.append(f'{os.path.basename(pdf)}: {sum(titles)} notice titles for {notices} notices')
        print(f'{os.path.basename(pdf)}: {notices} notices on {len(sizes)} pages '
              f'({sizes[0][0]:.0f} × {sizes[0][1]:.0f} pt)')
    else:
        headers = json.load(open(os.path.join(work, 'files', 'valuation-headers.json')))
        # Sheets print in order: a page belongs to the current sheet while it shows that sheet's
        # header row, else to the next sheet whose header row it shows.
        names = list(headers)
        shows = lambda name, page_text: all(squeeze(h) in page_text for h in headers[name])
        per_sheet, current = {}, 0
        for page in range(1, len(sizes) + 1):
            page_text = squeeze(text(pdf, page))
            if page == 1 or not shows(names[current], page_text):
                following = [i for i in range(current + (page > 1), len(names)) if shows(names[i], page_text)]
                if not following:
                    problems.append(f'{os.path.basename(pdf)} page {page}: not the whole header row of '
                                    f'"{names[current]}" or a later sheet (a header not repeated, a column '
                                    f'split off or cut short)')
                    continue
                current = following[0]
            per_sheet[names[current]] = per_sheet.get(names[current], 0) + 1
        landscape = all(w > h for w, h in sizes)
        if not landscape: problems.append(f'{os.path.basename(pdf)}: not every page is landscape')
        print(f'{os.path.basename(pdf)}: {len(sizes)} pages, A4 landscape: {landscape}; ' +
              ', '.join(f'{name}: {n}' for name, n in per_sheet.items()))
if problems:
    sys.exit('FAIL: ' + '; '.join(problems))
print(f'OK: {notices_expected} notices on {notice_pages} pages, each its own; the workbook prints '
      'one page wide with its header on every page; no page larger than A4')
PY
if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$work"/pdf/*.pdf "$keep"/; fi
