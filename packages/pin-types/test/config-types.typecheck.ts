// Compiled by `npm run typecheck` (never run): `pin_type` decides which `pin_config` type-checks.
import type { PinConfigByType, StatCardsPinConfig, TablePinConfig, TypedPinConfig } from '../src/index.js'

const cards: StatCardsPinConfig = { cards: [{ title: 'Revenue', value: '$1', trend: 'up' }] }
const typed: TypedPinConfig[] = [
  { pin_type: 'stat-cards', pin_config: cards },
  { pin_type: 'markdown', pin_config: { content: '# Hi' } },
  { pin_type: 'table', pin_config: { columns: [{ id: 'a', name: 'A' }], rows: [{ a: 1 }] } },
]

// @ts-expect-error a stat card needs a value
const missingValue: StatCardsPinConfig = { cards: [{ title: 'Revenue' }] }
// @ts-expect-error trend is one of up, down, neutral
const badTrend: PinConfigByType['stat-cards'] = { cards: [{ title: 'R', value: 1, trend: 'sideways' }] }
// @ts-expect-error a markdown config is not a stat-cards config
const crossed: TypedPinConfig = { pin_type: 'stat-cards', pin_config: { content: '# Hi' } }
// @ts-expect-error table rows hold cells, not objects
const badCell: TablePinConfig = { columns: [{ id: 'a', name: 'A' }], rows: [{ a: { nested: true } }] }
// @ts-expect-error no such pin type
const unknownType: TypedPinConfig = { pin_type: 'hologram', pin_config: {} }

export { badCell, badTrend, crossed, missingValue, typed, unknownType }
