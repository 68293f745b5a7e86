import type { TypeCases } from '../../cases.js'

const csv = 'team,open,closed\nplatform,12,40\nweb,7,33'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no csv, url or fileId', config: { hasHeader: true }, path: 'csv' },
    { kind: 'type', why: 'hasHeader is a string', config: { csv, hasHeader: 'yes' }, path: 'hasHeader' },
    { kind: 'type', why: 'csv is an array of lines', config: { csv: ['a,b', '1,2'] }, path: 'csv' },
    { kind: 'unknown-key', why: 'typo in delimiter', config: { csv, delimeter: ';' }, path: 'delimeter' },
    {
      kind: 'rule',
      why: 'both csv and url',
      config: { csv, url: 'https://data.example.com/a.csv' },
      path: 'url',
    },
    {
      kind: 'rule',
      why: 'both url and fileId',
      config: { url: 'https://a.example/a.csv', fileId: 'f_1' },
      path: 'fileId',
    },
    { kind: 'rule', why: 'delimiter of two characters', config: { csv, delimiter: ';;' }, path: 'delimiter' },
    { kind: 'url', why: 'javascript: url', config: { url: 'javascript:alert(1)' }, path: 'url' },
    { kind: 'url', why: 'relative url', config: { url: '/exports/a.csv' }, path: 'url' },
    { kind: 'bounds', why: 'csv over 512 KB', config: { csv: 'x'.repeat(512 * 1024 + 1) }, path: 'csv' },
  ],
  valid: [
    { why: 'inline csv only', config: { csv } },
    { why: 'url only, semicolon delimiter', config: { url: 'https://data.example.com/a.csv', delimiter: ';' } },
    { why: 'fileId only, tab delimiter, no header', config: { fileId: 'f_9k2', delimiter: '\t', hasHeader: false } },
    { why: 'empty csv text still counts as the source', config: { csv: '' } },
  ],
}
