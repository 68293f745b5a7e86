import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pinTypes } from '@pindown/pin-types'
import type { PinRecord } from '@pindown/store'
import { okJson } from '../src/envelope.js'
import { pinJson, pinView } from '../src/pins/pin-view.js'

const basePin: Omit<PinRecord, 'pinType' | 'pinConfig'> = {
  id: 'p-abcdefghijkl',
  workspaceId: 'ws_1',
  pinLayout: '2x1',
  dataType: 'pin-card',
  title: 'Quarterly "numbers" \u2028 \u{1F600} </script>',
  tags: ['sales', 'q\\3'],
  isPublic: false,
  allowEdit: true,
  requireSignIn: false,
  allowComments: true,
  updatedBy: { kind: 'app', id: 'key_1', name: 'CI "bot" </script>' },
  pendingInvites: { 'ana@example.com': 'viewer' },
  createdAt: 1_700_000_000_123,
  updatedAt: 1_700_000_000_456,
  version: 7,
}

test('pinJson writes exactly what JSON.stringify(pinView) writes, for every example of every type', () => {
  let checked = 0
  for (const definition of Object.values(pinTypes)) {
    for (const [i, example] of definition.examples.entries()) {
      const pin: PinRecord = {
        ...basePin,
        pinType: definition.id,
        pinConfig: example as Record<string, unknown>,
        isPublic: i % 2 === 0,
      }
      assert.equal(pinJson(pin, 'https://pins.example'), JSON.stringify(pinView(pin, 'https://pins.example')))
      checked++
    }
  }
  assert.ok(checked >= 43)
})

test('okJson is the ok envelope around JSON text', () => {
  assert.equal(okJson('{"a":1}'), JSON.stringify({ success: true, data: { a: 1 } }))
  assert.equal(okJson('[]', 'Done "now"'), JSON.stringify({ success: true, data: [], message: 'Done "now"' }))
})

test('a frozen record is written once per public URL, and still answers like pinView', () => {
  const pin = Object.freeze({ ...basePin, pinType: 'markdown', pinConfig: { content: '# Hi' }, isPublic: true })
  const first = pinJson(pin, 'https://a.example')
  assert.equal(pinJson(pin, 'https://a.example'), first)
  assert.equal(first, JSON.stringify(pinView(pin, 'https://a.example')))
  assert.equal(pinJson(pin, 'https://b.example'), JSON.stringify(pinView(pin, 'https://b.example')))
})
