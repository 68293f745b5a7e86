/** URLs from pins: which may reach an attribute, and the parts of them that are shown. */

const safeSchemes = /^(https?:|mailto:)/i
const safeImage = /^(https?:|data:image\/(png|jpeg|gif|webp);base64,)/i

/** The URL if it is http(s) (or mailto), else undefined: `javascript:` and friends never reach an attribute. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  return safeSchemes.test(trimmed) ? trimmed : undefined
}

/** The picture's source when the viewer can show it (http(s) or an inline data: image). */
export function safeImageUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  return safeImage.test(trimmed) ? trimmed : undefined
}

/** The last path segment of a URL, decoded (`…/2026-q3-audit.pdf` → `2026-q3-audit.pdf`). */
export function fileNameFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop()
    if (!last) return undefined
    try {
      return decodeURIComponent(last)
    } catch {
      return last
    }
  } catch {
    return undefined
  }
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).host || undefined
  } catch {
    return undefined
  }
}

/** The host name without `www.` (`docs.example.com`), or the URL as given when it does not parse. */
export function siteHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}
