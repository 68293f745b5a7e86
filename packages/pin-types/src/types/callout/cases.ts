import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no text', config: { title: 'Heads up', tone: 'info' }, path: 'text' },
    { kind: 'type', why: 'text is an array', config: { text: ['Heads up'] }, path: 'text' },
    { kind: 'type', why: 'title is a boolean', config: { text: 'Backups run at 02:00', title: true }, path: 'title' },
    { kind: 'unknown-key', why: 'color instead of tone', config: { text: 'Done', color: 'green' }, path: 'color' },
    { kind: 'rule', why: 'unknown tone', config: { text: 'Done', tone: 'error' }, path: 'tone' },
    { kind: 'rule', why: 'empty text', config: { text: '' }, path: 'text' },
  ],
  valid: [
    { why: 'text only', config: { text: 'Backups run nightly at 02:00 UTC.' } },
    { why: 'success tone', config: { text: 'All checks passed.', tone: 'success' } },
  ],
}
