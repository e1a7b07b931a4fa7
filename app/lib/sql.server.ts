// Raw SQL whose rows are checked: each raw query's rows are parsed by a zod schema at the
// boundary, so a renamed column or a changed type fails the first test that runs the query
// instead of flowing on as `undefined`. (Prisma's TypedSQL cannot introspect queries with the
// WASM schema engine we depend on: prisma/orm#28510; decisions 002 and 070.)
//
//   const rows = await sql.rows(z.object({ id: z.string(), n: z.bigint() }), tx)`SELECT id, count(*) AS n …`
//
// The tag is Prisma's own $queryRaw: values are bound parameters and Prisma.sql fragments compose.
import type pg from 'pg'
import { z } from 'zod/v4' // shipped inside zod 3.25; 5-8x faster than the v3 API on row arrays
import { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/lib/db.server'

/** A Prisma client or transaction, or a pg pool (the signing hot path, decision 084: the same
 * Prisma.sql text and values, run as one unnamed statement without Prisma's query compiler). */
type RawClient = Pick<Prisma.TransactionClient, '$queryRaw'> | pg.Pool
type SqlTag<T> = (strings: TemplateStringsArray, ...values: unknown[]) => Promise<T>
/** A row's columns and what each must hold (built from `col`). */
export type RowShape = Record<string, z.ZodType>
export type RowOf<S extends RowShape> = z.output<z.ZodObject<S>>

export const sql = {
  /** Every row; a missing or mistyped column throws (nullable is not optional: a renamed column fails). */
  rows<S extends RowShape>(shape: S, db: RawClient = prisma): SqlTag<RowOf<S>[]> {
    return async (strings, ...values) => rowsSchema(strings, shape).parse(await rawRows(db, strings, values)) as RowOf<S>[]
  },
}

async function rawRows(db: RawClient, strings: TemplateStringsArray, values: unknown[]): Promise<unknown[]> {
  if (!('query' in db)) return db.$queryRaw<unknown[]>(strings, ...values)
  const statement = Prisma.sql(strings, ...values)
  return (await db.query(statement.text, statement.values as unknown[])).rows
}

/**
 * The rows' schema, built once per query in the source: building a zod object costs about a
 * hundred times what parsing a row with it does (≈ 0.1–0.8 ms of CPU against 5–10 µs, measured
 * under sign load, decision 083), and shapes are written inline at each call. A tagged template's
 * strings are one object per call site, so they name the query; the shape's columns and types are
 * compared too, so one site given another shape gets that shape's schema.
 */
const schemas = new WeakMap<TemplateStringsArray, { signature: string; schema: z.ZodType }>()
function rowsSchema(strings: TemplateStringsArray, shape: RowShape): z.ZodType {
  let signature = ''
  for (const column in shape) signature += `${column}:${typeSignature(shape[column])};`
  let found = schemas.get(strings)
  if (!found || found.signature !== signature) {
    found = { signature, schema: z.array(z.object(shape)) }
    schemas.set(strings, found)
  }
  return found.schema
}

/** A column type as text: its kind, what it wraps, its values; a custom check by its own identity. */
const customIds = new WeakMap<object, number>()
let customCount = 0
function typeSignature(schema: z.ZodType): string {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, unknown> }
  if (def.innerType) return `${def.type}(${typeSignature(def.innerType)})`
  if (def.element) return `${def.type}(${typeSignature(def.element)})`
  if (def.entries) return `${def.type}(${Object.values(def.entries).join('|')})`
  if (def.type === 'custom') {
    if (!customIds.has(schema)) customIds.set(schema, ++customCount)
    return `custom#${customIds.get(schema) ?? 0}`
  }
  return def.type
}

/** What node-postgres returns for the column types we use. */
export const col = {
  string: z.string(),
  /** int4 and float8 values (count(*)::int included). */
  number: z.number(),
  boolean: z.boolean(),
  /** int[] columns. */
  numbers: z.array(z.number()),
  /** count(*) and other int8 values arrive as bigint. */
  count: z.bigint(),
  /** timestamp(3) columns arrive as Date. */
  at: z.date(),
  /** A json/jsonb column holding T (written only by this app); checked to be present and an object. */
  jsonOf: <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null),
  /** Any json/jsonb value, null included. */
  json: z.custom<Prisma.JsonValue>(() => true),
  /** A Postgres enum, by Prisma's generated constant (e.g. EmailKind). */
  enum: <E extends Record<string, string>>(values: E) => z.enum(values),
}
