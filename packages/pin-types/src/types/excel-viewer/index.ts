import { z } from 'zod'
import { bounds } from '../../bounds.js'
import { definePinType } from '../../define.js'
import { fileId, httpUrl, label, list, text } from '../../fields.js'
import { checkUnique } from '../../rules.js'

const cell = z.union([text(), z.number(), z.boolean(), z.null()])

const sheet = z.strictObject({
  name: label(100),
  rows: list(list(cell), bounds.rows),
})

export const excelViewer = definePinType({
  id: 'excel-viewer',
  category: 'media',
  source: 'docs',
  purpose: 'A spreadsheet, from a file or given inline as sheets of cells.',
  schema: z
    .strictObject({
      url: httpUrl().optional(),
      fileId: fileId().optional(),
      sheets: list(sheet, 100).min(1).optional(),
      sheet: label(100).optional(),
    })
    .check((ctx) => {
      const { url, fileId, sheets, sheet } = ctx.value
      const hasFile = url !== undefined || fileId !== undefined
      if (!hasFile && sheets === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: undefined,
          path: ['url'],
          message: 'Required (give url, fileId or sheets)',
        })
      }
      if (hasFile && sheets !== undefined) {
        ctx.issues.push({
          code: 'custom',
          input: sheets,
          path: ['sheets'],
          message: 'Give sheets or a url/fileId, not both',
        })
      }
      if (sheets === undefined) return
      const names = checkUnique(ctx, sheets, ['sheets'], 'name', 'sheet')
      if (sheet !== undefined && !names.has(sheet)) {
        ctx.issues.push({ code: 'custom', input: sheet, path: ['sheet'], message: `No sheet named "${sheet}"` })
      }
    }),
  examples: [
    {
      sheets: [
        {
          name: 'Q3 budget',
          rows: [
            ['Team', 'Budget', 'Spent', 'Remaining'],
            ['Platform', 420_000, 388_150, 31_850],
            ['Growth', 260_000, 271_400, -11_400],
            ['Support', 150_000, 139_900, 10_100],
            ['Total', 830_000, 799_450, 30_550],
          ],
        },
        {
          name: 'Headcount',
          rows: [
            ['Team', 'Filled', 'Open roles'],
            ['Platform', 14, 2],
            ['Growth', 9, 1],
            ['Support', 11, 0],
          ],
        },
      ],
      sheet: 'Q3 budget',
    },
    { url: 'https://files.acme.dev/finance/2026-q3-forecast.xlsx', sheet: 'Summary' },
  ],
  notes:
    'Give the workbook as a file (`url` or `fileId`) or inline as `sheets`, not both. ' +
    'Inline sheets are rows of cells (string, number, boolean or null), at most 10,000 rows per sheet; ' +
    'sheet names must be unique. `sheet` names the sheet shown first (defaults to the first sheet); ' +
    'with inline sheets it must be one of their names.',
})
