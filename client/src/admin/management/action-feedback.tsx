/** Under a management form: what the last action did (announced politely) and, when it failed, why (an alert). */
export function ActionFeedback({ notice, error }: { notice: string; error: string }) {
  return (
    <>
      <p role="status" className="management-status">
        {notice}
      </p>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
    </>
  );
}
