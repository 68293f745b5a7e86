import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type PinTypeId, pinTypeIds, pinTypes } from '@pindown/pin-types'
import { startViewer, type ViewerFixture } from './viewer-harness.js'

// PIN_TYPES=markdown,table limits the run to some types while working on their renderers.
const only = process.env.PIN_TYPES?.split(',').filter(Boolean)
const types = pinTypeIds.filter((id) => !only || only.includes(id))

let viewer: ViewerFixture
before(async () => {
  viewer = await startViewer()
})
after(() => viewer.close())

for (const id of types) {
  describe(`${id} renderer`, () => {
    pinTypes[id as PinTypeId].examples.forEach((example, i) => {
      test(`example ${i + 1} renders visibly with no console error`, async () => {
        const pinId = await viewer.createPin({
          pin_type: id,
          pin_config: example,
          metadata: { title: `${id} example` },
        })
        const { page, errors } = await viewer.open(`/share/pin/${pinId}`)
        try {
          // The page is ready once every renderer has resolved; two frames more let libraries that draw
          // on the next frame (charts) do so, and report any error they meet while drawing.
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
          const body = page.locator('.pin-body')
          assert.equal(await body.locator('.pin-notice').count(), 0, (await body.textContent()) ?? '')
          const box = await body.boundingBox()
          assert.ok(box && box.height > 16 && box.width > 100, `body box ${JSON.stringify(box)}`)
          const visible = await body.evaluate(
            (el) => (el.textContent ?? '').trim().length > 0 || el.querySelector('img, canvas, svg, iframe') !== null,
          )
          assert.ok(visible, 'the pin shows text or a picture')
          assert.deepEqual(errors, [])
        } finally {
          await page.close()
        }
      })
    })
  })
}
