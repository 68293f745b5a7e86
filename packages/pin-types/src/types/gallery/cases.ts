import type { TypeCases } from '../../cases.js'

const shot = (n: number) => ({ url: `https://a.example/shots/${n}.png`, alt: `Screen ${n}` })

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no images', config: {}, path: 'images' },
    {
      kind: 'missing',
      why: 'second image without url or fileId',
      config: { images: [shot(1), { alt: 'Lost' }] },
      path: 'images[1].url',
    },
    { kind: 'type', why: 'alt is a boolean', config: { images: [{ ...shot(1), alt: true }] }, path: 'images[0].alt' },
    {
      kind: 'unknown-key',
      why: 'src instead of url',
      config: { images: [shot(1), { src: 'https://a.example/2.png', url: 'https://a.example/2.png' }] },
      path: 'images[1].src',
    },
    {
      kind: 'url',
      why: 'javascript: url',
      config: { images: [shot(1), { url: 'javascript:alert(1)' }] },
      path: 'images[1].url',
    },
    { kind: 'bounds', why: 'empty images', config: { images: [] }, path: 'images' },
    {
      kind: 'bounds',
      why: '101 images',
      config: { images: Array.from({ length: 101 }, (_, i) => shot(i)) },
      path: 'images',
    },
  ],
  valid: [
    { why: 'one image by fileId', config: { images: [{ fileId: 'f_1' }] } },
    { why: 'exactly 100 images', config: { images: Array.from({ length: 100 }, (_, i) => shot(i)) } },
  ],
}
