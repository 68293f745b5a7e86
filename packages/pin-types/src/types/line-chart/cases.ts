import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no points', config: { label: 'Signups' }, path: 'points' },
    {
      kind: 'missing',
      why: 'a point without y',
      config: { points: [{ x: '2026-10-06', y: 12 }, { x: '2026-10-07' }] },
      path: 'points[1].y',
    },
    {
      kind: 'type',
      why: 'y is a formatted string',
      config: {
        points: [
          { x: '2026-10-06', y: 12 },
          { x: '2026-10-07', y: '14' },
        ],
      },
      path: 'points[1].y',
    },
    {
      kind: 'type',
      why: 'x is a boolean',
      config: { points: [{ x: true, y: 12 }] },
      path: 'points[0].x',
    },
    {
      kind: 'unknown-key',
      why: 'value instead of y',
      config: { points: [{ x: '2026-10-06', y: 12, value: 12 }] },
      path: 'points[0].value',
    },
    { kind: 'unknown-key', why: 'title instead of label', config: { points: [], title: 'Signups' }, path: 'title' },
    {
      kind: 'rule',
      why: 'x is a string that is not a date',
      config: { points: [{ x: 'Monday', y: 12 }] },
      path: 'points[0].x',
    },
    {
      kind: 'rule',
      why: 'a date that does not exist',
      config: { points: [{ x: '2026-02-30', y: 12 }] },
      path: 'points[0].x',
    },
    {
      kind: 'rule',
      why: 'a numeric x after date x values',
      config: {
        points: [
          { x: '2026-10-06', y: 12 },
          { x: '2026-10-07', y: 14 },
          { x: 3, y: 15 },
        ],
      },
      path: 'points[2].x',
    },
    {
      kind: 'rule',
      why: 'a date x after numeric x values',
      config: {
        points: [
          { x: 1, y: 12 },
          { x: '2026-10-07', y: 14 },
        ],
      },
      path: 'points[1].x',
    },
    {
      kind: 'rule',
      why: 'a colour that is not hex or a token',
      config: { points: [], color: 'rgb(0,0,0)' },
      path: 'color',
    },
    {
      kind: 'bounds',
      why: '10,001 points',
      config: { points: Array.from({ length: 10_001 }, (_, i) => ({ x: i, y: i })) },
      path: 'points',
    },
  ],
  valid: [
    { why: 'no points yet', config: { points: [] } },
    {
      why: 'dates and date-times mixed on one time axis',
      config: {
        points: [
          { x: '2026-10-06', y: 12 },
          { x: '2026-10-06T12:00:00Z', y: 14 },
        ],
      },
    },
    {
      why: 'numeric x values, negative and fractional',
      config: {
        points: [
          { x: -1.5, y: 0 },
          { x: 0, y: -2 },
        ],
      },
    },
  ],
}
