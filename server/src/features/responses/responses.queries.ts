export interface NewResponse {
  id: string;
  surveyKey: string;
  surveyVersion: number;
  unitId: number;
  channel: string;
  locale: string;
  localDate: string;
  answers: Record<string, unknown>;
  contentHash: string;
  procedureCode?: string | null;
  fromReceipt?: boolean;
}
