import type { TypeCases } from '../../cases.js'

const columns = [
  { id: 'name', name: 'Name' },
  { id: 'score', name: 'Score', type: 'number' },
]

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no rows', config: { columns }, path: 'rows' },
    {
      kind: 'missing',
      why: 'a column without a name or label',
      config: { columns: [{ id: 'a' }], rows: [] },
      path: 'columns[0].name',
    },
    {
      kind: 'type',
      why: 'a cell holds an object',
      config: { columns, rows: [{ name: 'x', score: { v: 1 } }] },
      path: 'rows[0].score',
    },
    {
      kind: 'unknown-key',
      why: 'typo in a column',
      config: { columns: [{ id: 'a', name: 'A', typ: 'text' }], rows: [] },
      path: 'columns[0].typ',
    },
    {
      kind: 'rule',
      why: 'a row key that is no column id',
      config: { columns, rows: [{ name: 'x' }, { name: 'y', scor: 3 }] },
      path: 'rows[1].scor',
    },
    {
      kind: 'rule',
      why: 'duplicate column ids',
      config: { columns: [...columns, { id: 'name', name: 'Again' }], rows: [] },
      path: 'columns[2].id',
    },
    {
      kind: 'rule',
      why: 'unknown column type',
      config: { columns: [{ id: 'a', name: 'A', type: 'money' }], rows: [] },
      path: 'columns[0].type',
    },
  ],
  valid: [
    { why: 'legacy label instead of name', config: { columns: [{ id: 'a', label: 'A' }], rows: [{ a: 'x' }] } },
    { why: 'rows may leave cells out', config: { columns, rows: [{ name: 'only a name' }] } },
  ],
}
