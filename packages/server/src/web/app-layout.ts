import type { FastifyReply } from 'fastify'
import { attr, type Html, html } from './html-template.js'
import { pageHeaders } from './security-headers.js'
import type { ViewerAssets } from './viewer-assets.js'

/** The header of a signed-in page: which link is the current page, and whether the Workspace link shows. */
export interface Nav {
  readonly current?: 'home' | 'account' | 'workspace'
  readonly owner: boolean
}

export interface AppPage {
  readonly title: string
  readonly main: Html
  /** Signed-in pages have the header's links and a sign-out button. */
  readonly nav?: Nav
  /** The token of the page's forms; also in `<meta name="csrf-token">` for the settings script. */
  readonly csrf?: string
}

const links = [
  { id: 'home', href: '/', text: 'Home' },
  { id: 'account', href: '/settings/account', text: 'Account' },
  { id: 'workspace', href: '/settings/workspace', text: 'Workspace' },
] as const

function header(nav: Nav | undefined, csrf: string | undefined): Html {
  if (!nav) return html`<header class="app-header"><a class="app-brand" href="/">Pindown</a></header>`
  const shown = links.filter((link) => link.id !== 'workspace' || nav.owner)
  return html`<header class="app-header">
<a class="app-brand" href="/">Pindown</a>
<nav aria-label="Main"><ul class="app-nav">
${shown.map((link) => html`<li><a href="${link.href}"${attr('aria-current', link.id === nav.current && 'page')}>${link.text}</a></li>\n`)}<li><form method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${csrf ?? ''}"><button type="submit" class="link-button">Sign out</button></form></li>
</ul></nav>
</header>`
}

/** A page of the web app: the viewer's stylesheet and script, a skip link, the header, one `<main>`. */
export function appDocument(page: AppPage, assets: ViewerAssets): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
${page.csrf === undefined ? '' : html`<meta name="csrf-token" content="${page.csrf}">\n`}<link rel="icon" href="data:,">
<title>${page.title} · Pindown</title>
${assets.styles.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}<script type="module" src="${assets.script}"></script>
</head>
<body class="app-page">
<a class="skip-link" href="#main">Skip to main content</a>
${header(page.nav, page.csrf)}
<main id="main" class="app-main" tabindex="-1">
${page.main}
</main>
</body>
</html>
`.text
}

/**
 * Sends a web app page: never cached (it carries a CSRF token and personal data), forms allowed to post
 * here. Its referrer policy is `same-origin`, not the pin pages' `no-referrer`: under `no-referrer`
 * browsers send `Origin: null` with the page's own posts, which the Origin check must refuse.
 */
export function sendPage(reply: FastifyReply, status: number, text: string) {
  return reply
    .code(status)
    .headers({
      ...pageHeaders({ embed: false, forms: true }),
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    })
    .type('text/html; charset=utf-8')
    .send(text)
}

/** A heading and a sentence, and what may follow them (a link, a sign-out button). */
export const messageMain = (title: string, message: string, more?: Html) =>
  html`<div class="app-message"><h1>${title}</h1><p>${message}</p>${more}</div>`

/** A moment as `2025-03-01 14:05 UTC`, in a `<time>` element. */
export function timeTag(ms: number | null): Html {
  if (ms === null) return html`<span class="muted">never</span>`
  const iso = new Date(ms).toISOString()
  return html`<time datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`
}
