import { PindownClient, PindownError } from '@pindownai/client-js'
import { ExitError } from '../errors.js'
import { readUserConfig } from '../user-config.js'

export interface ClientOptions {
  readonly apiKey?: string
  readonly baseUrl?: string
  readonly json?: boolean
}

/** The client for the `pins` commands: flags first, then PINDOWN_API_KEY / PINDOWN_BASE_URL, then `pindown login`. */
export function apiClient(options: ClientOptions): PindownClient {
  const saved = readUserConfig()
  const apiKey = options.apiKey || process.env.PINDOWN_API_KEY || saved.apiKey
  if (!apiKey)
    throw new ExitError('no API key: pass --api-key, set PINDOWN_API_KEY, or run pindown login --key <key>', 2)
  const baseUrl = options.baseUrl || process.env.PINDOWN_BASE_URL || saved.baseUrl
  return new PindownClient({ apiKey, ...(baseUrl && { baseUrl }) })
}

/** An API error as one line (and its details) on stderr, with exit code 1. */
export function apiFailure(error: unknown): never {
  if (error instanceof PindownError) {
    const details = error.details.map((d) => `\n  ${d.path}: ${d.message}`).join('')
    throw new ExitError(`${error.code}: ${error.message}${details}`, 1)
  }
  throw error
}

/** Runs an API call, turning its errors into exit codes. */
export async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    return apiFailure(error)
  }
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2))
}
