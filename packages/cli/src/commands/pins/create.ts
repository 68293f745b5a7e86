import type { CreatePinInput } from '@pindownai/client-js'
import { apiClient, type ClientOptions, call, printJson } from '../api-client.js'
import { parseTags, pinFromText, readInput } from './pin-input.js'

export interface PinsCreateOptions extends ClientOptions {
  readonly file?: string
  readonly title?: string
  readonly tags?: string
  readonly public?: boolean
}

export async function pinsCreate(options: PinsCreateOptions): Promise<void> {
  const { text, name } = readInput(options.file)
  const body = pinFromText(text, name)
  const metadata = {
    ...body.metadata,
    ...(options.title !== undefined && { title: options.title }),
    ...(options.tags !== undefined && {
      tags: parseTags(options.tags),
    }),
  }
  const input = { ...body, metadata, ...(options.public && { is_public: true }) } as CreatePinInput
  const client = apiClient(options)
  const created = await call(() => client.pins.create(input))
  if (options.json) return printJson(created)
  console.log(created.id)
}
