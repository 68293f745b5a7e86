import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no entries', config: { scoreLabel: 'Points' }, path: 'entries' },
    {
      kind: 'missing',
      why: 'an entry without a score',
      config: { entries: [{ name: 'Maya', score: 3 }, { name: 'Tomás' }] },
      path: 'entries[1].score',
    },
    {
      kind: 'type',
      why: 'score is a string',
      config: { entries: [{ name: 'Maya', score: '34' }] },
      path: 'entries[0].score',
    },
    {
      kind: 'type',
      why: 'change is fractional',
      config: { entries: [{ name: 'Maya', score: 34, change: 1.5 }] },
      path: 'entries[0].change',
    },
    {
      kind: 'unknown-key',
      why: 'avatar instead of avatarUrl',
      config: { entries: [{ name: 'Maya', score: 34, avatar: 'https://a.example/m.png' }] },
      path: 'entries[0].avatar',
    },
    {
      kind: 'url',
      why: 'javascript: avatar',
      config: { entries: [{ name: 'Maya', score: 34, avatarUrl: 'javascript:alert(1)' }] },
      path: 'entries[0].avatarUrl',
    },
    {
      kind: 'url',
      why: 'data: url that is not an image',
      config: { entries: [{ name: 'Maya', score: 34, avatarUrl: 'data:text/html;base64,PGI+' }] },
      path: 'entries[0].avatarUrl',
    },
    {
      kind: 'bounds',
      why: '1,001 entries',
      config: { entries: Array.from({ length: 1_001 }, (_, i) => ({ name: `P${i}`, score: i })) },
      path: 'entries',
    },
  ],
  valid: [
    { why: 'empty board before the first round', config: { entries: [] } },
    {
      why: 'negative scores and an inline avatar',
      config: { entries: [{ name: 'Jonas', score: -3, avatarUrl: 'data:image/png;base64,iVBORw0KGgo=' }] },
    },
  ],
}
