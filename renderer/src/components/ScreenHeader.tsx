import type { ReactNode } from 'react';

export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="screen-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children ? <div className="screen-actions">{children}</div> : null}
    </header>
  );
}
