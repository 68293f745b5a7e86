import { z } from 'zod'
import { definePinType } from '../../define.js'
import { date, label, list } from '../../fields.js'
import { endsBeforeStart } from '../../rules.js'

const event = z
  .strictObject({
    title: label(500),
    start: date(),
    end: date().optional(),
    allDay: z.boolean().optional(),
  })
  .check((ctx) => {
    const { start, end } = ctx.value
    if (end !== undefined && endsBeforeStart(start, end)) {
      ctx.issues.push({ code: 'custom', input: end, path: ['end'], message: `Must not be before start (${start})` })
    }
  })

export const calendar = definePinType({
  id: 'calendar',
  category: 'planning',
  source: 'docs',
  purpose: 'Events placed on the days and hours of a calendar.',
  schema: z.strictObject({
    events: list(event),
    view: z.enum(['month', 'week', 'agenda']).optional(),
  }),
  examples: [
    {
      view: 'month',
      events: [
        { title: 'Sprint 43 planning', start: '2026-11-02T10:00:00+01:00', end: '2026-11-02T11:30:00+01:00' },
        { title: 'Payments code freeze', start: '2026-11-12', end: '2026-11-16', allDay: true },
        { title: 'v2.19.0 release', start: '2026-11-17T09:00:00+01:00' },
        { title: 'Black Friday on-call rota', start: '2026-11-27', end: '2026-11-30', allDay: true },
        { title: 'Sprint 43 retro', start: '2026-11-13T15:00:00+01:00', end: '2026-11-13T16:00:00+01:00' },
      ],
    },
    {
      view: 'agenda',
      events: [
        { title: 'Interview: senior backend engineer', start: '2026-11-04T14:00:00Z', end: '2026-11-04T15:00:00Z' },
        { title: 'Quarterly business review', start: '2026-11-05T16:00:00Z', end: '2026-11-05T17:30:00Z' },
      ],
    },
  ],
  notes:
    '`view` defaults to `month`. `start` and `end` are calendar dates (`2026-11-12`) or ISO 8601 date-times; ' +
    'a date-time without an offset is shown as written. `allDay` defaults to `true` when `start` is a plain date ' +
    'and `false` otherwise. Without `end` an all-day event lasts its start day and a timed event is a point in time; ' +
    'a plain-date `end` is inclusive. `end` must not be before `start`: when either is a plain date they are ' +
    'compared by day, otherwise as instants (a date-time without an offset counts as UTC).',
})
