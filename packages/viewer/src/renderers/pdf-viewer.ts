import { h } from '../dom.js'
import { buttonLink, chip, documentCard, storedFileLabel } from '../media-files.js'
import type { Renderer } from '../renderer.js'
import { fileNameFromUrl, hostOf } from '../urls.js'

// The page's security policy cannot frame an arbitrary PDF, so the document is a card that opens it in a new tab.
const render: Renderer<'pdf-viewer'> = (config) => {
  const page = config.page ?? 1
  const url = config.url
  const name = fileNameFromUrl(url) ?? 'PDF document'
  return h(
    'div',
    { class: 'pdf-viewer' },
    documentCard({
      kind: 'pdf',
      name,
      preview: 'page',
      previewBadge: `p. ${page.toLocaleString()}`,
      meta: url ? ['PDF document', hostOf(url)] : [config.fileId && storedFileLabel(config.fileId)],
      chips: [page > 1 && chip(`${url ? 'Opens at page' : 'Page'} ${page.toLocaleString()}`, 'accent')],
      actions: url
        ? [buttonLink(atPage(url, page), 'Open PDF ↗'), page > 1 && buttonLink(url, 'From the start', false)]
        : [],
      note: url ? 'Opens in a new tab, in your browser’s PDF reader.' : 'This PDF is stored with Pindown.',
    }),
  )
}

/** The URL with the standard `#page=N` fragment that PDF readers honour. */
function atPage(url: string, page: number): string {
  if (page <= 1) return url
  try {
    const parsed = new URL(url)
    parsed.hash = `page=${page}`
    return parsed.href
  } catch {
    return url
  }
}

export default render
