// Reads the React Router client manifest of the production build: which
// routes exist, and which JavaScript files a page loads.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { ROOT } from '../../server/database'

const CLIENT = path.join(ROOT, 'build', 'client')

export interface ManifestRoute {
  id: string
  parentId?: string
  path?: string
  index?: boolean
  hasAction: boolean
  hasLoader: boolean
  hasDefaultExport?: boolean
  module: string
  imports?: string[]
}

export interface ClientManifest {
  entry: { module: string; imports: string[] }
  routes: Record<string, ManifestRoute>
  url: string
}

export function readClientManifest(): ClientManifest {
  const dir = path.join(CLIENT, 'assets')
  const file = fs.readdirSync(dir).find((f) => /^manifest-[\w-]+\.js$/.test(f))
  if (!file) throw new Error('No client manifest in build/client/assets: run `npm run build`.')
  const source = fs.readFileSync(path.join(dir, file), 'utf8')
  const json = source.slice(source.indexOf('=') + 1).replace(/;\s*$/, '')
  return { ...(JSON.parse(json) as Omit<ClientManifest, 'url'>), url: `/assets/${file}` }
}

/** The full URL path of a route (joining its parents' paths). */
export function routePath(manifest: ClientManifest, id: string): string {
  const parts: string[] = []
  for (let route: ManifestRoute | undefined = manifest.routes[id]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path)
  }
  return '/' + parts.join('/').replace(/\/+/g, '/').replace(/^\//, '')
}

/** Every JavaScript file a first visit to the route loads, with its gzip size. */
export function pageJavaScript(routeId: string) {
  const manifest = readClientManifest()
  const files = new Set<string>([manifest.url, manifest.entry.module, ...manifest.entry.imports])
  for (let route: ManifestRoute | undefined = manifest.routes[routeId]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    files.add(route.module)
    for (const i of route.imports ?? []) files.add(i)
  }
  const sizes = [...files].map((file) => {
    const bytes = fs.readFileSync(path.join(CLIENT, file))
    return { file, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length }
  })
  return { files: sizes, bytes: sizes.reduce((s, f) => s + f.bytes, 0), gzip: sizes.reduce((s, f) => s + f.gzip, 0) }
}

/**
 * The JavaScript a page really ships, read from its HTML: every /assets/*.js it preloads or
 * imports (React Router's lazy route discovery inlines the manifest instead of loading its
 * file), plus the inline scripts (hydration data), each gzip-compressed.
 */
export function javaScriptOfHtml(html: string) {
  const referenced = new Set<string>()
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = tag.match(/\bhref="(\/assets\/[\w.-]+\.js)"/)?.[1]
    if (href && /\brel="modulepreload"/.test(tag)) referenced.add(href)
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="(\/assets\/[\w.-]+\.js)"/g)) referenced.add(m[1])
  for (const m of html.matchAll(/\bimport\s*\(?\s*"(\/assets\/[\w.-]+\.js)"/g)) referenced.add(m[1])
  const files = [...referenced].map((file) => {
    const bytes = fs.readFileSync(path.join(CLIENT, file))
    return { file, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length }
  })
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
  const inlineGzip = inline ? zlib.gzipSync(inline, { level: 9 }).length : 0
  files.push({ file: '(inline scripts)', bytes: Buffer.byteLength(inline), gzip: inlineGzip })
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) }
}
