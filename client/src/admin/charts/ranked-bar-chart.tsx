import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { DataColumn } from './chart-figure.tsx';
import { ChartFigure } from './chart-figure.tsx';
import { SERIES_COLOURS } from './palette.ts';

export type BarItem = { key: string; label: string; value: number; detail?: string };

/**
 * Horizontal bars, largest first (expectations, channels): long Vietnamese labels read best down the side.
 * `format` writes a value (a share or a count); the table alternative lists the same rows.
 */
export function RankedBarChart({
  title,
  items,
  valueLabel,
  detailLabel,
  format,
  maxValue,
}: {
  title: string;
  items: BarItem[];
  valueLabel: string;
  detailLabel?: string;
  format: (value: number) => string;
  maxValue?: number;
}) {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const columns: DataColumn[] = [{ label: title }, { label: valueLabel, numeric: true }];
  if (detailLabel) columns.push({ label: detailLabel, numeric: true });
  const rows = sorted.map((item) => ({
    key: item.key,
    cells: [item.label, format(item.value), ...(detailLabel ? [item.detail ?? ''] : [])],
  }));
  return (
    <ChartFigure title={title} columns={columns} rows={rows}>
      <ResponsiveContainer width="100%" height={Math.max(120, sorted.length * 40 + 40)}>
        <BarChart data={sorted} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#e3e8ef" />
          <XAxis type="number" domain={[0, maxValue ?? 'auto']} tickFormatter={format} tick={{ fill: '#1b2430', fontSize: 13 }} />
          <YAxis type="category" dataKey="label" width={220} tick={{ fill: '#1b2430', fontSize: 13 }} interval={0} />
          <Bar dataKey="value" fill={SERIES_COLOURS[0]} isAnimationActive={false} barSize={22}>
            <LabelList dataKey="value" position="right" formatter={(value: unknown) => (typeof value === 'number' ? format(value) : '')} fill="#1b2430" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
