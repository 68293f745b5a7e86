import { PindownError } from './errors.js'
import { PinsApi } from './pins.js'
import { Transport } from './transport.js'

export interface PindownClientOptions {
  /** `pk_live_...`; defaults to the `PINDOWN_API_KEY` environment variable. */
  apiKey?: string | undefined
  /** Defaults to `PINDOWN_BASE_URL`, then `http://127.0.0.1:4000`. */
  baseUrl?: string | undefined
  /** Retries after a 5xx, a network error, or a 429 whose Retry-After is short. Default 2. */
  maxRetries?: number
  /** The longest wait before a retry, and the longest Retry-After honoured. Default 5,000 ms. */
  maxRetryDelayMs?: number
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch
}

const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined

export class PindownClient {
  readonly pins: PinsApi

  constructor(options: PindownClientOptions = {}) {
    const apiKey = options.apiKey ?? env('PINDOWN_API_KEY')
    if (!apiKey) {
      throw new PindownError({
        code: 'UNAUTHORIZED',
        status: 0,
        message: 'No API key: pass { apiKey } or set PINDOWN_API_KEY',
      })
    }
    const transport = new Transport({
      apiKey,
      baseUrl: options.baseUrl ?? env('PINDOWN_BASE_URL') ?? 'http://127.0.0.1:4000',
      maxRetries: options.maxRetries ?? 2,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 5_000,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    })
    this.pins = new PinsApi(transport)
  }
}
