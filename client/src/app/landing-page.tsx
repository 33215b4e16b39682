import { Link } from 'wouter';
import type { Dictionary } from '../lib/i18n.ts';
import { useTranslate } from '../lib/locale-context.tsx';

const strings: Dictionary<
  'title' | 'lead' | 'respondTitle' | 'respondText' | 'sample' | 'adminTitle' | 'adminText' | 'admin' | 'docTitle'
> = {
  vi: {
    docTitle: 'Khảo sát sự hài lòng – SIPAS',
    title: 'Đo lường sự hài lòng về sự phục vụ hành chính',
    lead: 'Người dân, tổ chức đánh giá sự phục vụ của cơ quan hành chính nhà nước sau khi giải quyết thủ tục hành chính. Kết quả giúp cơ quan cải thiện chất lượng phục vụ.',
    respondTitle: 'Tham gia đánh giá',
    respondText: 'Quét mã QR trên giấy tiếp nhận hồ sơ, hoặc mở phiếu mẫu của Thành phố Cần Thơ.',
    sample: 'Mở phiếu khảo sát mẫu (Cần Thơ)',
    adminTitle: 'Dành cho cơ quan quản lý',
    adminText: 'Xem tỷ lệ hài lòng theo đơn vị, theo yếu tố và tiêu chí.',
    admin: 'Xem kết quả khảo sát',
  },
  en: {
    docTitle: 'Satisfaction survey – SIPAS',
    title: 'Measuring satisfaction with public administrative services',
    lead: 'Citizens and organisations rate the service of public agencies after completing an administrative procedure. The results help agencies improve.',
    respondTitle: 'Give your feedback',
    respondText: 'Scan the QR code on your dossier receipt, or open the sample questionnaire of Can Tho City.',
    sample: 'Open the sample questionnaire (Can Tho)',
    adminTitle: 'For administrators',
    adminText: 'See satisfaction rates by unit, factor and criterion.',
    admin: 'View survey results',
  },
};

export default function LandingPage() {
  const t = useTranslate(strings);
  return (
    <div className="page page--narrow landing">
      <title>{t('docTitle')}</title>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <section className="card" aria-labelledby="landing-respond">
        <h2 id="landing-respond">{t('respondTitle')}</h2>
        <p>{t('respondText')}</p>
        <Link href="/s/92" className="button button--primary">
          {t('sample')}
        </Link>
      </section>
      <section className="card" aria-labelledby="landing-admin">
        <h2 id="landing-admin">{t('adminTitle')}</h2>
        <p>{t('adminText')}</p>
        <Link href="/admin" className="button button--secondary">
          {t('admin')}
        </Link>
      </section>
    </div>
  );
}
