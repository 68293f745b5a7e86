import type { UpdatePinInput } from '@pindownai/client-js'
import { ExitError } from '../../errors.js'
import { apiClient, type ClientOptions, call, printJson } from '../api-client.js'
import { parseTags, readInput } from './pin-input.js'

export interface PinsUpdateOptions extends ClientOptions {
  readonly file?: string
  readonly title?: string
  readonly tags?: string
  readonly ifMatch?: string
}

export async function pinsUpdate(id: string, options: PinsUpdateOptions): Promise<void> {
  let changes: UpdatePinInput = {}
  if (options.file !== undefined || (options.title === undefined && options.tags === undefined)) {
    const { text, name } = readInput(options.file)
    try {
      changes = JSON.parse(text) as UpdatePinInput
    } catch (error) {
      throw new ExitError(`${name ?? 'stdin'} is not valid JSON: ${(error as Error).message}`, 2)
    }
  }
  if (options.title !== undefined || options.tags !== undefined) {
    changes = {
      ...changes,
      metadata: {
        ...changes.metadata,
        ...(options.title !== undefined && { title: options.title }),
        ...(options.tags !== undefined && {
          tags: parseTags(options.tags),
        }),
      },
    }
  }
  const ifMatch = options.ifMatch === undefined ? undefined : Number(options.ifMatch)
  const pin = await call(() => apiClient(options).pins.update(id, changes, ifMatch === undefined ? {} : { ifMatch }))
  if (options.json) return printJson(pin)
  console.log(`${pin.id} is at version ${pin.version}`)
}

export async function pinsDelete(id: string, options: ClientOptions): Promise<void> {
  const result = await call(() => apiClient(options).pins.delete(id))
  if (options.json) return printJson(result)
  console.log(`Deleted ${id}.`)
}

export interface PinsShareOptions extends ClientOptions {
  readonly public?: boolean
  readonly comments?: boolean
  readonly edit?: boolean
  readonly signIn?: boolean
}

export async function pinsShare(id: string, options: PinsShareOptions): Promise<void> {
  const flags = {
    ...(options.public !== undefined && { is_public: options.public }),
    ...(options.comments !== undefined && { allow_comments: options.comments }),
    ...(options.edit !== undefined && { allow_edit: options.edit }),
    ...(options.signIn !== undefined && { require_sign_in: options.signIn }),
  }
  const shared = await call(() => apiClient(options).pins.share(id, flags))
  if (options.json) return printJson(shared)
  console.log(shared.shareable_url ? `Public at ${shared.shareable_url}` : `${id} is private.`)
}
