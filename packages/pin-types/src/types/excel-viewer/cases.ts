import type { TypeCases } from '../../cases.js'

const budget = {
  name: 'Budget',
  rows: [
    ['Team', 'Spent'],
    ['Platform', 388_150],
  ],
}
const headcount = {
  name: 'Headcount',
  rows: [
    ['Team', 'Filled'],
    ['Platform', 14],
  ],
}

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no url, fileId or sheets', config: { sheet: 'Budget' }, path: 'url' },
    {
      kind: 'missing',
      why: 'a sheet without rows',
      config: { sheets: [budget, { name: 'Empty' }] },
      path: 'sheets[1].rows',
    },
    {
      kind: 'type',
      why: 'a cell holds an object',
      config: {
        sheets: [
          {
            name: 'Budget',
            rows: [
              ['Team', 'Spent'],
              ['Platform', { v: 1 }],
            ],
          },
        ],
      },
      path: 'sheets[0].rows[1][1]',
    },
    {
      kind: 'unknown-key',
      why: 'typo in a sheet',
      config: { sheets: [{ ...budget, titel: 'Budget' }] },
      path: 'sheets[0].titel',
    },
    { kind: 'url', why: 'javascript: url', config: { url: 'javascript:alert(1)' }, path: 'url' },
    {
      kind: 'rule',
      why: 'both a file and inline sheets',
      config: { fileId: 'f_1', sheets: [budget] },
      path: 'sheets',
    },
    {
      kind: 'rule',
      why: 'duplicate sheet names',
      config: { sheets: [budget, headcount, budget] },
      path: 'sheets[2].name',
    },
    {
      kind: 'rule',
      why: 'sheet names no inline sheet',
      config: { sheets: [budget], sheet: 'Headcount' },
      path: 'sheet',
    },
    { kind: 'bounds', why: 'empty sheets', config: { sheets: [] }, path: 'sheets' },
    {
      kind: 'bounds',
      why: '10,001 rows',
      config: { sheets: [{ name: 'Log', rows: Array.from({ length: 10_001 }, (_, i) => [i]) }] },
      path: 'sheets[0].rows',
    },
  ],
  valid: [
    { why: 'file with a sheet name that cannot be checked', config: { fileId: 'f_1', sheet: 'Anything' } },
    { why: 'url and fileId together', config: { url: 'https://a.example/b.xlsx', fileId: 'f_1' } },
    { why: 'sheet names an inline sheet', config: { sheets: [budget, headcount], sheet: 'Headcount' } },
    { why: 'ragged rows and empty cells', config: { sheets: [{ name: 'Notes', rows: [['a', null], [true], []] }] } },
  ],
}
