import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no short', config: { long: 61.4 }, path: 'short' },
    { kind: 'type', why: 'long is a percentage string', config: { long: '61.4%', short: 38.6 }, path: 'long' },
    { kind: 'type', why: 'label is a number', config: { long: 61.4, short: 38.6, label: 2026 }, path: 'label' },
    { kind: 'unknown-key', why: 'shorts instead of short', config: { long: 61.4, shorts: 38.6 }, path: 'shorts' },
    { kind: 'rule', why: 'negative short', config: { long: 61.4, short: -38.6 }, path: 'short' },
  ],
  valid: [
    { why: 'all long', config: { long: 100, short: 0 } },
    { why: 'both zero', config: { long: 0, short: 0, label: 'No open positions' } },
  ],
}
