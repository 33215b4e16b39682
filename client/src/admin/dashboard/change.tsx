import { useLocale } from '../../lib/locale-context.tsx';
import { NO_VALUE } from '../../lib/format.ts';
import { describePointChange, describeRankChange, directionSymbol, pointDirection, type Direction } from '../format.ts';

/** An arrow and the words: the words carry the direction, the arrow and colour only repeat it. */
function ChangeText({ direction, text }: { direction: Direction; text: string }) {
  return (
    <span className={`change change--${direction}`}>
      <span className="change__symbol" aria-hidden="true">
        {directionSymbol(direction)}
      </span>{' '}
      {text}
    </span>
  );
}

/** "▼ giảm 0,52 điểm"; "—" without a previous figure. */
export function PointChange({ change }: { change: number | null | undefined }) {
  const { locale } = useLocale();
  if (change == null) return <>{NO_VALUE}</>;
  return <ChangeText direction={pointDirection(change)} text={describePointChange(change, locale)} />;
}

/** "▼ giảm 10 bậc" (rank change = previous − current rank). */
export function RankChange({ change }: { change: number | null | undefined }) {
  const { locale } = useLocale();
  if (change == null) return <>{NO_VALUE}</>;
  const direction: Direction = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  return <ChangeText direction={direction} text={describeRankChange(change, locale)} />;
}
