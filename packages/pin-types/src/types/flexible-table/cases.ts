import type { TypeCases } from '../../cases.js'

const columns = [
  { id: 'service', label: 'Service' },
  { id: 'p95', label: 'p95 (ms)', type: 'number' },
]

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no columns', config: { rows: [] }, path: 'columns' },
    {
      kind: 'missing',
      why: 'a column without an id',
      config: { columns: [{ id: 'service', label: 'Service' }, { label: 'p95' }], rows: [] },
      path: 'columns[1].id',
    },
    {
      kind: 'missing',
      why: 'a column with neither label nor name',
      config: { columns: [{ id: 'service' }], rows: [] },
      path: 'columns[0].name',
    },
    {
      kind: 'type',
      why: 'a cell holds an array',
      config: { columns, rows: [{ service: 'search-api', p95: [410, 420] }] },
      path: 'rows[0].p95',
    },
    {
      kind: 'unknown-key',
      why: 'title instead of label in a column',
      config: { columns: [{ id: 'service', title: 'Service', label: 'Service' }], rows: [] },
      path: 'columns[0].title',
    },
    {
      kind: 'rule',
      why: 'a row key that is no column id',
      config: {
        columns,
        rows: [
          { service: 'auth-api', p95: 64 },
          { service: 'search-api', latency: 410 },
        ],
      },
      path: 'rows[1].latency',
    },
    {
      kind: 'rule',
      why: 'duplicate column ids',
      config: { columns: [...columns, { id: 'p95', label: 'Again' }], rows: [] },
      path: 'columns[2].id',
    },
    {
      kind: 'rule',
      why: 'unknown column type',
      config: { columns: [{ id: 'p95', label: 'p95', type: 'integer' }], rows: [] },
      path: 'columns[0].type',
    },
    { kind: 'bounds', why: 'no column at all', config: { columns: [], rows: [] }, path: 'columns' },
  ],
  valid: [
    { why: 'current name instead of label', config: { columns: [{ id: 'a', name: 'A' }], rows: [{ a: 'x' }] } },
    { why: 'rows leave cells out', config: { columns, rows: [{ service: 'billing-worker' }] } },
  ],
}
