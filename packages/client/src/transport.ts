import { errorFromResponse, PindownError, RateLimitError } from './errors.js'

export interface TransportOptions {
  readonly apiKey: string
  readonly baseUrl: string
  /** Retries after a 429 (when Retry-After is at most `maxRetryDelayMs`), a 5xx or a network error. */
  readonly maxRetries: number
  readonly maxRetryDelayMs: number
  readonly fetch: typeof fetch
}

export interface RequestOptions {
  readonly body?: unknown
  readonly query?: Record<string, string | number | undefined>
  readonly headers?: Record<string, string>
  /** Sent as `Idempotency-Key`, the same on every retry, so a retried create never creates twice. */
  readonly idempotencyKey?: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function newIdempotencyKey(): string {
  const uuid = globalThis.crypto?.randomUUID?.()
  return (
    uuid ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
  )
}

/** Sends one API request, unwraps the envelope, retries what is safe to retry, and throws typed errors. */
export class Transport {
  constructor(private readonly options: TransportOptions) {}

  /** Opens a `text/event-stream` (no retries: the caller reconnects with `Last-Event-ID`). */
  async stream(path: string, options: { lastEventId?: string; signal?: AbortSignal } = {}): Promise<Response> {
    const url = new URL(path.replace(/^\//, ''), this.options.baseUrl.replace(/\/?$/, '/'))
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      accept: 'text/event-stream',
    }
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId
    const response = await this.options.fetch(url, { headers, ...(options.signal && { signal: options.signal }) })
    if (!response.ok || !response.body) {
      const text = await response.text()
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {}
      throw errorFromResponse(response.status, parsed, response.headers)
    }
    return response
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<{ data: T; headers: Headers }> {
    const url = new URL(path.replace(/^\//, ''), this.options.baseUrl.replace(/\/?$/, '/'))
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value))
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      accept: 'application/json',
      ...options.headers,
    }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey
    const body = options.body === undefined ? undefined : JSON.stringify(options.body)

    for (let attempt = 0; ; attempt++) {
      let response: Response
      try {
        response = await this.options.fetch(url, { method, headers, ...(body !== undefined && { body }) })
      } catch (cause) {
        if (attempt < this.options.maxRetries) {
          await sleep(this.#backoff(attempt))
          continue
        }
        const error = new PindownError({
          code: 'NETWORK_ERROR',
          status: 0,
          message: `Could not reach ${url.origin}: ${(cause as Error).message}`,
        })
        throw Object.assign(error, { cause })
      }
      const text = await response.text()
      let parsed: unknown
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {
        parsed = undefined
      }
      if (response.ok) {
        const envelope = parsed as { data?: T } | undefined
        return { data: (envelope && 'data' in envelope ? envelope.data : parsed) as T, headers: response.headers }
      }
      const error = errorFromResponse(response.status, parsed, response.headers)
      const delay = this.#retryDelay(error, attempt)
      if (delay === undefined) throw error
      await sleep(delay)
    }
  }

  /** How long to wait before retrying after `error`, or undefined when it is not worth retrying. */
  #retryDelay(error: PindownError, attempt: number): number | undefined {
    if (attempt >= this.options.maxRetries) return undefined
    if (error instanceof RateLimitError) {
      const delay = error.retryAfter * 1000
      return delay <= this.options.maxRetryDelayMs ? delay : undefined
    }
    return error.status >= 500 ? this.#backoff(attempt) : undefined
  }

  #backoff(attempt: number): number {
    return Math.min(this.options.maxRetryDelayMs, 250 * 2 ** attempt) * (0.75 + Math.random() / 2)
  }
}
