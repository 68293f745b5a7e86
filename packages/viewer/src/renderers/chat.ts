import type { PinConfigByType } from '@pindown/pin-types'
import { pinColor } from '../colors.js'
import { h } from '../dom.js'
import { renderMarkdown } from '../markdown.js'
import type { Renderer } from '../renderer.js'
import './chat.css'

type Message = PinConfigByType['chat']['messages'][number]

const roleNames = { user: 'User', assistant: 'Assistant', system: 'System', tool: 'Tool' } as const

interface When {
  date: Date
  day: string
  time: string | undefined
}

/** A date-only timestamp is a local calendar day; a date-time carries its time (and zone, when given). */
function when(timestamp: string | undefined): When | undefined {
  if (!timestamp) return undefined
  const dateOnly = timestamp.length === 10
  const date = new Date(dateOnly ? `${timestamp}T00:00:00` : timestamp.replace(' ', 'T'))
  if (Number.isNaN(date.getTime())) return undefined
  return {
    date,
    day: date.toLocaleDateString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }),
    time: dateOnly ? undefined : date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }),
  }
}

function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .split(/[\s._-]+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w))
  const letters = words.slice(0, 2).map((w) => Array.from(w.replace(/[^\p{L}\p{N}]/gu, ''))[0] ?? '')
  return letters.join('').toUpperCase() || '?'
}

function speaker(message: Message): string {
  return message.name?.trim() || roleNames[message.role]
}

/** Each speaker keeps one colour through the transcript, in order of appearance. */
function colourer(): (key: string) => string {
  const seen = new Map<string, string>()
  return (key) => {
    let colour = seen.get(key)
    if (!colour) {
      colour = pinColor(undefined, seen.size)
      seen.set(key, colour)
    }
    return colour
  }
}

function avatar(message: Message, colour: (key: string) => string): HTMLElement {
  if (message.role === 'tool') return h('div', { class: 'chat-avatar chat-avatar-tool', 'aria-hidden': 'true' }, '⚙')
  const element = h('div', { class: 'chat-avatar', 'aria-hidden': 'true' }, initials(speaker(message)))
  element.style.setProperty('--speaker', colour(`${message.role}:${speaker(message)}`))
  return element
}

function content(message: Message): HTMLElement {
  if (message.content.trim() === '') return h('p', { class: 'chat-blank' }, 'No content')
  return renderMarkdown(message.content)
}

function timeTag(stamp: When | undefined, raw: string | undefined): HTMLElement | null {
  if (!stamp?.time || !raw) return null
  return h('time', { class: 'chat-time', datetime: raw, title: stamp.date.toLocaleString() }, stamp.time)
}

function meta(message: Message, stamp: When | undefined): HTMLElement {
  const showRole = Boolean(message.name?.trim()) && message.role !== 'user'
  return h(
    'div',
    { class: 'chat-meta' },
    h('span', { class: 'chat-name' }, speaker(message)),
    showRole && h('span', { class: 'chat-role' }, message.role),
    timeTag(stamp, message.timestamp),
  )
}

function systemMessage(message: Message, stamp: When | undefined): HTMLElement {
  return h(
    'div',
    { class: 'chat-row chat-system' },
    h('div', { class: 'chat-system-box' }, meta(message, stamp), content(message)),
  )
}

function bubble(message: Message, stamp: When | undefined, colour: (key: string) => string): HTMLElement {
  return h(
    'div',
    { class: `chat-row chat-${message.role}` },
    avatar(message, colour),
    h('div', { class: 'chat-main' }, meta(message, stamp), h('div', { class: 'chat-bubble' }, content(message))),
  )
}

const render: Renderer<'chat'> = (config) => {
  if (config.messages.length === 0) return h('p', { class: 'chat-none' }, 'No messages yet.')
  const colour = colourer()
  const rows: HTMLElement[] = []
  let lastDay: string | undefined
  for (const message of config.messages) {
    const stamp = when(message.timestamp)
    if (stamp && stamp.day !== lastDay) {
      rows.push(h('div', { class: 'chat-day', role: 'separator' }, h('span', {}, stamp.day)))
      lastDay = stamp.day
    }
    rows.push(message.role === 'system' ? systemMessage(message, stamp) : bubble(message, stamp, colour))
  }
  return h('div', { class: 'chat' }, rows)
}
export default render
