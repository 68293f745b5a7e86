/** The page's colour scheme, which follows the system setting. */
export type Theme = 'light' | 'dark'

export const darkQuery = '(prefers-color-scheme: dark)'

export function currentTheme(): Theme {
  return matchMedia(darkQuery).matches ? 'dark' : 'light'
}
