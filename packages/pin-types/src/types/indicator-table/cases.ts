import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no indicators', config: {}, path: 'indicators' },
    {
      kind: 'missing',
      why: 'an indicator without a value',
      config: { indicators: [{ name: 'RSI (14)', value: 38.2 }, { name: 'MACD' }] },
      path: 'indicators[1].value',
    },
    {
      kind: 'type',
      why: 'a value is an object',
      config: { indicators: [{ name: 'MACD', value: { line: -142.5, signal: -120 } }] },
      path: 'indicators[0].value',
    },
    {
      kind: 'type',
      why: 'a note is a number',
      config: { indicators: [{ name: 'RSI (14)', value: 38.2, note: 27 }] },
      path: 'indicators[0].note',
    },
    {
      kind: 'unknown-key',
      why: 'status instead of signal',
      config: { indicators: [{ name: 'RSI (14)', value: 38.2, status: 'neutral' }] },
      path: 'indicators[0].status',
    },
    {
      kind: 'rule',
      why: 'unknown signal',
      config: { indicators: [{ name: 'RSI (14)', value: 38.2, signal: 'buy' }] },
      path: 'indicators[0].signal',
    },
    { kind: 'rule', why: 'empty name', config: { indicators: [{ name: '', value: 1 }] }, path: 'indicators[0].name' },
    {
      kind: 'bounds',
      why: '1,001 indicators',
      config: { indicators: Array.from({ length: 1_001 }, (_, i) => ({ name: `Indicator ${i}`, value: i })) },
      path: 'indicators',
    },
  ],
  valid: [
    { why: 'no indicators yet', config: { indicators: [] } },
    { why: 'a string value without signal', config: { indicators: [{ name: 'Trend', value: 'Sideways' }] } },
  ],
}
