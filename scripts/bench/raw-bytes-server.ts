// The yardstick for /petition.json in `npm run bench`: a plain node:http server
// answering every request with the very status, headers and bytes the app gave
// (read from a file the bench wrote), and nothing else. The app's JSON
// throughput is printed as a ratio to this, measured in the same run.
// Usage: node --import tsx scripts/bench/raw-bytes-server.ts <port> <answer.json>
import fs from 'node:fs'
import http from 'node:http'

const [port, file] = [Number(process.argv[2]), process.argv[3]]
const answers = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { status: number; headers: Record<string, string>; body: string }>
const ready = new Map(Object.entries(answers).map(([path, a]) => [path, { ...a, body: Buffer.from(a.body, 'base64') }]))

const server = http.createServer((req, res) => {
  const answer = ready.get(req.url ?? '')
  if (!answer) {
    res.writeHead(404)
    res.end()
    return
  }
  res.writeHead(answer.status, answer.headers)
  res.end(answer.body)
})
server.keepAliveTimeout = 65_000
server.listen(port, '127.0.0.1', () => console.log(`raw bytes listening on ${port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
