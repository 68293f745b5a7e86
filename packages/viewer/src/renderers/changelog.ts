import { parseWhen, timeElement } from '../dates.js'
import { h } from '../dom.js'
import { inlineMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './changelog.css'

type ChangelogConfig = Parameters<Renderer<'changelog'>>[0]
type Entry = ChangelogConfig['entries'][number]
type Change = NonNullable<Entry['changes']>[number]
type ChangeType = Change['type']

const order: ChangeType[] = ['added', 'changed', 'fixed', 'removed', 'security']
const names: Record<ChangeType, string> = {
  added: 'Added',
  changed: 'Changed',
  fixed: 'Fixed',
  removed: 'Removed',
  security: 'Security',
}

function group(type: ChangeType, changes: Change[]): HTMLElement {
  return h(
    'section',
    { class: `changelog-group changelog-${type}` },
    h(
      'h4',
      { class: 'changelog-type' },
      h('span', { class: 'changelog-badge' }, names[type]),
      changes.length > 1 && h('span', { class: 'changelog-type-count' }, String(changes.length)),
    ),
    h(
      'ul',
      { class: 'changelog-changes' },
      changes.map((change) => h('li', {}, inlineMarkdown(change.text, 'changelog-text'))),
    ),
  )
}

function entry(item: Entry): HTMLElement {
  const changes = item.changes ?? []
  const groups = order
    .map((type) => [type, changes.filter((change) => change.type === type)] as const)
    .filter(([, list]) => list.length > 0)
  return h(
    'li',
    { class: 'changelog-entry' },
    h(
      'header',
      { class: 'changelog-meta' },
      h('span', { class: 'changelog-dot', 'aria-hidden': 'true' }),
      h('h3', { class: 'changelog-version' }, item.version),
      timeElement(parseWhen(item.date), 'changelog-date'),
    ),
    groups.length > 0 &&
      h(
        'div',
        { class: 'changelog-groups' },
        groups.map(([type, list]) => group(type, list)),
      ),
  )
}

const render: Renderer<'changelog'> = (config) =>
  config.entries.length === 0
    ? h('p', { class: 'changelog-empty muted' }, 'No releases yet.')
    : h('ol', { class: 'changelog' }, config.entries.map(entry))
export default render
