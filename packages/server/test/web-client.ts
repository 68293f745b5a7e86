import type { InviteRole } from '@pindown/pin-types'
import type { Store, WorkspaceRole } from '@pindown/store'
import { newInviteId } from '../src/ids.js'
import { newToken, sha256 } from '../src/people/secrets.js'
import type { Answer } from './harness.js'

export interface Page {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The redirect's target, for 3xx answers. */
  readonly location: string | null
  /** The page's CSRF token (`<meta name="csrf-token">`), when it has one. */
  readonly csrf: string | undefined
}

/**
 * A browser without a browser, for the web app's forms: keeps cookies, sends the Origin browsers send,
 * follows no redirects (tests look at them).
 */
export class WebClient {
  readonly cookies = new Map<string, string>()
  constructor(
    readonly base: string,
    readonly origin = base,
  ) {}

  private async send(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const response = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers: { ...(cookie && { cookie }), ...init.headers },
      ...(init.body !== undefined && { body: init.body }),
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const [name = '', value = ''] = pair.split('=')
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a))
      if (gone || value === '') this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value.trim())
    }
    const text = await response.text()
    // Web app pages carry the token in a meta tag, pin pages in their data.
    const csrf = (/<meta name="csrf-token" content="([^"]+)">/.exec(text) ?? /"csrf":"([^"]+)"/.exec(text))?.[1]
    return {
      status: response.status,
      headers: response.headers,
      text,
      location: response.headers.get('location'),
      csrf,
    }
  }

  get(path: string): Promise<Page> {
    return this.send('GET', path)
  }

  /** Posts a form as a browser would: urlencoded, with this client's Origin unless told otherwise. */
  post(path: string, fields: Record<string, string>, options: { origin?: string | null } = {}): Promise<Page> {
    const origin = options.origin === undefined ? this.origin : options.origin
    return this.send('POST', path, {
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin !== null && { origin }) },
    })
  }

  /**
   * Calls the API as a page's script would: JSON, this client's cookies and Origin, and the CSRF token when
   * given (`X-CSRF-Token`). Answers the parsed envelope.
   */
  async api(
    method: string,
    path: string,
    options: { body?: unknown; csrf?: string; origin?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const origin = options.origin === undefined ? this.origin : options.origin
    const page = await this.send(method, path, {
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      headers: {
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...(origin !== null && method !== 'GET' && { origin }),
        ...(options.csrf !== undefined && { 'x-csrf-token': options.csrf }),
        ...options.headers,
      },
    })
    return { status: page.status, headers: page.headers, body: page.text ? JSON.parse(page.text) : undefined }
  }

  /** Opens the page of a form, then posts the form with that page's token. */
  async submit(pagePath: string, action: string, fields: Record<string, string>): Promise<Page> {
    const page = await this.get(pagePath)
    if (!page.csrf) throw new Error(`${pagePath} answered ${page.status} without a CSRF token`)
    return this.post(action, { _csrf: page.csrf, ...fields })
  }
}

/** An invite made straight in the store, as the lead's operations make them; answers its link's path. */
export async function makeInvite(
  store: Store,
  invite: { workspaceId: string; email: string; role: WorkspaceRole | InviteRole; pinId?: string; message?: string },
): Promise<{ token: string; path: string }> {
  const token = newToken()
  const now = Date.now()
  await store.people.createInvite({
    id: newInviteId(),
    tokenHash: sha256(token),
    workspaceId: invite.workspaceId,
    target: invite.pinId
      ? { kind: 'pin', pinId: invite.pinId, role: invite.role as InviteRole }
      : { kind: 'workspace', role: invite.role },
    email: invite.email,
    invitedBy: 'key_test',
    message: invite.message ?? null,
    createdAt: now,
    expiresAt: now + 24 * 60 * 60 * 1000,
    acceptedAt: null,
    acceptedBy: null,
  })
  return { token, path: `/invite/${token}` }
}

export const password = 'correct horse battery staple'
