import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no items', config: {}, path: 'items' },
    {
      kind: 'missing',
      why: 'an item without an end',
      config: { items: [{ title: 'SOC 2 audit', start: '2026-09-15' }] },
      path: 'items[0].end',
    },
    {
      kind: 'type',
      why: 'lane is a number',
      config: { items: [{ title: 'SOC 2 audit', start: '2026-09-15', end: '2026-12-31', lane: 3 }] },
      path: 'items[0].lane',
    },
    {
      kind: 'unknown-key',
      why: 'typo in status',
      config: { items: [{ title: 'SOC 2 audit', start: '2026-09-15', end: '2026-12-31', stauts: 'done' }] },
      path: 'items[0].stauts',
    },
    {
      kind: 'rule',
      why: 'end before start',
      config: {
        items: [
          { title: 'Ledger migration', start: '2026-07-01', end: '2026-08-29' },
          { title: 'Multi-currency payouts', start: '2027-01-31', end: '2026-11-01' },
        ],
      },
      path: 'items[1].end',
    },
    {
      kind: 'rule',
      why: 'in_progress instead of in-progress',
      config: { items: [{ title: 'SOC 2 audit', start: '2026-09-15', end: '2026-12-31', status: 'in_progress' }] },
      path: 'items[0].status',
    },
    {
      kind: 'rule',
      why: 'a quarter name instead of a date',
      config: { items: [{ title: 'SOC 2 audit', start: 'Q3 2026', end: '2026-12-31' }] },
      path: 'items[0].start',
    },
    {
      kind: 'bounds',
      why: '1,001 items',
      config: {
        items: Array.from({ length: 1001 }, (_, i) => ({ title: `Epic ${i}`, start: '2026-07-01', end: '2026-09-30' })),
      },
      path: 'items',
    },
  ],
  valid: [
    {
      why: 'one-day item, no lane',
      config: { items: [{ title: 'Launch day', start: '2026-11-17', end: '2026-11-17' }] },
    },
    {
      why: 'date-times that end after they start',
      config: { items: [{ title: 'Migration window', start: '2026-11-21T22:00Z', end: '2026-11-22T02:00Z' }] },
    },
  ],
}
