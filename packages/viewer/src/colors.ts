/** Colours from pins (hex or a name) and the palette that series, labels and people take theirs from. */

/** Series colours that read well on light and dark backgrounds, for charts and labels. */
const palette = [
  '#1f6feb',
  '#2da44e',
  '#d4a72c',
  '#cf222e',
  '#8250df',
  '#1b7c83',
  '#bc4c00',
  '#bf3989',
  '#57606a',
] as const

const namedColors: Record<string, string> = {
  blue: '#1f6feb',
  green: '#2da44e',
  yellow: '#d4a72c',
  red: '#cf222e',
  purple: '#8250df',
  teal: '#1b7c83',
  orange: '#bc4c00',
  amber: '#d4a72c',
  pink: '#bf3989',
  gray: '#57606a',
  grey: '#57606a',
}

/** A colour from a pin (`#1f6feb` or a palette name) as a CSS colour, or the i-th palette colour. */
export function pinColor(value: unknown, index = 0): string {
  if (typeof value === 'string') {
    if (/^#[0-9a-fA-F]{3,8}$/.test(value)) return value
    const named = namedColors[value.toLowerCase()]
    if (named) return named
  }
  return palette[index % palette.length]!
}

// Colour names chart pins use that the palette does not know, mapped onto its nearest colour.
const aliases: Record<string, string> = {
  amber: 'yellow',
  gold: 'yellow',
  lime: 'green',
  emerald: 'green',
  cyan: 'teal',
  navy: 'blue',
  indigo: 'purple',
  violet: 'purple',
  magenta: 'pink',
  crimson: 'red',
  brown: 'orange',
  slate: 'gray',
}

/** A series or threshold colour from a pin (hex or name), else the i-th palette colour. */
export function seriesColor(value: unknown, index: number): string {
  const name = typeof value === 'string' ? aliases[value.toLowerCase()] : undefined
  return pinColor(name ?? value, index)
}

/** The same palette colour for the same text everywhere (a label, a person). */
export function colorFor(text: string): string {
  let hash = 0
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  return pinColor(undefined, hash)
}

/** `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` as `rgba()` with the given opacity; other colours are returned as is. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(color)?.[1]
  if (!hex || hex.length === 5 || hex.length === 7) return color
  const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16))
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}
