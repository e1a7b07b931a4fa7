// Share images are costly to draw (a few hundred milliseconds) and asked for by
// every link preview, so each variant is drawn at most once per `maxAgeMs`, and
// only when what it shows has changed. One drawing at a time per process;
// while a variant is redrawn, its previous image keeps being served.
import crypto from 'node:crypto'

export interface OgImage {
  png: Uint8Array
  etag: string
  /** What the image shows (e.g. the count it was drawn with). */
  stamp: string
  renderedAt: number
  /** How long drawing it took, in milliseconds. */
  renderMs: number
}

export interface OgImageCacheOptions {
  /** At most one drawing per variant per this many milliseconds (60 s in production). */
  maxAgeMs: number
  now?: () => number
}

export function createOgImageCache({ maxAgeMs, now = Date.now }: OgImageCacheOptions) {
  const images = new Map<string, OgImage>()
  const drawing = new Map<string, Promise<OgImage>>()
  let queue: Promise<unknown> = Promise.resolve()
  let renders = 0

  function draw(variant: string, stamp: string, render: () => Promise<Uint8Array>): Promise<OgImage> {
    const pending = drawing.get(variant)
    if (pending) return pending
    const started = queue.then(async () => {
      const t0 = performance.now()
      const png = await render()
      renders++
      const image = {
        png,
        etag: `"${crypto.createHash('sha1').update(png).digest('base64url')}"`,
        stamp,
        renderedAt: now(),
        renderMs: Math.round(performance.now() - t0),
      }
      images.set(variant, image)
      return image
    })
    const done = started.finally(() => drawing.delete(variant))
    queue = done.catch(() => undefined)
    drawing.set(variant, done)
    return done
  }

  return {
    /**
     * The image of `variant` showing `stamp`: the cached one if it shows the same thing or is
     * less than maxAgeMs old; otherwise a fresh drawing (or, while that is under way, the old one).
     */
    async get(variant: string, stamp: string, render: () => Promise<Uint8Array>): Promise<OgImage> {
      const cached = images.get(variant)
      if (cached && (cached.stamp === stamp || now() - cached.renderedAt < maxAgeMs)) return cached
      const fresh = draw(variant, stamp, render)
      if (cached) {
        fresh.catch(() => undefined)
        return cached
      }
      return fresh
    },
    /** Resolves once every drawing asked for so far has finished. */
    idle: () => queue.then(() => undefined),
    /** How many images this cache has drawn (for tests and measurements). */
    get renders() {
      return renders
    },
  }
}
