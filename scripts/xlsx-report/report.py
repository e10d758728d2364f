"""What a workbook holds, as openpyxl (and, with --libreoffice, LibreOffice) reads it.

Run it through the `xlsx-report` launcher beside this file, which finds a python3 with openpyxl
(Debian, Ubuntu: apt-get install -y python3-openpyxl).

The platform writes its workbooks itself (a streaming writer for data rooms, exceljs for the
ledger's reports); this reads them with somebody else's code, so a test or a check script can
hold a file to what was written. For each sheet it prints

    sheet 'Loan tape': 3 rows, 5 columns
      [0] loan_id: text
      [2] balance: number sum=1234.57
      [4] charge_off_date: date

- rows count every row openpyxl finds, the header row included;
- columns are the cells of the first row, which is taken as the header;
- each column's kinds are the kinds of its values below the header: number, date, text (joined
  with "/" when a column mixes them), or empty when it has none; booleans count as none of them;
- a numeric column's sum is decimal: each number counts as the shortest decimal that reads back as
  the stored double (what a spreadsheet shows), so a million amounts in yuan add up to the fen
  where adding the doubles would drift.

With --libreoffice, LibreOffice converts every sheet to CSV (UTF-8, comma, quoted text) in a
temporary folder, with a profile of its own so that a LibreOffice the user has open does not take
the job, and one line per CSV file follows:

    libreoffice FILE-Loan tape.csv: 4 lines
"""

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

import openpyxl

USAGE = 'usage: xlsx-report FILE.xlsx [--libreoffice]'

# LibreOffice's CSV filter: comma (44), double quote (34), UTF-8 (76), from line 1, ..., and the
# last token -1: every sheet to its own file (LibreOffice 7.2 and later).
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'


def kind_of(value):
    """The kind a cell's value counts as, or None for an empty cell or a boolean."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return 'number'
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return 'date'
    return 'text'


def as_decimal(number):
    return Decimal(number) if isinstance(number, int) else Decimal(repr(number))


def report_sheet(sheet):
    rows = 0
    header = []
    kinds = {}
    sums = {}
    for values in sheet.iter_rows(values_only=True):
        rows += 1
        if rows == 1:
            header = ['' if value is None else str(value) for value in values]
            continue
        for column, value in enumerate(values):
            kind = kind_of(value)
            if kind is None:
                continue
            kinds.setdefault(column, set()).add(kind)
            if kind == 'number':
                sums[column] = sums.get(column, Decimal(0)) + as_decimal(value)
    print(f'sheet {sheet.title!r}: {rows} rows, {len(header)} columns')
    for column, name in enumerate(header):
        kind = '/'.join(sorted(kinds.get(column, {'empty'})))
        total = f' sum={sums[column]:.2f}' if column in sums else ''
        print(f'  [{column}] {name}: {kind}{total}')


def report_libreoffice(path):
    office = shutil.which('soffice') or shutil.which('libreoffice')
    if office is None:
        sys.exit('xlsx-report: needs LibreOffice '
                 '(apt-get install -y --no-install-recommends libreoffice-calc)')
    with tempfile.TemporaryDirectory(prefix='xlsx-report-') as work:
        subprocess.run(
            [office, f'-env:UserInstallation=file://{work}/profile', '--headless',
             '--convert-to', CSV_FILTER, '--outdir', work, path],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for name in sorted(os.listdir(work)):
            if name.endswith('.csv'):
                with open(os.path.join(work, name), 'rb') as csv:
                    lines = sum(chunk.count(b'\n') for chunk in iter(lambda: csv.read(1 << 20), b''))
                print(f'libreoffice {name}: {lines} lines')


def main(args):
    if len(args) not in (1, 2) or (len(args) == 2 and args[1] != '--libreoffice'):
        sys.exit(USAGE)
    path = args[0]
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            report_sheet(sheet)
    finally:
        book.close()
    sys.stdout.flush()
    if len(args) == 2:
        report_libreoffice(path)


if __name__ == '__main__':
    main(sys.argv[1:])
