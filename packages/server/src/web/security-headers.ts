import { embedOrigins } from '@pindown/pin-types/embed-providers'

/**
 * Headers of every web page. No inline script can run (`script-src 'self'`); styles may be inline
 * because chart and diagram libraries write them; only allow-listed providers can be framed; pages
 * can be framed by others only in their `?embed=1` form. Only the web app's pages (`forms`) may post forms.
 */
export function pageHeaders(options: { embed: boolean; forms?: boolean }): Record<string, string> {
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: http: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${embedOrigins.join(' ')}`,
    "base-uri 'none'",
    // The web app's pages post their forms to this site; pin pages have none.
    `form-action ${options.forms ? "'self'" : "'none'"}`,
    "object-src 'none'",
    `frame-ancestors ${options.embed ? '*' : "'none'"}`,
  ].join('; ')
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.embed ? {} : { 'x-frame-options': 'DENY' }),
  }
}
