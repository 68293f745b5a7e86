/**
 * The sites whose pages a pin may frame (`embed`, `text-media`). The viewer frames only these URLs, in a
 * sandboxed iframe, and the server's Content-Security-Policy allows framing only these origins.
 */
export const embedProviders = {
  youtube: ['https://www.youtube.com', 'https://www.youtube-nocookie.com'],
  vimeo: ['https://player.vimeo.com'],
  loom: ['https://www.loom.com'],
  figma: ['https://www.figma.com', 'https://embed.figma.com'],
  'google-docs': ['https://docs.google.com'],
} as const satisfies Record<string, readonly string[]>

export const embedOrigins: readonly string[] = Object.values(embedProviders).flat()

/** The URL when its origin is an allowed provider, else undefined. */
export function allowedEmbedUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  try {
    const parsed = new URL(url)
    return embedOrigins.includes(parsed.origin) ? parsed.href : undefined
  } catch {
    return undefined
  }
}
