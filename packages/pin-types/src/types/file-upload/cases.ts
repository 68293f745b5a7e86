import type { TypeCases } from '../../cases.js'

const doc = (n: number) => ({ name: `minutes-${n}.pdf`, fileId: `f_${n}` })

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no files', config: { maxFiles: 3 }, path: 'files' },
    {
      kind: 'missing',
      why: 'a file without a name',
      config: { files: [doc(1), { fileId: 'f_2' }] },
      path: 'files[1].name',
    },
    {
      kind: 'missing',
      why: 'a file without url or fileId',
      config: { files: [{ name: 'notes.txt', size: 12 }] },
      path: 'files[0].url',
    },
    { kind: 'type', why: 'size is a string', config: { files: [{ ...doc(1), size: '12 KB' }] }, path: 'files[0].size' },
    {
      kind: 'unknown-key',
      why: 'mime instead of mimeType',
      config: { files: [doc(1), { ...doc(2), mime: 'application/pdf' }] },
      path: 'files[1].mime',
    },
    {
      kind: 'url',
      why: 'javascript: url',
      config: { files: [{ name: 'x.html', url: 'javascript:alert(1)' }] },
      path: 'files[0].url',
    },
    {
      kind: 'rule',
      why: 'more files than maxFiles',
      config: { files: [doc(1), doc(2), doc(3)], maxFiles: 2 },
      path: 'files',
    },
    { kind: 'rule', why: 'negative size', config: { files: [{ ...doc(1), size: -1 }] }, path: 'files[0].size' },
    {
      kind: 'rule',
      why: 'accept token that is neither extension nor MIME type',
      config: { files: [], accept: ['.pdf', 'pdf'] },
      path: 'accept[1]',
    },
    {
      kind: 'bounds',
      why: '1,001 files',
      config: { files: Array.from({ length: 1_001 }, (_, i) => doc(i)) },
      path: 'files',
    },
  ],
  valid: [
    { why: 'an empty upload box', config: { files: [], accept: ['image/*'], maxFiles: 5 } },
    { why: 'exactly maxFiles files', config: { files: [doc(1), doc(2)], maxFiles: 2 } },
    {
      why: 'office MIME type',
      config: {
        files: [
          {
            ...doc(1),
            name: 'plan.xlsx',
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
        ],
      },
    },
  ],
}
