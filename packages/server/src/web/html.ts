import type { ViewerAssets } from './viewer-assets.js'

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!)
}

/** JSON that is safe inside `<script type="application/json">`: no `</script>`, no HTML comment tricks. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}

function document(
  title: string,
  assets: ViewerAssets,
  body: string,
  script: boolean,
  referrer: 'no-referrer' | 'same-origin' = 'no-referrer',
): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="referrer" content="${referrer}">`,
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    ...assets.styles.map((href) => `<link rel="stylesheet" href="${href}">`),
    script ? `<script type="module" src="${assets.script}"></script>` : '',
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n')
}

/** A page the viewer script fills in from the embedded data (no inline script: the CSP forbids it). */
/**
 * A pin page. `personal` when made for a signed-in reader: its own changes (comments, edits) are then sent
 * with the page's Origin, which `no-referrer` would make `null`.
 */
export function viewerPage(title: string, data: unknown, assets: ViewerAssets, personal = false): string {
  const body = `<script type="application/json" id="pindown-data">${jsonForScript(data)}</script>\n<main id="app"><p class="pin-notice">Loading…</p></main>`
  return document(title, assets, body, true, personal ? 'same-origin' : 'no-referrer')
}

/** A plain page for 404 and 401: the same look, no script; `action` is a link onwards (to sign in, say). */
export function messagePage(
  title: string,
  message: string,
  assets: ViewerAssets,
  action?: { readonly href: string; readonly text: string },
): string {
  const link = action ? `<p><a class="button" href="${escapeHtml(action.href)}">${escapeHtml(action.text)}</a></p>` : ''
  const body = `<main class="error-page"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${link}</main>`
  return document(title, assets, body, false)
}
