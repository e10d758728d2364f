#!/usr/bin/env bash
# Runs the walkthrough (npm run walkthrough), then reads each buyer's data room the way a buyer's
# tools do — openpyxl through scripts/xlsx-report and, with --libreoffice, LibreOffice's CSV
# conversion — and holds it to what the API said of the portfolio (out/walkthrough.json): as many
# loans on the tape as on offer, the tape's claims summing to the claim on offer, one exclusion row per
# excluded loan, and (with --libreoffice) as many CSV lines as rows. Needs a python3 with openpyxl
# (apt-get install -y python3-openpyxl) and, for --libreoffice, LibreOffice Calc (apt-get install -y
# --no-install-recommends libreoffice-calc). Usage: scripts/check-data-room.sh [--libreoffice]
set -euo pipefail
cd "$(dirname "$0")/.."
# Before the walkthrough: say at once what is missing, not after a minute's work.
scripts/xlsx-report/xlsx-report --check ${1:+"$1"} || exit 2
npm run --silent walkthrough >/dev/null
figures=out/walkthrough.json
field() { python3 -c "import json,sys; print(json.load(open('$figures'))['$1'])"; }
loans=$(field loansOnOffer); claim=$(field claimOnOffer); excluded=$(field excluded)
for room in $(python3 -c "import json; print(' '.join(json.load(open('$figures'))['dataRooms']))"); do
  report=$(scripts/xlsx-report/xlsx-report "$room" ${1:+"$1"})
  rows=$(awk "/^sheet 'Loan tape 贷款明细': / { print \$(NF - 3) - 1 }" <<<"$report")
  sum=$(awk '/^sheet .Loan tape/ { tape = 1; next } /^sheet / { tape = 0 } tape && /Claim: number/ { sub(/.*sum=/, ""); print }' <<<"$report")
  exclusions=$(awk "/^sheet 'Exclusions 剔除': / { print \$(NF - 3) - 1 }" <<<"$report")
  [ "$rows" -eq "$loans" ] || { echo "check-data-room: $room has $rows loans on its tape, the API $loans" >&2; exit 1; }
  [ "$sum" = "$claim" ] || { echo "check-data-room: $room tape claims sum to $sum, the API says $claim" >&2; exit 1; }
  [ "$exclusions" -eq "$excluded" ] || { echo "check-data-room: $room lists $exclusions exclusions, the API $excluded" >&2; exit 1; }
  if [ "${1:-}" = --libreoffice ]; then
    lines=$(grep -E "^libreoffice .*Loan tape" <<<"$report" | awk '{ print $(NF - 1) }')
    [ "$lines" -eq $((loans + 1)) ] || { echo "check-data-room: LibreOffice's CSV of the tape has $lines lines, not $((loans + 1))" >&2; exit 1; }
  fi
  echo "check-data-room: $room: $rows loans, claim $sum, $exclusions exclusions — as the API says${1:+, and as LibreOffice reads it}"
done
