// The yardstick for `npm run bench`: a plain node:http server that reads a
// form-encoded body and does ONE pg insert per request, nothing else. The
// app's sign throughput is printed as a ratio to this, measured on the same
// machine in the same run, so the figure means something on a noisy box.
// Usage: node --import tsx scripts/bench/baseline-server.ts <port> <databaseUrl>
import http from 'node:http'
import pg from 'pg'

const [port, databaseUrl] = [Number(process.argv[2]), process.argv[3]]
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })

await pool.query(`CREATE TABLE IF NOT EXISTS bench_baseline (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  email text NOT NULL UNIQUE,
  postcode text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now())`)

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
    pool
      .query('INSERT INTO bench_baseline (name, email, postcode) VALUES ($1, $2, $3)', [form.get('name'), form.get('email'), form.get('postcode')])
      .then(() => {
        res.writeHead(303, { location: '/petition/signed' })
        res.end()
      })
      .catch((error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(error.message)
      })
  })
})
server.keepAliveTimeout = 65_000
server.listen(port, '127.0.0.1', () => console.log(`baseline listening on ${port}`))
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))))
