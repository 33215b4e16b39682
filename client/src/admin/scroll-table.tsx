import { useId, type ReactNode } from 'react';

/**
 * A data table that scrolls sideways on a narrow screen. The scrolling region is named by the caption and
 * takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1). `captionId` names the caption for
 * an enclosing section too (made up when not given).
 */
export function ScrollTable({
  caption,
  captionId,
  className,
  children,
}: {
  caption: ReactNode;
  captionId?: string;
  className?: string;
  children: ReactNode;
}) {
  const madeUpId = useId();
  const id = captionId ?? madeUpId;
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
