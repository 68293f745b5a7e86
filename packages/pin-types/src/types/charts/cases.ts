import type { TypeCases } from '../../cases.js'

const bar = {
  chartType: 'bar',
  xKey: 'month',
  series: [{ key: 'revenue' }],
  data: [
    { month: 'Jul', revenue: 120 },
    { month: 'Aug', revenue: 140 },
  ],
}

export const cases: TypeCases = {
  invalid: [
    {
      kind: 'missing',
      why: 'no xKey',
      config: { chartType: 'bar', series: bar.series, data: bar.data },
      path: 'xKey',
    },
    { kind: 'missing', why: 'no series', config: { chartType: 'bar', xKey: 'month', data: bar.data }, path: 'series' },
    {
      kind: 'missing',
      why: 'a series without a key',
      config: { ...bar, series: [{ key: 'revenue' }, { label: 'Costs' }] },
      path: 'series[1].key',
    },
    {
      kind: 'type',
      why: 'a data value is an object',
      config: {
        ...bar,
        data: [
          { month: 'Jul', revenue: 120 },
          { month: 'Aug', revenue: { usd: 140 } },
        ],
      },
      path: 'data[1].revenue',
    },
    {
      kind: 'type',
      why: 'a series colour is a number',
      config: { ...bar, series: [{ key: 'revenue', color: 0x1f6feb }] },
      path: 'series[0].color',
    },
    {
      kind: 'unknown-key',
      why: 'dataKey instead of key in a series',
      config: { ...bar, series: [{ key: 'revenue', dataKey: 'revenue' }] },
      path: 'series[0].dataKey',
    },
    { kind: 'unknown-key', why: 'typo in stacked', config: { ...bar, stackd: true }, path: 'stackd' },
    { kind: 'rule', why: 'unknown chart type', config: { ...bar, chartType: 'radar' }, path: 'chartType' },
    { kind: 'rule', why: 'unknown yFormat', config: { ...bar, yFormat: 'usd' }, path: 'yFormat' },
    { kind: 'rule', why: 'xKey in no data row', config: { ...bar, xKey: 'mnth' }, path: 'xKey' },
    {
      kind: 'rule',
      why: 'a series key in no data row',
      config: { ...bar, series: [{ key: 'revenue' }, { key: 'revnue' }] },
      path: 'series[1].key',
    },
    {
      kind: 'rule',
      why: 'duplicate series key',
      config: { ...bar, series: [{ key: 'revenue' }, { key: 'revenue', label: 'Again' }] },
      path: 'series[1].key',
    },
    {
      kind: 'rule',
      why: 'a series key equal to xKey',
      config: { ...bar, series: [{ key: 'revenue' }, { key: 'month' }] },
      path: 'series[1].key',
    },
    {
      kind: 'rule',
      why: 'a series value is a formatted string',
      config: {
        ...bar,
        data: [
          { month: 'Jul', revenue: 120 },
          { month: 'Aug', revenue: '$140' },
        ],
      },
      path: 'data[1].revenue',
    },
    {
      kind: 'rule',
      why: 'a scatter chart with a text x value',
      config: {
        chartType: 'scatter',
        xKey: 'latencyMs',
        series: [{ key: 'errorRate' }],
        data: [
          { latencyMs: 120, errorRate: 0.01 },
          { latencyMs: 'slow', errorRate: 0.04 },
        ],
      },
      path: 'data[1].latencyMs',
    },
    {
      kind: 'rule',
      why: 'a pie chart with two series',
      config: {
        ...bar,
        chartType: 'pie',
        series: [{ key: 'revenue' }, { key: 'costs' }],
        data: [{ month: 'Jul', revenue: 120, costs: 80 }],
      },
      path: 'series',
    },
    { kind: 'bounds', why: 'no series at all', config: { ...bar, series: [] }, path: 'series' },
    {
      kind: 'bounds',
      why: '10,001 points',
      config: { ...bar, data: Array.from({ length: 10_001 }, (_, i) => ({ month: `M${i}`, revenue: i })) },
      path: 'data',
    },
  ],
  valid: [
    { why: 'empty data before the first run', config: { ...bar, data: [] } },
    {
      why: 'a series key present in only some rows, nulls as gaps, extra tooltip keys',
      config: {
        ...bar,
        series: [{ key: 'revenue' }, { key: 'forecast' }],
        data: [
          { month: 'Jul', revenue: 120, note: 'Launch month', final: true },
          { month: 'Aug', revenue: null, forecast: 150 },
        ],
      },
    },
    {
      why: 'a line chart over dates',
      config: {
        chartType: 'line',
        xKey: 'day',
        series: [{ key: 'p95' }],
        data: [
          { day: '2026-10-01', p95: 180 },
          { day: '2026-10-02', p95: 175 },
        ],
      },
    },
    {
      why: 'a scatter chart with numeric x values',
      config: {
        chartType: 'scatter',
        xKey: 'latencyMs',
        series: [{ key: 'errorRate' }],
        data: [
          { latencyMs: 120, errorRate: 0.01 },
          { latencyMs: 480, errorRate: 0.04 },
        ],
      },
    },
    { why: 'a pie chart with one series', config: { ...bar, chartType: 'pie' } },
  ],
}
