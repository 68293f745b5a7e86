import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no data', config: { expandDepth: 2 }, path: 'data' },
    {
      kind: 'type',
      why: 'expandDepth is a string',
      config: { data: { ok: true }, expandDepth: '2' },
      path: 'expandDepth',
    },
    { kind: 'type', why: 'expandDepth is fractional', config: { data: [], expandDepth: 1.5 }, path: 'expandDepth' },
    { kind: 'unknown-key', why: 'typo in expandDepth', config: { data: {}, expandDeph: 1 }, path: 'expandDeph' },
    { kind: 'rule', why: 'negative expandDepth', config: { data: {}, expandDepth: -1 }, path: 'expandDepth' },
  ],
  valid: [
    { why: 'data is null', config: { data: null } },
    { why: 'data is an array of mixed values', config: { data: [1, 'two', false, { three: [3] }] } },
    { why: 'unknown keys inside data are free-form', config: { data: { anyKey: { nested: true } }, expandDepth: 0 } },
  ],
}
