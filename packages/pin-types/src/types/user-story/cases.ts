import type { TypeCases } from '../../cases.js'

const story = { asA: 'workspace admin', iWant: 'to export the audit log' }

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no iWant', config: { asA: 'workspace admin' }, path: 'iWant' },
    {
      kind: 'type',
      why: 'an acceptance criterion is a number',
      config: { ...story, acceptanceCriteria: ['CSV has a header row', 2] },
      path: 'acceptanceCriteria[1]',
    },
    { kind: 'type', why: 'points is a string', config: { ...story, points: '5' }, path: 'points' },
    { kind: 'unknown-key', why: 'typo in soThat', config: { ...story, soThat_: 'audits' }, path: 'soThat_' },
    { kind: 'rule', why: 'unknown priority', config: { ...story, priority: 'urgent' }, path: 'priority' },
    { kind: 'rule', why: 'unknown status', config: { ...story, status: 'blocked' }, path: 'status' },
    { kind: 'rule', why: 'negative points', config: { ...story, points: -3 }, path: 'points' },
    {
      kind: 'bounds',
      why: '101 acceptance criteria',
      config: { ...story, acceptanceCriteria: Array.from({ length: 101 }, (_, i) => `Criterion ${i}`) },
      path: 'acceptanceCriteria',
    },
  ],
  valid: [
    { why: 'only the required fields', config: story },
    { why: 'half a point, done', config: { ...story, points: 0.5, status: 'done', priority: 'low' } },
  ],
}
