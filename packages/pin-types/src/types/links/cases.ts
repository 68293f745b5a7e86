import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no links', config: {}, path: 'links' },
    {
      kind: 'missing',
      why: 'a link without a url',
      config: { links: [{ url: 'https://docs.example.com' }, { title: 'Runbook' }] },
      path: 'links[1].url',
    },
    {
      kind: 'type',
      why: 'a title is a number',
      config: { links: [{ url: 'https://docs.example.com', title: 42 }] },
      path: 'links[0].title',
    },
    {
      kind: 'unknown-key',
      why: 'href instead of url',
      config: { links: [{ url: 'https://docs.example.com', href: 'https://docs.example.com' }] },
      path: 'links[0].href',
    },
    {
      kind: 'url',
      why: 'javascript: url',
      config: { links: [{ url: 'https://docs.example.com' }, { url: 'javascript:alert(document.cookie)' }] },
      path: 'links[1].url',
    },
    { kind: 'url', why: 'relative url', config: { links: [{ url: '/runbooks/checkout' }] }, path: 'links[0].url' },
    {
      kind: 'bounds',
      why: '1,001 links',
      config: { links: Array.from({ length: 1001 }, (_, i) => ({ url: `https://docs.example.com/${i}` })) },
      path: 'links',
    },
  ],
  valid: [
    { why: 'plain http url without title', config: { links: [{ url: 'http://intranet.example.com/wiki' }] } },
    { why: 'an empty list', config: { links: [] } },
  ],
}
