/**
 * Installed in a page before its scripts (`page.addInitScript(xssTrap)`): every payload that runs, every
 * `alert`/`confirm`/`prompt`, and every CSP violation that matters lands in `window.__hits`.
 *
 * Chromium reports a violation whenever hostile markup with an inline handler or a `<base>` is parsed,
 * even by the sanitiser into an inert document where nothing can run. Those come from our own bundles
 * and are left out (the tests' DOM scans find any handler or `<base>` that reaches the page). So are
 * pictures: an image never runs script, and img-src only refuses what is not http(s) or data: (mermaid
 * measures a diagram's `img:` by loading it, `javascript:` included). Any other violation (a script
 * element, handler, frame, object or form reaching the page) is a hit.
 */
export function xssTrap(): void {
  const w = window as unknown as { __xss: (n: number) => void; __hits: string[] }
  w.__hits = []
  w.__xss = (n) => w.__hits.push(`payload ${n}`)
  for (const name of ['alert', 'confirm', 'prompt'] as const) window[name] = (() => w.__hits.push(name)) as never
  document.addEventListener('securitypolicyviolation', (e) => {
    const sanitiserParse =
      ['script-src-attr', 'base-uri'].includes(e.violatedDirective) && e.sourceFile.includes('/assets/')
    if (!sanitiserParse && e.violatedDirective !== 'img-src') {
      w.__hits.push(`CSP ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`)
    }
  })
}
