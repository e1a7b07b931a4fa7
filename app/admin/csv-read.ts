// Reading a CSV a campaigner uploads (paper and event signatures): RFC 4180 — fields separated by
// commas, rows by CRLF or LF, a field in double quotes may hold commas, line breaks and doubled
// quotes — plus a UTF-8 byte-order mark, which Excel writes. One pass over the text, looking at
// each character once, and it stops as soon as a limit is passed: the work is bounded by the caps,
// whatever the file holds. The file's size is checked by the caller before any of this runs.

export interface CsvLimits {
  /** Data rows after the header; one more and reading stops. */
  maxRows: number
  /** Characters in one field. */
  maxFieldChars: number
  /** Fields in one row. */
  maxFields: number
}

/** The file cannot be read as CSV, or is over a limit; `message` is safe to show and names the line. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly kind: 'too-many-rows' | 'field-too-long' | 'too-many-fields' | 'malformed',
  ) {
    super(message)
    this.name = 'CsvError'
  }
}

/** Every row of the file as its fields (the header first); wholly empty lines are skipped. */
export function parseCsv(input: string, limits: CsvLimits): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let line = 1
  let i = 0
  const n = text.length

  const endField = () => {
    if (row.length >= limits.maxFields) throw new CsvError(`Line ${line} has more than ${limits.maxFields} columns.`, 'too-many-fields')
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row)
      // The header plus maxRows rows are allowed.
      if (rows.length > limits.maxRows + 1) {
        throw new CsvError(`The file has more than ${limits.maxRows.toLocaleString('en-GB')} rows. Split it into smaller files.`, 'too-many-rows')
      }
    }
    row = []
  }
  const grow = (ch: string) => {
    if (field.length >= limits.maxFieldChars) {
      throw new CsvError(`A field on line ${line} is longer than ${limits.maxFieldChars.toLocaleString('en-GB')} characters.`, 'field-too-long')
    }
    field += ch
  }

  while (i < n) {
    if (text[i] === '"' && field === '') {
      // A quoted field: runs to the next quote not doubled.
      const opened = line
      i++
      for (;;) {
        if (i >= n) throw new CsvError(`The quoted field that starts on line ${opened} is never closed.`, 'malformed')
        const ch = text[i]
        if (ch === '"') {
          if (text[i + 1] === '"') {
            grow('"')
            i += 2
            continue
          }
          i++
          break
        }
        if (ch === '\n') line++
        grow(ch)
        i++
      }
      // After the closing quote: a separator, a line end or the end of the file.
      const next = text[i]
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(`Line ${line}: a quoted field is followed by text. Put the whole field in quotes and double any quote inside it ("").`, 'malformed')
      }
      continue
    }
    const ch = text[i]
    if (ch === ',') {
      endField()
      i++
    } else if (ch === '\r' || ch === '\n') {
      endRow()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
    } else if (ch === '"') {
      throw new CsvError(`Line ${line}: a quote in the middle of a field. Put the whole field in quotes and double any quote inside it ("").`, 'malformed')
    } else {
      grow(ch)
      i++
    }
  }
  if (field !== '' || row.length) endRow()
  return rows
}
