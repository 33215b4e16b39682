import { useId, type ReactNode } from 'react';

/**
 * A data table that scrolls sideways on a narrow screen. The scrolling region is named by the caption and
 * takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function ScrollTable({ caption, className, children }: { caption: ReactNode; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
