import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no text', config: { author: 'Grace Hopper' }, path: 'text' },
    { kind: 'type', why: 'author is an object', config: { text: 'Ship it', author: { name: 'Ada' } }, path: 'author' },
    { kind: 'unknown-key', why: 'typo in author', config: { text: 'Ship it', auther: 'Ada' }, path: 'auther' },
    {
      kind: 'url',
      why: 'javascript: source url',
      config: { text: 'Ship it', sourceUrl: 'javascript:alert(1)' },
      path: 'sourceUrl',
    },
    {
      kind: 'url',
      why: 'data: source url',
      config: { text: 'Ship it', sourceUrl: 'data:text/html,<script>alert(1)</script>' },
      path: 'sourceUrl',
    },
    { kind: 'rule', why: 'empty text', config: { text: '' }, path: 'text' },
  ],
  valid: [
    { why: 'text only', config: { text: 'Make it work, make it right, make it fast.' } },
    { why: 'source without url', config: { text: 'Ship small.', source: 'Team retro, week 42' } },
  ],
}
