import type { ReactNode, Ref } from 'react';

/** The thank-you card after a submission: its heading, then the lines each page adds. */
export function ThankYou({
  text,
  headingRef,
  children,
}: {
  text: string;
  headingRef: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <div className="card thank-you">
      <span className="thank-you__icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="48" height="48" focusable="false">
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="M7 12.5l3.2 3.2L17.5 8.5" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </span>
      <h1 ref={headingRef} tabIndex={-1}>
        {text}
      </h1>
      {children}
    </div>
  );
}
