const base = 'http://local.invalid'

/**
 * Where to go after signing in: `next` when it is a path on this site, else `/`. `//host` and `/\host`
 * are other sites to a browser, and browsers drop tabs and newlines from URLs (so `/<tab>/host` would
 * become `//host`): a path with a backslash, whitespace or a control character is refused outright, and
 * what is left is parsed the way browsers parse it.
 */
export function localPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000 || !/^\/(?![/\\])[^\\\s\p{Cc}]*$/u.test(next)) return '/'
  let url: URL
  try {
    url = new URL(next, base)
  } catch {
    return '/'
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/'
}
