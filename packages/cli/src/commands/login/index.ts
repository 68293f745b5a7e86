import { PindownClient } from '@pindownai/client-js'
import { writeUserConfig } from '../../user-config.js'
import { call } from '../api-client.js'

export interface LoginOptions {
  readonly key: string
  readonly baseUrl?: string
}

/** Checks the key against the server, then saves it (and the server) for the `pins` commands. */
export async function login(options: LoginOptions): Promise<void> {
  const baseUrl = options.baseUrl || process.env.PINDOWN_BASE_URL
  const client = new PindownClient({ apiKey: options.key, ...(baseUrl && { baseUrl }), maxRetries: 0 })
  const page = await call(() => client.pins.list({ limit: 1 }))
  const path = writeUserConfig({ apiKey: options.key, ...(baseUrl && { baseUrl }) })
  console.log(`Logged in: the key works and sees ${page.total} pins. Saved to ${path}.`)
}
