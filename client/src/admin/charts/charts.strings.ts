import type { Dictionary } from '../../lib/i18n.ts';

export const chartStrings: Dictionary<'showTable' | 'derivedPoint' | 'period'> = {
  vi: {
    showTable: 'Xem bảng số liệu: {title}',
    derivedPoint: '◇ Điểm hình thoi rỗng: số liệu tính lại từ các đơn vị trước sắp xếp',
    period: 'Kỳ',
  },
  en: {
    showTable: 'Show the data as a table: {title}',
    derivedPoint: '◇ Hollow diamonds: figures re-computed from the units before the merger',
    period: 'Period',
  },
};
