#!/usr/bin/env bash
# Checks the general-ledger export the way a GL upload reads it: builds a ledger on a fresh
# in-memory database (test/ledger/gl-export-book.ts: write-offs, recoveries with excess, costs, a
# sale and its reversal), downloads the journal as .xlsx through the API, converts it to CSV with
# LibreOffice, sums the Debit and Credit columns and compares them with the API's trial balance.
# Starts no server. Needs LibreOffice Calc (Debian: apt-get install -y --no-install-recommends
# libreoffice-calc) and python3. Usage: scripts/check-gl-export.sh [--loans N]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v libreoffice >/dev/null || { echo "check-gl-export: LibreOffice is not installed (apt-get install -y --no-install-recommends libreoffice-calc)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npx tsx test/ledger/gl-export-book.ts "$work" "$@"
# A private profile: a LibreOffice already running for the user would otherwise take the job.
libreoffice -env:UserInstallation="file://$work/profile" --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 --outdir "$work" "$work/journal.xlsx" >/dev/null

python3 - "$work/journal.csv" "$work/trial-balance.json" <<'PY'
import csv, json, re, sys
from decimal import Decimal

def fen(text):
    text = text.replace(',', '').strip()
    return int(Decimal(text or '0') * 100)

with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
header, lines = rows[0], rows[1:]
expected = ['Entry ID', 'Date', 'Kind', 'Source reference', 'Reverses entry', 'Line', 'Account code',
            'Account name', 'Debit', 'Credit', 'Loan ID', 'Memo']
if header != expected:
    sys.exit(f'FAIL: header {header} is not {expected}')
debit_fen = sum(fen(row[8]) for row in lines)
credit_fen = sum(fen(row[9]) for row in lines)
bad_dates = [row[1] for row in lines if not re.fullmatch(r'\d{4}-\d{2}-\d{2}', row[1])]

balance = json.load(open(sys.argv[2]))
tb_debit_fen = fen(balance['balanceSheet']['debit']) + fen(balance['offBalance']['debit'])
tb_credit_fen = fen(balance['balanceSheet']['credit']) + fen(balance['offBalance']['credit'])
print(f'journal.csv (LibreOffice): {len(lines)} lines, debit {debit_fen / 100:,.2f}, credit {credit_fen / 100:,.2f}')
print(f'trial balance (API):       debit {tb_debit_fen / 100:,.2f}, credit {tb_credit_fen / 100:,.2f}'
      f' (balance sheet {balance["balanceSheet"]["debit"]}, off-balance memo {balance["offBalance"]["debit"]})')
problems = []
if bad_dates: problems.append(f'{len(bad_dates)} dates not shown as dates, e.g. {bad_dates[0]!r}')
if debit_fen != credit_fen: problems.append('the export does not balance')
if (debit_fen, credit_fen) != (tb_debit_fen, tb_credit_fen): problems.append('the export does not match the trial balance')
if problems: sys.exit('FAIL: ' + '; '.join(problems))
print('OK: the GL export balances and matches the trial balance')
PY
