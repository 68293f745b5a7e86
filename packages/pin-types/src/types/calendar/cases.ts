import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no events', config: { view: 'week' }, path: 'events' },
    {
      kind: 'missing',
      why: 'an event without a start',
      config: { events: [{ title: 'Planning', start: '2026-11-02' }, { title: 'Retro' }] },
      path: 'events[1].start',
    },
    {
      kind: 'type',
      why: 'allDay is a string',
      config: { events: [{ title: 'Code freeze', start: '2026-11-12', allDay: 'yes' }] },
      path: 'events[0].allDay',
    },
    {
      kind: 'type',
      why: 'start is a timestamp number',
      config: { events: [{ title: 'Planning', start: 1_793_610_000_000 }] },
      path: 'events[0].start',
    },
    {
      kind: 'unknown-key',
      why: 'finish instead of end',
      config: { events: [{ title: 'Code freeze', start: '2026-11-12', finish: '2026-11-16' }] },
      path: 'events[0].finish',
    },
    {
      kind: 'rule',
      why: 'end day before start day',
      config: {
        events: [
          { title: 'Planning', start: '2026-11-02' },
          { title: 'Code freeze', start: '2026-11-16', end: '2026-11-12' },
        ],
      },
      path: 'events[1].end',
    },
    {
      kind: 'rule',
      why: 'end time before start time on the same day',
      config: { events: [{ title: 'Retro', start: '2026-11-13T15:00:00Z', end: '2026-11-13T14:00:00Z' }] },
      path: 'events[0].end',
    },
    {
      kind: 'rule',
      why: 'end before start once offsets are applied',
      config: { events: [{ title: 'Call', start: '2026-11-13T15:00:00Z', end: '2026-11-13T15:30:00+01:00' }] },
      path: 'events[0].end',
    },
    {
      kind: 'rule',
      why: 'plain-date end before a timed start',
      config: { events: [{ title: 'Offsite', start: '2026-11-13T09:00', end: '2026-11-12' }] },
      path: 'events[0].end',
    },
    { kind: 'rule', why: 'unknown view', config: { view: 'year', events: [] }, path: 'view' },
    {
      kind: 'rule',
      why: 'a start that is not a date',
      config: { events: [{ title: 'Planning', start: 'next Monday' }] },
      path: 'events[0].start',
    },
    {
      kind: 'bounds',
      why: '1,001 events',
      config: { events: Array.from({ length: 1001 }, (_, i) => ({ title: `Standup ${i}`, start: '2026-11-02' })) },
      path: 'events',
    },
  ],
  valid: [
    { why: 'end equal to start', config: { events: [{ title: 'Release', start: '2026-11-17', end: '2026-11-17' }] } },
    {
      why: 'plain-date end on the day of a timed start',
      config: { events: [{ title: 'Offsite', start: '2026-11-13T09:00', end: '2026-11-13' }] },
    },
    {
      why: 'end after start once offsets are applied',
      config: { events: [{ title: 'Call', start: '2026-11-13T15:00:00+01:00', end: '2026-11-13T14:30:00Z' }] },
    },
    { why: 'no end, timed', config: { events: [{ title: 'Deploy window', start: '2026-11-17 09:00' }] } },
  ],
}
