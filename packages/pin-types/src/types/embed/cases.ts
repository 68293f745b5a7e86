import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no url', config: { type: 'youtube' }, path: 'url' },
    { kind: 'type', why: 'url is an object', config: { url: { href: 'https://a.example' } }, path: 'url' },
    {
      kind: 'unknown-key',
      why: 'typo in aspectRatio',
      config: { url: 'https://a.example/embed/1', aspectRation: '16:9' },
      path: 'aspectRation',
    },
    { kind: 'url', why: 'javascript: url', config: { url: 'javascript:alert(1)' }, path: 'url' },
    { kind: 'url', why: 'plain http url', config: { url: 'http://player.vimeo.com/video/1' }, path: 'url' },
    { kind: 'rule', why: 'unknown embed type', config: { url: 'https://a.example/1', type: 'tiktok' }, path: 'type' },
    {
      kind: 'rule',
      why: 'aspect ratio in words',
      config: { url: 'https://a.example/1', aspectRatio: 'wide' },
      path: 'aspectRatio',
    },
  ],
  valid: [
    { why: 'url only', config: { url: 'https://docs.google.com/document/d/1AbC/preview' } },
    {
      why: 'google-docs type',
      config: { url: 'https://docs.google.com/document/d/1AbC/preview', type: 'google-docs' },
    },
  ],
}
