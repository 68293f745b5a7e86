import type { Pin } from '@pindownai/client-js'
import { apiClient, type ClientOptions, call, printJson } from '../api-client.js'

export interface PinsListOptions extends ClientOptions {
  readonly limit?: string
  readonly type?: string
  readonly tag?: string
  readonly q?: string
  readonly all?: boolean
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

export async function pinsGet(id: string, options: ClientOptions): Promise<void> {
  const pin = await call(() => apiClient(options).pins.get(id))
  if (options.json) return printJson(pin)
  console.log(`${pin.id}  ${pin.metadata.title}`)
  console.log(
    `type ${pin.pin_type}, layout ${pin.pin_layout}, version ${pin.version}, updated ${when(pin.updated_at)} UTC`,
  )
  if (pin.metadata.tags.length > 0) console.log(`tags ${pin.metadata.tags.join(', ')}`)
  if (pin.shareable_url) console.log(`public at ${pin.shareable_url}`)
  console.log(JSON.stringify(pin.pin_config, null, 2))
}

export async function pinsList(options: PinsListOptions): Promise<void> {
  const client = apiClient(options)
  const filters = {
    ...(options.type !== undefined && { pin_type: options.type as never }),
    ...(options.tag !== undefined && { tag: options.tag }),
    ...(options.q !== undefined && { q: options.q }),
  }
  let pins: Pin[]
  let total: number
  if (options.all) {
    pins = []
    await call(async () => {
      for await (const pin of client.pins.iterate(filters)) pins.push(pin)
    })
    total = pins.length
  } else {
    const page = await call(() => client.pins.list({ ...filters, limit: Number(options.limit ?? 20) }))
    pins = page.items
    total = page.total
  }
  if (options.json) return printJson(pins)
  if (pins.length === 0) return console.log('No pins.')
  const rows = pins.map((p) => [p.id, p.pin_type, when(p.updated_at), p.metadata.title])
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const row of rows) console.log(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  '))
  if (total > pins.length) console.log(`(${pins.length} of ${total}: --all lists every pin)`)
}
