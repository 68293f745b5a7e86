import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no message', config: { title: 'Disk almost full' }, path: 'message' },
    {
      kind: 'missing',
      why: 'an action without a label',
      config: { message: 'Disk at 91%', action: { url: 'https://grafana.example.com/d/disk' } },
      path: 'action.label',
    },
    {
      kind: 'type',
      why: 'action.url is a number',
      config: { message: 'Disk at 91%', action: { label: 'Open', url: 8080 } },
      path: 'action.url',
    },
    {
      kind: 'unknown-key',
      why: 'typo in severity',
      config: { message: 'Disk at 91%', severty: 'warning' },
      path: 'severty',
    },
    {
      kind: 'rule',
      why: 'unknown severity',
      config: { message: 'Disk at 91%', severity: 'error' },
      path: 'severity',
    },
    {
      kind: 'url',
      why: 'javascript: action url',
      config: { message: 'Disk at 91%', action: { label: 'Fix', url: 'javascript:void(0)' } },
      path: 'action.url',
    },
  ],
  valid: [
    { why: 'message only', config: { message: 'Nightly backup finished' } },
    {
      why: 'warning with action',
      config: {
        message: 'Disk at 91%',
        severity: 'warning',
        action: { label: 'Open dashboard', url: 'https://grafana.example.com/d/disk' },
      },
    },
  ],
}
