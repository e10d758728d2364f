#!/usr/bin/env bash
# Writes the data-room bench workbook (bench/xlsx-writer.ts) and reads it back the way a buyer's tools
# do: openpyxl through scripts/xlsx-report (rows, columns, types, sums per sheet), and with
# --libreoffice also a CSV conversion by LibreOffice. Checks that the loan-tape sheets hold every
# loan once, each sheet with its header row. Needs a python3 with openpyxl (apt-get install -y
# python3-openpyxl) and, for --libreoffice, LibreOffice Calc (apt-get install -y
# --no-install-recommends libreoffice-calc).
# Usage: scripts/check-xlsx-writer.sh [ROWS (default 1000000)] [--libreoffice]
set -euo pipefail
cd "$(dirname "$0")/.."
# Before writing the workbook: say at once what is missing, not after minutes of work.
scripts/xlsx-report/xlsx-report --check ${2:+"$2"} || exit 2
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npx tsx bench/run.ts xlsx-writer --rows "$rows" --keep "$work/data-room.xlsx"
report=$(scripts/xlsx-report/xlsx-report "$work/data-room.xlsx" ${2:+"$2"})
echo "$report"
# "sheet 'Loan tape (2)': 951426 rows, 25 columns": data rows are the rows less one header per sheet.
loans=$(awk "/^sheet 'Loan tape( \\([0-9]+\\))?': / { sum += \$(NF - 3) - 1 } END { print sum + 0 }" <<<"$report")
[ "$loans" -eq "$rows" ] || { echo "check-xlsx-writer: the tape sheets hold $loans loans, not $rows" >&2; exit 1; }
echo "check-xlsx-writer: $loans loans on the tape sheets, as written"
