import type { TypeCases } from '../../cases.js'

const agent = { name: 'triage-agent' }

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no output', config: { agent }, path: 'output' },
    {
      kind: 'missing',
      why: 'agent without a name',
      config: { agent: { model: 'gpt-4.1' }, output: 'Done' },
      path: 'agent.name',
    },
    {
      kind: 'type',
      why: 'a step duration is a string',
      config: { agent, output: 'Done', steps: [{ name: 'fetch' }, { name: 'rank', durationMs: '2s' }] },
      path: 'steps[1].durationMs',
    },
    {
      kind: 'unknown-key',
      why: 'totalTokens in usage',
      config: { agent, output: 'Done', usage: { inputTokens: 10, totalTokens: 12 } },
      path: 'usage.totalTokens',
    },
    {
      kind: 'rule',
      why: 'unknown step status',
      config: { agent, output: 'Done', steps: [{ name: 'fetch', status: 'failed' }] },
      path: 'steps[0].status',
    },
    {
      kind: 'rule',
      why: 'fractional token count',
      config: { agent, output: 'Done', usage: { outputTokens: 1.5 } },
      path: 'usage.outputTokens',
    },
    {
      kind: 'bounds',
      why: '1,001 steps',
      config: { agent, output: 'Done', steps: Array.from({ length: 1_001 }, (_, i) => ({ name: `s${i}` })) },
      path: 'steps',
    },
  ],
  valid: [
    { why: 'only agent name and output', config: { agent, output: '' } },
    {
      why: 'a run still in progress',
      config: { agent, output: 'Working…', steps: [{ name: 'search', status: 'running' }] },
    },
  ],
}
