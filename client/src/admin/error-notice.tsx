/** Why an action of an admin page failed, announced at once (role="alert"); nothing when there is no error. */
export function ErrorNotice({ message }: { message: string }) {
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
    </div>
  );
}
