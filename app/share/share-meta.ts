// Open Graph and Twitter card tags for a page that people share: its title,
// words, address and a 1200×630 image with the live count (see og-image.server.ts).
import type { MetaDescriptor } from 'react-router'

export interface ShareCard {
  title: string
  description: string
  /** Absolute, under APP_URL. */
  url: string
  /** Absolute PNG address, under APP_URL. */
  image: string
  imageAlt: string
}

export function shareMeta(card: ShareCard | undefined): MetaDescriptor[] {
  if (!card) return []
  return [
    { property: 'og:type', content: 'website' },
    { property: 'og:site_name', content: 'Duty of Care' },
    { property: 'og:title', content: card.title },
    { property: 'og:description', content: card.description },
    { property: 'og:url', content: card.url },
    { property: 'og:image', content: card.image },
    { property: 'og:image:type', content: 'image/png' },
    { property: 'og:image:width', content: '1200' },
    { property: 'og:image:height', content: '630' },
    { property: 'og:image:alt', content: card.imageAlt },
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: card.title },
    { name: 'twitter:description', content: card.description },
    { name: 'twitter:image', content: card.image },
    { name: 'twitter:image:alt', content: card.imageAlt },
  ]
}
