import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'neither url nor fileId', config: { page: 2 }, path: 'url' },
    { kind: 'type', why: 'page is a string', config: { fileId: 'f_1', page: '2' }, path: 'page' },
    { kind: 'unknown-key', why: 'typo in page', config: { fileId: 'f_1', pgae: 2 }, path: 'pgae' },
    { kind: 'url', why: 'javascript: url', config: { url: 'javascript:alert(1)' }, path: 'url' },
    { kind: 'url', why: 'data: pdf', config: { url: 'data:application/pdf;base64,JVBERi0=' }, path: 'url' },
    { kind: 'rule', why: 'page 0', config: { fileId: 'f_1', page: 0 }, path: 'page' },
    { kind: 'rule', why: 'fractional page', config: { fileId: 'f_1', page: 1.5 }, path: 'page' },
  ],
  valid: [
    { why: 'url only', config: { url: 'http://intranet.example/handbook.pdf' } },
    { why: 'both url and fileId', config: { url: 'https://a.example/x.pdf', fileId: 'f_1', page: 1 } },
  ],
}
