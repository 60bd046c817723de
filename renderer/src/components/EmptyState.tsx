import type { ReactNode } from 'react';

/** What a screen shows before it has anything to show: what it will hold, and how to get there. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div>{children}</div>
    </section>
  );
}
