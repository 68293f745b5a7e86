const base = 'http://local.invalid'

/**
 * Where to go after signing in: `next` when it is a path on this site, else `/`. Parsed the way browsers
 * parse it (they drop tabs and newlines, and read `/\` as `//`), so `//evil.example` and its disguises
 * cannot send anyone elsewhere.
 */
export function localPath(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  let url: URL
  try {
    url = new URL(next, base)
  } catch {
    return '/'
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/'
}
