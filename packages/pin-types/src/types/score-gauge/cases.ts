import type { TypeCases } from '../../cases.js'

const bands = [
  { value: 0, color: '#cf222e' },
  { value: 50, color: '#d4a72c' },
  { value: 90, color: '#2da44e' },
]

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no score', config: { label: 'Performance', max: 100 }, path: 'score' },
    {
      kind: 'missing',
      why: 'a threshold without a colour',
      config: { score: 87, thresholds: [{ value: 0, color: '#cf222e' }, { value: 50 }] },
      path: 'thresholds[1].color',
    },
    { kind: 'type', why: 'score is a string', config: { score: '87' }, path: 'score' },
    {
      kind: 'type',
      why: 'a threshold value is a string',
      config: {
        score: 87,
        thresholds: [
          { value: 0, color: 'red' },
          { value: '50', color: 'amber' },
        ],
      },
      path: 'thresholds[1].value',
    },
    {
      kind: 'unknown-key',
      why: 'colour instead of color in a threshold',
      config: { score: 87, thresholds: [{ value: 0, colour: 'red' }] },
      path: 'thresholds[0].colour',
    },
    { kind: 'unknown-key', why: 'value instead of score', config: { score: 87, value: 87 }, path: 'value' },
    { kind: 'rule', why: 'score above the default max of 100', config: { score: 120 }, path: 'score' },
    { kind: 'rule', why: 'score below the default min of 0', config: { score: -3, max: 10 }, path: 'score' },
    { kind: 'rule', why: 'score below an explicit min', config: { score: -120, min: -100, max: 100 }, path: 'score' },
    { kind: 'rule', why: 'score above an explicit max', config: { score: 6, min: 1, max: 5 }, path: 'score' },
    { kind: 'rule', why: 'min above the default max', config: { score: 150, min: 120 }, path: 'min' },
    { kind: 'rule', why: 'max below the default min', config: { score: -5, max: -1 }, path: 'max' },
    { kind: 'rule', why: 'min equal to max', config: { score: 5, min: 5, max: 5 }, path: 'max' },
    {
      kind: 'rule',
      why: 'a threshold above max',
      config: { score: 87, thresholds: [...bands, { value: 101, color: 'blue' }] },
      path: 'thresholds[3].value',
    },
    {
      kind: 'rule',
      why: 'thresholds out of order',
      config: {
        score: 87,
        thresholds: [
          { value: 50, color: 'amber' },
          { value: 0, color: 'red' },
        ],
      },
      path: 'thresholds[1].value',
    },
    {
      kind: 'bounds',
      why: '21 thresholds',
      config: { score: 50, thresholds: Array.from({ length: 21 }, (_, i) => ({ value: i * 4, color: 'blue' })) },
      path: 'thresholds',
    },
  ],
  valid: [
    { why: 'score only, on the default 0..100 scale', config: { score: 0 } },
    { why: 'score equal to the default max', config: { score: 100, thresholds: bands } },
    { why: 'negative range with an explicit min', config: { score: -40, min: -100, max: 0 } },
    { why: 'only max given, above the default min', config: { score: 4.5, max: 5 } },
    { why: 'only min given, below the default max', config: { score: 95, min: 90 } },
    {
      why: 'thresholds at min and max',
      config: {
        score: 3,
        min: 1,
        max: 5,
        thresholds: [
          { value: 1, color: 'red' },
          { value: 5, color: 'green' },
        ],
      },
    },
  ],
}
