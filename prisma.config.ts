// Prisma's migrations run on the WASM schema engine bundled in the `prisma`
// package (engine: "js"), because the native engine cannot be downloaded on
// machines that only reach the npm registry. See docs/decisions/002-prisma-js-engine.md.
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { defineConfig } from 'prisma/config'

// `prisma generate` never connects, but without a DATABASE_URL the CLI goes
// looking for a native engine to download. Give it a placeholder.
if (process.argv.includes('generate') && !process.env.DATABASE_URL) process.env.DATABASE_URL = 'postgresql://generate@localhost/generate'

// prisma/orm#27403: the schema engine reads catalog columns of types the
// adapter cannot map (name, char, oidvector…). Read them as text.
const TEXT = 25
const TEXT_ARRAY = 1009
const AS_TEXT = new Set([18, 19, 22, 24, 30, 194, 2205])
const AS_TEXT_ARRAY = new Set([1002, 1003])
type FieldDescription = { dataTypeID: number }
const resultPrototype = pg.Result.prototype as unknown as { addFields: (fields: FieldDescription[]) => void }
const addFields = resultPrototype.addFields
resultPrototype.addFields = function (fields) {
  for (const field of fields) {
    if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT
    else if (AS_TEXT_ARRAY.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY
  }
  return addFields.call(this, fields)
}

function connectionFields(url: string) {
  // Discrete fields, not a connectionString: adapter-pg builds the shadow
  // database's config as {...config, database}, which a connectionString would override.
  const u = new URL(url)
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  }
}

class MigrationAdapter extends PrismaPg {
  constructor(private fields: ReturnType<typeof connectionFields>) {
    super(fields)
  }
  // The stock version drops the shadow database while its own pool is still
  // connected ("is being accessed by other users"): close the pool first.
  override async connectToShadowDb() {
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`
    const admin = new pg.Client(this.fields)
    await admin.connect()
    await admin.query(`CREATE DATABASE "${database}"`)
    await admin.end()
    const shadow = await new PrismaPg({ ...this.fields, database }).connect()
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose()
      const cleaner = new pg.Client(this.fields)
      await cleaner.connect()
      await cleaner.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      await cleaner.end()
    }
    return shadow
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    // Migrations take a session-level advisory lock: behind a pooler in transaction mode they need the direct connection.
    const url = process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set: run migrations through `npm run db:migrate`, which starts the embedded database when needed.')
    return new MigrationAdapter(connectionFields(url))
  },
})
