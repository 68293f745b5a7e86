import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'neither url nor fileId', config: { alt: 'Org chart' }, path: 'url' },
    {
      kind: 'type',
      why: 'caption is a number',
      config: { url: 'https://a.example/x.png', caption: 7 },
      path: 'caption',
    },
    {
      kind: 'unknown-key',
      why: 'typo in caption',
      config: { url: 'https://a.example/x.png', captoin: 'Q3' },
      path: 'captoin',
    },
    { kind: 'url', why: 'javascript: url', config: { url: 'javascript:alert(1)' }, path: 'url' },
    { kind: 'url', why: 'data: url that is not an image', config: { url: 'data:text/html;base64,PGI+' }, path: 'url' },
    { kind: 'type', why: 'empty fileId', config: { fileId: '' }, path: 'fileId' },
  ],
  valid: [
    { why: 'given by fileId', config: { fileId: 'f_8x2k1', alt: 'Team photo' } },
    { why: 'inline webp data url', config: { url: 'data:image/webp;base64,UklGRhIAAABXRUJQ' } },
  ],
}
