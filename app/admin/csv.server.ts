// CSV that is safe to open in a spreadsheet, streamed a batch at a time so an
// export of a million rows holds one batch in memory, never the whole file.
import { log } from '~/lib/log.server'
import { ukTime } from '~/lib/format'

/** First characters a spreadsheet may read as the start of a formula (and their full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** One cell: text that could run as a formula gets a leading apostrophe; every text cell is quoted. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (value instanceof Date) return value.toISOString()
  let text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
  if (FORMULA_START.test(text)) text = `'${text}`
  return `"${text.replaceAll('"', '""')}"`
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/** A UK-dated file name: duty-of-care-signatures-2026-11-28.csv */
export function datedFileName(what: string, now = new Date()) {
  const day = ukTime.isoDate.format(now)
  return `duty-of-care-${what}-${day}.csv`
}

/**
 * A CSV download whose body is produced as the client reads it: each pull
 * takes the next batch from `batches` (pull-based, so a slow client slows the
 * queries instead of filling memory).
 */
export function csvResponse(fileName: string, header: string[], batches: AsyncIterable<unknown[][]>): Response {
  const encoder = new TextEncoder()
  const iterator = batches[Symbol.asyncIterator]()
  let headerSent = false
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true
          // The byte-order mark makes Excel read the file as UTF-8 (names with accents).
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`))
          return
        }
        try {
          const next = await iterator.next()
          if (next.done) return controller.close()
          controller.enqueue(encoder.encode(next.value.map(csvLine).join('')))
        } catch (error) {
          log.error({ err: error }, 'export failed mid-stream')
          controller.error(error)
        }
      },
      async cancel() {
        await iterator.return?.()
      },
    },
    { highWaterMark: 1 },
  )
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
