import type { TypeCases } from '../../cases.js'

const a = { id: 'a', kind: 'note', x: 0, y: 0, text: 'Ship it' }
const b = { id: 'b', kind: 'rect', x: 200, y: 0, w: 100, h: 60 }

export const cases: TypeCases = {
  invalid: [
    {
      kind: 'missing',
      why: 'an element without y',
      config: { elements: [a, { id: 'b', kind: 'rect', x: 1 }] },
      path: 'elements[1].y',
    },
    { kind: 'type', why: 'x is a string', config: { elements: [a, { ...b, x: '200px' }] }, path: 'elements[1].x' },
    { kind: 'type', why: 'zoom is a string', config: { viewport: { zoom: '100%' } }, path: 'viewport.zoom' },
    {
      kind: 'unknown-key',
      why: 'width instead of w',
      config: { elements: [{ ...a, width: 100 }] },
      path: 'elements[0].width',
    },
    {
      kind: 'rule',
      why: 'duplicate element ids',
      config: { elements: [a, b, { ...b, x: 400 }] },
      path: 'elements[2].id',
    },
    {
      kind: 'rule',
      why: 'arrow without to',
      config: { elements: [a, b, { id: 'e', kind: 'arrow', x: 0, y: 0, from: 'a' }] },
      path: 'elements[2].to',
    },
    {
      kind: 'rule',
      why: 'arrow without from',
      config: { elements: [a, b, { id: 'e', kind: 'arrow', x: 0, y: 0, to: 'b' }] },
      path: 'elements[2].from',
    },
    {
      kind: 'rule',
      why: 'arrow from a missing element',
      config: { elements: [a, b, { id: 'e', kind: 'arrow', x: 0, y: 0, from: 'c', to: 'b' }] },
      path: 'elements[2].from',
    },
    {
      kind: 'rule',
      why: 'arrow to a missing element',
      config: { elements: [a, b, { id: 'e', kind: 'arrow', x: 0, y: 0, from: 'a', to: 'B' }] },
      path: 'elements[2].to',
    },
    { kind: 'rule', why: 'a rect with from', config: { elements: [a, { ...b, from: 'a' }] }, path: 'elements[1].from' },
    {
      kind: 'rule',
      why: 'an image without url or fileId',
      config: { elements: [{ id: 'img', kind: 'image', x: 0, y: 0 }] },
      path: 'elements[0].url',
    },
    {
      kind: 'rule',
      why: 'a rect with fileId',
      config: { elements: [{ ...b, fileId: 'f_1' }] },
      path: 'elements[0].fileId',
    },
    { kind: 'rule', why: 'zero zoom', config: { viewport: { zoom: 0 } }, path: 'viewport.zoom' },
    { kind: 'rule', why: 'negative width', config: { elements: [{ ...b, w: -10 }] }, path: 'elements[0].w' },
    {
      kind: 'url',
      why: 'javascript: image url',
      config: { elements: [{ id: 'img', kind: 'image', x: 0, y: 0, url: 'javascript:alert(1)' }] },
      path: 'elements[0].url',
    },
    {
      kind: 'bounds',
      why: '1,001 elements',
      config: { elements: Array.from({ length: 1_001 }, (_, i) => ({ ...a, id: `n${i}` })) },
      path: 'elements',
    },
  ],
  valid: [
    { why: 'an empty board', config: {} },
    { why: 'unique ids', config: { elements: [a, b] } },
    {
      why: 'arrow to an element listed after it',
      config: { elements: [a, { id: 'e', kind: 'arrow', x: 0, y: 0, from: 'a', to: 'b' }, b] },
    },
    { why: 'an image by fileId', config: { elements: [{ id: 'img', kind: 'image', x: 0, y: 0, fileId: 'f_1' }] } },
    {
      why: 'negative coordinates and a viewport',
      config: { elements: [{ ...a, x: -120, y: -40 }], viewport: { x: -200, zoom: 2 } },
    },
  ],
}
