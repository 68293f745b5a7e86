import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no title', config: { subtitle: 'Platform team' }, path: 'title' },
    {
      kind: 'missing',
      why: 'a cta without a url',
      config: { title: 'Q3 review', cta: { label: 'Read more' } },
      path: 'cta.url',
    },
    {
      kind: 'type',
      why: 'cta.label is a number',
      config: { title: 'Q3 review', cta: { label: 4, url: 'https://wiki.example.com' } },
      path: 'cta.label',
    },
    {
      kind: 'unknown-key',
      why: 'typo in cta url',
      config: { title: 'Q3 review', cta: { label: 'Read', href: 'https://wiki.example.com' } },
      path: 'cta.href',
    },
    { kind: 'rule', why: 'empty title', config: { title: '' }, path: 'title' },
    {
      kind: 'url',
      why: 'javascript: cta url',
      config: { title: 'Q3 review', cta: { label: 'Read', url: 'javascript:alert(1)' } },
      path: 'cta.url',
    },
    {
      kind: 'url',
      why: 'svg data url as image',
      config: { title: 'Q3 review', imageUrl: 'data:image/svg+xml;base64,PHN2Zz4=' },
      path: 'imageUrl',
    },
  ],
  valid: [
    { why: 'title only', config: { title: 'Welcome' } },
    { why: 'inline png image', config: { title: 'Welcome', imageUrl: 'data:image/png;base64,iVBORw0KGgo=' } },
  ],
}
