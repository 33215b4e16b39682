import { ErrorNotice } from '../error-notice.tsx';

/** Under a management form: what the last action did (announced politely) and, when it failed, why (an alert). */
export function ActionFeedback({ notice, error }: { notice: string; error: string }) {
  return (
    <>
      <p role="status" className="management-status">
        {notice}
      </p>
      <ErrorNotice message={error} />
    </>
  );
}
