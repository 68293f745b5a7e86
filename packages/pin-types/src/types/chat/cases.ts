import type { TypeCases } from '../../cases.js'

const ask = { role: 'user', content: 'Is the deploy done?' }

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no messages', config: {}, path: 'messages' },
    {
      kind: 'missing',
      why: 'a message without content',
      config: { messages: [ask, { role: 'assistant' }] },
      path: 'messages[1].content',
    },
    {
      kind: 'type',
      why: 'content is an array of parts',
      config: { messages: [ask, { role: 'assistant', content: [{ type: 'text', text: 'Yes' }] }] },
      path: 'messages[1].content',
    },
    {
      kind: 'unknown-key',
      why: 'author instead of name',
      config: { messages: [{ ...ask, author: 'Sam' }] },
      path: 'messages[0].author',
    },
    { kind: 'rule', why: 'unknown role', config: { messages: [{ ...ask, role: 'bot' }] }, path: 'messages[0].role' },
    {
      kind: 'rule',
      why: 'timestamp that is not a date',
      config: { messages: [{ ...ask, timestamp: 'yesterday' }] },
      path: 'messages[0].timestamp',
    },
    {
      kind: 'bounds',
      why: '1,001 messages',
      config: { messages: Array.from({ length: 1_001 }, () => ask) },
      path: 'messages',
    },
  ],
  valid: [
    { why: 'an empty transcript', config: { messages: [] } },
    {
      why: 'system prompt and empty tool output',
      config: {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'tool', content: '' },
        ],
      },
    },
  ],
}
