import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no entries', config: {}, path: 'entries' },
    {
      kind: 'missing',
      why: 'an entry without a date',
      config: { entries: [{ version: '2.18.1', date: '2026-10-17' }, { version: '2.18.0' }] },
      path: 'entries[1].date',
    },
    {
      kind: 'missing',
      why: 'a change without a type',
      config: { entries: [{ version: '2.18.1', date: '2026-10-17', changes: [{ text: 'Fixed 3DS' }] }] },
      path: 'entries[0].changes[0].type',
    },
    {
      kind: 'type',
      why: 'a change text is a number',
      config: {
        entries: [
          {
            version: '2.18.1',
            date: '2026-10-17',
            changes: [
              { type: 'fixed', text: 'Fixed 3DS' },
              { type: 'added', text: 42 },
            ],
          },
        ],
      },
      path: 'entries[0].changes[1].text',
    },
    {
      kind: 'type',
      why: 'version is a number',
      config: { entries: [{ version: 2.18, date: '2026-10-17' }] },
      path: 'entries[0].version',
    },
    {
      kind: 'unknown-key',
      why: 'typo in changes',
      config: { entries: [{ version: '2.18.1', date: '2026-10-17', chnages: [] }] },
      path: 'entries[0].chnages',
    },
    {
      kind: 'rule',
      why: 'unknown change type',
      config: {
        entries: [{ version: '2.18.1', date: '2026-10-17', changes: [{ type: 'deprecated', text: 'v1 API' }] }],
      },
      path: 'entries[0].changes[0].type',
    },
    {
      kind: 'rule',
      why: 'a date that does not exist',
      config: { entries: [{ version: '2.18.1', date: '2026-13-01' }] },
      path: 'entries[0].date',
    },
    {
      kind: 'bounds',
      why: '1,001 changes in one entry',
      config: {
        entries: [
          {
            version: '3.0.0',
            date: '2026-12-01',
            changes: Array.from({ length: 1001 }, (_, i) => ({ type: 'changed', text: `Change ${i}` })),
          },
        ],
      },
      path: 'entries[0].changes',
    },
  ],
  valid: [
    { why: 'an entry without changes', config: { entries: [{ version: '2026.10', date: '2026-10-01' }] } },
    { why: 'no releases yet', config: { entries: [] } },
  ],
}
