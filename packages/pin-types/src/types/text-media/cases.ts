import type { TypeCases } from '../../cases.js'

export const cases: TypeCases = {
  invalid: [
    {
      kind: 'missing',
      why: 'image media without an image url',
      config: { mediaType: 'image', imageConfig: { alt: 'x' } },
      path: 'imageConfig.url',
    },
    { kind: 'missing', why: 'embed media without embedConfig', config: { mediaType: 'embed' }, path: 'embedConfig' },
    {
      kind: 'type',
      why: 'imageConfig.alt is a number',
      config: { imageConfig: { url: 'https://a.example/x.png', alt: 3 } },
      path: 'imageConfig.alt',
    },
    {
      kind: 'unknown-key',
      why: 'typo in embedConfig',
      config: { embedConfig: { url: 'https://a.example', ratio: '4:3' } },
      path: 'embedConfig.ratio',
    },
    {
      kind: 'url',
      why: 'javascript: image url',
      config: { mediaType: 'image', imageConfig: { url: 'javascript:alert(1)' } },
      path: 'imageConfig.url',
    },
    {
      kind: 'url',
      why: 'plain http embed',
      config: { mediaType: 'embed', embedConfig: { url: 'http://video.example/1' } },
      path: 'embedConfig.url',
    },
    { kind: 'rule', why: 'bad text position', config: { textPosition: 'top' }, path: 'textPosition' },
  ],
  valid: [
    { why: 'image given by fileId', config: { mediaType: 'image', imageConfig: { fileId: 'f_123' } } },
    {
      why: 'inline png data url',
      config: { mediaType: 'image', imageConfig: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
    },
    { why: 'text only', config: { title: 'Hello', text: 'World' } },
  ],
}
