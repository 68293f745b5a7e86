// Compiled by `npm run typecheck`, never run: the SDK's types agree with the server and the pin types.

import type { PinConfigByType as ServerPinConfigByType } from '@pindown/pin-types'
import type { CreatePinInput, Pin, PinConfigByType, StatCardsPinConfig } from '@pindownai/client-js'
import type { PinView } from '../../server/src/pins/pin-view.js'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const expectTrue = <T extends true>(): T | undefined => undefined

// The answer type the SDK declares is exactly what the server builds.
expectTrue<Equal<Pin, PinView>>()
// The generated config interfaces accept exactly what the server's schemas accept, type for type.
expectTrue<Equal<keyof PinConfigByType, keyof ServerPinConfigByType>>()
expectTrue<Equal<PinConfigByType, ServerPinConfigByType>>()

const cards: StatCardsPinConfig = { cards: [{ title: 'Revenue', value: '$1', trend: 'up' }] }
export const ok: CreatePinInput[] = [
  { metadata: { title: 'Only a title' } },
  { pin_type: 'stat-cards', pin_config: cards, metadata: { title: 'KPIs' } },
  { pin_type: 'markdown', pin_config: { content: '# Hi' }, metadata: { title: 'Doc' } },
  { pin_config: { content: 'markdown by default' }, metadata: { title: 'Doc' } },
]

export const wrong: CreatePinInput[] = [
  // @ts-expect-error a stat-cards pin needs a stat-cards config
  { pin_type: 'stat-cards', pin_config: { content: '# Hi' }, metadata: { title: 'KPIs' } },
  // @ts-expect-error value is required on each card
  { pin_type: 'stat-cards', pin_config: { cards: [{ title: 'A' }] }, metadata: { title: 'KPIs' } },
  // @ts-expect-error no such pin type
  { pin_type: 'hologram', metadata: { title: 'X' } },
  // @ts-expect-error metadata.title is required
  { metadata: {} },
  // @ts-expect-error without pin_type the config is markdown's
  { pin_config: { cards: [] }, metadata: { title: 'X' } },
]
