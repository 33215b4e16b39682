import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Locale } from '../../lib/i18n.ts';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { formatShare } from '../format.ts';
import { ChartFigure } from './chart-figure.tsx';
import { chartStrings } from './charts.strings.ts';
import { seriesStyle } from './palette.ts';

export type TrendSeries = { key: string; label: string };
/** One period on the x axis; `derived` when its figures were re-aggregated from predecessor units. */
export type TrendPoint = { key: string; label: string; derived: boolean; values: Record<string, number | null> };

/** Shares over periods, one line per series; derived periods drawn as hollow diamonds. */
export function TrendChart({ title, series, points }: { title: string; series: TrendSeries[]; points: TrendPoint[] }) {
  const t = useTranslate(chartStrings);
  const { locale } = useLocale();
  const data = points.map((point) => ({ label: point.label, derived: point.derived, ...point.values }));
  const anyDerived = points.some((p) => p.derived);
  const rows = points.map((point) => ({
    key: point.key,
    cells: [point.derived ? `${point.label} ◇` : point.label, ...series.map((s) => formatShare(point.values[s.key], locale))],
  }));
  return (
    <ChartFigure
      title={title}
      description={anyDerived ? t('derivedPoint') : undefined}
      columns={[{ label: t('period') }, ...series.map((s) => ({ label: s.label, numeric: true }))]}
      rows={rows}
    >
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e8ef" />
          <XAxis dataKey="label" tick={{ fill: '#1b2430', fontSize: 13 }} />
          <YAxis
            domain={[(min: number) => Math.max(0, Math.floor(min / 5) * 5 - 5), 100]}
            tickFormatter={(value: number) => formatShare(value, locale, 0)}
            tick={{ fill: '#1b2430', fontSize: 13 }}
            width={56}
          />
          <Tooltip formatter={(value) => tooltipShare(value, locale)} />
          <Legend />
          {series.map((s, index) => {
            const style = seriesStyle(index);
            return (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={style.stroke}
                strokeDasharray={style.strokeDasharray}
                strokeWidth={index === 0 ? 3 : 2}
                connectNulls={false}
                isAnimationActive={false}
                dot={(props: DotProps) => <TrendDot key={`${s.key}-${props.index}`} {...props} colour={style.stroke} />}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

type DotProps = { cx?: number; cy?: number; index?: number; payload?: { derived?: boolean } };

function TrendDot({ cx, cy, payload, colour }: DotProps & { colour: string }) {
  if (cx == null || cy == null) return null;
  if (payload?.derived) {
    return <path d={`M${cx} ${cy - 6}L${cx + 6} ${cy}L${cx} ${cy + 6}L${cx - 6} ${cy}Z`} fill="#fff" stroke={colour} strokeWidth={2} />;
  }
  return <circle cx={cx} cy={cy} r={4} fill={colour} />;
}

function tooltipShare(value: unknown, locale: Locale): string {
  return typeof value === 'number' ? formatShare(value, locale) : '—';
}
