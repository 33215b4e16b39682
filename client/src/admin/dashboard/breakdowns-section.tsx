import { localize } from '../../lib/i18n.ts';
import { LoadError, Loading } from '../../lib/load-error.tsx';
import { useLocale, useTranslate } from '../../lib/locale-context.tsx';
import { RankedBarChart } from '../charts/ranked-bar-chart.tsx';
import { formatCount, formatDay, formatShare } from '../format.ts';
import { useBreakdowns, type ResponseScope } from './breakdowns.api.ts';
import { dashboardStrings } from './dashboard.strings.ts';
import { ScrollTable } from '../scroll-table.tsx';

const CHANNEL_KEYS = { web: 'channelWeb', qr: 'channelQr', kiosk: 'channelKiosk' } as const;

/** What citizens expect (ranked), how they answered (channel mix), and the procedures most rated. */
export function BreakdownsSection({ scope }: { scope: ResponseScope }) {
  const t = useTranslate(dashboardStrings);
  const { locale } = useLocale();
  const breakdowns = useBreakdowns(scope);
  const share = (value: number) => formatShare(value, locale, 1);
  const channelLabel = (channel: string) =>
    Object.hasOwn(CHANNEL_KEYS, channel) ? t(CHANNEL_KEYS[channel as keyof typeof CHANNEL_KEYS]) : channel;

  return (
    <section aria-labelledby="breakdowns-heading">
      <h2 id="breakdowns-heading">{t('expectationsHeading')}</h2>
      {breakdowns.status === 'loading' && <Loading />}
      {breakdowns.status === 'error' && <LoadError error={breakdowns.error} onRetry={breakdowns.reload} />}
      {breakdowns.status === 'success' && (
        <>
          <p className="section-note">
            {t('breakdownResponses', {
              count: formatCount(breakdowns.data.responses, locale),
              from: formatDay(scope.from),
              to: formatDay(scope.to),
            })}
          </p>
          {breakdowns.data.expectations.map((expectation) => (
            <RankedBarChart
              key={expectation.questionId}
              title={localize(expectation.text, locale)}
              valueLabel={t('colExpectationShare')}
              detailLabel={t('colCount')}
              format={share}
              maxValue={100}
              items={expectation.choices.map((choice) => ({
                key: choice.code,
                label: localize(choice.label, locale),
                value: choice.share,
                detail: formatCount(choice.count, locale),
              }))}
            />
          ))}
          {breakdowns.data.channels.length > 0 && (
            <RankedBarChart
              title={t('channelsTitle')}
              valueLabel={t('colChannelShare')}
              detailLabel={t('colCount')}
              format={share}
              maxValue={100}
              items={breakdowns.data.channels.map((channel) => ({
                key: channel.channel,
                label: channelLabel(channel.channel),
                value: channel.share,
                detail: formatCount(channel.count, locale),
              }))}
            />
          )}
          {breakdowns.data.procedures.top.length > 0 && (
            <ScrollTable caption={t('proceduresCaption')}>
              <thead>
                <tr>
                  <th scope="col">{t('colProcedure')}</th>
                  <th scope="col" className="num">
                    {t('colCount')}
                  </th>
                  <th scope="col" className="num">
                    {t('colChannelShare')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {breakdowns.data.procedures.top.map((procedure) => (
                  <tr key={procedure.code}>
                    <th scope="row">
                      {procedure.nameVi ?? procedure.code} <span className="unit-code">({procedure.code})</span>
                    </th>
                    <td className="num">{formatCount(procedure.count, locale)}</td>
                    <td className="num">{share(procedure.share)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
        </>
      )}
    </section>
  );
}
