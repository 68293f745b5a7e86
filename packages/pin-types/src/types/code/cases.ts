import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no code', config: { language: 'sql' }, path: 'code' },
    {
      kind: 'type',
      why: 'showLineNumbers is a string',
      config: { code: 'select 1;', showLineNumbers: 'true' },
      path: 'showLineNumbers',
    },
    { kind: 'type', why: 'code is an array of lines', config: { code: ['select 1;'] }, path: 'code' },
    { kind: 'unknown-key', why: 'lang instead of language', config: { code: 'select 1;', lang: 'sql' }, path: 'lang' },
    { kind: 'rule', why: 'empty code', config: { code: '' }, path: 'code' },
    { kind: 'bounds', why: 'code over 512 KB', config: { code: 'x'.repeat(512 * 1024 + 1) }, path: 'code' },
  ],
  valid: [
    { why: 'code only', config: { code: 'print("deployed")' } },
    { why: 'filename without language', config: { code: 'FROM node:20-alpine', filename: 'Dockerfile' } },
  ],
}
