import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'type', why: 'content is a number', config: { content: 42 }, path: 'content' },
    {
      kind: 'type',
      why: 'collaboration.enabled is a string',
      config: { collaboration: { enabled: 'yes' } },
      path: 'collaboration.enabled',
    },
    { kind: 'unknown-key', why: 'typo in content', config: { contnet: '# Hi' }, path: 'contnet' },
    { kind: 'bounds', why: 'content over 512 KB', config: { content: 'x'.repeat(512 * 1024 + 1) }, path: 'content' },
  ],
  valid: [{ why: 'empty config', config: {} }],
}
