import { screens } from '../../../shared/app/screens';
import { useNavigationStore } from '../stores/navigation-store';
import { RegisterBadge } from './RegisterBadge';

export function Sidebar() {
  const current = useNavigationStore((s) => s.screen);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">C</span> Custodian
      </div>
      <ul>
        {screens.map((screen) => (
          <li key={screen.id}>
            <a
              href={`#/${screen.id}`}
              aria-current={screen.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Control+${screen.shortcut}`}
              title={`${screen.label} (Ctrl+${screen.shortcut})`}
            >
              {screen.label}
            </a>
          </li>
        ))}
      </ul>
      <RegisterBadge />
    </nav>
  );
}
