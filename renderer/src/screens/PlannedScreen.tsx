import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';

/**
 * An honest placeholder for a screen whose feature has not been built yet: it says what the screen
 * will do and that nothing is recorded here yet, rather than showing fake data.
 */
export function PlannedScreen({ title, purpose, pending }: { title: string; purpose: string; pending: string }) {
  return (
    <>
      <ScreenHeader title={title} />
      <p className="lede">{purpose}</p>
      <EmptyState title="Not available yet">
        <p>{pending}</p>
      </EmptyState>
    </>
  );
}
