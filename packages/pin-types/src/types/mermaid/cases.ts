import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no code', config: { theme: 'dark' }, path: 'code' },
    { kind: 'type', why: 'code given as an array of lines', config: { code: ['graph TD', 'A --> B'] }, path: 'code' },
    {
      kind: 'unknown-key',
      why: 'typo in theme',
      config: { code: 'graph TD\n  A --> B', theem: 'dark' },
      path: 'theem',
    },
    { kind: 'rule', why: 'unknown theme', config: { code: 'graph TD\n  A --> B', theme: 'solarized' }, path: 'theme' },
    { kind: 'rule', why: 'empty code', config: { code: '' }, path: 'code' },
    { kind: 'bounds', why: 'code over 512 KB', config: { code: 'x'.repeat(512 * 1024 + 1) }, path: 'code' },
  ],
  valid: [{ why: 'code only, default theme', config: { code: 'pie title Pets\n  "Dogs" : 386\n  "Cats" : 85' } }],
}
