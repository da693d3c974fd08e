import { useSimulation } from '../store/context.tsx';

/** Settings that were refused (from the link or a control), shown until dismissed. */
export function Notices() {
  const notices = useSimulation((s) => s.notices);
  const dismiss = useSimulation((s) => s.actions.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
