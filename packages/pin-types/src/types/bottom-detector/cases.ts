import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no signal', config: { confidence: 0.6 }, path: 'signal' },
    {
      kind: 'missing',
      why: 'an indicator without a value',
      config: { signal: 'watch', indicators: [{ name: 'RSI (14)', value: 29.8 }, { name: 'MVRV Z-score' }] },
      path: 'indicators[1].value',
    },
    {
      kind: 'type',
      why: 'an indicator value is a boolean',
      config: { signal: 'watch', indicators: [{ name: 'Capitulation volume', value: false }] },
      path: 'indicators[0].value',
    },
    {
      kind: 'type',
      why: 'confidence is a percentage string',
      config: { signal: 'bottom', confidence: '80%' },
      path: 'confidence',
    },
    {
      kind: 'unknown-key',
      why: 'signal on an indicator',
      config: { signal: 'watch', indicators: [{ name: 'RSI (14)', value: 29.8, signal: 'bullish' }] },
      path: 'indicators[0].signal',
    },
    { kind: 'unknown-key', why: 'date instead of asOf', config: { signal: 'watch', date: '2026-10-24' }, path: 'date' },
    { kind: 'rule', why: 'unknown signal', config: { signal: 'no_bottom' }, path: 'signal' },
    {
      kind: 'rule',
      why: 'confidence as a percentage',
      config: { signal: 'bottom', confidence: 80 },
      path: 'confidence',
    },
    { kind: 'rule', why: 'negative confidence', config: { signal: 'bottom', confidence: -0.1 }, path: 'confidence' },
    { kind: 'rule', why: 'asOf that is not a date', config: { signal: 'watch', asOf: '24/10/2026' }, path: 'asOf' },
    {
      kind: 'bounds',
      why: '1,001 indicators',
      config: { signal: 'watch', indicators: Array.from({ length: 1_001 }, (_, i) => ({ name: `I${i}`, value: i })) },
      path: 'indicators',
    },
  ],
  valid: [
    { why: 'signal only', config: { signal: 'bottom' } },
    { why: 'confidence at both ends', config: { signal: 'no-bottom', confidence: 0, indicators: [] } },
    { why: 'full confidence', config: { signal: 'bottom', confidence: 1, asOf: '2026-10-24' } },
  ],
}
