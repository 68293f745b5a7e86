import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no steps', config: {}, path: 'steps' },
    {
      kind: 'missing',
      why: 'a step without a title',
      config: { steps: [{ title: 'Create a key' }, { description: 'Store it as a secret' }] },
      path: 'steps[1].title',
    },
    {
      kind: 'type',
      why: 'a description is an array',
      config: { steps: [{ title: 'Create a key', description: ['Open settings'] }] },
      path: 'steps[0].description',
    },
    {
      kind: 'unknown-key',
      why: 'typo in status',
      config: { steps: [{ title: 'Create a key', stauts: 'done' }] },
      path: 'steps[0].stauts',
    },
    {
      kind: 'rule',
      why: 'unknown status',
      config: { steps: [{ title: 'Create a key', status: 'skipped' }] },
      path: 'steps[0].status',
    },
    {
      kind: 'bounds',
      why: '1,001 steps',
      config: { steps: Array.from({ length: 1001 }, (_, i) => ({ title: `Step ${i}` })) },
      path: 'steps',
    },
  ],
  valid: [
    { why: 'steps without status', config: { steps: [{ title: 'Install' }, { title: 'Run' }] } },
    { why: 'an empty list', config: { steps: [] } },
  ],
}
