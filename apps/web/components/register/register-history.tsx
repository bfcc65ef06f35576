import type { RegisterHistoryEvent } from '@liaison/core';
import { describeEvent, fieldChanges } from '../../lib/register-history';
import { DateTime } from './dates';
import styles from './register.module.css';

/**
 * The register's history: who changed what, when, each field before → after, newest first. Shown
 * to whom the API gives it (the parties' members and the operator).
 */
export function RegisterHistoryTable({
  events,
  nameOf,
}: {
  events: readonly RegisterHistoryEvent[];
  nameOf: (party: string) => string;
}) {
  if (events.length === 0) {
    return (
      <p className="muted">No change has been made in Liaison since the register was set up.</p>
    );
  }
  return (
    <div className={styles.historyScroll}>
      <table className={styles.history}>
        <caption className="visually-hidden">Changes to this register, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <DateTime value={event.at} />
              </td>
              <td>
                {event.actor.name || event.actor.email || 'Someone no longer in Liaison'}
                <br />
                <span className="muted small">
                  {event.onBehalfOf ? `for ${nameOf(event.onBehalfOf)}` : 'portal operator'}
                </span>
              </td>
              <td>{describeEvent(event, nameOf)}</td>
              <td>
                <ul className={styles.changes}>
                  {fieldChanges(event).map((change) => (
                    <li key={change.field}>
                      <strong>{change.field}:</strong>{' '}
                      {event.before === null ? (
                        change.after
                      ) : event.after === null ? (
                        <del>{change.before}</del>
                      ) : (
                        <>
                          <del>{change.before}</del> → <ins>{change.after}</ins>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
