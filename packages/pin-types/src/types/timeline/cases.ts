import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no events', config: {}, path: 'events' },
    {
      kind: 'missing',
      why: 'an event without a date',
      config: { events: [{ date: '2026-10-14', title: 'Deploy' }, { title: 'Rollback' }] },
      path: 'events[1].date',
    },
    {
      kind: 'type',
      why: 'description is a number',
      config: { events: [{ date: '2026-10-14', title: 'Deploy', description: 42 }] },
      path: 'events[0].description',
    },
    {
      kind: 'unknown-key',
      why: 'typo in title',
      config: { events: [{ date: '2026-10-14', title: 'Deploy', tittle: 'Deploy' }] },
      path: 'events[0].tittle',
    },
    {
      kind: 'rule',
      why: 'unknown status',
      config: { events: [{ date: '2026-10-14', title: 'Deploy', status: 'blocked' }] },
      path: 'events[0].status',
    },
    {
      kind: 'rule',
      why: 'a date that does not exist',
      config: { events: [{ date: '2026-02-30', title: 'Kick-off' }] },
      path: 'events[0].date',
    },
    {
      kind: 'rule',
      why: 'a date in the wrong format',
      config: { events: [{ date: '14/10/2026', title: 'Deploy' }] },
      path: 'events[0].date',
    },
    {
      kind: 'bounds',
      why: '1,001 events',
      config: { events: Array.from({ length: 1001 }, (_, i) => ({ date: '2026-10-14', title: `Event ${i}` })) },
      path: 'events',
    },
  ],
  valid: [
    { why: 'no events yet', config: { events: [] } },
    {
      why: 'date-times with offsets, newest first',
      config: {
        events: [
          { date: '2026-10-14T11:00:00+02:00', title: 'Post-mortem' },
          { date: '2026-10-14 09:55', title: 'Rollback' },
        ],
      },
    },
  ],
}
