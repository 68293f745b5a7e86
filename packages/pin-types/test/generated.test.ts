import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { generatedFiles, loadDefinitions } from '../scripts/generate.js'
import { pinTypeIds } from '../src/index.js'

test('the registry, config types and docs/pin-types.md are up to date with the type folders', async () => {
  for (const [path, expected] of Object.entries(await generatedFiles())) {
    assert.equal(readFileSync(path, 'utf8'), expected, `${path} is stale: run npm run generate`)
  }
})

test('every type folder is registered, and nothing else', async () => {
  const folders = (await loadDefinitions()).map((d) => d.id)
  assert.deepEqual([...pinTypeIds].sort(), folders.sort())
})

test('the registry holds exactly the 43 ids of the spec', () => {
  const spec = [
    ...[
      'markdown',
      'text-media',
      'intro',
      'user-story',
      'steps',
      'links',
      'alert-action',
      'callout',
      'quote',
      'code',
      'faq',
    ],
    ...['stat-cards', 'table', 'charts', 'line-chart', 'flexible-table', 'indicator-table', 'score-gauge'],
    ...['long-short-pie', 'bottom-detector', 'csv-viewer', 'json-viewer', 'json-list', 'progress', 'leaderboard'],
    ...['decision-matrix', 'comparison-table'],
    ...['image', 'gallery', 'embed', 'pdf-viewer', 'excel-viewer', 'file-upload'],
    ...['mermaid', 'timeline', 'checklist', 'kanban-board', 'calendar', 'roadmap', 'changelog'],
    ...['chat', 'mastra', 'realtime-canvas'],
  ]
  assert.equal(spec.length, 43)
  assert.deepEqual([...pinTypeIds].sort(), spec.sort())
})
